import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation, type SmsGsmReplaceEvent } from '../components/index.js';
import '../components/segment-counter/sms-segment-counter.js';
import { fr } from '../translations/fr.js';

interface CounterArgs {
  text: string;
  maxSegments?: number;
  compact: boolean;
  scheme?: 'light' | 'dark';
}

/** In a story the counter owns its text, so the replacement is applied here, as a composer would. */
function applyReplacement(event: SmsGsmReplaceEvent): void {
  (event.target as HTMLElementTagNameMap['sms-segment-counter']).text = event.detail.text;
}

const meta = {
  title: 'Components/Segment counter',
  component: 'sms-segment-counter',
  tags: ['autodocs'],
  args: { text: 'Your appointment is confirmed for Tuesday at 10:30.', compact: false },
  argTypes: {
    text: { control: 'text' },
    maxSegments: { control: { type: 'number', min: 1, max: 10 } },
    compact: { control: 'boolean' },
    scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => html`
    <sms-segment-counter
      .text=${args.text}
      max-segments=${ifDefined(args.maxSegments)}
      ?compact=${args.compact}
      scheme=${ifDefined(args.scheme)}
      @sms-gsm-replace=${applyReplacement}
    ></sms-segment-counter>
  `,
} satisfies Meta<CounterArgs>;

export default meta;
type Story = StoryObj<CounterArgs>;

export const Empty: Story = { args: { text: '' } };

export const GsmShort: Story = { name: 'GSM, short', args: { text: 'Your code is 4321.' } };

export const Exactly160: Story = {
  name: 'Exactly 160 characters',
  args: { text: 'Reminder: your dental check-up is booked for Tuesday 14 May at 10:30 with Dr Patel. Reply YES to confirm or call 02 9876 5432 to change it. Thanks, see you soon' },
};

export const MultiPart: Story = {
  name: 'Multi-part',
  args: {
    text:
      'Hi Sam, thanks for calling Northside Plumbing. Your technician Alex will arrive between 8 and 10 am tomorrow. ' +
      'Please make sure someone over 18 is home and that pets are secured. If you need to reschedule, reply to this ' +
      'message or call us on 1300 555 010. See you then!',
  },
};

export const ExtensionCharacters: Story = {
  name: 'Extension characters (count twice)',
  args: { text: 'Total: 49€ [incl. tax] ~ pay at {link} | ref ^42\\A' },
};

export const CurlyQuotes: Story = {
  name: 'Unicode forced by curly quotes (replaceable)',
  args: { text: '“Your order’s on its way” – track it here… thanks!' },
};

export const CyrillicAndEmoji: Story = {
  name: 'Unicode by Cyrillic and emoji (nothing to replace)',
  args: { text: 'Привет! Ваш заказ готов 🎉' },
};

export const InvisibleCharacters: Story = {
  name: 'Invisible characters shown by code point',
  args: { text: 'Call\u00a0us\u200b today\u202f– we’re open' },
};

export const OverMaxSegments: Story = {
  name: 'Over max-segments',
  args: { text: 'This message is far too long for a single part. '.repeat(8), maxSegments: 2 },
};

export const Compact: Story = {
  args: { text: 'It’s ready — collect it from desk 3 “after 2pm”.', compact: true },
};

export const DarkScheme: Story = {
  name: 'Dark scheme',
  args: { text: '“Dark” mode: it’s easy on the eyes…', scheme: 'dark', maxSegments: 1 },
  globals: { scheme: 'dark' },
};

export const French: Story = {
  name: 'French locale',
  args: { text: '« Votre commande » est prête… à récupérer à l’accueil.', maxSegments: 1 },
  decorators: [
    (story) => {
      registerTranslation(fr);
      return html`<div lang="fr">${story()}</div>`;
    },
  ],
};
