import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { createLocalBackend, type SmsClient } from '../../src/index.js';
import { clientFor } from './backends.js';

/**
 * A fresh organisation with the engine's initial settings and no department yet (the PBX has not synced its
 * directory): the empty state of `<sms-settings>`, for its administrator.
 */
export async function withoutDepartments(role: 'admin'): Promise<{ client: SmsClient }> {
  const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ seed: 3, latencyMs: [200, 600] }) });
  return { client: clientFor(backend, { userId: 'empty-admin', role }) };
}
