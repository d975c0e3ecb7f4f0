import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/conversation/sms-conversation.js';
import { salesThread, type ThreadStory } from '../decorators/threads.js';
import { cssPropertiesOf } from './css-properties.js';

/** The elements of the example: a conversation shows its composer and the composer its segment counter. */
const EXAMPLE = ['sms-conversation', 'sms-composer', 'sms-segment-counter'];
const properties = cssPropertiesOf(...EXAMPLE);

type ThemingArgs = Record<string, string | undefined> & { scheme?: 'light' | 'dark' };

/** `--name: value` for every property given a value in the controls. */
function declarations(args: ThemingArgs): string {
  return properties
    .map((property) => [property.name, args[property.name]?.trim()] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
}

const meta = {
  title: 'Guides/Theming example',
  tags: ['!autodocs'],
  args: { scheme: undefined },
  argTypes: {
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'], description: 'The `scheme` attribute.' },
    ...Object.fromEntries(
      properties.map((property) => [
        property.name,
        {
          control: /color|bubble|background/.test(property.name) ? 'color' : 'text',
          description: property.tags.length > 3 ? property.description : `${property.description} (${property.tags.join(', ')})`,
          table: { category: 'CSS custom properties' },
        },
      ]),
    ),
  },
  loaders: [async () => salesThread('alice')],
  render: (args, { loaded }) => html`
    <sms-conversation
      .client=${(loaded as ThreadStory).client}
      conversation-id=${ifDefined((loaded as ThreadStory).conversationId)}
      scheme=${ifDefined(args.scheme)}
      no-sound
      style="width: 40rem; max-width: 100%; height: 30rem; ${declarations(args)}"
    ></sms-conversation>
  `,
} satisfies Meta<ThemingArgs>;

export default meta;

/** A conversation whose `--sms-*` properties follow the controls below it. */
export const Playground: StoryObj<ThemingArgs> = {
  args: { '--sms-color-accent': '#6d28d9', '--sms-radius': '10px' },
};

/** `::part` styles the structural nodes: here the header, the bubbles' bodies and the send button. */
export const Parts: StoryObj<ThemingArgs> = {
  render: (args, context) => html`
    <style>
      .parts-example sms-conversation::part(header) { border-bottom: 3px solid #6d28d9; }
      .parts-example sms-conversation::part(title) { font-variant: small-caps; }
      .parts-example sms-conversation::part(body) { font-family: Georgia, serif; }
    </style>
    <div class="parts-example">${meta.render(args, context)}</div>
  `,
};
