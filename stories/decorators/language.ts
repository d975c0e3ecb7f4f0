import { html, type TemplateResult } from 'lit';
import { registerTranslation } from '../../components/index.js';
import { translationFr } from '../../test/fixtures/translation-fr.js';

/** The languages of the Storybook toolbar (the `language` global). */
export const LANGUAGES = {
  en: { lang: 'en', dir: 'ltr', title: 'English' },
  fr: { lang: 'fr', dir: 'ltr', title: 'Français (the test fixture)' },
  ar: { lang: 'ar', dir: 'rtl', title: 'Right to left (ar, English texts)' },
} as const;
export type Language = keyof typeof LANGUAGES;

/**
 * Renders the story in the toolbar's language (the `language` global): `lang` and `dir` on a wrapper, as a portal
 * sets them on its page. French is the sample translation of the tests; `ar` shows right to left with the English
 * texts (no Arabic translation is shipped). A story's own `lang` (`inLanguage`) sits inside and wins.
 *
 * @example
 * const preview: Preview = { globalTypes: { language: languageGlobal }, decorators: [languageDecorator] };
 */
export function languageDecorator(story: () => unknown, context: { globals: Record<string, unknown> }): TemplateResult {
  const language = LANGUAGES[context.globals.language as Language] ?? LANGUAGES.en;
  if (language.lang === 'fr') registerTranslation(translationFr);
  return html`<div style="display: contents" lang=${language.lang} dir=${language.dir}>${story()}</div>`;
}

/** The toolbar control of `languageDecorator`. */
export const languageGlobal = {
  description: 'Language and writing direction',
  toolbar: {
    title: 'Language',
    icon: 'globe',
    items: Object.entries(LANGUAGES).map(([value, { title }]) => ({ value, title })),
    dynamicTitle: true,
  },
};
