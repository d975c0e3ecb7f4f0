// Every csv-spectrum pair (test/fixtures/csv-spectrum, copied from the csv-spectrum project), read through the
// recipient parser's CSV layer: the cells of each record, keyed by the header, must equal the JSON.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvRows } from '../../src/recipients/csv-rows.js';
import { parseRecipients } from '../../src/csv.js';

const SPECTRUM = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'csv-spectrum');

describe('csv-spectrum', () => {
  it('is there to read', () => {
    assert.ok(existsSync(join(SPECTRUM, 'csvs')), `csv-spectrum not found at ${SPECTRUM}`);
  });

  const names = existsSync(join(SPECTRUM, 'csvs')) ? readdirSync(join(SPECTRUM, 'csvs')).filter((name) => name.endsWith('.csv')) : [];

  it('has the pairs expected', () => {
    assert.ok(names.length >= 11, names.join(', '));
    for (const name of names) assert.ok(existsSync(join(SPECTRUM, 'json', name.replace(/\.csv$/, '.json'))), name);
  });

  for (const name of names) {
    it(name, async () => {
      const text = readFileSync(join(SPECTRUM, 'csvs', name), 'utf8');
      const expected = JSON.parse(readFileSync(join(SPECTRUM, 'json', name.replace(/\.csv$/, '.json')), 'utf8')) as Record<string, string>[];
      const [header, ...records] = await readCsvRows(text);
      assert.ok(header);
      const objects = records.map(({ cells }) => Object.fromEntries(header.cells.map((column, index) => [column, cells[index]])));
      assert.deepEqual(objects, expected);

      // parseRecipients reads the same records: each data record is accounted for once, on its own line.
      const parsed = await parseRecipients(text, { defaultCountry: 'AU', phoneColumn: 0 });
      assert.equal(parsed.stats.lines, expected.length);
      assert.deepEqual(parsed.columns, header.cells);
      const lines = [...parsed.recipients, ...parsed.errors, ...parsed.duplicates].map((row) => row.line).concat(parsed.blanks);
      assert.deepEqual(lines.sort((a, b) => a - b), records.map((record) => record.line));
    });
  }

  it('reports the line each record starts on, counting the lines inside quoted fields', async () => {
    const lines = async (file: string): Promise<number[]> =>
      (await readCsvRows(readFileSync(join(SPECTRUM, 'csvs', file), 'utf8'))).map((row) => row.line);
    assert.deepEqual(await lines('newlines.csv'), [1, 2, 3, 5]);
    assert.deepEqual(await lines('newlines_crlf.csv'), [1, 2, 3, 5]);
    assert.deepEqual(await lines('quotes_and_newlines.csv'), [1, 2, 5]);
    assert.deepEqual(await lines('empty_crlf.csv'), [1, 2, 3]);
  });
});
