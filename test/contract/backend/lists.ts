import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecipients } from '../../../src/recipients/parse.js';
import { recipientsTemplateCsv, toCsv } from '../../../src/recipients/to-csv.js';
import type { BackendHarness } from '../backend.contract.js';
import { draftFor, makeList, rows } from './campaign-helpers.js';
import { all, handset, needs, rejects, withWorld } from './world.js';

export function listsContract(h: BackendHarness): void {
  describe('predefined lists', () => {
    it('creates, renames and deletes a list', withWorld(h, async (w) => {
      const list = await w.alice.lists.create({ name: 'Customers' });
      assert.equal(list.entryCount, 0);
      assert.equal((await w.alice.lists.rename(list.id, 'VIP customers')).name, 'VIP customers');
      assert.deepEqual((await w.alice.lists.list({ query: 'vip' })).items.map((item) => item.id), [list.id]);
      await w.alice.lists.addEntry(list.id, { e164: handset(1) });
      await w.alice.lists.remove(list.id);
      await rejects(w.alice.lists.get(list.id), 'NotFoundError');
      assert.deepEqual((await w.alice.lists.list()).items, []);
    }));

    it('imports parsed rows and keeps the report', withWorld(h, async (w) => {
      const list = await w.alice.lists.create({ name: 'Imported' });
      await w.alice.lists.addEntry(list.id, { e164: handset(3), fields: { first_name: 'Old' } });
      const parsed = await parseRecipients(['mobile,first_name', '0412 000 001,Ann', '0412 000 002,Ben', '0412 000 003,Cy', '12,Bad', '0412 000 001,Ann again'].join('\n'), { defaultCountry: 'AU' });
      const report = await w.alice.lists.import(list.id, {
        fileName: 'customers.csv', columns: parsed.columns.filter((column) => column !== parsed.phoneColumn),
        entries: parsed.recipients, duplicates: parsed.duplicates.length,
        errors: parsed.errors.map(({ line, value, code, message }) => ({ line, value, code, message })),
      });
      assert.equal(report.fileName, 'customers.csv');
      assert.equal(report.added, 2);
      assert.equal(report.updated, 1, 'a number already in the list has its fields updated');
      assert.equal(report.duplicates, 1);
      assert.deepEqual(report.errors.map((error) => [error.line, error.value]), [[5, '12']]);
      const stored = await w.alice.lists.get(list.id);
      assert.deepEqual(stored.lastImport, report);
      assert.equal(stored.entryCount, 3);
      assert.deepEqual(stored.columns, ['first_name']);
      const entries = await all((cursor) => w.alice.lists.entries(list.id, { cursor }));
      assert.deepEqual(entries.map((entry) => [entry.e164, entry.fields.first_name]).sort(), [[handset(1), 'Ann'], [handset(2), 'Ben'], [handset(3), 'Cy']]);
    }));

    it('adds, edits and removes entries, refusing a number twice', withWorld(h, async (w) => {
      const list = await w.alice.lists.create({ name: 'Team' });
      const ann = await w.alice.lists.addEntry(list.id, { e164: '0412 000 001', fields: { first_name: 'Ann' } });
      assert.equal(ann.e164, handset(1));
      const ben = await w.alice.lists.addEntry(list.id, { e164: handset(2), fields: { first_name: 'Ben' } });
      await rejects(w.alice.lists.addEntry(list.id, { e164: '+61 412 000 001' }), 'ConflictError', { field: 'e164' });
      await rejects(w.alice.lists.updateEntry(list.id, ben.id, { e164: handset(1) }), 'ConflictError', { field: 'e164' });
      const edited = await w.alice.lists.updateEntry(list.id, ben.id, { fields: { first_name: 'Benjamin' } });
      assert.equal(edited.fields.first_name, 'Benjamin');
      const moved = await w.alice.lists.updateEntry(list.id, ann.id, { e164: handset(3) });
      assert.equal(moved.e164, handset(3));
      await w.alice.lists.removeEntry(list.id, ben.id);
      const entries = await all((cursor) => w.alice.lists.entries(list.id, { cursor }));
      assert.deepEqual(entries.map((entry) => [entry.e164, entry.fields.first_name]), [[handset(3), 'Ann']]);
      assert.equal((await w.alice.lists.get(list.id)).entryCount, 1);
      await rejects(w.alice.lists.removeEntry(list.id, ben.id), 'NotFoundError');
    }));

    it('searches entries by number and merge fields', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, [{ e164: handset(1), fields: { first_name: 'Ann', town: 'Perth' } }, { e164: handset(2), fields: { first_name: 'Ben', town: 'Hobart' } }]);
      assert.deepEqual((await w.alice.lists.entries(listId, { query: 'hobart' })).items.map((entry) => entry.e164), [handset(2)]);
      assert.deepEqual((await w.alice.lists.entries(listId, { query: '412000001' })).items.map((entry) => entry.e164), [handset(1)]);
    }));

    it('finds a number as it is typed, in any common form', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, [{ e164: handset(1), fields: { first_name: 'Ann' } }, { e164: '+61412999888', fields: { first_name: 'Ben' } }]);
      for (const typed of ['+61 412 999 888', '0412 999 888', '999 888', '0061 412 999 888', '(04) 1299-9888']) {
        const found = await w.alice.lists.entries(listId, { query: typed });
        assert.deepEqual(found.items.map((entry) => entry.fields.first_name), ['Ben'], typed);
      }
      assert.deepEqual((await w.alice.lists.entries(listId, { query: 'ann' })).items.map((entry) => entry.e164), [handset(1)]);
    }));

    it('exports as CSV that imports again, and offers a CSV template', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, [{ e164: handset(1), fields: { first_name: 'Ann, Jr', town: '=Perth' } }, { e164: handset(2), fields: { first_name: 'Ben', town: 'Hobart' } }]);
      const entries = await all((cursor) => w.alice.lists.entries(listId, { cursor }));
      const csv = toCsv(entries.map((entry) => ({ phone: entry.e164, ...entry.fields })), ['phone', 'first_name', 'town']);
      const again = await parseRecipients(csv, { defaultCountry: 'AU' });
      assert.deepEqual(again.recipients.map((recipient) => [recipient.e164, recipient.fields.first_name]), [[handset(1), 'Ann, Jr'], [handset(2), 'Ben']]);
      const template = await parseRecipients(recipientsTemplateCsv());
      assert.equal(template.phoneColumn, 'phone');
      assert.equal(template.errors.length, 0);
    }));

    it('shows a user the lists of their department only', withWorld(h, async (w) => {
      const sales = await w.alice.lists.create({ name: 'Sales leads' });
      assert.deepEqual((await w.bob.lists.list()).items.map((list) => list.id), [sales.id], 'Bob is in Sales');
      assert.deepEqual((await w.carol.lists.list()).items, [], 'Carol is in Support');
      await rejects(w.carol.lists.get(sales.id), 'NotFoundError');
      await rejects(w.carol.lists.addEntry(sales.id, { e164: handset(1) }), 'NotFoundError');
    }));

    it('refuses to delete a list a scheduled campaign uses', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(2));
      const campaign = await draftFor(w.alice, w.num.alice.id, listId);
      await w.alice.campaigns.schedule(campaign.id, new Date(w.fx.now() + 60_000).toISOString());
      await rejects(w.alice.lists.remove(listId), 'ConflictError');
      assert.equal((await w.alice.lists.get(listId)).entryCount, 2);
    }));
  });
}
