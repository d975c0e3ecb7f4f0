import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation } from '../components/index.js';
import '../components/campaign-editor/sms-campaign-editor.js';
import { demoMobile, type SmsClient } from '../src/index.js';
import { generateRecipientsCsv } from '../test/fixtures/recipients-csv.js';
import { fr } from '../translations/fr.js';
import { clientFor, failingBackend, stalledBackend } from './decorators/backends.js';
import { demoBackend, demoClient } from './decorators/demo.js';
import { failingCampaignWrites } from './decorators/campaign-backends.js';

interface EditorArgs {
  campaignId?: string;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
  campaignId?: string;
}

const meta = {
  title: 'Components/Campaign editor',
  component: 'sms-campaign-editor',
  tags: ['autodocs'],
  argTypes: {
    campaignId: { control: 'text' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('alice') })],
  render: (args, { loaded }) => {
    const { client, campaignId } = loaded as Loaded;
    return html`
      <div style="max-width: ${args.width ?? '48rem'}">
        <sms-campaign-editor
          .client=${client}
          campaign-id=${ifDefined(args.campaignId ?? campaignId)}
          scheme=${ifDefined(args.scheme)}
          @sms-campaign-saved=${(event: Event) => console.info('sms-campaign-saved', (event as CustomEvent).detail)}
          @sms-campaign-started=${(event: Event) => console.info('sms-campaign-started', (event as CustomEvent).detail)}
          @sms-campaign-scheduled=${(event: Event) => console.info('sms-campaign-scheduled', (event as CustomEvent).detail)}
        ></sms-campaign-editor>
      </div>
    `;
  },
} satisfies Meta<EditorArgs>;

export default meta;
type Story = StoryObj<EditorArgs>;

// --- play helpers: the stories drive the editor as a person would ---------------------------------------------------

async function editorIn(canvas: HTMLElement): Promise<ShadowRoot> {
  const root = canvas.querySelector('sms-campaign-editor')!.shadowRoot!;
  await until(() => root.querySelector('form'));
  return root;
}

async function until<T>(probe: () => T | null | undefined, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('The story did not get ready in time.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function type(root: ShadowRoot, selector: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function click(root: ShadowRoot, selector: string): Promise<void> {
  root.querySelector<HTMLElement>(selector)!.click();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A file of 500 customers with invalid numbers, repeated numbers and two of the demo's blocked numbers. */
function customersFile(): File {
  const { csv } = generateRecipientsCsv({ rows: 500, invalidEvery: 37, duplicateEvery: 53, numbersAt: { 4: demoMobile(3), 90: demoMobile(7) } });
  return new File([csv], 'customers-autumn.csv', { type: 'text/csv' });
}

// --- stories --------------------------------------------------------------------------------------------------------

export const New: Story = { name: 'New campaign' };

/** Alice's draft: an alpha tag, the customer list, the message so far. */
export const EditingDraft: Story = {
  name: 'Editing the draft',
  loaders: [
    async () => {
      const demo = await demoBackend();
      return { client: clientFor(demo.backend, demo.world.principals.alice), campaignId: demo.world.campaigns.draft };
    },
  ],
};

export const AlphaTagInvalid: Story = {
  name: 'Alpha tag invalid',
  play: async ({ canvasElement }) => {
    const root = await editorIn(canvasElement);
    await click(root, 'input[name="sender-type"][value="alpha"]');
    await until(() => root.querySelector('#alpha-tag'));
    type(root, '#alpha-tag', '1ACME!');
  },
};

/** A generated file with invalid rows, duplicates and blocked numbers: the report before anything is saved. */
export const FileWithReport: Story = {
  name: 'File uploaded, with its report',
  play: async ({ canvasElement }) => {
    const root = await editorIn(canvasElement);
    type(root, '#name', 'Autumn offers');
    await click(root, 'input[name="recipients-mode"][value="file"]');
    const input = await until(() => root.querySelector<HTMLInputElement>('.drop-zone input[type="file"]'));
    const transfer = new DataTransfer();
    transfer.items.add(customersFile());
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => root.querySelector('[part="file-report"] [part="import-counts"]'));
    type(root, '#body', 'Hi {{first_name}}, autumn offers are in store in {{suburb}} this week.');
  },
};

/** The draft checked and estimated: recipients, parts per message, parts in all and the cost. */
export const EstimateSummary: Story = {
  name: 'Estimate summary',
  loaders: EditingDraft.loaders,
  play: async ({ canvasElement }) => {
    const root = await editorIn(canvasElement);
    type(root, '#body', 'Hi {{first_name}}, our spring range lands next week in {{suburb}}. Come and see it before anyone else!');
    await click(root, '[part~="estimate-button"]');
    await until(() => root.querySelector('[part="summary"]'));
  },
};

/** "Start now…" on an empty form: every problem at once, each next to its field, and nothing saved. */
export const EveryProblem: Story = {
  name: 'Every problem at once',
  play: async ({ canvasElement }) => {
    const root = await editorIn(canvasElement);
    await click(root, '[part~="start-button"]');
    await until(() => root.querySelector('[part="form-error"]'));
  },
};

/** Saving fails (the service is unreachable): the error shows and everything typed stays. */
export const FailedSaveKeepsInput: Story = {
  name: 'Failed save keeps the input',
  loaders: [
    async () => {
      const demo = await demoBackend();
      return { client: clientFor(failingCampaignWrites(demo.backend), demo.world.principals.alice) };
    },
  ],
  play: async ({ canvasElement }) => {
    const root = await editorIn(canvasElement);
    type(root, '#name', 'Do not lose me');
    type(root, '#body', 'Every word of this message is still here after the failed save.');
    await click(root, '[part~="save-button"]');
    await until(() => root.querySelector('[part="form-error"]'));
  },
};

export const Admin: Story = {
  name: 'Administrator (cannot create)',
  loaders: [async () => ({ client: await demoClient('admin') })],
};

export const Loading: Story = {
  loaders: [
    async () => {
      const demo = await demoBackend();
      return { client: clientFor(stalledBackend(demo.backend), demo.world.principals.alice) };
    },
  ],
};

/** The editor cannot load what it offers; "Try again" works after a moment. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  loaders: [
    async () => {
      const demo = await demoBackend();
      const failing = failingBackend(demo.backend);
      setTimeout(() => failing.recover(), 1500);
      return { client: clientFor(failing, demo.world.principals.alice) };
    },
  ],
};

export const Dark: Story = {
  args: { scheme: 'dark' },
  globals: { scheme: 'dark' },
  loaders: EditingDraft.loaders,
};

export const French: Story = {
  loaders: EditingDraft.loaders,
  decorators: [
    (story) => {
      registerTranslation(fr);
      return html`<div lang="fr">${story()}</div>`;
    },
  ],
};

export const Narrow: Story = {
  args: { width: '22rem' },
  loaders: EditingDraft.loaders,
};

/** In a portal's side panel, 360 px wide: the sections keep one layout, the buttons stack. */
export const SidePanel: Story = {
  name: 'Side panel (360 px)',
  args: { width: '360px' },
  loaders: EditingDraft.loaders,
  play: EstimateSummary.play,
};
