import { REST_BASE_PATH, REST_EVENTS_PATH } from '../../src/ports/rest-operations.js';
import { type Middleware, answer } from './context.js';
import { httpProblem } from './problems.js';
import { createRateLimiter } from './rate-limit.js';

/** Seconds a client is asked to wait after a request that timed out. */
const TIMEOUT_RETRY_SECONDS = 1;

/**
 * Answers 503 (`http.timeout`) a request still running after `timeoutMs` (`fileTimeoutMs` for a recipient file sent as
 * it is, a POST to one of `filePaths`); the event stream, which is meant to last, is let through. The handler keeps
 * running to its end, so that its effect and its idempotency key stay whole.
 */
export function requestTimeout(requestTimeoutMs: number, fileTimeoutMs: number, filePaths: readonly RegExp[]): Middleware {
  const stream = `${REST_BASE_PATH}${REST_EVENTS_PATH}`;
  return async (c, next) => {
    if (c.req.path === stream) return next();
    const timeoutMs = c.req.method === 'POST' && filePaths.some((path) => path.test(c.req.path)) ? fileTimeoutMs : requestTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    try {
      const outcome = await Promise.race([next(), late]);
      if (outcome !== 'late') return;
      return answer(httpProblem(503, 'http.timeout', `The request took longer than ${timeoutMs} ms: send it again later.`, {}, { 'retry-after': String(TIMEOUT_RETRY_SECONDS) }));
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Counts each authenticated request against its principal's bucket (organisation and user): beyond the rate, 429
 * with `Retry-After`.
 */
export function principalRateLimit(options: { requestsPerMinute: number; burst?: number | undefined }): Middleware {
  const limiter = createRateLimiter({ requestsPerMinute: options.requestsPerMinute, ...(options.burst === undefined ? {} : { burst: options.burst }) });
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) return next();
    const result = limiter.take(JSON.stringify([principal.organisationId ?? null, principal.userId]));
    if (result.ok) return next();
    return answer(httpProblem(429, 'http.rate_limited', `Too many requests: wait ${result.retryAfterSeconds} s.`, {}, { 'retry-after': String(result.retryAfterSeconds) }));
  };
}
