// The demo portal's own texts (the elements bring theirs). A host portal has a table like this of its own.

import { de } from './terms/de.js';
import { es } from './terms/es.js';
import { fr } from './terms/fr.js';
import { ptBR } from './terms/pt-BR.js';

const en = {
  portalName: 'Acme Cloud PBX',
  portalSection: 'Messaging',
  sections: 'Sections',
  inbox: 'Inbox',
  campaigns: 'Campaigns',
  lists: 'Lists',
  blocklist: 'Blocklist',
  contacts: 'Contacts',
  administration: 'Administration',
  composer: 'Composer',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  settings: 'Display',
  language: 'Language',
  scheme: 'Colours',
  schemeAuto: 'As the system',
  schemeLight: 'Light',
  schemeDark: 'Dark',
  layout: 'SMS view',
  layoutPage: 'Full page',
  layoutPanel: 'Side panel',
  sidePanel: 'SMS side panel',
  alice: 'Alice Nguyen · Sales, group number',
  ben: 'Ben Carter · Sales, group number',
  chloe: 'Chloe Martin · Support, two numbers',
  dev: 'Dev Patel · Support',
  admin: 'Morgan Lee · Administrator',
  operator: 'Sam Rivera · Hosting operator',
  organisations: 'Organisations',
  organisationsHint: 'The hosting vendor’s view: every customer organisation, its status, this month’s usage and its caps. “Support” shows one as its administrators see it, read-only and recorded.',
  supportBanner: 'Support access to {0}: read-only, and every look is recorded in its support access trail.',
  endSupport: 'Back to organisations',
  customerTextsIn: 'A customer texts in',
  customerTextsInLater: 'A customer texts in 5 s from now',
  inboxHint: 'Replies arrive live. Switch to another tab before a delayed message arrives to hear the tone and see the title flash.',
  allCampaigns: 'All campaigns',
  to: 'To',
  samples: 'Sample messages',
  sampleShort: 'Short',
  sampleQuotes: 'Curly quotes',
  sampleUnicode: 'Cyrillic and emoji',
  sampleLong: 'Three parts',
  sent: 'Sent',
  nothingSent: 'Nothing sent yet.',
  composerHint: 'The composer on its own, as a portal embeds it beside its own fields: pick a number, write, send.',
  panelHint: 'Your portal’s own page stays here; SMS lives in the panel beside it, as a softphone would.',
} as const;

export type DemoTerm = keyof typeof en;

const TABLES: Record<string, Record<DemoTerm, string>> = { en, fr, de, es, 'pt-br': ptBR };

/** The demo's languages, by code, with their own names. */
export const LANGUAGES: ReadonlyArray<[code: string, name: string]> = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['pt-BR', 'Português (Brasil)'],
];

/** The demo's text for a key in a language (English when the language has none). */
export function demoTerm(lang: string, key: DemoTerm): string {
  const code = lang.toLowerCase();
  return (TABLES[code] ?? TABLES[code.split('-')[0]!] ?? en)[key];
}
