import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { handset } from '../fixtures/desk-campaign.js';
import { type CarriedLine, POSTGRES_STORE_MODULE, PROOF_RECIPIENTS, carried, outcomeOf, senderOf, startEngine } from '../fixtures/engine-process.js';
import { freshSchema, schemasOn } from '../fixtures/postgres.js';

const server = schemasOn('server');
/** What two instances may take to finish their campaign before the test gives up (ms). */
const RUN_MS = 300_000;

/** Two engine processes (crash-child.ts) over one fresh schema of the server; the first seeds and starts the campaign. */
async function twoInstances(seed: Record<string, string>, shared: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-sms-instances-'));
  const schema = freshSchema('inst');
  // Nobody dies here: the engine's default orphan grace, so that a claim of the other process slow to be answered on a
  // loaded machine is left to it.
  const env = { PBX_SMS_CRASH_STORE: POSTGRES_STORE_MODULE, PBX_SMS_CRASH_SCHEMA: schema, PBX_SMS_CRASH_ORPHAN_GRACE: '10000', PBX_SMS_CRASH_INSTANCES: '2', ...shared };
  const a = startEngine(dir, { ...env, ...seed });
  const b = startEngine(dir, env);
  try {
    const outcomes = await Promise.all([outcomeOf(a, RUN_MS), outcomeOf(b, RUN_MS)]);
    return { outcomes, log: carried(dir), pids: [String(a.child.pid), String(b.child.pid)] };
  } finally {
    for (const { child } of [a, b]) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await server.drop({ schema });
  }
}

function sendsPerRecipient(log: readonly CarriedLine[]): Map<string, number> {
  const sends = new Map<string, number>();
  for (const { to } of log) sends.set(to, (sends.get(to) ?? 0) + 1);
  return sends;
}

/**
 * Many instances, one database, for real: two engines in two Node processes, each with its own pool on one schema of the
 * PostgreSQL server, on the system clock; the carrier of each records what it accepted to one file, synchronously.
 * PROOF_RECIPIENTS recipients: 2,000 in `npm test`, the 20,000 with PBX_SMS_PROOF_RECIPIENTS=20000.
 */
describe('Many instances, one database: two engine processes over one PostgreSQL', () => {
  it(`dispatch a campaign of ${PROOF_RECIPIENTS.toLocaleString('en')} started once from both processes, each recipient once, and release a scheduled message once`, { timeout: RUN_MS + 60_000 }, async () => {
    // At most a quarter of the recipients a second: the campaign lasts seconds, long enough for the instance that did
    // not start it to join on a loaded machine.
    const rate = String(Math.ceil(PROOF_RECIPIENTS / 4));
    const { outcomes, log, pids } = await twoInstances({ PBX_SMS_CRASH_SEED: String(PROOF_RECIPIENTS), PBX_SMS_CRASH_SCHEDULE: '2000' }, { PBX_SMS_CRASH_RATE: rate });
    const campaign = log.filter(({ to }) => to !== handset(PROOF_RECIPIENTS + 1));
    const sends = sendsPerRecipient(campaign);
    assert.equal(sends.size, PROOF_RECIPIENTS, 'every recipient got the message');
    assert.deepEqual([...sends].filter(([, count]) => count > 1), [], 'nobody got two');
    const byProcess = pids.map((pid) => campaign.filter((line) => senderOf(line) === pid).length);
    assert.ok(byProcess.every((count) => count > 0), `both processes sent: ${byProcess.join(' and ')}`);
    assert.equal(log.filter(({ to }) => to === handset(PROOF_RECIPIENTS + 1)).length, 1, 'the scheduled message went once');
    for (const outcome of outcomes) {
      assert.equal(outcome.scheduled, 'sent');
      assert.equal(outcome.counts.sent, PROOF_RECIPIENTS, `counts read on either instance add up: ${JSON.stringify(outcome.counts)}`);
      assert.equal(outcome.usage.messages, PROOF_RECIPIENTS + 1, 'each charged once');
    }
  });

  it('hold the rate per sender across the two processes', { timeout: RUN_MS + 60_000 }, async () => {
    const RATE = 100;
    const RECIPIENTS = 1000;
    const { log, pids } = await twoInstances({ PBX_SMS_CRASH_SEED: String(RECIPIENTS) }, { PBX_SMS_CRASH_RATE: String(RATE) });
    assert.equal(sendsPerRecipient(log).size, RECIPIENTS);
    assert.ok(pids.every((pid) => log.some((line) => senderOf(line) === pid)), 'both processes sent');
    const perSecond = new Map<number, number>();
    for (const { at } of log) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    const seconds = [...perSecond.keys()].sort((x, y) => x - y);
    const counts = seconds.map((second) => perSecond.get(second)!);
    // The instances count a sender's segments per second of the clock when they claim, a quarter of the rate at a time;
    // a claimed send reaches the carrier later (tenths of a second on a loaded machine), so a second of the carrier's
    // clock may hold sends claimed in the one before. Tolerance: in any 3 seconds in a row, 3 × the rate plus each
    // instance's quarter in hand (two instances that each kept the rate alone would send twice the rate).
    const WINDOW = 3;
    const bound = WINDOW * RATE + 2 * (RATE / 4);
    const busiest = Math.max(...seconds.map((second) => Array.from({ length: WINDOW }, (_, offset) => perSecond.get(second + offset) ?? 0).reduce((sum, count) => sum + count, 0)));
    assert.ok(busiest <= bound, `at most ${bound} in any ${WINDOW} seconds of the clock, saw ${busiest}: ${JSON.stringify(counts)}`);
    assert.ok(perSecond.size >= RECIPIENTS / RATE, `spread over ${perSecond.size} seconds of the clock`);
  });
});
