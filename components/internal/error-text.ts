import { isSmsError, type SmsError } from '../../src/errors/sms-error.js';
import type { ErrorTerms } from './error-terms.js';
import { phoneProblemKey } from './phone-terms.js';

/** The most characters a message may have (the backend's `MessageBody`). */
export const MESSAGE_MAX_LENGTH = 1600;
/** The most characters a name may have (the backend's `Name`). */
const NAME_MAX_LENGTH = 200;

export type ErrorKey = keyof ErrorTerms | 'errorGeneric' | 'permissionDenied' | 'notFound';

/** What `describeError` needs of an element's LocalizeController: the error terms (in `commonTerms`). */
export interface ErrorLocalize {
  term(key: ErrorKey, ...args: Array<string | number>): string;
}

export interface DescribedError {
  /** The stable code (`validation`, `permission.admin_cannot_send`...) or `unknown`. */
  code: string;
  /** The sentence to show, in the element's language. */
  message: string;
  /** The input field at fault, for an inline error next to it. */
  field: string | undefined;
  /** What is wrong with that field, when the backend says: `too_big`, `phone.invalid`, `body.required`... */
  problem: string | undefined;
}

/** Terms by error code. */
const BY_CODE: Readonly<Record<string, ErrorKey>> = {
  'backend.unavailable': 'errorUnavailable',
  'permission.denied': 'permissionDenied',
  'permission.admin_cannot_send': 'errorAdminCannotSend',
  'permission.admin_only': 'errorAdminOnly',
  'permission.no_number': 'errorNoNumber',
  'permission.alpha_tag': 'errorAlphaTag',
  'permission.rating_extension': 'errorRatingExtension',
  'permission.shared_list': 'errorSharedList',
  'permission.no_department': 'errorNoDepartment',
  'permission.unknown_user': 'errorSignedOut',
  'permission.role_mismatch': 'errorSignedOut',
  'permission.extension_not_assigned': 'errorSignedOut',
  'permission.department_mismatch': 'errorSignedOut',
  'blocklist.blocked': 'errorBlocked',
  'conversation.read_only': 'errorReadOnly',
  not_found: 'notFound',
  invalid_state: 'errorChanged',
  conflict: 'errorConflict',
  'list.duplicate': 'errorListDuplicate',
  'carrier.rejected': 'errorCarrierRejected',
  'carrier.unavailable': 'errorCarrierUnavailable',
  'recipients.unreadable': 'errorFileUnreadable',
  'recipients.invalid_xlsx': 'errorFileFormat',
  'recipients.unsupported_input': 'errorFileFormat',
  'recipients.no_such_column': 'errorFileColumn',
};

/** Terms by error class, for codes without their own. */
const BY_NAME: Readonly<Record<string, ErrorKey>> = {
  PermissionError: 'permissionDenied',
  NotFoundError: 'notFound',
  StateError: 'errorChanged',
  ConflictError: 'errorConflict',
  CarrierError: 'errorCarrierRejected',
  ValidationError: 'errorInvalid',
};

interface Issue {
  path?: ReadonlyArray<string | number>;
  code?: string;
}

/** The sentence for a refused input: by what is wrong (the issue's code) and where (its field). */
function invalidText(localize: ErrorLocalize, error: SmsError & { value?: unknown }, field: string | undefined, issue: Issue | undefined): string {
  const problem = issue?.code;
  const name = String(issue?.path?.at(-1) ?? field?.split('.').at(-1) ?? '');
  const phone = problem ? phoneProblemKey(problem) : undefined;
  if (phone) return typeof error.value === 'string' ? localize.term('errorPhoneNumber', error.value, localize.term(phone)) : localize.term(phone);
  if (name === 'body') {
    if (problem === 'too_big') return localize.term('errorBodyTooLong', MESSAGE_MAX_LENGTH);
    if (problem === 'too_small') return localize.term('errorBodyEmpty');
  }
  if (name === 'name') {
    if (problem === 'too_big') return localize.term('errorNameTooLong', NAME_MAX_LENGTH);
    if (problem === 'too_small' || problem === 'invalid_type') return localize.term('errorNameEmpty');
  }
  if (name === 'sendAt' || name === 'scheduledAt' || name === 'at') return localize.term('errorDateTime');
  return localize.term('errorInvalid');
}

/**
 * What to show for an error thrown by the client: a sentence in the element's language about what the person sees,
 * chosen by the error's code (and, for a refused input, by its field and what is wrong with it), never the
 * backend's own wording, which names fields. A code this package does not know shows the term registered under the
 * code itself (`registerTranslation({ $code: 'en', 'quota.exceeded': 'Your monthly quota is used up.' })`), else
 * `fallback`, as does anything that is not an `SmsError`.
 *
 * @example
 * this.error = describeError(error, this.localize, this.localize.term('sendFailed')).message;
 */
export function describeError(error: unknown, localize: ErrorLocalize, fallback = localize.term('errorGeneric')): DescribedError {
  if (!isSmsError(error)) return { code: 'unknown', message: fallback, field: undefined, problem: undefined };
  const details = error as SmsError & { field?: unknown; issues?: readonly Issue[]; details?: Record<string, unknown>; resource?: unknown; state?: unknown };
  /** A term of the element's own, or one registered for a code; undefined when there is none. */
  const termOf = (key: string): string | undefined => {
    const found = (localize.term as (key: string) => string)(key);
    return found === key ? undefined : found;
  };
  const field = typeof details.field === 'string' ? details.field : undefined;
  const issue = details.issues?.[0];
  const described = { code: error.code, field, problem: issue?.code };
  if (error.code === 'validation') return { ...described, message: invalidText(localize, error, field, issue) };
  if (error.code === 'list.in_use' && typeof details.details?.campaignName === 'string') {
    return { ...described, message: localize.term('errorListInUse', details.details.campaignName) };
  }
  if (error.name === 'StateError' && details.resource === 'campaign' && typeof details.state === 'string') {
    // "This campaign is completed now": the status in the element's words, where it has them (statusCompleted...).
    const status = termOf(`status${details.state.charAt(0).toUpperCase()}${details.state.slice(1)}`);
    if (status) return { ...described, message: localize.term('errorCampaignState', status.toLocaleLowerCase()) };
  }
  const phone = phoneProblemKey(error.code);
  const key = phone ?? BY_CODE[error.code];
  if (key) return { ...described, message: localize.term(key) };
  const own = termOf(error.code);
  if (own) return { ...described, message: own };
  const byName = BY_NAME[error.name];
  return { ...described, message: byName ? localize.term(byName) : fallback };
}
