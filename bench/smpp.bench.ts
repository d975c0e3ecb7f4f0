/**
 * Submits per second over SMPP, on loopback, to the fake SMSC of the tests running in a process of its own
 * (bench/smpp-smsc.ts), with a window of 50 and no TPS cap (aim: at least 2,000/s):
 * - `adapter`: `carrier.send` called for every message at once, single-part messages, no receipts;
 * - `engine + SMPP`: a campaign through the local engine on the memory store, with this carrier;
 * - `engine + simulated`: the same campaign with the simulated carrier at zero latency, the engine's own figure.
 * MESSAGES (default 20,000) sets the count; ROUNDS (default 2) how many turns each gets (the summary gives medians).
 */
import { fork } from 'node:child_process';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../adapters/simulated-carrier/index.js';
import { createSmppCarrier } from '../adapters/smpp/index.js';
import { type Carrier, createLocalBackend, demoMobile } from '../src/index.js';
import { createBulkCampaign } from '../test/fixtures/bulk-campaign.js';
import { median, rate, table } from './support.js';

const MESSAGES = Number(process.env.MESSAGES ?? 20_000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const WINDOW = 50;
const AIM = 2000;

interface Smsc {
  port: number;
  submits(): Promise<number>;
  close(): Promise<void>;
}

async function startSmsc(): Promise<Smsc> {
  const child = fork(new URL('./smpp-smsc.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The SMSC process did not answer within 10 s.')), 10_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as T);
    });
  });
  const { port } = await next<{ port: number }>();
  return {
    port,
    async submits() {
      child.send({ type: 'count' });
      return (await next<{ submits: number }>()).submits;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function smppCarrier(port: number) {
  return createSmppCarrier({ host: '127.0.0.1', port, systemId: 'pbx', password: 'secret', windowSize: WINDOW, tps: 0, queueTimeoutMs: 600_000 });
}

async function adapterRun(): Promise<number> {
  const smsc = await startSmsc();
  const carrier = smppCarrier(smsc.port);
  await carrier.send({ messageId: 'warm-up', from: '+61480000001', to: demoMobile(0), body: 'Warm-up', encoding: 'GSM-7', segments: 1 });
  const started = performance.now();
  await Promise.all(Array.from({ length: MESSAGES }, (_, index) => carrier.send({
    messageId: `m${index}`, from: '+61480000001', to: demoMobile(index), body: `Hello ${index}, this is a benchmark message.`, encoding: 'GSM-7', segments: 1,
  })));
  const ms = performance.now() - started;
  const submits = await smsc.submits();
  if (submits !== MESSAGES + 1) throw new Error(`The SMSC took ${submits} submits for ${MESSAGES + 1} messages.`);
  await carrier.close();
  await smsc.close();
  return ms;
}

async function campaignRun(kind: 'engine + SMPP' | 'engine + simulated'): Promise<number> {
  const smsc = kind === 'engine + SMPP' ? await startSmsc() : null;
  const carrier: Carrier & { close?(): Promise<void> } = smsc
    ? smppCarrier(smsc.port)
    : createSimulatedCarrier({ seed: 1, latencyMs: 0, log: false, reports: { deliveryMs: 0 }, deliveryRate: 1 });
  const backend = createLocalBackend({ store: createMemoryStore(), carrier, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 }, sendsInFlight: WINDOW * 4 });
  const { user, campaign, completed: done } = await createBulkCampaign(backend, MESSAGES, 'Hello, this is a benchmark message.');
  const started = performance.now();
  await user.campaigns.start(campaign.id);
  await done;
  const ms = performance.now() - started;
  const final = await user.campaigns.get(campaign.id);
  if (final.counts.sent + final.counts.delivered !== MESSAGES) throw new Error(`${kind}: only ${final.counts.sent + final.counts.delivered} of ${MESSAGES} were sent.`);
  if (smsc && (await smsc.submits()) !== MESSAGES) throw new Error(`${kind}: the SMSC did not take exactly ${MESSAGES} submits.`);
  await backend.close();
  await carrier.close?.();
  await smsc?.close();
  return ms;
}

const runs: Array<{ what: string; ms: number }> = [];
for (let round = 0; round < ROUNDS; round++) {
  runs.push({ what: 'adapter', ms: await adapterRun() });
  runs.push({ what: 'engine + SMPP', ms: await campaignRun('engine + SMPP') });
  runs.push({ what: 'engine + simulated', ms: await campaignRun('engine + simulated') });
}
table(runs.map((run) => ({ what: run.what, messages: MESSAGES, time: `${(run.ms / 1000).toFixed(2)} s`, 'messages per second': rate(MESSAGES, run.ms) })));
table(['adapter', 'engine + SMPP', 'engine + simulated'].map((what) => {
  const ms = median(runs.filter((run) => run.what === what).map((run) => run.ms));
  return { what, 'median messages per second': rate(MESSAGES, ms), [`ratio to the ${AIM.toLocaleString('en-US')}/s aim`]: `${((MESSAGES / ms) * 1000 / AIM).toFixed(2)}×` };
}));
