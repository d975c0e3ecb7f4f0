import { REST_BASE_PATH, restOperations } from '../../src/ports/rest-operations.js';
import type { Store } from '../../src/ports/store.js';
import { type Middleware, answer } from './context.js';
import { createIdempotencyKeys } from './idempotency.js';
import { httpProblem } from './problems.js';
import { routeResponseText } from './routes.js';

/** The header a replayed response carries. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** Paths (as patterns) of the POSTs the REST table marks as sending or creating. */
function idempotentPaths(): RegExp[] {
  return restOperations()
    .filter(({ operation }) => operation.method === 'POST' && operation.idempotent)
    .map(({ operation }) => new RegExp(`^${REST_BASE_PATH}${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`));
}

/**
 * Honours `Idempotency-Key` on every POST that sends or creates, with keys in `store`: the same key and request
 * replay the first response (`Idempotent-Replayed: true`) without running it again; the same key with another
 * request is a 422; a first request still running is a 409 with `Retry-After`. A 5xx response frees the key.
 * Runs after authentication: keys belong to a principal.
 */
export function idempotentRequests(store: Store): Middleware {
  const keys = createIdempotencyKeys({ store });
  const paths = idempotentPaths();
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const principal = c.get('principal');
    if (key === undefined || !principal || c.req.method !== 'POST' || !paths.some((path) => path.test(c.req.path))) return next();
    const url = new URL(c.req.url);
    const outcome = await keys.begin({ principal, key, method: c.req.method, path: url.pathname + url.search, body: await c.req.text() });
    if (outcome.kind === 'replay') {
      const { status, headers, body } = outcome.response;
      return new Response(status === 204 ? null : body, { status, headers: { ...headers, [REPLAYED_HEADER]: 'true' } });
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
    const body = routeResponseText(response) ?? (response.status === 204 ? '' : await response.clone().text());
    await outcome.finish({ status: response.status, headers: response.headers, body });
  };
}
