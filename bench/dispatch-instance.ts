/**
 * One engine instance of the postgres bench's two-instance dispatch (`CASES=instances`), in a process of its own: it
 * opens the store on the schema the bench gives (PostgreSQL at BENCH_DATABASE_URL, schema BENCH_SCHEMA), says it is
 * ready (a file in BENCH_DIR), and dispatches whatever campaign runs. The instance given BENCH_SEED=<recipients> sets up
 * the desk and the campaign, waits for BENCH_INSTANCES instances to be ready, and starts it. Each instance prints one
 * JSON line once the campaign has completed: the ms since the epoch it was started and completed at (as the store
 * tells), how many messages its carrier took, and its peak RSS.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../adapters/postgres-store/index.js';
import { createLocalBackend, createSmsClient } from '../src/index.js';
import type { Principal } from '../src/model/index.js';
import { createBulkCampaign } from '../test/fixtures/bulk-campaign.js';
import { bareCarrier } from './stores.js';

const dir = process.env.BENCH_DIR!;
const seed = Number(process.env.BENCH_SEED ?? 0);
const instances = Number(process.env.BENCH_INSTANCES ?? 1);
/** How long an instance waits for the others, or for the campaign (ms). */
const WAIT_MS = 600_000;
const POLL_MS = 50;

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited too long for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: 20 });
const store = await createPostgresStore({ pool, schema: process.env.BENCH_SCHEMA! });
const carrier = bareCarrier();
let taken = 0;
const counted = { ...carrier, send: (message: Parameters<typeof carrier.send>[0]) => ((taken += 1), carrier.send(message)) };
const backend = createLocalBackend({ store, carrier: counted, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
await backend.ready;
writeFileSync(join(dir, `ready-${process.pid}`), '');
const stateFile = join(dir, 'campaign.json');
if (seed > 0) {
  const { user, principal, campaign } = await createBulkCampaign(backend, seed, 'Hello {{name}}, this is a benchmark message.');
  await until('the other instances', () => (readdirSync(dir).filter((name) => name.startsWith('ready-')).length >= instances ? true : undefined));
  const startedAt = Date.now();
  await user.campaigns.start(campaign.id);
  writeFileSync(`${stateFile}.new`, JSON.stringify({ principal, campaignId: campaign.id, startedAt }));
  renameSync(`${stateFile}.new`, stateFile);
}
const state = await until('the campaign', () => (existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) as { principal: Principal; campaignId: string; startedAt: number } : undefined));
const client = createSmsClient({ backend, principal: state.principal });
const done = await until('the campaign to complete', async () => {
  const campaign = await client.campaigns.get(state.campaignId);
  return campaign.status === 'completed' ? campaign : undefined;
});
const completedAt = Date.parse(done.completedAt!);
await backend.close();
await store.close();
await pool.end();
console.log(JSON.stringify({ startedAt: state.startedAt, completedAt, sent: done.counts.sent, taken, peakRss: process.resourceUsage().maxRSS * 1024 }));
