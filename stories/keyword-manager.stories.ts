import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/keyword-manager/sms-keyword-manager.js';
import type { SmsClient } from '../src/index.js';
import { demoClient } from './decorators/demo.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

interface KeywordArgs {
  defaultCountry?: string;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

const meta = {
  title: 'Components/Keyword manager',
  component: 'sms-keyword-manager',
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
      <sms-keyword-manager
        .client=${(loaded as Loaded).client}
        default-country=${ifDefined(args.defaultCountry || undefined)}
        scheme=${ifDefined(args.scheme)}
      ></sms-keyword-manager>
    </div>
  `,
} satisfies Meta<KeywordArgs>;

export default meta;
type Story = StoryObj<KeywordArgs>;

/**
 * The demo's keywords as its administrator sees them: PARKING goes to Alice's inbox and facilities' e-mail, QUOTE to
 * Ben and his mobile with a two-part auto-reply, JOBS is turned off. Add one (try STOP or HELP), edit one, remove one.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/** A user: only administrators may read the keyword rules. */
export const User: Story = {
  name: 'Permissions: user',
  loaders: [async () => ({ client: await demoClient('alice') })],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

/** An organisation without keywords. */
export const Empty: Story = { loaders: [stateLoaders.empty('admin')] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
