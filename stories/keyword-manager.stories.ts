import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/keyword-manager/sms-keyword-manager.js';
import { demoClient } from './decorators/demo.js';
import { type ManagerArgs, managerMeta } from './decorators/manager.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

const meta = {
  title: 'Components/Keyword manager',
  component: 'sms-keyword-manager',
  tags: ['autodocs'],
  ...managerMeta('sms-keyword-manager'),
} satisfies Meta<ManagerArgs>;

export default meta;
type Story = StoryObj<ManagerArgs>;

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
