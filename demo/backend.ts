// The demo portal's backend: the embedded default (memory store, simulated carrier) with two seeded organisations,
// created once for the page. The portal asks for a client of the person it shows the portal to.
import { createDemoBackend, type DemoBackend } from '../adapters/demo/index.js';
import { createSmsClient, type SmsClient } from '../src/index.js';
import type { Who } from './people.js';

let demo: Promise<DemoBackend> | undefined;

export function demoBackend(): Promise<DemoBackend> {
  return (demo ??= createDemoBackend({ largeThread: 2000, settings: { segmentsPerSecond: 2 }, secondOrganisation: true }));
}

/** A client for one of an organisation's people (`alice`, `chloe`, `admin`...), or for the hosting vendor's operator. */
export async function demoClient(organisationId: string, who: Who): Promise<SmsClient> {
  const { backend, worlds, operator } = await demoBackend();
  const principal = who === 'operator' ? operator : worlds[organisationId]!.principals[who];
  return createSmsClient({ backend, principal });
}

/** An organisation's name, as the operator's portal knows it. */
export async function organisationName(organisationId: string): Promise<string> {
  const { backend, operator } = await demoBackend();
  return (await createSmsClient({ backend, principal: operator }).organisations.get(organisationId)).name;
}
