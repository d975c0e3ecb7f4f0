import * as z from 'zod';
import { mintToken } from '../../adapters/rest-server/jwt.js';
import type { SignInPerson } from './people.js';

/** Who the token names and checks: the demo's server is both the host portal and the SMS service. */
export const TOKEN_ISSUER = 'pbx-sms-demo';
export const TOKEN_AUDIENCE = 'pbx-sms';
/** Seconds a token lasts; the portal asks for another when one is refused. */
export const TOKEN_SECONDS = 900;

const SignInRequest = z.object({
  organisationId: z.string().min(1).max(100).nullable(),
  userId: z.string().min(1).max(100),
}).strict();

/**
 * The demo's sign-in, standing in for a host portal's own: `GET /demo/people` lists who may sign in, `POST
 * /demo/sign-in` gives a token for one of them (no password: it is a demo on 127.0.0.1), or for the operator acting for
 * support in an organisation (`organisationId` and the operator's `userId`). Everything else is null.
 */
export function signInRoutes(options: { secret: Uint8Array; people(): Promise<SignInPerson[]> }) {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  const problem = (status: number, title: string, detail: string) =>
    new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), { status, headers: { 'content-type': 'application/problem+json' } });

  return async (request: Request, path: string): Promise<Response | null> => {
    if (path === '/demo/people' && request.method === 'GET') {
      // Names and ids, as a host portal's own user list would show them: the token is what signs someone in.
      return json(await options.people());
    }
    if (path === '/demo/sign-in' && request.method === 'POST') {
      if (!request.headers.get('content-type')?.startsWith('application/json')) return problem(415, 'Unsupported media type', 'Send the sign-in as application/json.');
      const text = await request.text();
      if (text.length > 1000) return problem(413, 'Too large', 'A sign-in is a few bytes.');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return problem(400, 'Bad request', 'The body is not JSON.');
      }
      const parsed = SignInRequest.safeParse(body);
      if (!parsed.success) return problem(400, 'Bad request', 'Give organisationId (or null for the operator) and userId.');
      const people = await options.people();
      const person = people.find((candidate) => candidate.organisationId === parsed.data.organisationId && candidate.principal.userId === parsed.data.userId);
      // The operator acting for support in an organisation: their own principal, naming it (the engine lets it read, recorded).
      const operator = people.find((candidate) => candidate.principal.role === 'operator' && candidate.principal.userId === parsed.data.userId);
      const principal = person?.principal ?? (operator && parsed.data.organisationId !== null ? { ...operator.principal, organisationId: parsed.data.organisationId } : null);
      if (!principal) return problem(404, 'Not found', 'No one of that name can sign in here.');
      const token = await mintToken({ secret: options.secret, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, principal, expiresIn: TOKEN_SECONDS });
      return json({ token, expiresIn: TOKEN_SECONDS, principal });
    }
    return null;
  };
}
