import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileProgress } from '../../../src/csv.js';
import { buildXlsx, RECIPIENTS_XLSX_ROWS } from '../../fixtures/xlsx.js';
import { type BackendHarness, CONTRACT_RECIPIENT_FILES } from '../backend.contract.js';
import { all, handset, rejects, withWorld } from './world.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOSTILE = '<img src=x onerror="alert(1)">';

/** A list file with every kind of row: kept, refused (line 5), repeated (line 6), already in the list, hostile text. */
const LIST_CSV = ['mobile,first_name', '0412 000 001,Ann', '0412 000 002,Ben', `0412 000 003,${HOSTILE}`, '12,Bad', '0412 000 001,Ann again'].join('\r\n');

/** Recipient files sent as they are (`lists.importFile`, `campaigns.uploadFile`): read as streams by the backend. */
export function recipientFilesContract(h: BackendHarness): void {
  describe('recipient files sent as they are', () => {
    it('imports a CSV or XLSX file into a list with the report of a parsed import', withWorld(h, async (w) => {
      const list = await w.alice.lists.create({ name: 'Streamed' });
      await w.alice.lists.addEntry(list.id, { e164: handset(3), fields: { first_name: 'Old' } });
      const report = await w.alice.lists.importFile!(list.id, { file: new File([LIST_CSV], 'customers.csv', { type: 'text/csv' }) });
      assert.equal(report.fileName, 'customers.csv');
      assert.deepEqual([report.added, report.updated, report.duplicates, report.refused], [2, 1, 1, undefined]);
      assert.deepEqual(report.errors.map((error) => [error.line, error.value, error.code]), [[5, '12', 'phone.too_short']]);
      const stored = await w.alice.lists.get(list.id);
      assert.deepEqual(stored.lastImport, report);
      assert.deepEqual([stored.entryCount, stored.columns], [3, ['first_name']]);
      const entries = await all((cursor) => w.alice.lists.entries(list.id, { cursor }));
      assert.deepEqual(entries.map((entry) => [entry.e164, entry.fields.first_name]).sort(), [[handset(1), 'Ann'], [handset(2), 'Ben'], [handset(3), HOSTILE]], 'markup is kept as text');

      // An XLSX workbook, with the phone column and the file name given.
      const workbook = await w.alice.lists.create({ name: 'Workbook' });
      const file = new Blob([buildXlsx(RECIPIENTS_XLSX_ROWS)], { type: XLSX_TYPE });
      const sheet = await w.alice.lists.importFile!(workbook.id, { file, fileName: 'stores.xlsx', phoneColumn: 'Mobile' });
      assert.deepEqual([sheet.fileName, sheet.added, sheet.duplicates], ['stores.xlsx', 3, 1]);
      assert.deepEqual(sheet.errors.map((error) => [error.line, error.value]), [[6, 'not a number']]);
      assert.deepEqual((await w.alice.lists.get(workbook.id)).columns, ['Name', 'Store']);
      await rejects(w.alice.lists.importFile!(workbook.id, { file, phoneColumn: 'Fax' }), 'RecipientFileError', { code: 'recipients.no_such_column' });
    }));

    it('tells the progress of a file as the backend takes it, to its last byte; a display that throws stops nothing', withWorld(h, async (w) => {
      const file = new File([LIST_CSV], 'customers.csv', { type: 'text/csv' });
      const told: FileProgress[] = [];
      const list = await w.alice.lists.create({ name: 'Progress' });
      const report = await w.alice.lists.importFile!(list.id, { file, onProgress: (progress) => told.push(progress) });
      assert.equal(report.added, 3);
      assert.deepEqual(told.at(-1), { bytes: file.size, totalBytes: file.size });
      assert.ok(told.every((progress, index) => progress.totalBytes === file.size && (index === 0 || progress.bytes > told[index - 1]!.bytes)));
      const upload = await w.alice.campaigns.uploadFile!({ file, onProgress: () => {
        throw new Error('The display broke');
      } });
      assert.equal(upload.stats.recipients, 3);
      await rejects(w.alice.campaigns.uploadFile!({ file, onProgress: 'every second' as never }), 'ValidationError', { field: 'onProgress' });
    }));

    it('uploads a file for a campaign as createUpload keeps parsed rows; refuses one over the caps, writing nothing', withWorld(h, async (w) => {
      const csv = ['name,mobile', 'Ann,0412 000 001', 'Ben,0412 000 002', 'Ann again,0412 000 001', 'Bad,12'].join('\n');
      const upload = await w.alice.campaigns.uploadFile!({ file: new Blob([csv]), fileName: 'spring.csv' });
      assert.deepEqual([upload.name, upload.columns, upload.phoneColumn, upload.stats], ['spring.csv', ['name', 'mobile'], 'mobile', { recipients: 2, errors: 1, duplicates: 1 }]);
      assert.deepEqual(await w.alice.campaigns.getUpload(upload.id), upload);
      const campaign = await w.alice.campaigns.create({ name: 'Streamed', sender: { type: 'number', numberId: w.num.alice.id }, body: 'Hi {{name}}', recipients: { uploadId: upload.id } });
      const estimate = await w.alice.campaigns.estimate(campaign.id);
      assert.deepEqual([estimate.total, estimate.deliverable, estimate.duplicate, estimate.invalid], [4, 2, 1, 1]);
      await rejects(w.admin.campaigns.uploadFile!({ file: new Blob([csv]) }), 'PermissionError');

      const list = await w.alice.lists.create({ name: 'Too big' });
      const big = new Blob([`mobile\n${'0412 000 001\n'.repeat(Math.ceil(CONTRACT_RECIPIENT_FILES.maxBytes / 13) + 1)}`]);
      assert.ok(big.size > CONTRACT_RECIPIENT_FILES.maxBytes);
      await rejects(w.alice.lists.importFile!(list.id, { file: big }), 'RecipientFileError', { code: 'recipients.too_large' });
      await rejects(w.alice.campaigns.uploadFile!({ file: big }), 'RecipientFileError', { code: 'recipients.too_large' });
      // A few kilobytes of workbook that unpack to more than the cap: refused before it is unpacked.
      const bomb = buildXlsx([{ index: 1, cells: ['Mobile', 'Note'] }, { index: 2, cells: ['0412 000 001', 'x'.repeat(CONTRACT_RECIPIENT_FILES.maxUnpackedBytes)] }]);
      assert.ok(bomb.byteLength < CONTRACT_RECIPIENT_FILES.maxBytes / 4);
      await rejects(w.alice.lists.importFile!(list.id, { file: new Blob([bomb]) }), 'RecipientFileError', { code: 'recipients.too_large', format: 'xlsx' });
      const stored = await w.alice.lists.get(list.id);
      assert.deepEqual([stored.entryCount, stored.lastImport], [0, null]);
      assert.deepEqual((await w.alice.lists.entries(list.id)).items, []);
    }));
  });
}
