import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation } from '../components/index.js';
import '../components/conversation/sms-conversation.js';
import { sendAndSettle } from '../test/fixtures/conversation-worlds.js';
import { fr } from '../translations/fr.js';
import { demoBackend, demoClient } from './decorators/demo.js';
import { salesThread, worldThread, type ThreadStory as Loaded } from './decorators/threads.js';

interface ConversationArgs {
  width: string;
  height: string;
  pageSize: number;
  noSound: boolean;
  scheme?: 'light' | 'dark';
}

const UNKNOWN = '+61456789012';
/** Customer 5 of the demo list answered the winter sale with STOP: opted out. */
const OPTED_OUT = '+61410000005';

const meta = {
  title: 'Components/Conversation',
  component: 'sms-conversation',
  tags: ['autodocs'],
  args: { width: '40rem', height: '36rem', pageSize: 50, noSound: true },
  argTypes: {
    width: { control: 'text' },
    height: { control: 'text' },
    pageSize: { control: { type: 'number', min: 10, max: 500 } },
    noSound: { control: 'boolean' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  loaders: [async () => salesThread('alice')],
  render: (args, { loaded }) => html`
    <sms-conversation
      .client=${(loaded as Loaded).client}
      conversation-id=${ifDefined((loaded as Loaded).conversationId)}
      page-size=${args.pageSize}
      ?no-sound=${args.noSound}
      scheme=${ifDefined(args.scheme)}
      style="width: ${args.width}; max-width: 100%; height: ${args.height}"
    ></sms-conversation>
  `,
} satisfies Meta<ConversationArgs>;

export default meta;
type Story = StoryObj<ConversationArgs>;

/** Alice and Bob Smith on the Sales line, a number she shares with Ben: Bob is a contact ("Bob Smith – Mobile"). */
export const Populated: Story = { name: 'Populated (Alice ↔ Bob Smith)' };

export const Loading: Story = { loaders: [async () => salesThread('alice', undefined, 'stalled')] };

export const EmptyThread: Story = {
  name: 'Empty thread',
  loaders: [async () => worldThread({ greeting: false })],
};

/**
 * Dev's thread of 10,000 messages. Scroll up: pages of older messages load above without moving the view, and only
 * the messages near the viewport are in the DOM. Seeding it takes about a second the first time.
 */
export const LargeThread: Story = {
  name: '10,000 messages',
  args: { pageSize: 200 },
  loaders: [
    async () => {
      const { world } = await demoBackend({ largeThread: 10_000 });
      return { client: await demoClient('dev', { largeThread: 10_000 }), conversationId: world.largeThread! };
    },
  ],
};

/** The carrier refused the message: the reason and a Retry, which sends it again as a new message. */
export const FailedMessage: Story = {
  name: 'Failed message with retry',
  loaders: [async () => worldThread({ failureRate: 1 }, (world) => sendAndSettle(world, 'Yes, your table for 4 is booked at 7pm.'))],
};

export const ScheduledMessage: Story = {
  name: 'Scheduled message',
  loaders: [
    async () => worldThread({}, (world) => sendAndSettle(world, 'Reminder: your booking is tomorrow at 7pm.', new Date(Date.now() + 86_400_000).toISOString())),
  ],
};

/** A number nobody has saved: the header shows it formatted, with "Add to contacts". */
export const UnknownNumber: Story = {
  name: 'Unknown number (add to contacts)',
  loaders: [async () => salesThread('alice', UNKNOWN)],
};

/** Ben sees the same thread on the shared Sales line: Alice's replies carry her name under them. */
export const GroupNumber: Story = {
  name: 'Group number (Ben’s view)',
  loaders: [async () => salesThread('ben')],
};

export const Administrator: Story = {
  name: 'Administrator (cannot send)',
  loaders: [async () => salesThread('admin')],
};

/** A customer who replied STOP to a campaign: opted out, campaigns skip them. */
export const BlockedPeer: Story = {
  name: 'Blocked (opted-out) peer',
  loaders: [async () => salesThread('alice', OPTED_OUT)],
};

/** A blocked peer where direct sends to blocked numbers are refused: the composer says why. */
export const BlockedDirectSends: Story = {
  name: 'Blocked peer, direct sends refused',
  loaders: [async () => worldThread({ blocked: true, blockDirectSends: true })],
};

export const BackendError: Story = {
  name: 'Backend error with retry',
  loaders: [async () => salesThread('alice', undefined, 'failing')],
  render: (args, { loaded }) => html`
    <p><button type="button" @click=${(loaded as Loaded).recover}>Bring the service back</button> then press “Try again”.</p>
    <sms-conversation
      .client=${(loaded as Loaded).client}
      conversation-id=${ifDefined((loaded as Loaded).conversationId)}
      no-sound
      style="width: ${args.width}; height: ${args.height}"
    ></sms-conversation>
  `,
};

export const Narrow: Story = { args: { width: '20rem' } };

/**
 * A 360 px side panel, with a host's back button in the `header-start` slot (as `<sms-inbox>` puts its own): an
 * unknown number, so "Add to contacts" shows as an icon to keep the header on one line.
 */
export const SidePanel: Story = {
  name: 'Side panel (360 px) with a back button',
  args: { width: '360px' },
  loaders: [async () => salesThread('alice', UNKNOWN)],
  render: (args, { loaded }) => html`
    <sms-conversation
      .client=${(loaded as Loaded).client}
      conversation-id=${ifDefined((loaded as Loaded).conversationId)}
      ?no-sound=${args.noSound}
      scheme=${ifDefined(args.scheme)}
      style="width: ${args.width}; max-width: 100%; height: ${args.height}"
    >
      <button slot="header-start" type="button" aria-label="Back to conversations" style="min-width: 2rem; min-height: 2rem">←</button>
    </sms-conversation>
  `,
};

export const Wide: Story = { args: { width: '64rem' } };

export const Dark: Story = {
  args: { scheme: 'dark' },
  globals: { scheme: 'dark' },
};

export const French: Story = {
  name: 'French locale',
  decorators: [
    (story) => {
      registerTranslation(fr);
      return html`<div lang="fr">${story()}</div>`;
    },
  ],
};
