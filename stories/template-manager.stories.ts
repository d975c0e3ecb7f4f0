import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/template-manager/sms-template-manager.js';
import type { SmsClient } from '../src/index.js';
import { demoClient } from './decorators/demo.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

interface TemplateArgs {
  mergeFields?: string;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

const meta = {
  title: 'Components/Template manager',
  component: 'sms-template-manager',
  tags: ['autodocs'],
  args: { mergeFields: 'first_name last_name name phone date' },
  argTypes: {
    mergeFields: { control: 'text' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('admin') })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-template-manager
        .client=${(loaded as Loaded).client}
        merge-fields=${ifDefined(args.mergeFields || undefined)}
        .sampleValues=${{ date: 'Friday 12 December' }}
        scheme=${ifDefined(args.scheme)}
      ></sms-template-manager>
    </div>
  `,
} satisfies Meta<TemplateArgs>;

export default meta;
type Story = StoryObj<TemplateArgs>;

/**
 * The demo's global templates as its administrator sees them: "Appointment reminder" with its merge fields and
 * "Office closed". Add one (insert merge fields from the list, watch the preview and its parts), edit one, remove one.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/**
 * A user: her personal "Running late", which she may change, and the global ones, which she reads and may copy to her
 * own templates.
 */
export const User: Story = {
  name: 'Permissions: user',
  loaders: [async () => ({ client: await demoClient('alice') })],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

/** An organisation without templates. */
export const Empty: Story = { loaders: [stateLoaders.empty('admin')] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
