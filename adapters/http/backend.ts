import ky, { HTTPError, type KyInstance, type Options, TimeoutError } from 'ky';
import { HttpError } from '../../src/errors/http-error.js';
import { isSmsError } from '../../src/errors/sms-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { parseInput } from '../../src/engine/validate.js';
import { Principal, RecipientFileInput } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import { REST_BASE_PATH, REST_EVENTS_PATH, REST_FILE_TYPES, type RestOperation, restOperations } from '../../src/ports/rest-operations.js';
import { toQueryString } from '../../src/ports/rest-query.js';
import { followEvents } from './events.js';
import { type HttpBackendOptions, settleOptions } from './options.js';
import { errorOf } from './problems.js';
import { createTokens } from './tokens.js';
import { withUploadProgress } from './upload.js';

/** Statuses a request that may go again is retried on (not 500: the server may have done the work). */
const RETRY_STATUSES = [408, 429, 502, 503, 504];

/** The URL path of an operation with its path arguments in place, under the API's base. */
function pathOf(operation: RestOperation, args: readonly unknown[]): string {
  let index = 0;
  return operation.path.slice(1).replace(/\{[^}]+\}/g, () => {
    const arg = operation.args.filter((given) => given.in === 'path')[index++]!;
    const value = String(args[operation.args.indexOf(arg)] ?? '');
    // `.` and `..` would move up the path instead of naming a resource: no id of the port is either.
    if (value === '' || value === '.' || value === '..') throw new ValidationError(`Invalid ${arg.name}: "${value}" is not an id.`, { field: arg.name });
    return encodeURIComponent(value);
  });
}

/** The media type a recipient file is sent with: its own when the server takes it, else bytes of no stated type. */
function fileType(file: { type?: unknown }): string {
  const type = typeof file.type === 'string' ? file.type.split(';')[0]!.trim().toLowerCase() : '';
  return (REST_FILE_TYPES as readonly string[]).includes(type) ? type : 'application/octet-stream';
}

type Parts = Pick<Options, 'searchParams' | 'json' | 'body' | 'headers' | 'fetch'>;

/**
 * What a request of an operation carries besides its path: the query string, and the JSON body or a file as it is (a
 * Blob, which fetch sends with its `Content-Length`, read from memory or disk as it goes, its progress told to the
 * input's `onProgress`).
 */
function partsOf(operation: RestOperation, args: readonly unknown[], fetcher: typeof fetch | undefined): Parts {
  const parts: Parts = {};
  const fields: Record<string, unknown> = {};
  operation.args.forEach((arg, index) => {
    const value = args[index];
    if (arg.in === 'file') {
      const { file, onProgress, ...query } = parseInput(RecipientFileInput, value, arg.name);
      if (!(file instanceof Blob)) throw new ValidationError(`Invalid ${arg.name}.file: send a File or Blob over HTTP.`, { field: `${arg.name}.file` });
      // A File's own name names the report or the upload, as in-process.
      const name = file instanceof File ? file.name.trim().slice(0, 255) : '';
      parts.searchParams = toQueryString({ ...query, fileName: query.fileName ?? (name || undefined) });
      parts.body = file;
      parts.headers = { 'content-type': fileType(file) };
      if (onProgress) Object.assign(parts, withUploadProgress(file, onProgress, fetcher));
    } else if (arg.in === 'query') {
      if (value !== undefined && value !== null && typeof value !== 'object') throw new ValidationError(`Invalid ${arg.name}: expected an object.`, { field: arg.name });
      parts.searchParams = toQueryString((value ?? {}) as Record<string, unknown>);
    } else if (arg.in === 'body') {
      parts.json = value ?? null;
    } else if (arg.in === 'field') {
      fields[arg.name] = value;
    }
  });
  if (operation.args.some((arg) => arg.in === 'field')) parts.json = fields;
  return parts;
}

/** The error a failed request stands for, as the backend behind the server threw it. */
async function failureOf(error: unknown, timeoutMs: number): Promise<Error> {
  if (error instanceof HTTPError) return errorOf(error.response);
  if (error instanceof TimeoutError) return new HttpError(`The server did not answer within ${timeoutMs} ms.`, { status: 0, code: 'http.timeout', cause: error });
  if (isSmsError(error)) return error;
  return new HttpError('The server could not be reached.', { status: 0, code: 'http.unreachable', cause: error });
}

