/**
 * Dispatch of a 100k-recipient campaign through the memory store to a zero-latency carrier without a rate limit:
 * recipients per second (aim: at least 50k/s, so that the engine is never what a carrier waits on) and memory per
 * recipient (heap retained by the store after the campaign, divided by recipients).
 */
import { createLocalBackend, createSmsClient, demoMobile } from '../src/index.js';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../adapters/simulated-carrier/index.js';
import { heapUsed, mb, measure, rate, table } from './support.js';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);

async function main(): Promise<void> {
  const before = heapUsed();
  const store = createMemoryStore();
  const carrier = createSimulatedCarrier({ seed: 1, latencyMs: 0, deliveryRate: 1, capabilities: { segmentsPerSecondPerSender: 0 }, log: false });
  const backend = createLocalBackend({ store, carrier, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const admin = createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } });
  const department = await admin.directory.createDepartment({ name: 'Bench' });
  const extension = await admin.directory.createExtension({ number: '100', name: 'Bench', departmentId: department.id });
  await admin.directory.createUser({ id: 'sender', name: 'Sender', role: 'user', departmentId: department.id, extensionIds: [extension.id] });
  const number = await admin.numbers.create({ e164: '+61480000001', extensionIds: [extension.id] });
  const user = createSmsClient({ backend, principal: { userId: 'sender', role: 'user', extensionId: extension.id, departmentId: department.id } });
  const recipients = Array.from({ length: RECIPIENTS }, (_, index) => ({ e164: demoMobile(index), fields: { name: `R${index}` }, line: index + 2 }));
  const upload = await user.campaigns.createUpload({ name: 'bench.csv', columns: ['phone', 'name'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
  const campaign = await user.campaigns.create({
    name: 'Bench', sender: { type: 'number', numberId: number.id }, body: 'Hello {{name}}, this is a benchmark message.', ratingExtensionId: extension.id, recipients: { uploadId: upload.id },
  });

  const done = new Promise<void>((resolve) => user.on('campaign.status', ({ campaign: changed }) => changed.status === 'completed' && resolve()));
  let startMs = 0;
  const { ms, peakRss } = await measure(async () => {
    const started = performance.now();
    await user.campaigns.start(campaign.id);
    startMs = performance.now() - started;
    await done;
  });
  const final = await user.campaigns.get(campaign.id);
  await carrier.flush();
  await backend.idle();
  const retained = heapUsed() - before;
  table([
    { figure: 'recipients', value: RECIPIENTS },
    { figure: 'sent', value: final.counts.sent + final.counts.delivered },
    { figure: 'start (estimate, copy of the recipients)', value: `${(startMs / 1000).toFixed(2)} s` },
    { figure: 'dispatch time (start to completed)', value: `${(ms / 1000).toFixed(2)} s` },
    { figure: 'recipients per second', value: rate(RECIPIENTS, ms) },
    { figure: 'recipients per second after start returned', value: rate(RECIPIENTS, ms - startMs) },
    { figure: 'target', value: '50,000/s' },
    { figure: 'ratio to target', value: `${((RECIPIENTS / ms) * 1000 / 50_000).toFixed(2)}×` },
    { figure: 'heap retained (store: recipients, messages, upload)', value: mb(retained) },
    { figure: 'memory per recipient', value: `${Math.round(retained / RECIPIENTS)} B` },
    { figure: 'peak RSS', value: mb(peakRss) },
  ]);
  await backend.close();
}

await main();
