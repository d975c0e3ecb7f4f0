import { CarrierError } from '../../src/errors/carrier-error.js';
import { ConflictError } from '../../src/errors/conflict-error.js';
import { HttpError } from '../../src/errors/http-error.js';
import { LimitError } from '../../src/errors/limit-error.js';
import { NotFoundError } from '../../src/errors/not-found-error.js';
import { PermissionError } from '../../src/errors/permission-error.js';
import { PhoneNumberError, type PhoneNumberErrorCode } from '../../src/errors/phone-number-error.js';
import { RecipientFileError, type RecipientFileErrorCode } from '../../src/errors/recipient-file-error.js';
import type { SmsError } from '../../src/errors/sms-error.js';
import { StateError } from '../../src/errors/state-error.js';
import { StoreConflictError } from '../../src/errors/store-conflict-error.js';
import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { Problem } from '../../src/ports/rest-operations.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `Retry-After` in seconds (a number of seconds or an HTTP date), when the answer has one. */
export function retryAfterOf(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The error an answer of the REST server stands for, as the backend behind it threw it: the same class, code and
 * members (`field`, `line`, `issues`, `resource`, `state`...), so that `isValidationError(error)` and `error.field` read as
 * they do in-process. An answer that is not problem+json becomes an `HttpError` with its status.
 */
export async function errorOf(response: Response): Promise<SmsError> {
  const body = await response.json().catch(() => undefined);
  const parsed = Problem.safeParse(body);
  const retryAfter = retryAfterOf(response.headers);
  if (!parsed.success) return new HttpError(`The server answered ${response.status} ${response.statusText}.`.replace(/ \.$/, '.'), { status: response.status, retryAfter });
  const problem = parsed.data;
  const { detail, code } = problem;
  const member = (key: string) => (problem as Record<string, unknown>)[key];
  switch (problem.name) {
    case 'ValidationError':
      return new ValidationError(detail, { field: problem.field, issues: (problem.issues ?? []) as ValidationIssue[], line: problem.line });
    case 'PermissionError':
      return new PermissionError(detail, { action: text(member('action')) ?? '', code });
    case 'NotFoundError':
      return new NotFoundError(text(member('resource')) ?? 'resource', text(member('id')) ?? '');
    case 'ConflictError':
      return new ConflictError(detail, { code, field: problem.field, details: (member('details') as Record<string, unknown> | undefined) ?? {} });
    case 'StateError':
      return new StateError(detail, { code, resource: text(member('resource')) ?? '', state: text(member('state')) ?? '' });
    case 'LimitError':
      return new LimitError(detail, { limit: 'sendsPerDay', value: Number(member('value')), resetAt: text(member('resetAt')) ?? '' });
    case 'CarrierError':
      return new CarrierError(detail, {
        code: code as CarrierError['code'], retryable: member('retryable') === true, providerCode: text(member('providerCode')), field: problem.field as CarrierError['field'],
      });
    case 'PhoneNumberError':
      return new PhoneNumberError(code as PhoneNumberErrorCode, detail, { input: text(member('input')) ?? '', country: text(member('country')) });
    case 'RecipientFileError':
      return new RecipientFileError(code as RecipientFileErrorCode, detail, { format: member('format') as 'csv' | 'xlsx' | undefined, fileName: text(member('fileName')) });
    case 'StoreConflictError':
      return new StoreConflictError(text(member('collection')) ?? '', text(member('key')) ?? '');
    default:
      return new HttpError(detail, { status: response.status, code, errorId: problem.errorId, retryAfter });
  }
}
