import type { Middleware } from './context.js';

/**
 * The security headers every response of the server carries: those of hono's `secureHeaders()` by default (no
 * `Content-Security-Policy`: the reference page sets its own).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

/** Responses made with the security headers already among their own. */
const secured = new WeakSet<Response>();

/**
 * A response with the security headers and `headers` (which win), as a plain record: `@hono/node-server` writes such
 * a response without building a `Headers` for it, where setting each header afterwards would build one and check
 * every name and value again. The server's routes and problems are made this way.
 */
export function securedResponse(body: string | null, status: number, headers: Readonly<Record<string, string>>): Response {
  const response = new Response(body, { status, headers: { ...SECURITY_HEADERS, ...headers } });
  secured.add(response);
  return response;
}

/**
 * Gives every other response the security headers, after it is made (a response of hono's own, such as a CORS
 * preflight, or one a middleware made again from a secured one): an existing header of the same name is replaced.
 */
export function securityHeaders(): Middleware {
  return async (c, next) => {
    await next();
    if (secured.has(c.res)) return;
    const { headers } = c.res;
    for (const name in SECURITY_HEADERS) headers.set(name, SECURITY_HEADERS[name]!);
    headers.delete('x-powered-by');
  };
}
