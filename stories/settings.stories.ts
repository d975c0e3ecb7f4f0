import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/settings/sms-settings.js';
import type { SmsClient } from '../src/index.js';
import { demoClient } from './decorators/demo.js';
import { withoutDepartments } from './decorators/settings-backends.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

interface SettingsArgs {
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

const meta = {
  title: 'Components/Settings',
  component: 'sms-settings',
  tags: ['autodocs'],
  argTypes: {
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('admin') })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-settings .client=${(loaded as Loaded).client} scheme=${ifDefined(args.scheme)}></sms-settings>
    </div>
  `,
} satisfies Meta<SettingsArgs>;

export default meta;
type Story = StoryObj<SettingsArgs>;

/**
 * The demo organisation as its administrator sees it: Australia, Sales sending as ACME and Support as ACME-HELP, the
 * default answers, 20 parts per second, A$0.05 a part. Type an alpha tag of 12 characters or starting with a digit,
 * an answer with an emoji, a price of 0.055; save.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/** A user reads the settings and cannot change them. */
export const User: Story = {
  name: 'Permissions: user (read-only)',
  loaders: [async () => ({ client: await demoClient('alice') })],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

/** A new organisation: the engine's initial settings, and no department synced from the PBX yet. */
export const Empty: Story = { loaders: [() => withoutDepartments('admin')] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
