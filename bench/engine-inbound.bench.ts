/**
 * Inbound processing with keyword classification and opt-out: messages per second through the engine and the
 * memory store (90% ordinary replies, 5% STOP, 3% keyword messages to the short code, 2% HELP).
 */
import { createLocalBackend, createSmsClient, demoMobile } from '../src/index.js';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../adapters/simulated-carrier/index.js';
import { measure, mb, rate, table } from './support.js';

const MESSAGES = Number(process.env.MESSAGES ?? 20_000);

async function main(): Promise<void> {
  const carrier = createSimulatedCarrier({ seed: 2, latencyMs: 0, deliveryRate: 1 });
  const backend = createLocalBackend({
    store: createMemoryStore(), carrier, settings: { defaultCountry: 'AU', shortCode: '0481025', keywordPrefix: 'ACME', optOutConfirmation: null, helpReply: null },
  });
  const admin = createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } });
  const department = await admin.directory.createDepartment({ name: 'Bench' });
  const extension = await admin.directory.createExtension({ number: '100', name: 'Bench', departmentId: department.id });
  await admin.directory.createUser({ id: 'agent', name: 'Agent', role: 'user', departmentId: department.id, extensionIds: [extension.id] });
  await admin.numbers.create({ e164: '+61480000001', extensionIds: [extension.id] });
  await admin.keywords.create({ keyword: 'PARKING', routes: { portal: 'agent' } });

  const bodies = (index: number): { to: string; body: string } => {
    const pick = index % 100;
    if (pick < 5) return { to: '+61480000001', body: 'STOP' };
    if (pick < 8) return { to: '0481025', body: `ACME PARKING car ${index} in bay 4` };
    if (pick < 10) return { to: '+61480000001', body: 'help' };
    return { to: '+61480000001', body: `Reply number ${index}, see you Thursday` };
  };
  const { ms, peakRss } = await measure(async () => {
    for (let index = 0; index < MESSAGES; index++) {
      const { to, body } = bodies(index);
      await backend.inbound.sms({ providerId: `in-${index}`, from: demoMobile(index % 5000), to, body, receivedAt: new Date().toISOString() });
    }
    await backend.idle();
  });
  const blocked = await admin.blocklist.list({ source: 'opt-out', limit: 1 });
  table([
    { figure: 'inbound messages', value: MESSAGES },
    { figure: 'time', value: `${(ms / 1000).toFixed(2)} s` },
    { figure: 'messages per second', value: rate(MESSAGES, ms) },
    { figure: 'opt-out entries (first page)', value: blocked.items.length },
    { figure: 'peak RSS', value: mb(peakRss) },
  ]);
  await backend.close();
}

await main();
