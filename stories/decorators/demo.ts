import { createDemoBackend, type DemoBackend, type DemoBackendOptions } from '../../adapters/demo/index.js';
import type { DemoUserKey, SmsClient } from '../../src/index.js';
import { clientFor } from './backends.js';

const cache = new Map<string, Promise<DemoBackend>>();

/**
 * The seeded demo backend for stories, built once per set of options and shared by the stories that use it (a
 * week of history, a group number, campaigns in every status...).
 */
export function demoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const key = JSON.stringify(options);
  let demo = cache.get(key);
  if (!demo) cache.set(key, (demo = createDemoBackend(options)));
  return demo;
}

/** A client of the demo backend for one of its people. */
export async function demoClient(who: DemoUserKey | 'admin', options: DemoBackendOptions = {}): Promise<SmsClient> {
  const demo = await demoBackend(options);
  return clientFor(demo.backend, demo.world.principals[who]);
}
