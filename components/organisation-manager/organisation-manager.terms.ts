import { commonTerms } from '../internal/common.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-organisation-manager>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', organisationsTitle: 'Organisations', ... })`.
 */
export const organisationManagerTerms = {
  ...commonTerms,
  'organisation.exists': 'Another organisation already has this id.',
  'permission.operator_only': 'Only the hosting vendor’s operators manage organisations.',
  organisationsTitle: 'Organisations',
  organisationsIntro: 'Your customers: their status, this month’s usage and the caps on what they send.',
  operatorsOnly: 'Only the hosting vendor’s operators can see and manage organisations.',
  searchOrganisations: 'Search names and ids',
  organisationStatusFilter: 'Status',
  organisationStatusAll: 'All statuses',
  statusActive: 'Active',
  statusSuspended: 'Suspended',
  /** {0}: the date the organisation was suspended. */
  suspendedSince: 'Suspended since {0}',
  organisationsEmpty: 'No organisations yet. Create one for each customer; its administrators then sign in to it.',
  organisationsNoMatch: 'No organisation matches your search.',
  columnOrganisation: 'Organisation',
  columnStatus: 'Status',
  organisationColumnMessages: 'Messages this month',
  organisationColumnCost: 'Cost this month',
  columnCaps: 'Caps',
  columnActions: 'Actions',
  organisationEntriesLoaded: { one: '# organisation shown', other: '# organisations shown' },
  /** {0}: messages; {1}: their parts (segments). */
  organisationUsageTitle: '{0} messages, {1} parts',
  usageUnknown: 'Usage could not be read',
  noCaps: 'No caps',
  /** A cap per second, short: "10/s". */
  capPerSecond: '{0}/s',
  /** A cap per day, short: "5,000/day". */
  capPerDay: '{0}/day',
  capsTitle: 'Sends per second: {0}. Sends per day: {1}.',
  capNone: 'no cap',
  addOrganisation: 'Create an organisation',
  addOrganisationTitle: 'Create an organisation',
  organisationAddButton: 'Create',
  editOrganisation: 'Edit {0}',
  editOrganisationTitle: 'Edit {0}',
  organisationAdded: '{0} was created.',
  organisationSaved: '{0} was saved.',
  name: 'Name',
  nameHint: 'As the customer is known, up to 200 characters.',
  organisationNameRequired: 'Type the organisation’s name.',
  nameTooLong: 'A name has at most 200 characters.',
  organisationId: 'Id',
  organisationIdHint: 'Optional: your own id for the customer (letters, digits, dots, dashes, underscores). One is made otherwise.',
  organisationIdInvalid: 'An id is letters, digits, dots, dashes and underscores, starting with a letter or digit.',
  capsLegend: 'Caps on sends',
  capsHint: 'Every SMS handed to the carrier counts, one per recipient. Leave a cap empty for none.',
  sendsPerSecond: 'Sends per second',
  sendsPerSecondHint: 'Above it, sends wait: campaigns slow down.',
  sendsPerDay: 'Sends per day (UTC)',
  sendsPerDayHint: 'Above it, one-to-one messages are refused and campaigns pause until the next day.',
  /** {0}: the largest cap allowed. */
  capInvalid: 'A whole number from 1 to {0}, or empty for no cap.',
  /** {0}: messages; {1}: parts; {2}: cost. */
  usageThisMonth: 'This month: {0} messages, {1} parts, {2}.',
  suspend: 'Suspend',
  resume: 'Resume',
  suspendOrganisation: 'Suspend {0}',
  resumeOrganisation: 'Resume {0}',
  suspendTitle: 'Suspend {0}?',
  suspendMessage:
    'Nothing is sent for it and its people are refused until you resume it: its running campaigns stop, its scheduled messages wait, and texts to its numbers are kept, flagged. Its data stays.',
  suspendConfirm: 'Suspend organisation',
  resumeTitle: 'Resume {0}?',
  resumeMessage: 'Its people can sign in and send again. Scheduled messages that fell due meanwhile go out now; stopped campaigns can be restarted.',
  resumeConfirm: 'Resume organisation',
  organisationSuspended: '{0} was suspended.',
  organisationResumed: '{0} was resumed.',
  support: 'Support',
  supportOrganisation: 'Act as support in {0}',
  supportTitle: 'Act as support in {0}?',
  supportMessage:
    'You will see {0} as its administrators do, read-only: you can change nothing and read no more than they can. Every call you make there is recorded in its support access trail, which its administrators read.',
  supportConfirm: 'Act as support',
  removeOrganisation: 'Remove {0}',
  organisationRemoveTitle: 'Remove {0} and all its data?',
  organisationRemoveMessage: 'Its people, numbers, messages, campaigns, lists, contacts and usage are deleted for good. This cannot be undone.',
  removeConfirmLabel: 'Type the organisation’s name to confirm',
  /** {0}: the organisation's name, to type. */
  removeConfirmHint: 'Type “{0}”.',
  removeConfirmMismatch: 'This is not the organisation’s name.',
  organisationRemoveConfirm: 'Remove for good',
  organisationRemoved: '{0} was removed.',
} satisfies Terms;

export type OrganisationManagerTerms = typeof organisationManagerTerms;
