// The demo portal's clients when `npm start` serves it: the HTTP backend against the server's REST API, with a token
// for each person from the demo's sign-in (standing in for the host portal's own session).
import { createHttpBackend } from '../adapters/http/index.js';
import { type Principal, type SmsBackend, type SmsClient, createSmsClient } from '../src/index.js';
import type { Who } from './people.js';
import type { SignInPerson } from './server/people.js';

/** Someone the server's sign-in offers (`GET /demo/people`). */
export type ServerPerson = SignInPerson;

let people: Promise<ServerPerson[]> | undefined;
let backend: SmsBackend | undefined;

/** Everyone who may sign in, as the server's directory has them. */
export function serverPeople(): Promise<ServerPerson[]> {
  people ??= fetch('/demo/people', { headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`The server did not list the people who may sign in (${response.status}).`);
    return (await response.json()) as ServerPerson[];
  });
  people.catch(() => (people = undefined));
  return people;
}

/** A token for a person, from the demo's sign-in; asked again when the server refuses one that expired. */
async function signIn(principal: Principal): Promise<string> {
  const response = await fetch('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisationId: principal.organisationId ?? null, userId: principal.userId }),
  });
  if (!response.ok) throw new Error(`Sign-in refused (${response.status}).`);
  return ((await response.json()) as { token: string }).token;
}

function serverBackend(): SmsBackend {
  return (backend ??= createHttpBackend({ baseUrl: location.origin, token: signIn }));
}

/** The person the portal shows for `who` in an organisation (the operator in none). */
export async function serverPerson(organisationId: string, who: Who): Promise<ServerPerson> {
  const person = (await serverPeople()).find((candidate) => candidate.key === who && (who === 'operator' || candidate.organisationId === organisationId));
  if (!person) throw new Error(`No one is "${who}" in ${organisationId}.`);
  return person;
}

export async function serverClient(organisationId: string, who: Who): Promise<SmsClient> {
  return createSmsClient({ backend: serverBackend(), principal: (await serverPerson(organisationId, who)).principal });
}

/** A client of the server's REST API for a principal the portal makes itself (the operator acting for support). */
export function serverPrincipalClient(principal: Principal): SmsClient {
  return createSmsClient({ backend: serverBackend(), principal });
}

export async function serverOrganisationName(organisationId: string): Promise<string> {
  return (await serverPeople()).find((person) => person.organisationId === organisationId)?.organisationName ?? organisationId;
}

/** A customer texts `to` (one of the caller's organisation's numbers) through the server's simulated carrier. */
export async function serverTextIn(client: SmsClient, to: string, text: { from: string; body: string }): Promise<void> {
  const response = await fetch('/demo/texts-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await signIn(client.principal)}` },
    body: JSON.stringify({ to, ...text }),
  });
  if (!response.ok) throw new Error(`The server's carrier did not take the text (${response.status}).`);
}
