import * as z from 'zod';
import { NotFoundError } from '../../src/errors/not-found-error.js';
import { parseInput } from '../../src/engine/validate.js';
import type { Principal } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import { PROBLEM_TYPE, Problem, REST_BASE_PATH, REST_FILE_TYPES, type RestArgument, type RestOperation, restOperations } from '../../src/ports/rest-operations.js';
import type { HonoModules } from './load.js';
import { fromQueryString } from '../../src/ports/rest-query.js';
import { answer } from './context.js';
import { securedResponse } from './security-headers.js';
import { sendsFile } from './paths.js';
import { refusedFile, requestFile } from './request-file.js';

/** What a route handler reads of hono's context (kept loose: routes are made from the table at run time). */
interface Context {
  req: {
    param(name: string): string | undefined;
    query(): Record<string, string>;
    json(): Promise<unknown>;
    raw: Request;
  };
  get(key: 'principal'): Principal;
  body(value: string | null, status: number, headers?: Record<string, string>): Response;
}

type App = InstanceType<HonoModules['OpenAPIHono']>;

/** A failed check of one part of the request becomes the `ValidationError` the backend itself would throw. */
type Hook = (result: { success: boolean; target: string; data?: unknown }) => void;

/** The common answer every route may give instead of its own: a problem (RFC 9457). */
export const PROBLEM_RESPONSE = {
  description: 'A problem (RFC 9457): 400 validation, 401, 403 permission, 404, 409 conflict or state, 413, 415, 422, 429, 500.',
  content: { [PROBLEM_TYPE]: { schema: Problem } },
};

function bodySchema(args: readonly RestArgument[]): { schema: z.ZodType; name: string } | null {
  const whole = args.find((arg) => arg.in === 'body');
  if (whole) return { schema: whole.schema, name: whole.name };
  const fields = args.filter((arg) => arg.in === 'field');
  if (fields.length === 0) return null;
  return { schema: z.object(Object.fromEntries(fields.map((arg) => [arg.name, arg.schema]))), name: 'body' };
}

function paramsSchema(args: readonly RestArgument[]): z.ZodObject | null {
  const params = args.filter((arg) => arg.in === 'path');
  return params.length === 0 ? null : z.object(Object.fromEntries(params.map((arg) => [arg.name, arg.schema])));
}

/** The argument that travels as the query string: a query, or the members of a file argument besides its file. */
function queryArgument(args: readonly RestArgument[]): Extract<RestArgument, { in: 'query' | 'file' }> | null {
  return (args.find((arg) => arg.in === 'query' || arg.in === 'file') as Extract<RestArgument, { in: 'query' | 'file' }> | undefined) ?? null;
}

/** The body of an operation with a file argument: the file's bytes, as it is. */
const FILE_BODY = {
  required: true,
  description: 'The recipient file as it is (CSV or XLSX), read as a stream; `Content-Length` is required.',
  content: Object.fromEntries(REST_FILE_TYPES.map((type) => [type, { schema: z.string().describe('The bytes of the file.') }])),
};


/** The route of one operation for `@hono/zod-openapi`: the table's schemas validate it and describe it. */
function routeOf(hono: HonoModules, group: string, name: string, operation: RestOperation) {
  const params = paramsSchema(operation.args);
  const query = queryArgument(operation.args);
  const body = bodySchema(operation.args);
  const success = operation.response === null
    ? { description: 'Done.' }
    : { description: 'Done.', content: { 'application/json': { schema: operation.response } } };
  return hono.createRoute({
    method: operation.method.toLowerCase() as 'get',
    path: `${REST_BASE_PATH}${operation.path}`,
    operationId: `${group}.${name}`,
    tags: [group],
    summary: operation.summary,
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query: z.preprocess((raw) => fromQueryString(query.schema, raw), query.schema) as unknown as z.ZodObject } : {}),
      ...(body ? { body: { required: true, content: { 'application/json': { schema: body.schema } } } } : {}),
      ...(sendsFile(operation) ? { body: FILE_BODY } : {}),
    },
    responses: { [operation.status]: success, default: PROBLEM_RESPONSE },
  });
}

/** Throws the `ValidationError` for the part of the request that failed its schema, as the backend would name it. */
function hookOf(operation: RestOperation): Hook {
  return (result) => {
    if (result.success) return;
    if (result.target === 'json') {
      const body = bodySchema(operation.args)!;
      parseInput(body.schema, result.data, body.name);
    } else if (result.target === 'query') {
      const query = queryArgument(operation.args)!;
      parseInput(query.schema, fromQueryString(query.schema, result.data), query.name);
    } else if (result.target === 'param') {
      parseInput(paramsSchema(operation.args)!, result.data, 'path');
    }
    throw new Error(`The ${result.target} of the request failed its schema, which then took it.`);
  };
}

