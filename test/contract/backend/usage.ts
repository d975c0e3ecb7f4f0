import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, RATE, handset, needs, withWorld } from './world.js';

const TWO_SEGMENTS = 'z'.repeat(200);
const DAY = 86_400_000;

function month(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function usageContract(h: BackendHarness): void {
  describe('usage', () => {
    it('charges each message per segment to the sender\'s extension and department, and counts inbound', withWorld(h, async (w) => {
      await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'One segment' });
      await w.alice.messages.send({ channel: 'sms', to: handset(2), body: TWO_SEGMENTS });
      await w.bob.messages.send({ channel: 'sms', to: handset(3), body: 'From the group number' });
      await w.carol.messages.send({ channel: 'sms', to: handset(3), body: 'Me too' });
      await w.alice.messages.send({ channel: 'chat', toUserId: 'bob', body: 'Chat is free' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Thanks' });
      await w.fx.settle();
      const rows = await w.admin.usage.rows();
      const alice = rows.find((row) => row.extensionId === w.ext.alice);
      assert.deepEqual(
        alice && { messages: alice.messages, segments: alice.segments, cost: alice.cost, inbound: alice.inbound, departmentId: alice.departmentId, month: alice.month },
        { messages: 2, segments: 3, cost: 3 * RATE, inbound: 1, departmentId: w.dep.sales, month: month(w.fx.now()) },
      );
      assert.equal(rows.find((row) => row.extensionId === w.ext.bob)?.messages, 1, 'a group number\'s message is charged to the sender\'s extension');
      assert.equal(rows.find((row) => row.extensionId === w.ext.carol)?.departmentId, w.dep.support);
    }));

    it('summarises usage for an administrator\'s home by month, extension and department', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const first = month(w.fx.now());
      await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'January' });
      await w.carol.messages.send({ channel: 'sms', to: handset(2), body: TWO_SEGMENTS });
      await w.fx.settle();
      await w.fx.advance(40 * DAY);
      const second = month(w.fx.now());
      assert.notEqual(first, second);
      await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'February' });
      await w.fx.settle();
      const summary = await w.admin.usage.summary({ from: first, to: second });
      assert.equal(summary.currency, 'AUD');
      assert.deepEqual(summary.totals, { messages: 3, segments: 4, cost: 4 * RATE, inbound: 0 });
      assert.deepEqual(summary.byMonth.map((row) => [row.month, row.messages]), [[first, 2], [second, 1]]);
      assert.deepEqual(Object.fromEntries(summary.byExtension.map((row) => [row.extensionId, row.segments])), { [w.ext.alice]: 2, [w.ext.carol]: 2 });
      assert.deepEqual(Object.fromEntries(summary.byDepartment.map((row) => [row.departmentId, row.cost])), { [w.dep.sales]: 2 * RATE, [w.dep.support]: 2 * RATE });
      assert.equal(summary.numbers, 4);
      assert.equal(summary.senders, 5);
      assert.deepEqual((await w.admin.usage.rows()).map((row) => row.month), [second], 'the current month by default');
      assert.deepEqual((await w.admin.usage.rows({ from: first, to: first, departmentId: w.dep.support })).map((row) => row.extensionId), [w.ext.carol]);
    }));

    it('shows a user the usage of their own extensions only', withWorld(h, async (w) => {
      await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Mine' });
      await w.carol.messages.send({ channel: 'sms', to: handset(1), body: 'Hers' });
      await w.fx.settle();
      assert.deepEqual((await w.alice.usage.rows()).map((row) => row.extensionId), [w.ext.alice]);
      assert.equal((await w.alice.usage.summary()).totals.messages, 1);
      assert.deepEqual((await w.bob.usage.rows()).map((row) => row.extensionId), []);
    }));

    it('charges per message when the settings say so', withWorld(h, async (w) => {
      await w.admin.settings.update({ chargePer: 'message', rate: 7 });
      await w.alice.messages.send({ channel: 'sms', to: handset(1), body: TWO_SEGMENTS });
      await w.fx.settle();
      const [row] = await w.alice.usage.rows();
      assert.equal(row?.segments, 2);
      assert.equal(row?.cost, 7);
    }));
  });
}
