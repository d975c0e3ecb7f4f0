import type { Principal } from '../../src/model/index.js';
import { PROBLEM_TYPE } from '../../src/ports/rest-operations.js';
import type { ProblemAnswer } from './problems.js';
import { securedResponse } from './security-headers.js';

/** What the server's middleware reads of hono's context (kept loose: the app is built at run time). */
export interface MiddlewareContext {
  req: { method: string; path: string; url: string; header(name: string): string | undefined; query(name: string): string | undefined; raw: Request; text(): Promise<string> };
  res: Response;
  get(key: 'principal'): Principal | undefined;
  set(key: 'principal', value: Principal): void;
}

export type Next = () => Promise<void>;

/** One middleware: answers the request itself, or lets it through with `next()`. */
export type Middleware = (c: MiddlewareContext, next: Next) => Promise<Response | void>;

/** A problem as the response sent. */
export function answer(problem: ProblemAnswer): Response {
  return securedResponse(JSON.stringify(problem.body), problem.status, { 'content-type': PROBLEM_TYPE, ...problem.headers });
}
