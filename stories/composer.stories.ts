import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation } from '../components/index.js';
import '../components/composer/sms-composer.js';
import { createSmsClient } from '../src/index.js';
import { createThreadWorld } from '../test/fixtures/conversation-worlds.js';
import { fr } from '../translations/fr.js';
import { clientFor } from './decorators/backends.js';
import { demoClient } from './decorators/demo.js';
import { salesThread, worldThread, type ThreadStory as Loaded } from './decorators/threads.js';

interface ComposerArgs {
  value: string;
  width: string;
  maxSegments?: number;
  scheme?: 'light' | 'dark';
}

const meta = {
  title: 'Components/Composer',
  component: 'sms-composer',
  tags: ['autodocs'],
  args: { value: '', width: '36rem' },
  argTypes: {
    value: { control: 'text' },
    width: { control: 'text' },
    maxSegments: { control: { type: 'number', min: 1, max: 10 } },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  loaders: [async () => salesThread('alice')],
  render: (args, { loaded }) => html`
    <sms-composer
      .client=${(loaded as Loaded).client}
      conversation-id=${ifDefined((loaded as Loaded).conversationId)}
      to=${ifDefined((loaded as Loaded).to)}
      .value=${args.value}
      max-segments=${ifDefined(args.maxSegments)}
      scheme=${ifDefined(args.scheme)}
      style="width: ${args.width}; max-width: 100%"
    ></sms-composer>
  `,
} satisfies Meta<ComposerArgs>;

export default meta;
type Story = StoryObj<ComposerArgs>;

/** In Alice's conversation with Bob Smith. "Templates" offers the organisation's and Alice's own, with a preview. */
export const InAConversation: Story = { name: 'In a conversation' };

export const Loading: Story = { loaders: [async () => salesThread('alice', undefined, 'stalled')] };

/** Curly quotes force Unicode: the counter offers the GSM-safe replacement, which the composer applies. */
export const UnicodeText: Story = {
  name: 'Unicode text (GSM replacement offered)',
  args: { value: '“Your order’s ready” – collect it from desk 3…', maxSegments: 2 },
};

/**
 * A composer writing to a number, outside any conversation. Storybook merges a story's loaded data into the
 * component's (Alice's thread with Bob): `conversationId: undefined` clears that conversation.
 */
const toNumber = { conversationId: undefined, to: '+61400111222' };

/** Chloe has two numbers: writing to a new number, she picks the one to send from. */
export const SeveralNumbers: Story = {
  name: 'To a number, from one of several numbers',
  loaders: [async () => ({ ...toNumber, client: await demoClient('chloe') })],
};

export const Chat: Story = {
  name: 'Chat conversation',
  loaders: [
    async () => {
      const alice = await demoClient('alice');
      const chats = await alice.conversations.list({ filter: 'chat' });
      return { client: alice, conversationId: chats.items[0]?.id };
    },
  ],
};

export const Administrator: Story = {
  name: 'Administrator (cannot send)',
  loaders: [async () => salesThread('admin')],
};

export const NoNumber: Story = {
  name: 'No number assigned (cannot send)',
  loaders: [
    async () => {
      const world = await createThreadWorld();
      const admin = createSmsClient({ backend: world.backend, principal: world.admin });
      const department = await admin.directory.createDepartment({ name: 'Lobby' });
      const extension = await admin.directory.createExtension({ number: '399', name: 'Lobby', departmentId: department.id });
      await admin.directory.createUser({ id: 'lobby', name: 'Noor Haddad', role: 'user', departmentId: department.id, extensionIds: [extension.id] });
      return { ...toNumber, client: clientFor(world.backend, { userId: 'lobby', role: 'user', extensionId: extension.id, departmentId: department.id }) };
    },
  ],
};

export const BlockedDirectSends: Story = {
  name: 'Blocked peer, direct sends refused',
  loaders: [async () => worldThread({ blocked: true, blockDirectSends: true })],
};

export const BackendError: Story = {
  name: 'Backend error with retry',
  loaders: [async () => salesThread('alice', undefined, 'failing')],
  render: (args, { loaded }) => html`
    <p><button type="button" @click=${(loaded as Loaded).recover}>Bring the service back</button> then press “Try again”.</p>
    <sms-composer .client=${(loaded as Loaded).client} conversation-id=${ifDefined((loaded as Loaded).conversationId)} style="width: ${args.width}"></sms-composer>
  `,
};

/** Over `max-segments`: the text cannot be sent, Send is disabled and the composer says why. */
export const TooLong: Story = {
  name: 'Too long to send (over max-segments)',
  args: { maxSegments: 1, value: 'Your order is ready to collect from the front desk. We are open until 6 pm today and from 9 am tomorrow. Bring your receipt. Ask at reception if you need a hand carrying it to your car.' },
};

export const Narrow: Story = { args: { width: '18rem', value: 'A narrow composer wraps its actions.' } };

export const Wide: Story = { args: { width: '60rem' } };

export const Dark: Story = {
  args: { scheme: 'dark', value: '“Dark” mode’s easy on the eyes…' },
  globals: { scheme: 'dark' },
};

export const French: Story = {
  name: 'French locale',
  args: { value: '« Votre commande » est prête… à l’accueil.' },
  decorators: [
    (story) => {
      registerTranslation(fr);
      return html`<div lang="fr">${story()}</div>`;
    },
  ],
};
