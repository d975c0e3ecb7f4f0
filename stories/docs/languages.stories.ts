import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../components/conversation/sms-conversation.js';
import '../../components/inbox/sms-inbox.js';
import { registerTranslation } from '../../components/index.js';
import { translationFr } from '../../test/fixtures/translation-fr.js';
import { demoClient } from '../decorators/demo.js';
import { LANGUAGES, type Language } from '../decorators/language.js';
import type { SmsClient } from '../../src/index.js';

interface LanguageArgs {
  language: Language;
}

const meta = {
  title: 'Guides/Languages example',
  tags: ['!autodocs'],
  args: { language: 'fr' },
  argTypes: {
    language: {
      control: { type: 'inline-radio', labels: Object.fromEntries(Object.entries(LANGUAGES).map(([key, { title }]) => [key, title])) },
      options: Object.keys(LANGUAGES),
      description: '`lang` and `dir` on the element\'s container',
    },
  },
  loaders: [async () => ({ client: await demoClient('alice') })],
  render: (args, { loaded }) => {
    registerTranslation(translationFr);
    const { lang, dir } = LANGUAGES[args.language] ?? LANGUAGES.en;
    return html`<div lang=${lang} dir=${dir}>
      <sms-inbox .client=${(loaded as { client: SmsClient }).client} layout="split" default-country="AU" style="width: 60rem; max-width: 100%; height: 34rem"></sms-inbox>
    </div>`;
  },
} satisfies Meta<LanguageArgs>;

export default meta;

/** Alice's inbox in the language chosen below: French (the sample translation), English, or right to left. */
export const Switch: StoryObj<LanguageArgs> = {};
