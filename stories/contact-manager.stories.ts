import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/contact-manager/sms-contact-manager.js';
import type { SmsClient } from '../src/index.js';
import { demoClient } from './decorators/demo.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

interface ContactArgs {
  defaultCountry?: string;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

const meta = {
  title: 'Components/Contact manager',
  component: 'sms-contact-manager',
  tags: ['autodocs'],
  args: { defaultCountry: 'AU' },
  argTypes: {
    defaultCountry: { control: 'text' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('admin') })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-contact-manager
        .client=${(loaded as Loaded).client}
        default-country=${ifDefined(args.defaultCountry || undefined)}
        scheme=${ifDefined(args.scheme)}
      ></sms-contact-manager>
    </div>
  `,
} satisfies Meta<ContactArgs>;

export default meta;
type Story = StoryObj<ContactArgs>;

/**
 * The demo's shared contacts as its administrator sees them, each with its labelled numbers: add one with several
 * numbers, edit one, remove one, search by name or by a number as people write it ("0412…"), import a CSV, export.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/**
 * A user: the shared contacts, read-only, and her own (Mum), which she adds, edits, imports and removes; "Show" keeps
 * one kind or the other.
 */
export const User: Story = {
  name: 'Permissions: user',
  loaders: [async () => ({ client: await demoClient('alice') })],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

/** An organisation without contacts. */
export const Empty: Story = { loaders: [stateLoaders.empty('admin')] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
