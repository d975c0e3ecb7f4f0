import type { Terms } from './localize.js';
import { phoneProblemTerms } from './phone-terms.js';

/**
 * What a person reads when the backend refuses something: one sentence per kind of error, about what they see
 * (never a field name). `describeError` picks them by the error's code and field; every element has them through
 * `commonTerms`, so that one translation covers them all.
 */
export const errorTerms = {
  ...phoneProblemTerms,
  errorUnavailable: 'The SMS service cannot be reached. Check the connection and try again.',
  /** A refused input this package has no sentence for. */
  errorInvalid: 'Something entered here cannot be used. Check it and try again.',
  errorBodyEmpty: 'Write the message first.',
  /** {0}: the most characters a message may have, "1,600". */
  errorBodyTooLong: 'The message is too long: a message has at most {0} characters.',
  /** {0}: the number as it was given; {1}: why it is refused ("Not a phone number."). */
  errorPhoneNumber: 'The number “{0}” cannot be used. {1}',
  errorNameEmpty: 'Give it a name.',
  errorNameTooLong: 'The name is too long: at most {0} characters.',
  errorDateTime: 'Choose a valid date and time.',
  errorAdminCannotSend: 'Administrators cannot send messages.',
  errorAdminOnly: 'Only an administrator can do this.',
  errorNoNumber: 'No SMS number is assigned to your extension, or it is out of service.',
  errorAlphaTag: 'Your department may not send as this alpha tag.',
  errorRatingExtension: 'You may bill a campaign only to your own extensions or those of your department.',
  errorSharedList: 'Only an administrator can change a shared list.',
  errorNoDepartment: 'Lists belong to a department: ask an administrator to add you to one.',
  errorSignedOut: 'Your account is not set up for SMS here. Ask your administrator.',
  errorBlocked: 'This number has opted out or is blocked, and direct messages to blocked numbers are not allowed.',
  errorReadOnly: 'This conversation cannot be answered here.',
  errorChanged: 'This can no longer be done: it changed in the meantime. Reload to see it as it is now.',
  /** {0}: the campaign's status, in lower case ("completed"). */
  errorCampaignState: 'This campaign is {0} now, so this can no longer be done.',
  errorConflict: 'This clashes with something that already exists.',
  errorListDuplicate: 'This number is already in the list.',
  /** {0}: the campaign's name. */
  errorListInUse: 'The campaign "{0}" is using this list.',
  errorCarrierRejected: 'The carrier refused the message. Sending it again as it is will fail again.',
  errorCarrierUnavailable: 'The carrier cannot take the message now. Try again later.',
  /** Why a file could not be read (after "The file could not be read:"). */
  errorFileUnreadable: 'It may be damaged, or open in another program.',
  errorFileFormat: 'It is not a CSV or Excel file.',
  errorFileColumn: 'It has no such column.',
} satisfies Terms;

export type ErrorTerms = typeof errorTerms;
