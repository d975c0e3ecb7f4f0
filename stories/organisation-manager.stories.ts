import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/organisation-manager/sms-organisation-manager.js';
import type { SmsClient } from '../src/index.js';
import { clientFor, failingBackend, stalledBackend } from './decorators/backends.js';
import { organisationWorld, STORY_OPERATOR, withoutOrganisations } from './decorators/organisation-backends.js';
import { layoutStories } from './decorators/states.js';

interface OrganisationArgs {
  scheme?: 'light' | 'dark';
  width?: string;
}

interface Loaded {
  client: SmsClient;
}

const meta = {
  title: 'Components/Organisation manager',
  component: 'sms-organisation-manager',
  tags: ['autodocs'],
  argTypes: {
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: 'text' },
  },
  loaders: [async () => ({ client: (await organisationWorld()).operator })],
  render: (args, { loaded }) => html`
    <div style="max-width: ${args.width ?? '72rem'}">
      <sms-organisation-manager
        .client=${(loaded as Loaded).client}
        scheme=${ifDefined(args.scheme)}
        @sms-support-access=${(event: Event) => console.info('sms-support-access', (event as CustomEvent).detail)}
      ></sms-organisation-manager>
    </div>
  `,
} satisfies Meta<OrganisationArgs>;

export default meta;
type Story = StoryObj<OrganisationArgs>;

/**
 * The hosting vendor's operator: Acme Corporation (capped, two messages this month), Globex Logistics (suspended) and
 * Initech. Create one, rename one, change its caps, suspend or resume it, act as support (the element fires
 * `sms-support-access`, logged in the console), or remove one by typing its name.
 */
export const Populated: Story = { name: 'Populated (operator)' };

/** An organisation's administrator: only operators manage organisations. */
export const Administrator: Story = {
  name: 'Permissions: administrator',
  loaders: [async () => ({ client: (await organisationWorld()).admin })],
};

export const Loading: Story = {
  loaders: [async () => ({ client: clientFor(stalledBackend((await organisationWorld()).backend), STORY_OPERATOR) })],
};

/** A deployment with no organisation yet. */
export const Empty: Story = { loaders: [() => withoutOrganisations()] };

/** The backend cannot be reached; "Try again" works after a moment. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  loaders: [
    async () => {
      const failing = failingBackend((await organisationWorld()).backend);
      setTimeout(() => failing.recover(), 1500);
      return { client: clientFor(failing, STORY_OPERATOR) };
    },
  ],
};

export const Narrow: Story = layoutStories.narrow;

export const Dark: Story = layoutStories.dark;
