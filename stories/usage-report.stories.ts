import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/usage-report/sms-usage-report.js';
import type { UsageGrouping, UsageMeasure, UsageRange } from '../components/index.js';
import type { SmsClient } from '../src/index.js';
import { clientFor } from './decorators/backends.js';
import { layoutStories, stateLoaders } from './decorators/states.js';
import { createUsageHistory, monthsAgo } from './decorators/usage-backends.js';

interface UsageArgs {
  range?: UsageRange;
  from?: string;
  to?: string;
  groupBy?: UsageGrouping;
  measure?: UsageMeasure;
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

/** Six months of usage of four extensions in two departments, for its administrator or its user (Alice, 201). */
function history(who: 'admin' | 'user') {
  return async (): Promise<Loaded> => {
    const world = await createUsageHistory();
    return { client: clientFor(world.backend, who === 'admin' ? world.admin : world.user) };
  };
}

const meta = {
  title: 'Components/Usage report',
  component: 'sms-usage-report',
  tags: ['autodocs'],
  args: { range: 'last-3-months', groupBy: 'extension', measure: 'cost' },
  argTypes: {
    range: { control: 'inline-radio', options: ['this-month', 'last-month', 'last-3-months', 'custom'] },
    from: { control: 'text' },
    to: { control: 'text' },
    groupBy: { control: 'inline-radio', options: ['extension', 'department', 'month'] },
    measure: { control: 'inline-radio', options: ['cost', 'messages', 'segments'] },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [history('admin')],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-usage-report
        .client=${(loaded as Loaded).client}
        range=${ifDefined(args.range)}
        from=${ifDefined(args.from)}
        to=${ifDefined(args.to)}
        group-by=${ifDefined(args.groupBy)}
        measure=${ifDefined(args.measure)}
        scheme=${ifDefined(args.scheme)}
      ></sms-usage-report>
    </div>
  `,
} satisfies Meta<UsageArgs>;

export default meta;
type Story = StoryObj<UsageArgs>;

/**
 * The last three months of an organisation as its administrator sees them: totals, cost by extension as bars, the same
 * numbers in the table, and "Export CSV" for the accounts team. Change the range, the grouping or what the chart shows.
 */
export const Populated: Story = { name: 'Populated (administrator)' };

/** Six months side by side, by month: the months without usage show as empty bars. */
export const ByMonth: Story = {
  name: 'Six months by month',
  args: { range: 'custom', from: monthsAgo(5), to: monthsAgo(0), groupBy: 'month', measure: 'messages' },
};

/** A user: the usage of their own extension only (201), as the backend allows. */
export const User: Story = {
  name: 'Permissions: user',
  loaders: [history('user')],
};

export const Loading: Story = { loaders: [stateLoaders.loading('admin')] };

/** An organisation that has sent nothing yet. */
export const Empty: Story = { args: { range: 'this-month' }, loaders: [stateLoaders.empty('admin')] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = { name: 'Error with retry', loaders: [stateLoaders.error('admin')] };

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
