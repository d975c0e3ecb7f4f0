import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation } from '../components/index.js';
import '../components/conversation/sms-conversation.js';
import '../components/inbox/sms-inbox.js';
import type { LocalBackend, SmsClient } from '../src/index.js';
import { fr } from '../translations/fr.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from './decorators/backends.js';
import { demoBackend, demoClient } from './decorators/demo.js';

interface InboxArgs {
  layout: 'list' | 'split';
  filter: 'all' | 'unread' | 'sms' | 'chat';
  defaultCountry: string;
  width: string;
  height: string;
  scheme?: 'light' | 'dark';
}

interface Loaded {
  client?: SmsClient;
  recover?: () => void;
}

const FIRST_NAMES = ['Olivia', 'Jack', 'Charlotte', 'Noah', 'Amelia', 'William', 'Isla', 'Oliver', 'Mia', 'Leo'];

/** A user whose inbox holds `count` conversations with unread messages, the newest first. */
async function manyUnread(count: number): Promise<SmsClient> {
  const { backend, user, admin } = await createEmptyBackend();
  const local = backend as LocalBackend;
  const adminClient = clientFor(backend, admin);
  for (let index = 0; index < count; index++) {
    const from = `+61491${String(570_000 + index * 13).padStart(6, '0')}`;
    if (index % 3 === 0) {
      await adminClient.contacts.create({ scope: 'global', name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${String.fromCharCode(65 + (index % 26))}.`, numbers: [{ e164: from, label: 'Mobile' }] });
    }
    for (let message = 0; message <= index % 4; message++) {
      await local.inbound.sms({
        providerId: `story-unread-${index}-${message}`,
        from,
        to: '+61480000900',
        body: message === 0 ? 'Hi, is my order ready to collect?' : `Following up (${message})`,
        receivedAt: new Date().toISOString(),
      });
    }
  }
  await local.idle();
  return clientFor(backend, user);
}

const meta = {
  title: 'Components/Inbox',
  component: 'sms-inbox',
  tags: ['autodocs'],
  args: { layout: 'list', filter: 'all', defaultCountry: 'AU', width: '26rem', height: '36rem' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'split'] },
    filter: { control: 'inline-radio', options: ['all', 'unread', 'sms', 'chat'] },
    defaultCountry: { control: 'text' },
    width: { control: 'text' },
    height: { control: 'text' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  loaders: [async () => ({ client: await demoClient('alice') })],
  render: (args, { loaded }) => html`
    <sms-inbox
      .client=${(loaded as Loaded).client}
      layout=${args.layout}
      filter=${args.filter}
      default-country=${args.defaultCountry}
      scheme=${ifDefined(args.scheme)}
      style="width: ${args.width}; max-width: 100%; height: ${args.height}"
    ></sms-inbox>
  `,
} satisfies Meta<InboxArgs>;

export default meta;
type Story = StoryObj<InboxArgs>;

/** Alice on the sales line, a group number she shares with Ben: SMS with contacts and unknown numbers, a chat, a keyword thread, an opt-out. */
export const Populated: Story = { name: 'Populated (group number)' };

export const Loading: Story = {
  loaders: [async () => ({ client: clientFor(stalledBackend((await demoBackend()).backend), (await demoBackend()).world.principals.alice) })],
};

export const Empty: Story = {
  loaders: [
    async () => {
      const { backend, user } = await createEmptyBackend();
      return { client: clientFor(backend, user) };
    },
  ],
};

export const ManyUnread: Story = {
  name: 'Many unread',
  args: { filter: 'unread' },
  loaders: [async () => ({ client: await manyUnread(60) })],
};

/** Chloe has two numbers (Support and After hours): a number filter appears and rows name their number. */
export const TwoNumbers: Story = {
  name: 'Two numbers (number filter)',
  loaders: [async () => ({ client: await demoClient('chloe') })],
};

export const SearchResults: Story = {
  name: 'Search results',
  play: async ({ canvasElement }) => {
    const inbox = canvasElement.querySelector('sms-inbox')!;
    await inbox.updateComplete;
    const search = inbox.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
    search.value = 'bob';
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  },
};

/** Administrators see every SMS conversation, read only: no "New conversation". */
export const Administrator: Story = {
  name: 'Administrator (read only)',
  loaders: [async () => ({ client: await demoClient('admin') })],
};

export const BackendError: Story = {
  name: 'Backend error with retry',
  loaders: [
    async () => {
      const { backend, world } = await demoBackend();
      const failing = failingBackend(backend);
      return { client: clientFor(failing, world.principals.alice), recover: failing.recover };
    },
  ],
  render: (args, { loaded }) => html`
    <p><button type="button" @click=${(loaded as Loaded).recover}>Bring the service back</button> then press “Try again”.</p>
    <sms-inbox .client=${(loaded as Loaded).client} default-country=${args.defaultCountry} style="width: ${args.width}; height: ${args.height}"></sms-inbox>
  `,
};

/** A story's `play` that clicks `selector` in the inbox once it shows its rows. */
function clickOnceLoaded(selector: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const inbox = canvasElement.querySelector('sms-inbox')!;
    for (let tries = 0; tries < 600 && !inbox.shadowRoot?.querySelector('[part~="item-main"]'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    inbox.shadowRoot!.querySelector<HTMLElement>(selector)?.click();
  };
}

/**
 * A 360 px side panel beside a softphone, the most common embedding: the split layout stacks its views (its
 * breakpoint, `split-min-width`, follows the inbox's own width). The list first.
 */
export const Narrow: Story = {
  name: 'Side panel (360 px): the list',
  args: { layout: 'split', width: '360px' },
};

/** In the side panel, a conversation chosen stands in place of the list, with a back button in its header. */
export const SidePanelConversation: Story = {
  name: 'Side panel (360 px): a conversation',
  args: { layout: 'split', width: '360px' },
  play: clickOnceLoaded('[part~="item-main"]'),
};

/** In the side panel, "New conversation" is a page in place of the list, with a back button, not a dialog. */
export const SidePanelNewConversation: Story = {
  name: 'Side panel (360 px): New conversation',
  args: { layout: 'split', width: '360px' },
  play: clickOnceLoaded('[part~="new-button"]'),
};

/** Forced dark in a side panel on a light page: the conversation inside follows the inbox's scheme. */
export const SidePanelDark: Story = {
  name: 'Side panel (360 px), dark on a light page',
  args: { layout: 'split', width: '360px', scheme: 'dark' },
  play: clickOnceLoaded('[part~="item-main"]'),
};

export const Wide: Story = {
  name: 'Wide (split layout)',
  args: { layout: 'split', width: '70rem' },
};

export const Dark: Story = {
  args: { scheme: 'dark', layout: 'split', width: '60rem' },
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
