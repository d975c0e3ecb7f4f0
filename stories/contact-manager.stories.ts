import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/contact-manager/sms-contact-manager.js';
import { demoClient } from './decorators/demo.js';
import { type ManagerArgs, managerMeta } from './decorators/manager.js';
import { layoutStories, stateLoaders } from './decorators/states.js';

const meta = {
  title: 'Components/Contact manager',
  component: 'sms-contact-manager',
  tags: ['autodocs'],
  ...managerMeta('sms-contact-manager'),
} satisfies Meta<ManagerArgs>;

export default meta;
type Story = StoryObj<ManagerArgs>;

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
