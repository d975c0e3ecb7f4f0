import type { SmsError } from '../../src/errors/sms-error.js';
import { isLimitError } from '../../src/errors/limit-error.js';
import type { Problem } from '../../src/ports/rest-operations.js';

/** The HTTP status of each error class of the package. */
const STATUS_BY_NAME: Readonly<Record<string, number>> = {
  ValidationError: 400,
  PhoneNumberError: 400,
  PermissionError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  StateError: 409,
  StoreConflictError: 409,
  RecipientFileError: 422,
  LimitError: 429,
  CarrierError: 502,
};

/** Codes whose status is not their class's: keys that cannot be read are the server's trouble, not the token's. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'auth.keys_unavailable': 503,
  'recipients.too_large': 413,
};

/** How long a client waits before trying again after a 503 of ours. */
const UNAVAILABLE_RETRY_SECONDS = 5;

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 411: 'Length Required',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** An answer the server sends as problem+json, with the headers it needs (`Retry-After`, `WWW-Authenticate`). */
export interface ProblemAnswer {
  status: number;
  body: Problem;
  headers: Record<string, string>;
}

/** A problem answer of the HTTP layer itself (no token, a body too large, a media type not taken...). */
export function httpProblem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): ProblemAnswer {
  return { status, headers, body: { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, code, ...extra } };
}

/** The problem answer of an error of the package: its class decides the status, its members travel along. */
export function smsErrorProblem(error: SmsError, now: number): ProblemAnswer {
  const status = STATUS_BY_CODE[error.code] ?? STATUS_BY_NAME[error.name] ?? 400;
  const { message: _message, ...members } = error.toJSON();
  const headers: Record<string, string> = {};
  if (status === 503) headers['retry-after'] = String(UNAVAILABLE_RETRY_SECONDS);
  if (isLimitError(error)) headers['retry-after'] = String(Math.max(1, Math.ceil((Date.parse(error.resetAt) - now) / 1000)));
  const body = { type: `urn:pbx-sms:error:${error.code}`, title: TITLES[status] ?? 'Error', status, detail: error.message, ...withoutUndefined(members), code: error.code };
  return { status, headers, body: body as Problem };
}

/** The answer to an error no rule foresaw: an id to quote, nothing of the error itself. */
export function internalProblem(errorId: string): ProblemAnswer {
  return httpProblem(500, 'internal', `The server could not complete the request. Quote error ${errorId} to its operator.`, { errorId });
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
