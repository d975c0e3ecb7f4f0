/**
 * Fairness between organisations: how long organisation B's one-to-one message takes to reach the carrier, with
 * organisation A idle and with A dispatching a 100k-recipient campaign (aim: p95 within 100 ms in both).
 *
 * One engine, the memory store and a zero-latency carrier that notes when each message is handed to it. B sends one
 * direct message every `EVERY_MS` (default 20) on a fixed timetable; a message's latency runs from the moment it was
 * due on that timetable (so the wait for the host's turn, which an HTTP request would see too, counts) to the
 * carrier's `send` call for it. The idle phase sends `IDLE_SENDS` (default 200) messages; the busy phase sends until
 * A's campaign completes. `RECIPIENTS` (default 100,000) sets the size of A's campaign, `ROUNDS` (default 2) how many
 * idle/busy pairs are run, each on a fresh engine.
 */
import { type Carrier, type OutboundSms, type SmsClient, createLocalBackend, createSmsClient, demoMobile } from '../src/index.js';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { median, rate, table } from './support.js';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const EVERY_MS = Number(process.env.EVERY_MS ?? 20);
const IDLE_SENDS = Number(process.env.IDLE_SENDS ?? 200);
const AIM_P95_MS = 100;

/** A carrier that answers every send at once and notes when each message reached it. */
function timingCarrier(): Carrier & { reached: Map<string, number> } {
  const reached = new Map<string, number>();
  let sequence = 0;
  return {
    capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 },
    send: (sms: OutboundSms) => {
      reached.set(sms.messageId, performance.now());
      return Promise.resolve({ providerId: `SM${(sequence++).toString(16)}` });
    },
    connect: () => () => {},
    reached,
  };
}

/** An organisation's sender: a department, an extension with a number, and its user. */
async function sender(admin: SmsClient, e164: string, organisationId?: string): Promise<{ user: SmsClient; numberId: string; extensionId: string }> {
  const department = await admin.directory.createDepartment({ name: 'Bench' });
  const extension = await admin.directory.createExtension({ number: '100', name: 'Bench', departmentId: department.id });
  await admin.directory.createUser({ id: 'sender', name: 'Sender', role: 'user', departmentId: department.id, extensionIds: [extension.id] });
  const number = await admin.numbers.create({ e164, extensionIds: [extension.id] });
  const principal = { userId: 'sender', role: 'user', extensionId: extension.id, departmentId: department.id, ...(organisationId && { organisationId }) } as const;
  return { user: createSmsClient({ backend: admin.backend, principal }), numberId: number.id, extensionId: extension.id };
}

/**
 * B's direct messages, one every EVERY_MS from now on, until `count` are sent or `until()` says to stop; resolves with
 * each one's latency (ms from when it was due to the carrier's `send`).
 */
async function directSends(b: SmsClient, carrier: ReturnType<typeof timingCarrier>, options: { count?: number; until?: () => boolean }): Promise<number[]> {
  const start = performance.now() + EVERY_MS;
  const sent: { id: Promise<string>; due: number }[] = [];
  for (let index = 0; options.count === undefined || index < options.count; index++) {
    const due = start + index * EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    if (options.until?.()) break;
    sent.push({ id: b.messages.send({ channel: 'sms', to: demoMobile(900_000 + index), body: `Direct ${index}` }).then((message) => message.id), due });
  }
  const latencies: number[] = [];
  for (const { id, due } of sent) {
    const messageId = await id;
    while (!carrier.reached.has(messageId)) await new Promise((resolve) => setTimeout(resolve, 1));
    latencies.push(carrier.reached.get(messageId)! - due);
  }
  return latencies;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Phase {
  phase: 'A idle' | 'A dispatching 100k';
  latencies: number[];
  campaignMs: number | null;
}

async function round(): Promise<Phase[]> {
  const carrier = timingCarrier();
  const backend = createLocalBackend({ store: createMemoryStore(), carrier, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const operator = createSmsClient({ backend, principal: { userId: 'operator', role: 'operator' } });
  await operator.organisations.create({ id: 'org-b', name: 'Organisation B', settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const a = await sender(createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } }), '+61480000001');
  const b = await sender(createSmsClient({ backend, principal: { userId: 'admin', role: 'admin', organisationId: 'org-b' } }), '+61480000002', 'org-b');
  const recipients = Array.from({ length: RECIPIENTS }, (_, index) => ({ e164: demoMobile(index), fields: { name: `R${index}` }, line: index + 2 }));
  const upload = await a.user.campaigns.createUpload({ name: 'bench.csv', columns: ['phone', 'name'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
  const campaign = await a.user.campaigns.create({
    name: 'Bench', sender: { type: 'number', numberId: a.numberId }, body: 'Hello {{name}}, this is a benchmark message.', ratingExtensionId: a.extensionId, recipients: { uploadId: upload.id },
  });

  // Warm up B's path, then measure it with A idle.
  await directSends(b.user, carrier, { count: 20 });
  const idle = await directSends(b.user, carrier, { count: IDLE_SENDS });

  let completed = false;
  const done = new Promise<void>((resolve) => a.user.on('campaign.status', ({ campaign: changed }) => {
    if (changed.status !== 'completed') return;
    completed = true;
    resolve();
  }));
  const started = performance.now();
  const busy = directSends(b.user, carrier, { until: () => completed });
  await a.user.campaigns.start(campaign.id);
  await done;
  const campaignMs = performance.now() - started;
  const latencies = await busy;
  const final = await a.user.campaigns.get(campaign.id);
  if (final.counts.sent + final.counts.delivered !== RECIPIENTS) throw new Error(`Only ${final.counts.sent + final.counts.delivered} of ${RECIPIENTS} were sent.`);
  await backend.idle();
  await backend.close();
  return [{ phase: 'A idle', latencies: idle, campaignMs: null }, { phase: 'A dispatching 100k', latencies, campaignMs }];
}

async function main(): Promise<void> {
  const phases: Phase[] = [];
  for (let index = 0; index < ROUNDS; index++) phases.push(...(await round()));
  table(phases.map(({ phase, latencies, campaignMs }) => ({
    phase,
    'B direct sends': latencies.length,
    'p50': `${percentile(latencies, 50).toFixed(1)} ms`,
    'p95': `${percentile(latencies, 95).toFixed(1)} ms`,
    'max': `${Math.max(...latencies).toFixed(1)} ms`,
    'A recipients per second': campaignMs === null ? '-' : rate(RECIPIENTS, campaignMs),
  })));
  table((['A idle', 'A dispatching 100k'] as const).map((phase) => {
    const p95 = median(phases.filter((run) => run.phase === phase).map((run) => percentile(run.latencies, 95)));
    return { phase, 'median p95 of B': `${p95.toFixed(1)} ms`, [`within the ${AIM_P95_MS} ms aim`]: p95 <= AIM_P95_MS ? 'yes' : 'no' };
  }));
}

await main();
