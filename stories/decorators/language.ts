import { html, type TemplateResult } from 'lit';
import { registerTranslation } from '../../components/index.js';
import { de } from '../../translations/de.js';
import { es } from '../../translations/es.js';
import { fr } from '../../translations/fr.js';
import { ptBR } from '../../translations/pt-BR.js';

/** The languages of the Storybook toolbar (the `language` global). */
export const LANGUAGES = {
  en: { lang: 'en', dir: 'ltr', title: 'English' },
  fr: { lang: 'fr', dir: 'ltr', title: 'Français' },
  de: { lang: 'de', dir: 'ltr', title: 'Deutsch' },
  es: { lang: 'es', dir: 'ltr', title: 'Español' },
  'pt-BR': { lang: 'pt-BR', dir: 'ltr', title: 'Português (Brasil)' },
  ar: { lang: 'ar', dir: 'rtl', title: 'Right to left (ar, English texts)' },
} as const;
export type Language = keyof typeof LANGUAGES;

/**
 * Renders the story in the toolbar's language (the `language` global): `lang` and `dir` on a wrapper, as a portal
 * sets them on its page, with the shipped translations registered; `ar` shows right to left with the English texts
 * (no Arabic translation is shipped). A story's own `lang` (`inLanguage`) sits inside and wins.
 *
 * @example
 * const preview: Preview = { globalTypes: { language: languageGlobal }, decorators: [languageDecorator] };
 */
export function languageDecorator(story: () => unknown, context: { globals: Record<string, unknown> }): TemplateResult {
  const language = LANGUAGES[context.globals.language as Language] ?? LANGUAGES.en;
  registerTranslation(fr, de, es, ptBR);
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
