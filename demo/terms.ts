// The demo portal's own texts (the elements bring theirs). A host portal has a table like this of its own.

const en = {
  portalName: 'Acme Cloud PBX',
  portalSection: 'Messaging',
  sections: 'Sections',
  inbox: 'Inbox',
  campaigns: 'Campaigns',
  lists: 'Lists',
  blocklist: 'Blocklist',
  composer: 'Composer',
  signedInAs: 'Signed in as',
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

const fr: Record<DemoTerm, string> = {
  portalName: 'Acme Cloud PBX',
  portalSection: 'Messagerie',
  sections: 'Rubriques',
  inbox: 'Boîte de réception',
  campaigns: 'Campagnes',
  lists: 'Listes',
  blocklist: 'Liste de blocage',
  composer: 'Rédaction',
  signedInAs: 'Connecté en tant que',
  settings: 'Affichage',
  language: 'Langue',
  scheme: 'Couleurs',
  schemeAuto: 'Comme le système',
  schemeLight: 'Clair',
  schemeDark: 'Sombre',
  layout: 'Affichage des SMS',
  layoutPage: 'Pleine page',
  layoutPanel: 'Panneau latéral',
  sidePanel: 'Panneau SMS',
  alice: 'Alice Nguyen · Ventes, numéro de groupe',
  ben: 'Ben Carter · Ventes, numéro de groupe',
  chloe: 'Chloe Martin · Support, deux numéros',
  dev: 'Dev Patel · Support',
  admin: 'Morgan Lee · Administrateur',
  customerTextsIn: 'Un client écrit',
  customerTextsInLater: 'Un client écrit dans 5 s',
  inboxHint: 'Les réponses arrivent en direct. Passez sur un autre onglet avant un message différé pour entendre le signal et voir le titre clignoter.',
  allCampaigns: 'Toutes les campagnes',
  to: 'À',
  samples: 'Exemples de messages',
  sampleShort: 'Court',
  sampleQuotes: 'Guillemets typographiques',
  sampleUnicode: 'Cyrillique et émoji',
  sampleLong: 'Trois parties',
  sent: 'Envoyés',
  nothingSent: 'Rien d’envoyé pour l’instant.',
  composerHint: 'La zone de rédaction seule, telle qu’un portail l’intègre à côté de ses propres champs : choisir un numéro, écrire, envoyer.',
  panelHint: 'La page de votre portail reste ici ; les SMS vivent dans le panneau à côté, comme un softphone.',
};

const TABLES: Record<string, Record<DemoTerm, string>> = { en, fr };

/** The demo's languages, by code, with their own names. */
export const LANGUAGES: ReadonlyArray<[code: string, name: string]> = [
  ['en', 'English'],
  ['fr', 'Français'],
];

/** The demo's text for a key in a language (English when the language has none). */
export function demoTerm(lang: string, key: DemoTerm): string {
  return (TABLES[lang.slice(0, 2)] ?? en)[key];
}