/** The arguments of the backend's method, after the principal, as the request carries them (as sent, not as parsed). */
async function argumentsOf(c: Context, operation: RestOperation): Promise<unknown[]> {
  const args: unknown[] = [];
  for (const arg of operation.args) {
    if (arg.in === 'path') args.push(c.req.param(arg.name));
    else if (arg.in === 'query') args.push(fromQueryString(arg.schema, c.req.query()));
    else if (arg.in === 'file') args.push({ ...fromQueryString(arg.schema, c.req.query()), file: requestFile(c.req.raw) });
    else if (arg.in === 'body') args.push(await c.req.json().catch(() => undefined));
    else args.push(((await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined)?.[arg.name]);
  }
  return args;
}

/** A response of one of the table's routes: its body as sent (JSON text, '' for none) and its own headers. */
export interface RouteResponse {
  text: string;
  headers: Readonly<Record<string, string>>;
}

/** What each response a route made holds, so that a middleware may keep it without reading the response again. */
const made = new WeakMap<Response, RouteResponse>();

/**
 * The body and headers of a response one of the table's routes made, as sent; undefined for any other response (a
 * problem, or one made again by a middleware). Reading them this way leaves `@hono/node-server` free to write the
 * response in one go, where `response.clone()` would turn it into a stream and `response.headers` build a `Headers`.
 */
export function routeResponseOf(response: Response): RouteResponse | undefined {
  return made.get(response);
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** A route's response (see `securedResponse`), remembered for `routeResponseOf`. */
function routeResponse(text: string | null, status: number): Response {
  const headers = text === null ? {} : JSON_HEADERS;
  const response = securedResponse(text, status, headers);
  made.set(response, { text: text ?? '', headers });
  return response;
}

/**
 * Serves every operation of the table from `backend()` (read at each request, so a host may swap it). A file sent as it
 * is goes to the backend as a stream of the request's body, up to `fileBytes`; an operation the backend does not have
 * (an optional one) answers 404.
 */
export function addOperations(hono: HonoModules, app: App, backend: () => SmsBackend, fileBytes: number): void {
  for (const { group, name, operation } of restOperations()) {
    const handler = async (c: Context) => {
      const api = backend()[group] as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;
      const method = api[name];
      if (typeof method !== 'function') throw new NotFoundError('operation', `${group}.${name}`);
      const refused = sendsFile(operation) ? refusedFile(c.req.raw, fileBytes) : null;
      if (refused) return answer(refused);
      const result = await method.call(api, c.get('principal'), ...(await argumentsOf(c, operation)));
      if (operation.response === null) return routeResponse(null, 204);
      return routeResponse(JSON.stringify(result ?? null), operation.status);
    };
    const route = routeOf(hono, group, name, operation);
    // The document describes the table's schemas; the route checks requests with them, parsed at once.
    app.openAPIRegistry.registerPath(route);
    app.openapi({ ...checkedAtOnce(route), hide: true }, handler as never, hookOf(operation) as never);
  }
}

/**
 * A schema whose `safeParseAsync`, which `@hono/zod-validator` calls, is its `safeParse`: the table's schemas are all
 * synchronous (the backend parses them so), and zod parses an object synchronously with code compiled for its shape,
 * where its asynchronous walk took twice the time in the server bench's profile.
 */
function parsedAtOnce<S extends z.ZodType>(schema: S): S {
  return Object.create(schema, { safeParseAsync: { value: (input: unknown) => Promise.resolve(schema.safeParse(input)) } }) as S;
}

/** The route with its request's schemas parsed at once (see `parsedAtOnce`), to check requests; not to document them. */
function checkedAtOnce(route: ReturnType<typeof routeOf>): ReturnType<typeof routeOf> {
  const request = route.request as { params?: z.ZodType; query?: z.ZodType; body?: { content: Record<string, { schema: unknown }> } };
  const json = request.body?.content['application/json'];
  return {
    ...route,
    request: {
      ...request,
      ...(request.params ? { params: parsedAtOnce(request.params) } : {}),
      ...(request.query ? { query: parsedAtOnce(request.query) } : {}),
      ...(request.body && json ? { body: { ...request.body, content: { ...request.body.content, 'application/json': { ...json, schema: parsedAtOnce(json.schema as z.ZodType) } } } } : {}),
    },
  } as ReturnType<typeof routeOf>;
}
