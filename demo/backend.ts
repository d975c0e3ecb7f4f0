// The demo portal's backend: the embedded default (memory store, simulated carrier, a seeded organisation),
// created once for the page. Sections ask for a client of the person they show the portal to.
import { createDemoBackend, type DemoBackend } from '../adapters/demo/index.js';
import { createSmsClient, type DemoUserKey, type SmsClient } from '../src/index.js';

let demo: Promise<DemoBackend> | undefined;

export function demoBackend(): Promise<DemoBackend> {
  return (demo ??= createDemoBackend({ largeThread: 2000, settings: { segmentsPerSecond: 2 } }));
}

/** A client for one of the demo's people: `alice` (sales, group number), `chloe` (two numbers), `admin`... */
export async function demoClient(who: DemoUserKey | 'admin'): Promise<SmsClient> {
  const { backend, world } = await demoBackend();
  return createSmsClient({ backend, principal: world.principals[who] });
}
