import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { handset } from '../fixtures/desk-campaign.js';

const RECIPIENTS = 20_000;
const KILLS = 5;
/** What one life may take before the test gives up on it (ms). */
const LIFE_MS = 120_000;
const CHILD = join(import.meta.dirname, '../fixtures/crash-child.ts');

interface Outcome {
  counts: Record<string, number>;
  usage: { messages: number };
  states: Record<string, string>;
}

/** The lines the carrier recorded so far: one per message it accepted. */
function carried(dir: string): { to: string }[] {
  const path = join(dir, 'carrier.log');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.endsWith('}')).map((line) => JSON.parse(line) as { to: string });
}

function start(dir: string, seed: number): { child: ChildProcess; output: Promise<string> } {
  const env = { ...process.env, PBX_SMS_CRASH_DIR: dir, ...(seed > 0 && { PBX_SMS_CRASH_SEED: String(seed) }) };
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: new Promise((resolve) => child.on('exit', () => resolve(output))) };
}

/** Waits until the carrier has accepted `count` messages, or the child has exited, or the life's time is up. */
async function untilCarried(dir: string, count: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + LIFE_MS;
  while (carried(dir).length < count && child.exitCode === null) {
    assert.ok(Date.now() < deadline, `the carrier reached ${count} messages within ${LIFE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * kill -9 in the middle of a campaign, five times, on a durable store: the store given by PBX_SMS_CRASH_STORE (a module
 * opening a database in the test's folder), else the journal store (a memory store whose writes are appended to a
 * file synchronously before they take effect). Each life is a child Node process; the carrier records what it accepted
 * to a file before answering.
 */
describe('kill -9 in the middle of a campaign', () => {
  it(`resumes after ${KILLS} kills at random points: no recipient twice, none lost, those in flight unknown, each accepted message charged once`, { timeout: 10 * LIFE_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbx-sms-crash-'));
    try {
      const points = Array.from({ length: KILLS }, () => Math.floor(Math.random() * RECIPIENTS * 0.9)).sort((a, b) => a - b);
      for (const [life, point] of points.entries()) {
        const { child, output } = start(dir, life === 0 ? RECIPIENTS : 0);
        await untilCarried(dir, point, child);
        child.kill('SIGKILL');
        await output;
      }
      const last = start(dir, 0);
      const timer = setTimeout(() => last.child.kill('SIGKILL'), LIFE_MS);
      const output = await last.output;
      clearTimeout(timer);
      const outcome = JSON.parse(output.trim().split('\n').pop()!) as Outcome;

      const sends = new Map<string, number>();
      for (const { to } of carried(dir)) sends.set(to, (sends.get(to) ?? 0) + 1);
      assert.deepEqual([...sends].filter(([, count]) => count > 1), [], 'no recipient twice');
      const states = Object.values(outcome.states);
      assert.equal(states.length, RECIPIENTS);
      const lost = Array.from({ length: RECIPIENTS }, (_, index) => handset(index + 1))
        .filter((e164) => outcome.states[e164] !== 'unknown' && !sends.has(e164));
      assert.deepEqual(lost, [], 'none lost: each recipient was handed over, or is held unknown');
      const unknown = states.filter((state) => state === 'unknown').length;
      // Those in flight at a kill: at most a campaign's window (64) of sends per kill.
      assert.ok(unknown <= KILLS * 64, `${unknown} held unknown`);
      const accepted = states.filter((state) => state === 'sent' || state === 'delivered').length;
      assert.equal(accepted + unknown, RECIPIENTS);
      for (const [e164, state] of Object.entries(outcome.states)) if (state === 'sent') assert.equal(sends.get(e164), 1, `${e164} sent once`);
      // The charge is stored before the provider id: a kill between the two leaves a message charged and held unknown.
      const acceptedUnknown = Object.entries(outcome.states).filter(([e164, state]) => state === 'unknown' && sends.has(e164)).length;
      assert.ok(outcome.usage.messages >= accepted, `every message known accepted is charged: ${outcome.usage.messages} of ${accepted}`);
      assert.ok(outcome.usage.messages <= accepted + acceptedUnknown, `none charged twice, none the carrier did not take: ${outcome.usage.messages} for ${accepted} + ${acceptedUnknown}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
