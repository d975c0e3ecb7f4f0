import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/list-manager/sms-list-manager.js';
import type { SmsClient } from '../src/index.js';
import { fr } from '../translations/fr.js';
import { clientFor } from './decorators/backends.js';
import { demoBackend, demoClient } from './decorators/demo.js';
import { largeList, slowFileImports } from './decorators/list-backends.js';
import { inLanguage, layoutStories, stateLoaders } from './decorators/states.js';

interface ListArgs {
  defaultCountry?: string;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
  /** The list to open; the first one otherwise. */
  listId?: string;
}

/** The size of the large list story: 100k numbers seed in about 1.5 s in the page (Chromium, 2 cores). */
const LARGE = 100_000;

const meta = {
  title: 'Components/List manager',
  component: 'sms-list-manager',
  tags: ['autodocs'],
  args: { defaultCountry: 'AU' },
  argTypes: {
    defaultCountry: { control: 'text' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('alice') })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-list-manager
        .client=${(loaded as Loaded).client}
        list-id=${ifDefined((loaded as Loaded).listId)}
        default-country=${ifDefined(args.defaultCountry || undefined)}
        scheme=${ifDefined(args.scheme)}
        @sms-list-select=${(event: Event) => console.info('sms-list-select', (event as CustomEvent).detail)}
        @sms-list-change=${(event: Event) => console.info('sms-list-change', (event as CustomEvent).detail)}
      ></sms-list-manager>
    </div>
  `,
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<ListArgs>;

/** Alice's lists (Sales): the demo's 240 customers with their merge fields. */
export const Populated: Story = {};

export const Loading: Story = { loaders: [stateLoaders.loading('alice')] };

export const Empty: Story = { loaders: [stateLoaders.empty('user')] };

/** A list of 100,000 numbers, seeded through the client when the story loads: paged, windowed, searchable. */
export const Large: Story = {
  name: 'Large list (100k numbers)',
  loaders: [
    async () => {
      const world = await largeList(LARGE);
      return { client: world.user, listId: world.listId };
    },
  ],
};

/**
 * Importing a file over a slow connection: choose a CSV (the "Download template" one will do) and import it; the bar
 * shows how much of the file the backend has taken, over four seconds, before the report.
 */
export const SendingFile: Story = {
  name: 'Importing: a file on its way',
  loaders: [
    async () => {
      const demo = await demoBackend();
      return { client: clientFor(slowFileImports(demo.backend), demo.world.principals.alice), listId: demo.world.lists.customers };
    },
  ],
};

/** Administrators see every department's lists (the SDK's rule); here the support team's on-call list too. */
export const Admin: Story = {
  name: 'Permissions: administrator',
  loaders: [
    async () => {
      const demo = await demoBackend();
      return { client: clientFor(demo.backend, demo.world.principals.admin), listId: demo.world.lists.onCall };
    },
  ],
};

/** A user sees the lists of their department only: Chloe (support) has the on-call list, not the sales customers. */
export const User: Story = {
  name: 'Permissions: user of another department',
  loaders: [async () => ({ client: await demoClient('chloe') })],
};

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('alice')] };

/**
 * In a narrow side panel (22rem), by the element's own width: the lists first; a list opens in their place, with
 * "Back to the lists" (focus goes to the list's title, and back to the list).
 */
export const Narrow: Story = layoutStories.narrow;

/**
 * The side panel with a list open (`list-id`): the toolbar wraps two by two, and the numbers scroll sideways under
 * their number column.
 */
export const SidePanelList: Story = {
  name: 'Narrow: side panel with a list open',
  args: layoutStories.narrow.args,
  loaders: [
    async () => {
      const demo = await demoBackend();
      return { client: clientFor(demo.backend, demo.world.principals.alice), listId: demo.world.lists.customers };
    },
  ],
};

export const Dark: Story = layoutStories.dark;

export const French: Story = { decorators: [inLanguage('fr', fr)] };
