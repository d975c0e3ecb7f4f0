import { commonTerms } from '../internal/common.terms.js';
import { campaignErrorTerms } from '../internal/error-terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-campaign-list>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', newCampaign: 'Nouvelle campagne', ... })`.
 */
export const campaignListTerms = {
  ...commonTerms,
  ...campaignErrorTerms,
  campaigns: 'Campaigns',
  newCampaign: 'New campaign',
  searchCampaigns: 'Search campaigns',
  statusFilter: 'Campaign status',
  statusAll: 'All',
  statusDraft: 'Draft',
  statusScheduled: 'Scheduled',
  statusRunning: 'Running',
  statusStopped: 'Stopped',
  statusCompleted: 'Completed',
  statusFailed: 'Failed',
  noCampaigns: 'No campaigns yet.',
  noCampaignsMatch: 'No campaigns match.',
  showMore: 'Show more',
  adminNotice: 'You see the campaigns of every department. Administrators can stop a campaign but cannot start one.',
  // Recipient states, also the names of the counts.
  stateTotal: 'Total',
  statePending: 'Pending',
  stateSending: 'Sending',
  /** Sent, and no delivery report yet: beside "Delivered", never counting the same recipients. */
  stateSent: 'Sent, unconfirmed',
  stateDelivered: 'Delivered',
  stateFailed: 'Failed',
  stateBlocked: 'Blocked',
  stateInvalid: 'Invalid',
  stateDuplicate: 'Duplicate',
  stateUnknown: 'Unknown',
  countsLabel: 'Recipients of {0}',
  /** The progress bar's label: "Progress of Winter sale". */
  progressOf: 'Progress of {0}',
  /** "120 of 240 processed (50%)". */
  progressText: '{0} of {1} processed ({2})',
  createdAt: 'Created {0}',
  scheduledFor: 'Scheduled for {0}',
  startedAt: 'Started {0}',
  completedAt: 'Completed {0}',
  failedBecause: 'Failed: {0}',
  notStarted: 'Not started',
  estimateLine: { one: 'About # recipient, {1}', other: 'About # recipients, {1}' },
  actionsFor: 'Actions for {0}',
  start: 'Start',
  stop: 'Stop',
  unschedule: 'Unschedule',
  restart: 'Restart',
  duplicate: 'Duplicate',
  recipients: 'Recipients',
  confirmStartTitle: 'Start “{0}”?',
  confirmStartMessage: {
    one: 'It sends # message now ({1} parts), for about {2}.',
    other: 'It sends # messages now ({1} parts), for about {2}.',
  },
  confirmStopTitle: 'Stop “{0}”?',
  confirmStopMessage: 'Messages not sent yet stay pending. You can restart the campaign later.',
  confirmUnscheduleTitle: 'Unschedule “{0}”?',
  confirmUnscheduleMessage: 'It goes back to draft and is not sent until it is scheduled or started again.',
  confirmRestartTitle: 'Restart “{0}”?',
  confirmRestartMessage: 'It sends to the recipients not reached yet. Nobody receives it twice.',
  confirmDeleteTitle: 'Delete “{0}”?',
  confirmDeleteMessage: 'The draft is deleted for good.',
  /** Spoken when a campaign changes status: "Flash sale: Completed". */
  statusAnnouncement: '{0}: {1}',
  duplicated: 'Copy created: {0}',
  deleted: 'Deleted: {0}',
  // The recipients view.
  recipientsOf: 'Recipients of {0}',
  backToCampaigns: 'Back to campaigns',
  recipientStateFilter: 'Show recipients',
  allStates: 'All',
  refresh: 'Refresh',
  exportCsv: 'Export CSV',
  exporting: { one: 'Exporting… # row', other: 'Exporting… # rows' },
  exported: { one: 'Exported # row', other: 'Exported # rows' },
  columnIndex: '#',
  columnLine: 'Line',
  columnNumber: 'Number',
  columnState: 'State',
  columnFields: 'Merge fields',
  /** A merge field and its value in the recipients table: "first_name: Olivia". */
  fieldValue: '{0}: {1}',
  columnError: 'Error',
  columnUpdated: 'Updated',
  noRecipients: 'No recipients in this state.',
  recipientsAfterStart: 'The recipients are listed here once the campaign starts.',
} satisfies Terms;

export type CampaignListTerms = typeof campaignListTerms;
