import { RecipientFileError } from '../../src/errors/recipient-file-error.js';
import { REST_FILE_TYPES } from '../../src/ports/rest-operations.js';
import type { RecipientFile } from '../../src/recipients/types.js';
import { type ProblemAnswer, httpProblem, smsErrorProblem } from './problems.js';

const FILE_TYPES: ReadonlySet<string> = new Set(REST_FILE_TYPES);

/** The request's `Content-Length`, or null without a valid one. */
function contentLength(request: Request): number | null {
  const value = request.headers.get('content-length');
  return value !== null && /^\d{1,15}$/.test(value) && !request.headers.has('transfer-encoding') ? Number(value) : null;
}

/**
 * Why a request's body cannot be taken as a recipient file, before a byte of it is read, or null when it can: a media
 * type not in `REST_FILE_TYPES` (415), no `Content-Length` (411: the cap is checked on it first), more bytes than
 * `maxBytes` (413, a `RecipientFileError` `recipients.too_large`, as the backend itself would refuse it).
 */
export function refusedFile(request: Request, maxBytes: number): ProblemAnswer | null {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FILE_TYPES.has(type)) {
    return httpProblem(415, 'http.unsupported_media_type', `Send the file as it is, with a Content-Type of ${REST_FILE_TYPES.join(', ')}.`);
  }
  const size = contentLength(request);
  if (size === null) return httpProblem(411, 'http.length_required', 'Send the file with its Content-Length: the size is checked before it is read.');
  if (size > maxBytes) {
    return smsErrorProblem(new RecipientFileError('recipients.too_large', `The file is ${size} bytes, more than the ${maxBytes} this server takes.`), Date.now());
  }
  return null;
}

/**
 * The request's body as the recipient file the backend reads (`refusedFile` said it may be): its size is the
 * `Content-Length`, its bytes the request's own stream, read as the backend goes. The body is never buffered.
 */
export function requestFile(request: Request): RecipientFile {
  const size = contentLength(request) ?? 0;
  return {
    size,
    stream: () => request.body ?? new ReadableStream({ start: (controller) => controller.close() }),
  };
}
