import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/number-manager/sms-number-manager.js';
import type { SmsClient } from '../src/index.js';
import { demoClient } from './decorators/demo.js';
import { withoutNumbers } from './decorators/number-backends.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

interface NumberArgs {
  defaultCountry?: string;
  showRemoved: boolean;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

const meta = {
  title: 'Components/Number manager',
  component: 'sms-number-manager',
  tags: ['autodocs'],
  args: { defaultCountry: 'AU', showRemoved: false },
  argTypes: {
    defaultCountry: { control: 'text' },
    showRemoved: { control: 'boolean' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: await demoClient('admin') })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-number-manager
        .client=${(loaded as Loaded).client}
        default-country=${ifDefined(args.defaultCountry || undefined)}
        ?show-removed=${args.showRemoved}
        scheme=${ifDefined(args.scheme)}
      ></sms-number-manager>
    </div>
  `,
} satisfies Meta<NumberArgs>;

export default meta;
type Story = StoryObj<NumberArgs>;

/**
 * The demo's numbers as its administrator sees them: the Sales line is a group number held by Alice and Ben, Chloe
 * holds two numbers; add a number, edit one (label, extensions with moves, where replies go), remove one.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/** With removed numbers: the promotions line, taken out of service, its history kept. */
export const Removed: Story = { name: 'With removed numbers', args: { showRemoved: true } };

/** Chloe sees the two numbers of her extensions, read-only. */
export const User: Story = {
  name: 'Permissions: user (read-only)',
  loaders: [async () => ({ client: await demoClient('chloe') })],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

/** An organisation with extensions but no number yet. */
export const Empty: Story = { loaders: [() => withoutNumbers('admin')] };

/** A user whose extension holds no number. */
export const EmptyUser: Story = { name: 'Empty (user)', loaders: [() => withoutNumbers('user')] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
