import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecipients } from '../../../src/recipients/parse.js';
import { toCsv } from '../../../src/recipients/to-csv.js';
import type { BackendHarness } from '../backend.contract.js';
import { startCampaign, untilStatus } from './campaign-helpers.js';
import { NUMBERS, all, handset, record, rejects, sentTo, withWorld } from './world.js';

export function blocklistContract(h: BackendHarness): void {
  describe('blocklist', () => {
    it('adds, lists, searches, checks and removes entries', withWorld(h, async (w) => {
      const changes = record(w.admin, 'blocklist.changed');
      const adminName = (await w.admin.directory.me()).name;
      const entry = await w.admin.blocklist.add({ e164: '0412 000 001', reason: 'Abusive' });
      assert.equal(entry.e164, handset(1));
      assert.equal(entry.source, 'manual');
      assert.equal(entry.addedBy, 'admin');
      assert.equal(entry.addedByName, adminName, 'the name is recorded, for users who cannot read the directory');
      assert.equal(entry.reason, 'Abusive');
      await w.admin.blocklist.add({ e164: handset(2), reason: 'Wrong number' });
      assert.equal((await w.admin.blocklist.add({ e164: handset(1), reason: 'Again' })).reason, 'Abusive', 'adding twice changes nothing');
      assert.deepEqual((await w.admin.blocklist.list()).items.map((item) => item.e164).sort(), [handset(1), handset(2)]);
      assert.deepEqual((await w.admin.blocklist.list({ query: 'wrong' })).items.map((item) => item.e164), [handset(2)]);
      assert.deepEqual((await w.alice.blocklist.list()).items.map((item) => item.addedByName), [entry.addedByName, entry.addedByName]);
      for (const typed of ['412000002', '0412 000 002', '+61 412 000 002', '000 002']) {
        assert.deepEqual((await w.admin.blocklist.list({ query: typed })).items.map((item) => item.e164), [handset(2)], typed);
      }
      assert.deepEqual(await w.alice.blocklist.check([handset(1), handset(3)]), [handset(1)]);
      await w.admin.blocklist.remove(handset(1));
      assert.deepEqual(await w.alice.blocklist.check([handset(1)]), []);
      await rejects(w.admin.blocklist.remove(handset(1)), 'NotFoundError');
      await w.fx.settle();
      assert.deepEqual(changes.events.map((event) => [event.action, event.e164]), [['added', handset(1)], ['added', handset(2)], ['removed', handset(1)]]);
      changes.stop();
    }));

    it('imports numbers, counting those already there and reporting bad lines', withWorld(h, async (w) => {
      await w.admin.blocklist.add({ e164: handset(1) });
      const result = await w.admin.blocklist.import({ entries: [
        { e164: handset(1), line: 2 }, { e164: '0412 000 002', reason: 'Old list', line: 3 }, { e164: 'not a number', line: 4 },
      ] });
      assert.equal(result.added, 1);
      assert.equal(result.existing, 1);
      assert.deepEqual(result.errors.map((error) => [error.line, error.value]), [[4, 'not a number']]);
      assert.deepEqual((await w.admin.blocklist.list({ source: 'import' })).items.map((entry) => entry.e164), [handset(2)]);
      // Export: what the list gives, as CSV, imports again.
      const entries = await all((cursor) => w.admin.blocklist.list({ cursor }));
      const csv = toCsv(entries, ['e164', 'source', 'reason', 'addedBy', 'addedAt']);
      const again = await parseRecipients(csv, { defaultCountry: 'AU' });
      assert.deepEqual(again.recipients.map((row) => row.e164).sort(), [handset(1), handset(2)]);
      assert.deepEqual(again.recipients.map((row) => row.fields.source).sort(), ['import', 'manual']);
    }));

    it('keeps an audit trail: who, when, source, reason and the triggering message', withWorld(h, async (w) => {
      const adminName = (await w.admin.directory.me()).name;
      await w.admin.blocklist.add({ e164: handset(1), reason: 'Asked by phone' });
      await w.fx.advance(1000);
      await w.admin.blocklist.remove(handset(1));
      await w.fx.inject({ from: handset(2), to: NUMBERS.alice, body: 'Stop.' });
      await w.fx.settle();
      const history = await all((cursor) => w.admin.blocklist.history({ cursor }));
      const mine = history.filter((audit) => audit.e164 === handset(1));
      assert.deepEqual(mine.map((audit) => [audit.action, audit.source, audit.by]).sort(), [['added', 'manual', 'admin'], ['removed', 'manual', 'admin']]);
      assert.ok(mine.every((audit) => !Number.isNaN(Date.parse(audit.at))));
      assert.equal(mine.find((audit) => audit.action === 'added')?.reason, 'Asked by phone');
      const [optOut] = await all((cursor) => w.admin.blocklist.history({ e164: handset(2), cursor }));
      assert.equal(optOut?.source, 'opt-out');
      assert.equal(optOut?.message, 'Stop.');
      assert.equal(optOut?.by, 'system');
      assert.equal(optOut?.byName, null);
      assert.deepEqual(mine.map((audit) => audit.byName), [adminName, adminName]);
      assert.equal((await w.admin.blocklist.list({ source: 'opt-out' })).items[0]?.addedByName, null);
    }));

    it('blocks a number that replies STOP and sends the configured confirmation once', withWorld(h, async (w) => {
      await w.admin.settings.update({ optOutConfirmation: 'You are out. Reply START to come back.' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'stop' });
      await w.fx.settle();
      const entry = (await w.admin.blocklist.list({ source: 'opt-out' })).items[0];
      assert.equal(entry?.e164, handset(1));
      assert.equal(entry?.message, 'stop');
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => [sms.from, sms.body]), [[NUMBERS.alice, 'You are out. Reply START to come back.']]);
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'STOP' });
      await w.fx.settle();
      assert.equal(sentTo(w.fx, handset(1)).length, 1, 'no second confirmation');
      const campaign = await startCampaign(w, 2);
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(done.counts.blocked, 1, 'the campaign skips the opted-out number');
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
    }));

    it('lifts an opt-out on START, with a confirmation, but never a manual block', withWorld(h, async (w) => {
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'STOP' });
      await w.admin.blocklist.add({ e164: handset(2), reason: 'Manual' });
      await w.fx.settle();
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'START' });
      await w.fx.inject({ from: handset(2), to: NUMBERS.alice, body: 'START' });
      await w.fx.settle();
      assert.deepEqual(await w.admin.blocklist.check([handset(1), handset(2)]), [handset(2)]);
      const confirmations = sentTo(w.fx, handset(1)).map((sms) => sms.body);
      assert.equal(confirmations.length, 2, 'opt-out and opt-in confirmations');
      assert.match(confirmations[1]!, /resubscribed/i);
      assert.deepEqual(sentTo(w.fx, handset(2)), [], 'a manual block is not lifted and not answered');
    }));

    it('answers HELP with the configured reply', withWorld(h, async (w) => {
      await w.admin.settings.update({ helpReply: 'Acme: call 1300 000 000. Reply STOP to opt out.' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'help' });
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => [sms.from, sms.body]), [[NUMBERS.group, 'Acme: call 1300 000 000. Reply STOP to opt out.']]);
      assert.deepEqual(await w.admin.blocklist.check([handset(1)]), []);
    }));

    it('lets direct messages to a blocked number go, unless blockDirectSends is set', withWorld(h, async (w) => {
      await w.admin.blocklist.add({ e164: handset(1) });
      await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Your appointment is at 3pm' });
      await w.fx.settle();
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
      await w.admin.settings.update({ blockDirectSends: true });
      assert.equal((await w.alice.messages.capabilities()).blockDirectSends, true);
      await rejects(w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Blocked now' }), 'PermissionError');
      await w.fx.settle();
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
      const [conversation] = (await w.alice.conversations.list()).items;
      assert.equal(conversation?.blocked, true);
    }));
  });
}
