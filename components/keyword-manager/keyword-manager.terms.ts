import { commonTerms } from '../internal/common.terms.js';
import type { Terms } from '../internal/localize.js';
import { phoneProblemTerms } from '../internal/phone-terms.js';

/**
 * The English texts of `<sms-keyword-manager>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', keywordsTitle: 'Mots-clés entrants', ... })`.
 */
export const keywordManagerTerms = {
  ...commonTerms,
  ...phoneProblemTerms,
  'keyword.exists': 'Another rule already has this keyword.',
  keywordsTitle: 'Inbound keywords',
  keywordsIntro: 'Messages that start with a keyword are sent where its rule says, and answered with its auto-reply.',
  /** {0}: the prefix and an example keyword ("ACME PARKING"); {1}: the short code. */
  keywordsHowTo: 'People text “{0} …” to {1}.',
  keywordViewOnly: 'Only administrators can see and change the inbound keywords.',
  keywordsEmpty: 'No keywords yet. Add one to route messages like “JOIN” or “PARKING” to a person, an e-mail or a mobile.',
  columnKeyword: 'Keyword',
  columnRoutes: 'Goes to',
  columnAutoReply: 'Auto-reply',
  columnActions: 'Actions',
  keywordEntriesLoaded: { one: '# keyword shown', other: '# keywords shown' },
  offBadge: 'Off',
  offTitle: 'This keyword is turned off: its messages are delivered as ordinary messages.',
  /** Before a person's name, an address, a mobile: "Portal: Alice Nguyen". */
  routePortal: 'Portal:',
  routeEmail: 'E-mail:',
  routeMobile: 'Mobile:',
  routeNowhere: 'Nowhere',
  unknownUser: 'User not found',
  noAutoReply: 'No auto-reply',
  autoReplyParts: { one: '# part', other: '# parts' },
  addKeyword: 'Add a keyword',
  addKeywordTitle: 'Add an inbound keyword',
  keywordAddButton: 'Add keyword',
  editKeyword: 'Edit {0}',
  editKeywordTitle: 'Edit {0}',
  keywordAdded: '{0} was added.',
  keywordSaved: '{0} was saved.',
  keyword: 'Keyword',
  keywordHint: 'One word: letters A–Z, digits and hyphens, up to 30. Saved in capitals.',
  keywordRequired: 'Type the keyword.',
  keywordInvalid: 'A keyword is one word of letters A–Z, digits and hyphens, starting with a letter or digit.',
  keywordTooLong: 'A keyword has at most 30 characters.',
  /** {0}: the word typed, in capitals. */
  keywordOptOut: '{0} is reserved: people send it to stop messages (opt-out), so it cannot route anywhere else.',
  keywordOptIn: '{0} is reserved: people send it to receive messages again (opt-in), so it cannot route anywhere else.',
  keywordHelp: '{0} is reserved: people send it for help, answered with the organisation’s HELP reply.',
  keywordTaken: 'Another rule already has {0}.',
  routesLegend: 'Matching messages go to',
  routesHint: 'Choose at least one: a person’s portal inbox, an e-mail address, a mobile.',
  routePortalLabel: 'Portal inbox of',
  routePortalNone: 'Nobody',
  routeEmailLabel: 'E-mail',
  routeEmailHint: 'Optional: e-mail each message to this address.',
  routeEmailInvalid: 'Not an e-mail address.',
  routeMobileLabel: 'Mobile',
  routeMobileHint: 'Optional: forward each message as SMS to this mobile.',
  routesNowhere: 'Messages must go somewhere: choose a person, an e-mail or a mobile.',
  autoReply: 'Auto-reply',
  autoReplyHint: 'Optional: sent back to whoever texts the keyword. Leave it empty for none.',
  enabled: 'On: route messages with this keyword',
  removeKeyword: 'Remove {0}',
  removeTitle: 'Remove {0}?',
  keywordRemoveMessage: 'Messages that start with it will arrive as ordinary messages. Messages it already routed are kept.',
  keywordRemoveConfirm: 'Remove keyword',
  keywordRemoved: '{0} was removed.',
} satisfies Terms;

export type KeywordManagerTerms = typeof keywordManagerTerms;
