import { isSmsError, type SmsError } from '../../src/errors/sms-error.js';
import type { ErrorTerms } from './error-terms.js';
import { phoneProblemKey } from './phone-terms.js';

/** The most characters a message may have (the backend's `MessageBody`). */
export const MESSAGE_MAX_LENGTH = 1600;
/** The most characters a name may have (the backend's `Name`). */
const NAME_MAX_LENGTH = 200;

export type ErrorKey = keyof ErrorTerms | 'errorGeneric' | 'permissionDenied' | 'notFound';

/**
 * What `describeError` needs of an element's LocalizeController: the error terms of `commonTerms`. The groups of
 * error-terms.ts are used where the element has them.
 */
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

/** Terms by error class, for codes without their own. */
const BY_NAME: Readonly<Record<string, ErrorKey>> = {
  PermissionError: 'permissionDenied',
  NotFoundError: 'notFound',
  StateError: 'invalid_state',
  ConflictError: 'conflict',
  ValidationError: 'errorInvalid',
};

interface Issue {
  path?: ReadonlyArray<string | number>;
  code?: string;
}

type Details = SmsError & { field?: unknown; value?: unknown; issues?: readonly Issue[]; details?: Record<string, unknown>; resource?: unknown; state?: unknown };

/** The sentence for a refused input, by what is wrong (the issue's code) and where (its field); undefined: none. */
function invalidText(termOf: (key: string, ...args: Array<string | number>) => string | undefined, error: Details, name: string, problem: string | undefined): string | undefined {
  const phone = problem ? phoneProblemKey(problem) : undefined;
  if (phone) {
    const reason = termOf(phone);
    return (reason && typeof error.value === 'string' && termOf('errorPhoneNumber', error.value, reason)) || reason;
  }
  if (name === 'body') return termOf(problem === 'too_big' ? 'errorBodyTooLong' : problem === 'too_small' ? 'errorBodyEmpty' : '', MESSAGE_MAX_LENGTH);
  if (name === 'name') return termOf(problem === 'too_big' ? 'errorNameTooLong' : 'errorNameEmpty', NAME_MAX_LENGTH);
  if (name === 'sendAt' || name === 'scheduledAt' || name === 'at') return termOf('errorDateTime');
  return undefined;
}

/**
 * What to show for an error thrown by the client: a sentence in the element's language about what the person sees,
 * never the backend's own wording, which names fields. The sentence is the term named after the error's code
 * (`'permission.admin_only'`), for a refused input the one for what is wrong with it (`errorBodyTooLong`), else the
 * one of its kind (`invalid_state`, `notFound`...), else `fallback`, as for anything that is not an `SmsError`. A
 * backend's own codes get sentences the same way: `registerTranslation({ $code: 'en', 'quota.exceeded': '...' })`.
 *
 * @example
 * this.error = describeError(error, this.localize, this.localize.term('sendFailed')).message;
 */
export function describeError(error: unknown, localize: ErrorLocalize, fallback = localize.term('errorGeneric')): DescribedError {
  if (!isSmsError(error)) return { code: 'unknown', message: fallback, field: undefined, problem: undefined };
  /** The element's term for a key, if it has one (a key without a term comes back as it is). */
  const termOf = (key: string, ...args: Array<string | number>): string | undefined => {
    const found = (localize.term as (key: string, ...args: Array<string | number>) => string)(key, ...args);
    return key === '' || found === key ? undefined : found;
  };
  const details = error as Details;
  const field = typeof details.field === 'string' ? details.field : undefined;
  const issue = details.issues?.[0];
  const described = { code: error.code, field, problem: issue?.code };
  let message: string | undefined;
  if (error.code === 'validation') {
    message = invalidText(termOf, details, String(issue?.path?.at(-1) ?? field?.split('.').at(-1) ?? ''), issue?.code);
  } else if (error.code === 'list.in_use' && typeof details.details?.campaignName === 'string') {
    message = termOf('errorListInUse', details.details.campaignName);
  } else if (error.name === 'StateError' && details.resource === 'campaign' && typeof details.state === 'string') {
    // "This campaign is completed now": the status in the element's words, where it has them (statusCompleted...).
    const status = termOf(`status${details.state.charAt(0).toUpperCase()}${details.state.slice(1)}`);
    message = status && termOf('errorCampaignState', status.toLocaleLowerCase());
  }
  message ??= termOf(phoneProblemKey(error.code) ?? error.code);
  const byName = BY_NAME[error.name];
  return { ...described, message: message ?? (byName ? localize.term(byName) : fallback) };
}
