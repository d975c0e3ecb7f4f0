/**
 * Dispatch of a 100k-recipient campaign through the memory store to a zero-latency carrier without a rate limit:
 * recipients per second (aim: at least 50k/s, so that the engine is never what a carrier waits on) and memory per
 * recipient (heap retained by the store after the campaign, divided by recipients).
 *
 * Two zero-latency carriers take turns, in one process, so that both meet the machine in the same state:
 * - `bare`: answers each send at once with a provider id and does nothing else (the engine's own figure);
 * - `simulated`: `createSimulatedCarrier({ latencyMs: 0 })`, which also draws each message's outcome and reports its
 *   delivery at once, work a real carrier does on its side: the engine applies those 100k reports (message and
 *   recipient moved to delivered) while it is still sending, since it gives the host a turn between batches.
 * Each run reports wall time and CPU time (GC threads included); `ROUNDS` (default 2) sets how many turns each
 * carrier gets, and the summary gives each carrier's median.
 */
import { type Carrier, createLocalBackend, demoMobile } from '../src/index.js';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../adapters/simulated-carrier/index.js';
import { heapUsed, mb, measure, median, rate, sendingDesk, table } from './support.js';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const AIM = 50_000;

type CarrierKind = 'bare' | 'simulated';

/** A carrier that answers every send at once and reports nothing: what the engine alone can do. */
function bareCarrier(): Carrier & { flush(): Promise<void> } {
  let sequence = 0;
  return {
    capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 },
    send: () => Promise.resolve({ providerId: `SM${(sequence++).toString(16)}` }),
    connect: () => () => {},
    flush: async () => {},
  };
}

interface Run {
  carrier: CarrierKind;
  startMs: number;
  ms: number;
  cpuMs: number;
  retained: number;
  peakRss: number;
}

async function once(kind: CarrierKind): Promise<Run> {
  const before = heapUsed();
  const store = createMemoryStore();
  const carrier = kind === 'bare'
    ? bareCarrier()
    : createSimulatedCarrier({ seed: 1, latencyMs: 0, deliveryRate: 1, capabilities: { segmentsPerSecondPerSender: 0 }, log: false });
  const backend = createLocalBackend({ store, carrier, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const { user, number, extension } = await sendingDesk(backend);
  const recipients = Array.from({ length: RECIPIENTS }, (_, index) => ({ e164: demoMobile(index), fields: { name: `R${index}` }, line: index + 2 }));
  const upload = await user.campaigns.createUpload({ name: 'bench.csv', columns: ['phone', 'name'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
  const campaign = await user.campaigns.create({
    name: 'Bench', sender: { type: 'number', numberId: number.id }, body: 'Hello {{name}}, this is a benchmark message.', ratingExtensionId: extension.id, recipients: { uploadId: upload.id },
  });

  const done = new Promise<void>((resolve) => user.on('campaign.status', ({ campaign: changed }) => changed.status === 'completed' && resolve()));
  let startMs = 0;
  const cpu = process.cpuUsage();
  const { ms, peakRss } = await measure(async () => {
    const started = performance.now();
    await user.campaigns.start(campaign.id);
    startMs = performance.now() - started;
    await done;
  });
  const { user: userCpu, system } = process.cpuUsage(cpu);
  const final = await user.campaigns.get(campaign.id);
  if (final.counts.sent + final.counts.delivered !== RECIPIENTS) throw new Error(`Only ${final.counts.sent + final.counts.delivered} of ${RECIPIENTS} were sent.`);
  await carrier.flush();
  await backend.idle();
  const retained = heapUsed() - before;
  await backend.close();
  return { carrier: kind, startMs, ms, cpuMs: (userCpu + system) / 1000, retained, peakRss };
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of (round % 2 === 0 ? ['bare', 'simulated'] : ['simulated', 'bare']) as CarrierKind[]) runs.push(await once(kind));
  }
  table(runs.map((run) => ({
    carrier: run.carrier,
    'start (copy, estimate)': `${(run.startMs / 1000).toFixed(2)} s`,
    'start to completed': `${(run.ms / 1000).toFixed(2)} s`,
    'recipients per second': rate(RECIPIENTS, run.ms),
    'after start returned': rate(RECIPIENTS, run.ms - run.startMs),
    'CPU µs per recipient': ((run.cpuMs * 1000) / RECIPIENTS).toFixed(1),
    'memory per recipient': `${Math.round(run.retained / RECIPIENTS)} B`,
  })));
  table((['bare', 'simulated'] as const).map((kind) => {
    const ms = median(runs.filter((run) => run.carrier === kind).map((run) => run.ms));
    return { carrier: kind, 'median recipients per second': rate(RECIPIENTS, ms), 'ratio to the 50,000/s aim': `${((RECIPIENTS / ms) * 1000 / AIM).toFixed(2)}×` };
  }));
  // Later runs start from the heap the earlier ones grew, so only the first run's peak says what one campaign takes.
  console.log(`peak RSS of the first run (${runs[0]!.carrier}): ${mb(runs[0]!.peakRss)}`);
}

await main();
