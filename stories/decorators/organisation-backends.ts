import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { createLocalBackend, DEFAULT_ORGANISATION_ID, type Principal, type SmsBackend, type SmsClient } from '../../src/index.js';
import { clientFor, createEmptyBackend } from './backends.js';

/** The hosting vendor's operator of the organisation stories and tests (stored as the first operator on first sight). */
export const STORY_OPERATOR: Principal = { userId: 'ops-sam', role: 'operator' };

/**
 * A deployment of three organisations for `<sms-organisation-manager>`: Acme Corporation (the default one, capped at
 * 10 sends a second and 5,000 a day, two messages sent this month), Globex Logistics (suspended) and one named
 * `name` (markup by default in tests, to see it shown as text). Returns the operator's client, Acme's administrator
 * and user, and the backend.
 */
export async function organisationWorld(options: { name?: string } = {}): Promise<{ backend: SmsBackend; operator: SmsClient; admin: SmsClient; user: SmsClient }> {
  const empty = await createEmptyBackend();
  const operator = clientFor(empty.backend, STORY_OPERATOR);
  await operator.organisations.update(DEFAULT_ORGANISATION_ID, { name: 'Acme Corporation', limits: { sendsPerSecond: 10, sendsPerDay: 5000 } });
  await operator.organisations.create({ id: 'globex', name: 'Globex Logistics' });
  await operator.organisations.suspend('globex');
  await operator.organisations.create({ id: 'initech', name: options.name ?? 'Initech', limits: { sendsPerDay: 200 } });
  const user = clientFor(empty.backend, empty.user);
  for (const body of ['Your order is ready.', 'Reminder: your appointment is tomorrow at 10 am.']) {
    await user.messages.send({ channel: 'sms', to: '+61412000777', body });
  }
  // Usage is charged once the carrier takes a message (within a second here): wait for both, at most 5 s.
  for (let tries = 0; tries < 50 && ((await operator.organisations.usage())[0]?.messages ?? 0) < 2; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { backend: empty.backend, operator, admin: clientFor(empty.backend, empty.admin), user };
}

/** A deployment with no organisation (the default one removed), as its operator sees it before creating any. */
export async function withoutOrganisations(): Promise<{ client: SmsClient }> {
  const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ seed: 5 }), settings: { defaultCountry: 'AU', currency: 'AUD' } });
  const operator = clientFor(backend, STORY_OPERATOR);
  const { name } = await operator.organisations.get(DEFAULT_ORGANISATION_ID);
  await operator.organisations.remove(DEFAULT_ORGANISATION_ID, { confirmName: name });
  return { client: operator };
}
