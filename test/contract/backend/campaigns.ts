import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { draftFor, makeList, makeUpload, rows, startCampaign, untilStatus } from './campaign-helpers.js';
import { RATE, all, handset, needs, record, rejects, sendsPerRecipient, withWorld } from './world.js';

const LONG_NAME = 'Bartholomew Fitzgerald';

export function campaignsContract(h: BackendHarness): void {
  describe('campaigns', () => {
    it('creates a draft from a name alone and edits it', withWorld(h, async (w) => {
      const draft = await w.alice.campaigns.create({ name: 'Spring sale' });
      assert.equal(draft.status, 'draft');
      assert.equal(draft.ownerId, 'alice');
      assert.equal(draft.sender, null);
      const listId = await makeList(w.alice, rows(2));
      const edited = await w.alice.campaigns.update(draft.id, {
        name: 'Spring sale 2', sender: { type: 'number', numberId: w.num.alice.id }, body: 'Hi {{first_name}}', recipients: { listId }, ratingExtensionId: w.ext.spare,
      });
      assert.equal(edited.name, 'Spring sale 2');
      assert.deepEqual(edited.sender, { type: 'number', numberId: w.num.alice.id });
      assert.deepEqual(edited.recipients, { listId });
      assert.equal(edited.ratingExtensionId, w.ext.spare);
      assert.equal((await w.alice.campaigns.get(draft.id)).body, 'Hi {{first_name}}');
    }));

    it('validates a draft with one issue per field at fault', withWorld(h, async (w) => {
      const draft = await w.alice.campaigns.create({ name: 'Empty' });
      const first = await w.alice.campaigns.validate(draft.id);
      assert.equal(first.ok, false);
      assert.deepEqual([...new Set(first.issues.map((issue) => issue.field))].sort(), ['body', 'recipients', 'sender']);
      const listId = await makeList(w.alice, rows(2));
      await w.alice.campaigns.update(draft.id, { sender: { type: 'number', numberId: w.num.group.id }, body: 'Hi {{surname}}', recipients: { listId } });
      const second = await w.alice.campaigns.validate(draft.id);
      assert.deepEqual(second.issues.map((issue) => issue.field).sort(), ['body', 'sender'], 'a number that is not hers, a merge field the list lacks');
      await w.alice.campaigns.update(draft.id, { sender: { type: 'alpha', tag: 'OTHER' } });
      assert.deepEqual((await w.alice.campaigns.validate(draft.id)).issues.map((issue) => issue.field).sort(), ['body', 'sender']);
      await w.alice.campaigns.update(draft.id, { sender: { type: 'alpha', tag: 'ACME' }, body: 'Hi {{first_name}}' });
      assert.deepEqual(await w.alice.campaigns.validate(draft.id), { ok: true, issues: [] });
      await rejects(w.alice.campaigns.start((await w.alice.campaigns.create({ name: 'Still empty' })).id), 'ValidationError');
    }));

    it('estimates segments × deliverable recipients (after duplicates and blocklist) × rate, merge fields included', withWorld(h, async (w) => {
      await w.admin.blocklist.add({ e164: handset(4), reason: 'Asked us to stop' });
      const uploadId = await makeUpload(w.alice, [
        'name,mobile', 'Ann,0412 000 001', 'Ben,0412 000 002', `${LONG_NAME},0412 000 003`, 'Ann again,0412 000 001', 'Bad,12', 'Blocked,0412 000 004',
      ].join('\n'));
      const body = `Hi {{name}}, ${'x'.repeat(140)}`;
      const campaign = await w.alice.campaigns.create({ name: 'Estimate', sender: { type: 'number', numberId: w.num.alice.id }, body, recipients: { uploadId } });
      const estimate = await w.alice.campaigns.estimate(campaign.id);
      assert.equal(estimate.total, 6);
      assert.equal(estimate.duplicate, 1);
      assert.equal(estimate.invalid, 1);
      assert.equal(estimate.blocked, 1);
      assert.equal(estimate.deliverable, 3);
      assert.equal(estimate.segmentsPerMessage, 2, 'the long name makes one message two segments');
      assert.equal(estimate.totalSegments, 1 + 1 + 2);
      assert.equal(estimate.cost, 4 * RATE);
      assert.equal(estimate.currency, 'AUD');
      await w.admin.settings.update({ chargePer: 'message' });
      assert.equal((await w.alice.campaigns.estimate(campaign.id)).cost, 3 * RATE);
    }));

    it('checks and estimates an unsaved draft with every problem at once, storing nothing', withWorld(h, async (w) => {
      const before = (await w.alice.campaigns.list()).items.length;
      const empty = await w.alice.campaigns.estimateDraft({});
      assert.equal(empty.ok, false);
      assert.deepEqual(empty.issues.map((issue) => issue.field), ['name', 'sender', 'body', 'recipients'], 'a missing name first, then each field at fault');
      assert.equal(empty.issues[0]!.code, 'name.required');
      assert.equal(empty.estimate.total, 0);
      await w.admin.blocklist.add({ e164: handset(4), reason: 'Asked us to stop' });
      const uploadId = await makeUpload(w.alice, ['name,mobile', 'Ann,0412 000 001', `${LONG_NAME},0412 000 003`, 'Ann again,0412 000 001', 'Blocked,0412 000 004'].join('\n'));
      const draft = { name: 'Not saved', sender: { type: 'number' as const, numberId: w.num.alice.id }, body: `Hi {{name}}, ${'x'.repeat(140)}`, recipients: { uploadId } };
      const checked = await w.alice.campaigns.estimateDraft(draft);
      assert.deepEqual({ ok: checked.ok, issues: checked.issues }, { ok: true, issues: [] });
      assert.deepEqual(
        [checked.estimate.total, checked.estimate.deliverable, checked.estimate.duplicate, checked.estimate.blocked, checked.estimate.totalSegments],
        [4, 2, 1, 1, 1 + 2],
      );
      assert.equal((await w.alice.campaigns.list()).items.length, before, 'no campaign was stored');
      const stored = await w.alice.campaigns.create(draft);
      assert.deepEqual(await w.alice.campaigns.estimate(stored.id), checked.estimate, 'the same estimate as once it is stored');
      const unknownField = await w.alice.campaigns.estimateDraft({ ...draft, body: 'Hi {{nickname}}' });
      assert.deepEqual(unknownField.issues.map((issue) => [issue.field, issue.code]), [['body', 'body.unknown_field']]);
    }));

    it('checks a draft with the permissions of a save', withWorld(h, async (w) => {
      const uploadId = await makeUpload(w.alice, ['mobile', '0412 000 001'].join('\n'));
      await rejects(w.admin.campaigns.estimateDraft({ name: 'Admin blast' }), 'PermissionError');
      await rejects(w.bob.campaigns.estimateDraft({ name: 'Theirs', recipients: { uploadId } }), 'NotFoundError');
      await rejects(w.alice.campaigns.estimateDraft({ name: 'Billed elsewhere', ratingExtensionId: w.ext.carol }), 'PermissionError', { code: 'permission.rating_extension' });
      await rejects(w.alice.campaigns.estimateDraft({ name: 'x', body: 'y'.repeat(1601) }), 'ValidationError', { field: 'body' });
      const sender = await w.alice.campaigns.estimateDraft({ name: 'Not hers', sender: { type: 'number', numberId: w.num.group.id }, recipients: { uploadId }, body: 'Hi' });
      assert.deepEqual(sender.issues.map((issue) => issue.code), ['sender.number']);
    }));

    it('starts a campaign that sends once to every recipient and completes, with per-recipient states', withWorld(h, async (w) => {
      const uploadId = await makeUpload(w.alice, ['name,mobile', 'Ann,0412 000 001', 'Ben,0412 000 002', 'Ann again,0412 000 001', 'Bad,12'].join('\n'));
      const campaign = await w.alice.campaigns.create({ name: 'Go', sender: { type: 'number', numberId: w.num.alice.id }, body: 'Hi {{name}}', recipients: { uploadId } });
      const statuses = record(w.alice, 'campaign.status');
      const progress = record(w.alice, 'campaign.progress');
      const started = await w.alice.campaigns.start(campaign.id);
      assert.equal(started.status, 'running');
      await rejects(w.alice.campaigns.start(campaign.id), 'StateError');
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      await w.fx.advance(1000);
      await w.fx.settle();
      assert.deepEqual([...sendsPerRecipient(w.fx)], [[handset(1), 1], [handset(2), 1]]);
      assert.deepEqual(w.fx.sent().map((sms) => sms.body), ['Hi Ann', 'Hi Ben']);
      assert.equal(done.counts.total, 4);
      const final = await w.alice.campaigns.get(campaign.id);
      assert.equal(final.counts.delivered, 2);
      assert.equal(final.counts.duplicate, 1);
      assert.equal(final.counts.invalid, 1);
      assert.equal(final.counts.pending, 0);
      const recipients = await all((cursor) => w.alice.campaigns.recipients(campaign.id, { cursor }));
      assert.deepEqual(recipients.map((recipient) => recipient.state), ['delivered', 'delivered', 'duplicate', 'invalid']);
      assert.deepEqual(recipients.map((recipient) => recipient.line), [2, 3, 4, 5]);
      assert.ok(recipients[0]!.messageId);
      assert.equal((await w.alice.messages.get(recipients[0]!.messageId!)).campaignId, campaign.id);
      assert.deepEqual((await w.alice.campaigns.recipients(campaign.id, { state: 'invalid' })).items.map((recipient) => recipient.line), [5]);
      assert.deepEqual(statuses.events.map((event) => event.campaign.status), ['running', 'completed']);
      assert.ok(progress.events.length > 0);
      assert.deepEqual(progress.events.at(-1)?.counts, final.counts, 'the last progress event carries the final counts');
      for (let index = 1; index < progress.events.length; index++) {
        const [before, after] = [progress.events[index - 1]!.counts, progress.events[index]!.counts];
        assert.ok(after.sent + after.delivered + after.failed >= before.sent + before.delivered + before.failed, 'progress never goes back');
      }
    }));

    it('stores at start the estimate it gives before, and a campaign refused at start keeps no recipients', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(3));
      const campaign = await draftFor(w.alice, w.num.alice.id, listId);
      for (const row of rows(3)) await w.admin.blocklist.add({ e164: row.e164, reason: 'Asked us to stop' });
      const refused = await w.alice.campaigns.start(campaign.id).catch((error: unknown) => error);
      assert.equal((refused as { name?: string }).name, 'ValidationError');
      assert.equal((refused as { field?: string }).field, 'recipients');
      assert.equal((await w.alice.campaigns.get(campaign.id)).status, 'draft');
      assert.deepEqual((await w.alice.campaigns.recipients(campaign.id)).items, [], 'nothing copied for a campaign that did not start');
      await w.admin.blocklist.remove(handset(2));
      const before = await w.alice.campaigns.estimate(campaign.id);
      assert.equal(before.deliverable, 1);
      assert.equal(before.blocked, 2);
      const started = await w.alice.campaigns.start(campaign.id);
      assert.deepEqual(started.estimate, before);
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(done.counts.total, 3);
      assert.equal(done.counts.blocked, 2);
      assert.equal(done.counts.sent + done.counts.delivered, 1);
    }));

    it('schedules a campaign, which starts when due', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(3));
      const campaign = await draftFor(w.alice, w.num.alice.id, listId);
      await rejects(w.alice.campaigns.schedule(campaign.id, new Date(w.fx.now() - 1000).toISOString()), 'ValidationError', { field: 'scheduledAt' });
      const at = new Date(w.fx.now() + 3_600_000).toISOString();
      const scheduled = await w.alice.campaigns.schedule(campaign.id, at);
      assert.equal(scheduled.status, 'scheduled');
      assert.equal(scheduled.scheduledAt, at);
      assert.notEqual(scheduled.estimate, null);
      await w.fx.advance(3_600_000 - 1);
      await w.fx.settle();
      assert.equal((await w.alice.campaigns.get(campaign.id)).status, 'scheduled');
      assert.deepEqual(w.fx.sent(), []);
      await w.fx.advance(1);
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(done.counts.total, 3);
      assert.ok(w.fx.sent().every((sms) => sms.at === Date.parse(at)));
      assert.equal(w.fx.sent().length, 3);
    }));

    it('takes an edited scheduled campaign back to draft, and stopping a scheduled one unschedules it', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(2));
      const campaign = await draftFor(w.alice, w.num.alice.id, listId);
      await w.alice.campaigns.schedule(campaign.id, new Date(w.fx.now() + 60_000).toISOString());
      const edited = await w.alice.campaigns.update(campaign.id, { body: 'Changed {{first_name}}' });
      assert.equal(edited.status, 'draft');
      await w.alice.campaigns.schedule(campaign.id, new Date(w.fx.now() + 60_000).toISOString());
      assert.equal((await w.alice.campaigns.stop(campaign.id)).status, 'draft');
      await w.fx.advance(120_000);
      await w.fx.settle();
      assert.deepEqual(w.fx.sent(), []);
    }));

    it('stops and restarts a campaign, resuming without sending twice to anyone', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const campaign = await startCampaign(w, 10, { perSecond: 2 });
      await w.fx.advance(1500);
      const stopped = await w.alice.campaigns.stop(campaign.id);
      assert.equal(stopped.status, 'stopped');
      await w.fx.settle();
      const sentBefore = w.fx.sent().length;
      assert.ok(sentBefore >= 2 && sentBefore < 10, `sent ${sentBefore} before the stop`);
      await w.fx.advance(30_000);
      await w.fx.settle();
      assert.equal(w.fx.sent().length, sentBefore, 'nothing goes while stopped');
      assert.equal((await w.alice.campaigns.get(campaign.id)).counts.pending, 10 - sentBefore);
      assert.equal((await w.alice.campaigns.restart(campaign.id)).status, 'running');
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(w.fx.sent().length, 10);
      assert.ok([...sendsPerRecipient(w.fx).values()].every((count) => count === 1));
      assert.equal(done.counts.pending, 0);
      await rejects(w.alice.campaigns.restart(campaign.id), 'StateError');
    }));

    it('deletes drafts only', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(1));
      const draft = await draftFor(w.alice, w.num.alice.id, listId);
      await w.alice.campaigns.remove(draft.id);
      await rejects(w.alice.campaigns.get(draft.id), 'NotFoundError');
      const sent = await draftFor(w.alice, w.num.alice.id, listId);
      await w.alice.campaigns.start(sent.id);
      await untilStatus(w.fx, w.alice, sent.id, 'completed');
      await rejects(w.alice.campaigns.remove(sent.id), 'StateError');
      await rejects(w.alice.campaigns.update(sent.id, { name: 'Too late' }), 'StateError');
      assert.equal((await w.alice.campaigns.get(sent.id)).status, 'completed');
    }));

    it('lists campaigns by status', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(1));
      const draft = await draftFor(w.alice, w.num.alice.id, listId, { name: 'Draft one' });
      const done = await draftFor(w.alice, w.num.alice.id, listId, { name: 'Done one' });
      await w.alice.campaigns.start(done.id);
      await untilStatus(w.fx, w.alice, done.id, 'completed');
      assert.deepEqual((await w.alice.campaigns.list({ status: 'draft' })).items.map((campaign) => campaign.id), [draft.id]);
      assert.deepEqual((await w.alice.campaigns.list({ status: 'completed' })).items.map((campaign) => campaign.id), [done.id]);
      assert.deepEqual((await w.alice.campaigns.list({ status: 'running' })).items, []);
      assert.equal((await w.alice.campaigns.list()).items.length, 2);
      assert.equal((await w.admin.campaigns.list()).items.length, 2, 'administrators see every campaign');
      assert.deepEqual((await w.bob.campaigns.list()).items, [], 'users see their own');
    }));

    it('sends from an alpha tag of the department one-way', withWorld(h, async (w) => {
      const campaign = await startCampaign(w, 2, { draft: { sender: { type: 'alpha', tag: 'ACME' } } });
      await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.deepEqual(w.fx.sent().map((sms) => sms.from), ['ACME', 'ACME']);
    }));
  });
}
