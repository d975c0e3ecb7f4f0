import * as z from 'zod';
import type { SimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { type Principal, type SmsBackend, createSmsClient } from '../../src/index.js';

const TextIn = z.object({
  to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number'),
  from: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number'),
  body: z.string().min(1).max(1600),
}).strict();

/**
 * `POST /demo/texts-in`: the demo's "a customer texts in" button. A signed-in person makes a handset text one of
 * their organisation's numbers through the simulated carrier, as a real handset would reach the carrier.
 */
export function textsInRoute(options: { backend: SmsBackend; carrier: SimulatedCarrier; authenticate(request: Request): Promise<Principal | null> }) {
  const problem = (status: number, title: string, detail: string) =>
    new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), { status, headers: { 'content-type': 'application/problem+json' } });

  return async (request: Request): Promise<Response> => {
    const principal = await options.authenticate(request);
    if (!principal?.organisationId) return problem(401, 'Unauthorized', 'Sign in as someone of an organisation.');
    const text = await request.text();
    if (text.length > 4000) return problem(413, 'Too large', 'A text is at most 1,600 characters.');
    let parsed: z.ZodSafeParseResult<z.infer<typeof TextIn>>;
    try {
      parsed = TextIn.safeParse(JSON.parse(text));
    } catch {
      return problem(400, 'Bad request', 'The body is not JSON.');
    }
    if (!parsed.success) return problem(400, 'Bad request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    // Only a number of the caller's own organisation, whoever asks.
    const admin = createSmsClient({ backend: options.backend, principal: { organisationId: principal.organisationId, userId: 'demo-admin', role: 'admin' } });
    const numbers = await admin.numbers.list({ query: parsed.data.to, limit: 5 });
    if (!numbers.items.some((number) => number.e164 === parsed.data.to)) return problem(404, 'Not found', 'That is not one of your organisation\'s numbers.');
    await options.carrier.inject({ from: parsed.data.from, to: parsed.data.to, body: parsed.data.body });
    return new Response(null, { status: 204 });
  };
}
