import { SmsError } from './sms-error.js';

export interface HttpErrorOptions {
  /** The HTTP status of the answer; 0 when none came (the server could not be reached, or did not answer in time). */
  status: number;
  /**
   * A stable code: the server's (`http.unauthorized`, `http.body_too_large`...) or the client's own (`http.unreachable`,
   * `http.timeout`, `http.invalid_response`).
   * @default `http.${status}`
   */
  code?: string;
  /** The id a server gave an unexpected error (a 500), to quote to its operator. */
  errorId?: string | undefined;
  /** How long the server asked to wait before trying again, in seconds (`Retry-After`). */
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * A call to a backend over HTTP failed for a reason of HTTP itself rather than of the SMS rules: no answer, a timeout,
 * a refused token, a body too large, an unexpected server error (with the `errorId` the server logged it under). Errors
 * of the rules come back as their own classes (`ValidationError`, `NotFoundError`...).
 *
 * @example
 * throw new HttpError('The server did not answer within 30000 ms.', { status: 0, code: 'http.timeout' });
 */
export class HttpError extends SmsError {
  /** The HTTP status; 0 when no answer came. */
  readonly status: number;
  readonly errorId: string | undefined;
  /** Seconds to wait before trying again, when the server said. */
  readonly retryAfter: number | undefined;

  constructor(message: string, options: HttpErrorOptions) {
    super(options.code ?? `http.${options.status}`, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = options.status;
    this.errorId = options.errorId;
    this.retryAfter = options.retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, errorId: this.errorId, retryAfter: this.retryAfter };
  }
}

/** True for an `HttpError`, whichever copy of the package created it. */
export function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && error.name === 'HttpError';
}
