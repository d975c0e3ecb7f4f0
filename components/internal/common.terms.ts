import { errorTerms } from './error-terms.js';
import type { Terms } from './localize.js';

/**
 * Texts every element shares: states, common actions, the configuration message and the errors (`errorTerms`). Elements spread these into
 * their own terms (`{ ...commonTerms, ...ownTerms }`) so that one translation covers them all.
 */
export const commonTerms = {
  ...errorTerms,
  loading: 'Loading…',
  loadingMore: 'Loading more…',
  retry: 'Try again',
  errorGeneric: 'Something went wrong.',
  errorTitle: 'Could not load',
  noClient: 'This element has no SMS client: set its `client` property, or place it inside <sms-provider>.',
  cancel: 'Cancel',
  confirm: 'Confirm',
  close: 'Close',
  save: 'Save',
  delete: 'Delete',
  remove: 'Remove',
  edit: 'Edit',
  add: 'Add',
  search: 'Search',
  clearSearch: 'Clear search',
  download: 'Download',
  upload: 'Upload',
  chooseFile: 'Choose a file',
  dropFile: 'Drop a CSV or Excel file here, or',
  required: 'Required',
  permissionDenied: 'You do not have permission to do this.',
  notFound: 'It no longer exists.',
} satisfies Terms;

export type CommonTerms = typeof commonTerms;
