// The demo portal's backend. Served by `npm start`, the page talks to the server's REST API through the HTTP backend
// (demo/server-backend.ts), signed in as the person shown. Without a server (the browser tests, a static copy of the
// page) it runs the embedded default instead: memory store, simulated carrier, two seeded organisations, in the tab.
import { createDemoBackend, type DemoBackend } from '../adapters/demo/index.js';
import { createSmsClient, type Principal, type SmsClient } from '../src/index.js';
import type { Who } from './people.js';
import { serverClient, serverOrganisationName, serverPrincipalClient, serverTextIn } from './server-backend.js';

let demo: Promise<DemoBackend> | undefined;

/** Whether a pbx-sms server serves the page (its index.html says so), rather than the embedded backend. */
export function onServer(): boolean {
  return document.querySelector('meta[name="pbx-sms-server"]') !== null;
}

export function demoBackend(): Promise<DemoBackend> {
  return (demo ??= createDemoBackend({ largeThread: 2000, settings: { segmentsPerSecond: 2 }, secondOrganisation: true }));
}

/** A client for one of an organisation's people (`alice`, `chloe`, `admin`...), or for the hosting vendor's operator. */
export async function demoClient(organisationId: string, who: Who): Promise<SmsClient> {
  if (onServer()) return serverClient(organisationId, who);
  const { backend, worlds, operator } = await demoBackend();
  const principal = who === 'operator' ? operator : worlds[organisationId]!.principals[who];
  return createSmsClient({ backend, principal });
}

/** A client for the principal of `sms-support-access`: the operator, reading one organisation for support. */
export async function supportClient(principal: Principal): Promise<SmsClient> {
  if (onServer()) return serverPrincipalClient(principal);
  return createSmsClient({ backend: (await demoBackend()).backend, principal });
}

/** An organisation's name, as the operator's portal knows it. */
export async function organisationName(organisationId: string): Promise<string> {
  if (onServer()) return serverOrganisationName(organisationId);
  const { backend, operator } = await demoBackend();
  return (await createSmsClient({ backend, principal: operator }).organisations.get(organisationId)).name;
}

/** A customer's text reaches `to`, one of the organisation's numbers, through the carrier. */
export async function textIn(client: SmsClient, to: string, text: { from: string; body: string }): Promise<void> {
  if (onServer()) return serverTextIn(client, to, text);
  const { backend } = await demoBackend();
  await backend.inbound.sms({ providerId: `demo-live-${Date.now()}-${Math.random().toString(36).slice(2)}`, from: text.from, to, body: text.body, receivedAt: new Date().toISOString() });
}
