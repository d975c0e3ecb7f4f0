import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { type Group, MATRIX, PROBE_KINDS, type Probe } from './isolation-matrix.js';
import { type Side, fingerprint, listen, replayed, shown, sidesOf, snapshot } from './isolation-sides.js';
import { type World, handset, needs, rejects, sentTo, withWorld } from './world.js';

/** How carriers write the number an SMS was sent to: E.164, spaced, with 00, or without the + (SMPP). */
const AS_WRITTEN: [form: string, write: (e164: string) => string][] = [
  ['E.164', (e164) => e164],
  ['spaced', (e164) => `${e164.slice(0, 3)} ${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`],
  ['with 00', (e164) => `00${e164.slice(1)}`],
  ['without +', (e164) => e164.slice(1)],
];

/** Both ways round: the world's organisation against its twin, then the twin against it. */
function bothWays([own, twin]: [Side, Side]): [a: Side, b: Side][] {
  return [[own, twin], [twin, own]];
}

/** Runs one probe of `a` against `b`; throws what it found wrong. */
async function run(probe: Probe, a: Side, b: Side, prints: { own: ReadonlySet<string>; theirs: ReadonlySet<string> }): Promise<void> {
  if (probe.kind === 'refused') {
    await rejects(probe.call(a, b), probe.error, probe.expected);
    return;
  }
  const result = await probe.call(a, b);
  const leaked = shown(result, prints.theirs);
  assert.ok(leaked.length === 0, `the answer shows ${b.org.id}'s ${leaked.join(', ')}`);
  if (probe.kind !== 'sees') return;
  if (probe.check) probe.check(result, a);
  else assert.ok(shown(result, prints.own).length > 0, `the answer shows nothing of ${a.org.id}'s own records: ${JSON.stringify(result)?.slice(0, 200)}`);
}

/**
 * Every probe of a group, by `a` against `b` (reads first, then refused writes, then a's own writes), and what `b` went
 * through meanwhile: its snapshot before and after, and the live events its people heard. Returns what went wrong.
 */
async function probeGroup(w: World, group: Group, a: Side, b: Side): Promise<string[]> {
  await w.fx.settle();
  const before = await snapshot(b);
  const prints = { own: fingerprint(await snapshot(a), a.records.marker), theirs: fingerprint(before, b.records.marker) };
  const heard = { a: listen(a.org), b: listen(b.org) };
  const failures: string[] = [];
  const probes = Object.entries(MATRIX[group] as Record<string, readonly Probe[]>).flatMap(([method, list]) => list.map((probe, index) => ({ name: `${group}.${method} #${index + 1}`, probe })));
  for (const kind of PROBE_KINDS) {
    for (const { name, probe } of probes.filter((entry) => entry.probe.kind === kind)) {
      await run(probe, a, b, prints).catch((error: Error) => failures.push(`${a.org.id} → ${b.org.id}: ${name} (${kind}): ${error.message}`));
    }
  }
  await w.fx.settle();
  heard.a.stop();
  heard.b.stop();
  const events = [...heard.a.events, ...(await replayed(w.fx, a.org))];
  const leaked = shown(events, prints.theirs);
  if (leaked.length > 0) failures.push(`${a.org.id} → ${b.org.id}: ${group}: ${a.org.id}'s people heard of ${b.org.id}'s ${leaked.join(', ')}`);
  if (heard.b.events.length > 0) failures.push(`${a.org.id} → ${b.org.id}: ${group}: ${b.org.id}'s people heard ${heard.b.events.map((event) => event.type).join(', ')}`);
  try {
    assert.deepStrictEqual(await snapshot(b), before);
  } catch (error) {
    failures.push(`${a.org.id} → ${b.org.id}: ${group}: ${b.org.id} changed: ${(error as Error).message}`);
  }
  return failures;
}