/**
 * An `SmsBackend` that calls the REST server of `pbx-sms/adapters/rest-server` (or any server of the same API) over
 * HTTP, for browsers and Node alike: every method from the one REST table both share, responses checked with the
 * model's schemas, errors rebuilt as the classes the backend behind the server threw (`isValidationError(error)` and
 * `error.field` read as they do in-process), live events from the server's Server-Sent Events stream, reconnected
 * and resumed with `Last-Event-ID`. Calls made after `subscribe` wait (up to `timeoutMs`) until its stream is open,
 * so that the events they cause are not missed.
 *
 * @example
 * const backend = createHttpBackend({ baseUrl: 'https://sms.example.com', token: session.smsToken });
 * const client = createSmsClient({ backend, principal: session.principal });
 */
export function createHttpBackend(options: HttpBackendOptions): SmsBackend {
  const settled = settleOptions(options);
  const tokens = createTokens(settled.token);
  const api: KyInstance = ky.create({
    prefixUrl: `${settled.baseUrl}${REST_BASE_PATH}`,
    timeout: settled.timeoutMs,
    headers: settled.headers,
    throwHttpErrors: true,
    ...(settled.fetch ? { fetch: settled.fetch } : {}),
  });
  const opening = new Set<Promise<void>>();
  const streams = new Set<() => void>();

  /** Waits, up to the request timeout, until the event streams being opened are open. */
  async function streamsOpen(): Promise<void> {
    if (opening.size === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(opening), new Promise((resolve) => (timer = setTimeout(resolve, settled.timeoutMs)))]);
    clearTimeout(timer);
  }

  /** A request with the principal's token, sent once more with a new token when the server refuses it (401). */
  async function authorised(principal: Principal, send: (token: string) => Promise<Response>): Promise<Response> {
    try {
      return await send(await tokens.get(principal));
    } catch (error) {
      if (!(error instanceof HTTPError && error.response.status === 401 && tokens.refreshable)) throw error;
      return send(await tokens.refresh(principal));
    }
  }

  async function call(claimed: Principal, operation: RestOperation, args: readonly unknown[]): Promise<unknown> {
    const principal = parseInput(Principal, claimed, 'principal');
    await streamsOpen();
    const retryable = operation.method === 'GET' || operation.idempotent;
    const { headers: partHeaders, ...parts } = partsOf(operation, args, settled.fetch);
    const headers: Record<string, string> = { ...(partHeaders as Record<string, string> | undefined) };
    if (operation.idempotent) headers['idempotency-key'] = crypto.randomUUID();
    const request: Options = {
      method: operation.method,
      ...parts,
      ...(parts.body === undefined ? {} : { timeout: settled.fileTimeoutMs }),
      retry: retryable
        ? { limit: settled.retries, methods: [operation.method.toLowerCase()], statusCodes: RETRY_STATUSES, afterStatusCodes: [429, 503], maxRetryAfter: settled.timeoutMs, backoffLimit: 5000 }
        : 0,
    };
    let response: Response;
    try {
      response = await authorised(principal, (token) => api(pathOf(operation, args), { ...request, headers: { ...headers, authorization: `Bearer ${token}` } }));
    } catch (error) {
      throw await failureOf(error, settled.timeoutMs);
    }
    if (operation.response === null) return undefined;
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = operation.response.safeParse(body);
    if (!parsed.success) {
      throw new HttpError(`The server's answer to ${operation.method} ${operation.path} does not fit its schema.`, { status: response.status, code: 'http.invalid_response', cause: parsed.error });
    }
    return parsed.data;
  }

  const groups: Record<string, Record<string, (principal: Principal, ...args: unknown[]) => Promise<unknown>>> = {};
  for (const { group, name, operation } of restOperations()) {
    (groups[group] ??= {})[name] = (principal, ...args) => call(principal, operation, args);
  }

  const backend = {
    ...groups,
    subscribe(claimed, listener, subscribeOptions = {}) {
      const principal = parseInput(Principal, claimed, 'principal');
      let settle!: () => void;
      const open = new Promise<void>((resolve) => (settle = resolve));
      opening.add(open);
      void open.then(() => opening.delete(open));
      const stop = followEvents(
        (lastEventId, signal) => authorised(principal, (token) => api(REST_EVENTS_PATH.slice(1), {
          signal,
          timeout: false,
          retry: 0,
          throwHttpErrors: (status) => status === 401,
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) },
        })).catch((error: unknown) => {
          if (error instanceof HTTPError) return error.response;
          throw error;
        }),
        listener,
        subscribeOptions.after,
        { initialDelayMs: settled.events.initialDelayMs, maxDelayMs: settled.events.maxDelayMs, settled: settle },
      );
      const unsubscribe = () => {
        streams.delete(unsubscribe);
        settle();
        stop();
      };
      streams.add(unsubscribe);
      return unsubscribe;
    },
    async close() {
      for (const unsubscribe of [...streams]) unsubscribe();
    },
  } as SmsBackend;
  return backend;
}
