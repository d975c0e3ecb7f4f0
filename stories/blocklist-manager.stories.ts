import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/blocklist-manager/sms-blocklist-manager.js';
import type { SmsClient } from '../src/index.js';
import { fr } from '../translations/fr.js';
import { demoClient } from './decorators/demo.js';
import { largeBlocklist } from './decorators/list-backends.js';
import { inLanguage, layoutStories, stateLoaders } from './decorators/states.js';

interface BlocklistArgs {
  defaultCountry?: string;
  source: '' | 'manual' | 'opt-out' | 'import';
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

/** The size of the large blocklist story: 100k numbers seed in about 3.2 s in the page (Chromium, 2 cores). */
const LARGE = 100_000;

const meta = {
  title: 'Components/Blocklist manager',
  component: 'sms-blocklist-manager',
  tags: ['autodocs'],
  args: { defaultCountry: 'AU', source: '' },
  argTypes: {
    defaultCountry: { control: 'text' },
    source: { control: 'select', options: ['', 'manual', 'opt-out', 'import'] },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('admin') })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-blocklist-manager
        .client=${(loaded as Loaded).client}
        default-country=${ifDefined(args.defaultCountry || undefined)}
        source=${args.source}
        scheme=${ifDefined(args.scheme)}
      ></sms-blocklist-manager>
    </div>
  `,
} satisfies Meta<BlocklistArgs>;

export default meta;
type Story = StoryObj<BlocklistArgs>;

/**
 * The demo's blocklist as an administrator sees it: a number blocked by hand, one imported and an opt-out reply
 * (with its STOP message); block, unblock, import, export and each number's history.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/** A user sees the same blocklist read-only (the SDK lets only administrators change it or read its history). */
export const User: Story = {
  name: 'Permissions: user (read-only)',
  loaders: [async () => ({ client: await demoClient('alice') })],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

export const Empty: Story = { loaders: [stateLoaders.empty('admin')] };

/**
 * 100,000 blocked numbers (imported, by hand and opt-outs), seeded through the client when the story loads: the
 * table pages 100 at a time and keeps a window of rows in the DOM.
 */
export const Large: Story = {
  name: 'Large blocklist (100k numbers)',
  loaders: [async () => ({ client: (await largeBlocklist(LARGE)).admin })],
};

/** The opt-outs only: who opted out, when, and the message that did it. */
export const OptOuts: Story = {
  name: 'Filtered: opt-outs',
  args: { source: 'opt-out' },
};

/** The details of the demo's opt-out: its triggering message and its history. */
export const Details: Story = {
  name: 'Details and history',
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('sms-blocklist-manager')!;
    for (let tries = 0; tries < 100; tries++) {
      const button = manager.shadowRoot!.querySelector<HTMLButtonElement>('tbody .link-button[aria-label="Details of +61 410 000 005"]');
      if (button) {
        button.click();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;

export const French: Story = { decorators: [inLanguage('fr', fr)] };
