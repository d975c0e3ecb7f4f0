import * as z from 'zod';
import { isSmsError } from '../../src/errors/sms-error.js';
import { Principal } from '../../src/model/index.js';
import { REST_BASE_PATH } from '../../src/ports/rest-operations.js';
import { createMemoryStore } from '../memory-store/index.js';
import { answer } from './context.js';
import { createEventStreams } from './events.js';
import { addEventStream } from './events-route.js';
import { principalRateLimit, requestTimeout } from './guards.js';
import { idempotentRequests } from './idempotent-requests.js';
import { postPaths, sendsFile } from './paths.js';
import { securityHeaders } from './security-headers.js';
import { type HonoModules, loadHono, loadNodeServer } from './load.js';
import { type RestServerOptions, type SettledOptions, settleOptions } from './options.js';
import { type ProblemAnswer, httpProblem, internalProblem, smsErrorProblem } from './problems.js';
import { referencePage } from './reference.js';
import { addOperations } from './routes.js';
import { addWebhooks } from './webhook-routes.js';

/** The REST server: a Web-standard `fetch` handler, and `listen` to serve it on a port from Node. */
export interface RestServer {
  /** Answers one request (any runtime with `Request` and `Response`). */
  fetch(request: Request): Promise<Response>;
  /**
   * Serves the API over HTTP from Node (`@hono/node-server`).
   * @example
   * const { url, close } = await server.listen({ port: 8080 });
   */
  listen(options?: ListenOptions): Promise<ListeningServer>;
  /** Ends every open event stream (a host serving `fetch` itself calls this on shutdown). */
  close(): Promise<void>;
}

export interface ListenOptions {
  /**
   * The port; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * The address to listen on.
   * @default '127.0.0.1'
   */
  hostname?: string;
}

export interface ListeningServer {
  /** The server's base URL, such as `http://127.0.0.1:8080` (the API is under `/v1`). */
  url: string;
  /** Ends the event streams, stops listening and closes the connections. */
  close(): Promise<void>;
}

const PUBLIC_PATHS = new Set([`${REST_BASE_PATH}/openapi.json`, `${REST_BASE_PATH}/reference`]);

const ListenOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  hostname: z.string().min(1).max(255).default('127.0.0.1'),
});

interface Answerable {
  req: { method: string; path: string; header(name: string): string | undefined; query(name: string): string | undefined; raw: Request };
  get(key: 'principal'): Principal;
  set(key: 'principal', value: Principal): void;
}