export function isolationContract(h: BackendHarness): void {
  describe('organisations: each sealed from the others', () => {
    for (const group of Object.keys(MATRIX) as Group[]) {
      it(`${group}: what one organisation reads, searches, exports and hears shows nothing of the other's; its calls on the other's ids fail as unknown ids, and nothing there changes`,
        withWorld(h, async (w) => {
          const failures: string[] = [];
          for (const [a, b] of bothWays(await sidesOf(w))) failures.push(...(await probeGroup(w, group, a, b)));
          assert.deepEqual(failures, []);
        }));
    }

    it('delivers an SMS to a number, a STOP and a keyword to the short code in the organisation holding it, however the carrier writes it, and nowhere else',
      withWorld(h, async (w) => {
        for (const [index, [a, b]] of bothWays(await sidesOf(w)).entries()) {
          const [writer, stopper, singer] = [10, 11, 12].map((offset) => handset(offset + 10 * index)) as [string, string, string];
          const before = await snapshot(b);
          const heard = listen(b.org);
          for (const [form, write] of AS_WRITTEN) await w.fx.inject({ from: writer, to: write(a.org.num.alice.e164), body: `${a.records.marker} ${form}` });
          await w.fx.inject({ from: stopper, to: a.org.num.group.e164, body: 'STOP' });
          await w.fx.inject({ from: singer, to: a.records.shortCode, body: 'CHORUS please' });
          await w.fx.settle();
          heard.stop();

          const conversations = (await a.org.alice.conversations.list()).items;
          const fromWriter = conversations.find((conversation) => conversation.peer === writer);
          assert.ok(fromWriter, `${a.org.id}'s alice has the conversation`);
          const bodies = (await a.org.alice.messages.list(fromWriter.id)).items.map((message) => message.body);
          assert.deepEqual(bodies, AS_WRITTEN.map(([form]) => `${a.records.marker} ${form}`));
          assert.ok(conversations.some((conversation) => conversation.keyword === 'CHORUS' && conversation.peer === singer), `${a.org.id}'s keyword routes to its alice`);
          assert.deepEqual(await a.org.admin.blocklist.check([stopper]), [stopper]);
          assert.deepEqual(sentTo(w.fx, stopper).map((sms) => [sms.from, sms.body]), [[a.org.num.group.e164, `${a.records.marker}: you will get no more messages.`]]);
          assert.deepEqual(sentTo(w.fx, singer).map((sms) => [sms.from, sms.body]), [[a.records.shortCode, `${a.records.marker} chorus`]]);
          assert.deepStrictEqual(await snapshot(b), before, `${b.org.id} is unchanged`);
          assert.deepEqual(heard.events, [], `${b.org.id}'s people heard nothing`);
        }
      }));

    it('runs a campaign past its own organisation\'s blocklist only: a number blocked in the other still gets it, and so do direct sends', withWorld(h, async (w) => {
      const sides = await sidesOf(w);
      for (const side of sides) {
        const campaign = await side.org.alice.campaigns.get(side.started);
        const reached = w.fx.sent().filter((sms) => sms.from === side.org.num.alice.e164).map((sms) => sms.to).sort();
        assert.deepEqual(reached, [1, 2, 3, 4].map(handset).filter((e164) => !side.records.blocked.includes(e164)), `${side.org.id}'s campaign`);
        assert.equal(campaign.counts.blocked, side.records.blocked.length);
        assert.equal(campaign.counts.delivered, 4 - side.records.blocked.length, 'the carrier\'s reports reach the organisation that sent');
      }
      await w.admin.settings.update({ blockDirectSends: true });
      for (const [a, b] of bothWays(sides)) {
        const direct = await a.org.alice.messages.send({ channel: 'sms', to: b.records.blocked[0]!, body: `${a.records.marker} direct` });
        await rejects(a.org.alice.messages.send({ channel: 'sms', to: a.records.blocked[0]!, body: 'Blocked here' }), 'PermissionError', { code: 'blocklist.blocked' });
        await w.fx.settle();
        assert.equal((await a.org.alice.messages.get(direct.id)).status, 'delivered');
        assert.deepEqual(sentTo(w.fx, b.records.blocked[0]!).filter((sms) => sms.body === `${a.records.marker} direct`).map((sms) => sms.from), [a.org.num.alice.e164]);
      }
    }));

    it('sends e-mail to SMS in the organisation of the user who wrote it', needs(h, 'emailToSms'), withWorld(h, async (w) => {
      const own = await w.fx.emailToSms!({ from: 'alice@example.com', to: '61412000009@sms.example.com', subject: 'From Acme' });
      const twin = await w.fx.emailToSms!({ from: 'Alice Adams <alice@globex.example>', to: '61412000009@sms.example.com', subject: 'From Globex' });
      assert.ok(own.ok && twin.ok);
      assert.equal(own.message.from, w.num.alice.e164);
      assert.equal(twin.message.from, w.twin.num.alice.e164);
      await w.fx.settle();
      const lastBodies = async (org: World['twin'] | World) => (await org.alice.conversations.list()).items.map((conversation) => conversation.lastMessage?.body);
      assert.ok((await lastBodies(w)).includes('From Acme') && !(await lastBodies(w)).includes('From Globex'));
      assert.ok((await lastBodies(w.twin)).includes('From Globex') && !(await lastBodies(w.twin)).includes('From Acme'));
    }));
  });
}
