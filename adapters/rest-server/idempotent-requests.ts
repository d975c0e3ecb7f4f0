import type { Store } from '../../src/ports/store.js';
import { type Middleware, answer } from './context.js';
import { createIdempotencyKeys } from './idempotency.js';
import { postPaths, sendsFile } from './paths.js';
import { httpProblem } from './problems.js';
import { routeResponseOf } from './routes.js';
import { securedResponse } from './security-headers.js';

/** The header a replayed response carries. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Honours `Idempotency-Key` on every POST that sends or creates, with keys in `store`: the same key and request
 * replay the first response (`Idempotent-Replayed: true`) without running it again; the same key with another
 * request is a 422; a first request still running is a 409 with `Retry-After`. A 5xx response frees the key.
 * Runs after authentication: keys belong to a principal.
 *
 * A recipient file sent as it is (up to the server's `fileBytes`) is streamed to the backend, never buffered, so its
 * bytes are not hashed: its request is told apart by its caller, path and query (the file name, the phone column), and
 * its `Content-Type` and `Content-Length`. The same key sent again with another file of the same name, type and length
 * replays the first report; the HTTP backend makes a new key for every call, so its retries are the only repeats.
 */
export function idempotentRequests(store: Store): Middleware {
  const keys = createIdempotencyKeys({ store });
  const paths = postPaths((operation) => operation.idempotent);
  const filePaths = postPaths(sendsFile);
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const principal = c.get('principal');
    if (key === undefined || !principal || c.req.method !== 'POST' || !paths.some((path) => path.test(c.req.path))) return next();
    const url = new URL(c.req.url);
    const file = filePaths.some((path) => path.test(c.req.path));
    const body = file ? JSON.stringify(['file', c.req.header('content-type') ?? '', c.req.header('content-length') ?? '']) : await c.req.text();
    const outcome = await keys.begin({ principal, key, method: c.req.method, path: url.pathname + url.search, body });
    if (outcome.kind === 'replay') {
      const { status, headers, body } = outcome.response;
      return securedResponse(status === 204 ? null : body, status, { ...headers, [REPLAYED_HEADER]: 'true' });
    }
    if (outcome.kind === 'mismatch') {
      return answer(httpProblem(422, 'idempotency.mismatch', 'This Idempotency-Key was used for another request: make a new key for a new request.', { name: 'ValidationError', field: 'Idempotency-Key' }));
    }
    if (outcome.kind === 'in-progress') {
      return answer(httpProblem(409, 'idempotency.in_progress', 'A request with this Idempotency-Key is still running: send it again later.', {}, { 'retry-after': String(outcome.retryAfterSeconds) }));
    }
    try {
      await next();
    } catch (error) {
      await outcome.abandon();
      throw error;
    }
    const response = c.res;
    const route = routeResponseOf(response);
    const sent = route?.text ?? (response.status === 204 ? '' : await response.clone().text());
    await outcome.finish({ status: response.status, headers: route?.headers ?? response.headers, body: sent });
  };
}
