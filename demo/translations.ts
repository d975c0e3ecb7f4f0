// The elements' shipped translations, loaded when the demo switches to a language: an English page loads none.
import { registerTranslation, type SmsTranslation } from '../components/internal/localize.js';

const SHIPPED: Record<string, () => Promise<{ default: SmsTranslation }>> = {
  fr: () => import('../translations/fr.js'),
  de: () => import('../translations/de.js'),
  es: () => import('../translations/es.js'),
  'pt-br': () => import('../translations/pt-BR.js'),
};

/** Registers the elements' translation for a language the demo offers (nothing for English or an unknown code). */
export async function loadTranslation(lang: string): Promise<void> {
  const code = lang.toLowerCase();
  const load = SHIPPED[code] ?? SHIPPED[code.split('-')[0]!];
  if (load) registerTranslation((await load()).default);
}
