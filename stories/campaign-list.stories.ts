import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation } from '../components/index.js';
import '../components/campaign-list/sms-campaign-list.js';
import type { SmsClient } from '../src/index.js';
import { fr } from '../translations/fr.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from './decorators/backends.js';
import { demoBackend, demoClient } from './decorators/demo.js';

interface ListArgs {
  status: 'all' | 'draft' | 'scheduled' | 'running' | 'stopped' | 'completed' | 'failed';
  pageSize: number;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

/** 240 recipients at two parts a second: the running campaign keeps running while the story is open. */
const SLOW = { settings: { segmentsPerSecond: 2 } } as const;

const meta = {
  title: 'Components/Campaign list',
  component: 'sms-campaign-list',
  tags: ['autodocs'],
  args: { status: 'all', pageSize: 25 },
  argTypes: {
    status: { control: 'select', options: ['all', 'draft', 'scheduled', 'running', 'stopped', 'completed', 'failed'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('alice', SLOW) })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '56rem'}">
      <sms-campaign-list
        .client=${(loaded as Loaded).client}
        status=${args.status}
        page-size=${args.pageSize}
        scheme=${ifDefined(args.scheme)}
        @sms-campaign-edit=${(event: Event) => console.info('sms-campaign-edit', (event as CustomEvent).detail)}
      ></sms-campaign-list>
    </div>
  `,
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<ListArgs>;

/** Every status of the demo: draft, scheduled, running (live), stopped, completed; Ben's failed one is under Failed. */
export const Populated: Story = {};

export const Loading: Story = {
  loaders: [
    async () => {
      const demo = await demoBackend(SLOW);
      return { client: clientFor(stalledBackend(demo.backend), demo.world.principals.alice) };
    },
  ],
};

export const Empty: Story = {
  loaders: [
    async () => {
      const empty = await createEmptyBackend();
      return { client: clientFor(empty.backend, empty.user) };
    },
  ],
};

/** The running campaign: its bar and counts move as the simulated carrier reports. */
export const RunningLive: Story = {
  name: 'Running, live progress',
  args: { status: 'running' },
};

/** Ben's campaign that failed when its number was taken out of service before it was due. */
export const Failed: Story = {
  args: { status: 'failed' },
  loaders: [async () => ({ client: await demoClient('ben', SLOW) })],
};

/** The recipients of the completed campaign, by state, with the CSV export. */
export const Recipients: Story = {
  name: 'Recipients view',
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('sms-campaign-list')!;
    for (let tries = 0; tries < 100; tries++) {
      const name = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('.campaign-name')].find((button) => button.textContent!.trim() === 'Winter sale');
      if (name) {
        name.click();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

/** Administrators see every department's campaigns and may stop one, never start one. */
export const Admin: Story = {
  name: 'Administrator',
  loaders: [async () => ({ client: await demoClient('admin', SLOW) })],
};

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  loaders: [
    async () => {
      const demo = await demoBackend(SLOW);
      const failing = failingBackend(demo.backend);
      setTimeout(() => failing.recover(), 1500);
      return { client: clientFor(failing, demo.world.principals.alice) };
    },
  ],
};

export const Dark: Story = {
  args: { scheme: 'dark' },
  globals: { scheme: 'dark' },
};

export const French: Story = {
  decorators: [
    (story) => {
      registerTranslation(fr);
      return html`<div lang="fr">${story()}</div>`;
    },
  ],
};

export const Narrow: Story = {
  args: { width: '22rem' },
};