function build(hono: HonoModules, options: SettledOptions, streams: ReturnType<typeof createEventStreams>) {
  const app = new hono.OpenAPIHono();

  function problemOf(error: unknown, c: Answerable): ProblemAnswer {
    if (error instanceof hono.HTTPException) {
      if (error.status === 400) {
        return httpProblem(400, 'validation', 'The request body is not valid JSON.', { name: 'ValidationError', field: 'body', issues: [{ path: [], message: 'Not valid JSON', code: 'invalid_json' }] });
      }
      if (error.status === 415) return httpProblem(415, 'http.unsupported_media_type', 'Send the request body as application/json.');
      return httpProblem(error.status, `http.${error.status}`, error.message || 'The request was refused.');
    }
    if (isSmsError(error)) return smsErrorProblem(error, Date.now());
    const errorId = crypto.randomUUID();
    options.logger.error('pbx-sms rest-server: unexpected error', { errorId, method: c.req.method, path: c.req.path, error });
    return internalProblem(errorId);
  }

  app.onError((error, c) => answer(problemOf(error, c as unknown as Answerable)));
  app.notFound((c) => answer(httpProblem(404, 'http.not_found', `No route answers ${c.req.method} ${c.req.path}.`)));
  app.use('*', securityHeaders() as never);
  if (options.cors) {
    app.use(`${REST_BASE_PATH}/*`, hono.cors({
      origin: [...options.cors.origins],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
      exposeHeaders: ['Retry-After', 'WWW-Authenticate', 'Idempotent-Replayed'],
      maxAge: 600,
    }));
  }
  // A recipient file sent as it is streams to the backend under its own cap (`limits.fileBytes`, see request-file.ts):
  // the body limit, which buffers a body without a Content-Length to count it, is not for it.
  const filePaths = postPaths(sendsFile);
  const isFile = (c: { req: { method: string; path: string } }) => c.req.method === 'POST' && filePaths.some((path) => path.test(c.req.path));
  const bodyLimit = hono.bodyLimit({
    maxSize: options.limits.bodyBytes,
    onError: () => answer(httpProblem(413, 'http.body_too_large', `The request body is larger than ${options.limits.bodyBytes} bytes.`)),
  });
  app.use(`${REST_BASE_PATH}/*`, (c, next) => {
    if (isFile(c) || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // A declared length is checked from the header alone: reading `c.req.raw.body` (as the body limit does first)
    // would make @hono/node-server build a whole Request with a stream where it otherwise reads the body directly.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d{1,15}$/.test(length)) {
      return Number(length) > options.limits.bodyBytes ? bodyLimit(c, next) : next();
    }
    return bodyLimit(c, next);
  });
  // Webhooks answer before authentication: the provider signs them, it has no bearer token.
  addWebhooks(app, options.webhooks);
  app.use(`${REST_BASE_PATH}/*`, requestTimeout(options.limits.requestTimeoutMs, options.limits.fileTimeoutMs, filePaths) as never);
  app.use(`${REST_BASE_PATH}/*`, async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    const claimed = await options.authenticate(c.req.raw);
    if (claimed === null || claimed === undefined) {
      return answer(httpProblem(401, 'http.unauthorized', 'This request needs a valid bearer token.', {}, { 'www-authenticate': 'Bearer realm="pbx-sms"' }));
    }
    const principal = Principal.safeParse(claimed);
    if (!principal.success) throw new Error('authenticate() returned something that is not a Principal.', { cause: principal.error });
    (c as unknown as Answerable).set('principal', principal.data);
    return next();
  });
  if (options.rateLimit) app.use(`${REST_BASE_PATH}/*`, principalRateLimit(options.rateLimit) as never);
  app.use(`${REST_BASE_PATH}/*`, idempotentRequests(options.idempotency?.store ?? createMemoryStore()) as never);

  // The event stream is registered first: its literal path must win over any parameter.
  addEventStream(app, streams, () => options.backend);
  addOperations(hono, app, () => options.backend, options.limits.fileBytes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  // The document and its reference page are made on the first request for either (a few tenths of a second of CPU
  // that a server nobody asks them of never spends), then kept.
  let documents: { document: object; reference: string } | null = null;
  const documentsOf = () => {
    if (documents) return documents;
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'pbx-sms REST API',
        version: '1.0.0',
        description: 'Every SmsBackend operation as a resource under /v1. Errors are application/problem+json (RFC 9457).',
      },
      security: [{ bearer: [] }],
    });
    documents = { document, reference: referencePage(document as Parameters<typeof referencePage>[0]) };
    return documents;
  };
  app.get(`${REST_BASE_PATH}/openapi.json`, (c) => c.json(documentsOf().document));
  app.get(`${REST_BASE_PATH}/reference`, (c) => c.html(documentsOf().reference));
  return app;
}

/**
 * Serves any `SmsBackend` as the REST API under `/v1`: every operation of the port as a resource, requests checked
 * with the schemas of `src/model`, errors as `application/problem+json`, live events as Server-Sent Events at
 * `/v1/events`, the OpenAPI 3.1 document at `/v1/openapi.json` and an API reference at `/v1/reference`. hono and
 * `@hono/zod-openapi` (and `@hono/node-server` for `listen`) are loaded on the first request.
 *
 * @example
 * const server = createRestServer({ backend, authenticate: (request) => principalFromSession(request) });
 * const { url } = await server.listen({ port: 8080 });
 */
export function createRestServer(options: RestServerOptions): RestServer {
  const settled = settleOptions(options);
  const streams = createEventStreams(settled.events);
  let app: Promise<ReturnType<typeof build>> | null = null;
  const ready = () => (app ??= loadHono().then((hono) => build(hono, settled, streams)));

  return {
    async fetch(request) {
      return (await ready()).fetch(request);
    },
    async listen(given = {}) {
      const { port, hostname } = ListenOptionsSchema.parse(given);
      const [serve, built] = await Promise.all([loadNodeServer(), ready()]);
      return new Promise((resolve, reject) => {
        const server = serve({ fetch: built.fetch, port, hostname }, (info) => {
          const host = info.address.includes(':') ? `[${info.address}]` : info.address;
          resolve({
            url: `http://${host}:${info.port}`,
            close: () => new Promise<void>((done) => {
              const connections = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
              // Streams end cleanly first; connections still busy a second later are cut.
              const force = setTimeout(() => connections.closeAllConnections?.(), 1000);
              server.close(() => {
                clearTimeout(force);
                done();
              });
              streams.closeAll();
              setTimeout(() => connections.closeIdleConnections?.(), 10);
            }),
          });
        });
        server.once('error', reject);
      });
    },
    async close() {
      streams.closeAll();
    },
  };
}
