import type { Terms } from './localize.js';

/**
 * What a person reads when the backend refuses something: one sentence per kind of error, about what they see, never
 * a field name. `describeError` picks them. A term named after an error code (`'invalid_state'`,
 * `'permission.admin_only'`) is that code's sentence; the others (`errorBodyTooLong`...) say what is wrong with an
 * input. Every element has these through `commonTerms`; the groups below go to the elements that meet their errors.
 * (No spreads here: a module of plain literals lets bundlers drop the groups an element does not use.)
 */
export const errorTerms = {
  'backend.unavailable': 'The SMS service cannot be reached. Check the connection and try again.',
  'invalid_state': 'This can no longer be done: it changed in the meantime. Reload to see it as it is now.',
  'conflict': 'This clashes with something that already exists.',
  'permission.admin_only': 'Only an administrator can do this.',
  'permission.unknown_user': 'Your account is not set up for SMS here. Ask your administrator.',
  /** A refused input this package has no sentence for. */
  errorInvalid: 'Something entered here cannot be used. Check it and try again.',
  errorNameEmpty: 'Give it a name.',
  errorNameTooLong: 'The name is too long: at most {0} characters.',
} satisfies Terms;

/** Errors of sending: the message, the number (with `phoneProblemTerms`), the sender (`conversationCommonTerms`). */
export const messageErrorTerms = {
  'permission.admin_cannot_send': 'Administrators cannot send messages.',
  'permission.no_number': 'This number is not assigned to your extension, or it is out of service.',
  'permission.alpha_tag': 'Your department may not send as this alpha tag.',
  'blocklist.blocked': 'This number has opted out or is blocked, and direct messages to blocked numbers are not allowed.',
  'conversation.read_only': 'This conversation cannot be answered here.',
  'carrier.rejected': 'The carrier refused the message. Sending it again as it is will fail again.',
  'carrier.unavailable': 'The carrier cannot take the message now. Try again later.',
  errorBodyEmpty: 'Write the message first.',
  /** {0}: the most characters a message may have, "1,600". */
  errorBodyTooLong: 'The message is too long: a message has at most {0} characters.',
  /** {0}: the number as it was given; {1}: why it is refused ("Not a phone number."). */
  errorPhoneNumber: 'The number “{0}” cannot be used. {1}',
  errorDateTime: 'Choose a valid date and time.',
} satisfies Terms;

/** Errors of lists and of reading files (`importReportTerms`). */
export const listErrorTerms = {
  'list.duplicate': 'This number is already in the list.',
  'permission.shared_list': 'Only an administrator can change a shared list.',
  'permission.no_department': 'Lists belong to a department: ask an administrator to add you to one.',
  /** {0}: the campaign's name. */
  errorListInUse: 'The campaign "{0}" is using this list.',
  /** Why a file could not be read (after "The file could not be read:"). */
  'recipients.unreadable': 'It may be damaged, or open in another program.',
  'recipients.invalid_xlsx': 'It is not a CSV or Excel file.',
  'recipients.unsupported_input': 'It is not a CSV or Excel file.',
  'recipients.no_such_column': 'It has no such column.',
} satisfies Terms;

/** Errors of campaigns (the campaign elements). */
export const campaignErrorTerms = {
  'permission.rating_extension': 'You may bill a campaign only to your own extensions or those of your department.',
  /** {0}: the campaign's status, in lower case ("completed"). */
  errorCampaignState: 'This campaign is {0} now, so this can no longer be done.',
} satisfies Terms;

export type ErrorTerms = typeof errorTerms;
