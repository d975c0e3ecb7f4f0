import { createLocalBackend, createSmsClient, SmsError, type Principal, type SmsBackend, type SmsClient } from '../../src/index.js';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';

type Method = (...args: unknown[]) => Promise<unknown>;

/** A copy of a backend whose every call is answered by `answer` instead (events and close still work). */
export function wrapBackend(base: SmsBackend, answer: (group: string, method: string, call: () => Promise<unknown>) => Promise<unknown>): SmsBackend {
  const wrapped: Record<string, unknown> = { subscribe: base.subscribe.bind(base), close: base.close.bind(base) };
  for (const [group, api] of Object.entries(base)) {
    if (typeof api !== 'object' || api === null) continue;
    const methods: Record<string, Method> = {};
    for (const [name, method] of Object.entries(api as Record<string, Method>)) {
      methods[name] = (...args) => answer(group, name, () => method.apply(api, args));
    }
    wrapped[group] = methods;
  }
  return wrapped as unknown as SmsBackend;
}

/** Every call stays pending: the loading state. */
export function stalledBackend(base: SmsBackend): SmsBackend {
  return wrapBackend(base, () => new Promise(() => undefined));
}

/** Every call fails as an unreachable service would, until `recover()` is called: the error state and its retry. */
export function failingBackend(base: SmsBackend): SmsBackend & { recover(): void } {
  let failing = true;
  const backend = wrapBackend(base, (_group, _method, call) =>
    failing ? Promise.reject(new SmsError('backend.unavailable', 'The SMS service cannot be reached. Check the connection and try again.')) : call(),
  );
  return Object.assign(backend, { recover: () => (failing = false) });
}

/** Calls wait `ms` before they run: slow networks in stories. */
export function slowBackend(base: SmsBackend, ms: number): SmsBackend {
  return wrapBackend(base, async (_group, _method, call) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return call();
  });
}

/**
 * A fresh backend with one department, one user with one number and an administrator, and nothing else: the
 * empty states.
 */
export async function createEmptyBackend(): Promise<{ backend: SmsBackend; user: Principal; admin: Principal; numberId: string }> {
  const backend = createLocalBackend({
    store: createMemoryStore(),
    carrier: createSimulatedCarrier({ seed: 3, latencyMs: [200, 600] }),
    settings: { defaultCountry: 'AU', currency: 'AUD' },
  });
  const admin: Principal = { userId: 'empty-admin', role: 'admin' };
  const adminClient = createSmsClient({ backend, principal: admin });
  const department = await adminClient.directory.createDepartment({ name: 'Reception', alphaTags: ['RECEPTION'] });
  const extension = await adminClient.directory.createExtension({ number: '100', name: 'Reception', departmentId: department.id });
  await adminClient.directory.createUser({ id: 'empty-user', name: 'Riley Brooks', role: 'user', departmentId: department.id, extensionIds: [extension.id] });
  const number = await adminClient.numbers.create({ e164: '+61480000900', label: 'Reception', extensionIds: [extension.id] });
  const user: Principal = { userId: 'empty-user', role: 'user', extensionId: extension.id, departmentId: department.id };
  return { backend, user, admin, numberId: number.id };
}

export function clientFor(backend: SmsBackend, principal: Principal): SmsClient {
  return createSmsClient({ backend, principal });
}
