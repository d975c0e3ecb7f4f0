import { commonTerms } from '../internal/common.terms.js';
import { conversationCommonTerms } from '../internal/conversation.terms.js';
import type { Terms } from '../internal/localize.js';
import { phoneProblemTerms } from '../internal/phone-terms.js';

/**
 * The English texts of `<sms-new-conversation>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', pickTo: 'À', ... })`.
 */
export const newConversationTerms = {
  ...commonTerms,
  ...conversationCommonTerms,
  ...phoneProblemTerms,
  pickFrom: 'From',
  pickTo: 'To',
  pickPlaceholder: 'Name, number or colleague',
  /** A number with its label in the "From" list: "Support · 0480 000 102". */
  numberOption: '{0} · {1}',
  suggestions: 'Suggestions',
  contactsGroup: 'Contacts',
  colleaguesGroup: 'Colleagues (chat)',
  /** The option for a number typed in: "Text 0412 345 678". */
  textNumber: 'Text {0}',
  numberGroup: 'Number',
  /** A contact's number under their name: "Mobile · 0412 345 678". */
  contactNumber: '{0} · {1}',
  extension: 'Ext. {0}',
  online: 'Online',
  /** Under the field, for a valid number that is not a mobile: "0298 765 432: a landline or service number, it may not receive SMS." */
  notMobile: '{0}: a landline or service number, it may not receive SMS.',
  noMatches: 'No contacts or colleagues match.',
  chatOnly: 'Your extension has no SMS number: you can chat with colleagues.',
  adminCannotSend: 'Administrators cannot send messages.',
  opening: 'Opening…',
} satisfies Terms;

export type NewConversationTerms = typeof newConversationTerms;
