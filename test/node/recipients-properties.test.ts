// Property tests: parseRecipients never throws on what a file holds, and every record ends up as exactly one of
// recipient, error, duplicate or blank, on the line where it starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRecipients, type ParsedRecipients } from '../../src/csv.js';
import { isRecipientFileError } from '../../src/errors/recipient-file-error.js';
import { CsvRowReader, detectDelimiter, loadPapa, readCsvRows } from '../../src/recipients/csv-rows.js';

function accounted(result: ParsedRecipients): number[] {
  return [...result.recipients, ...result.errors, ...result.duplicates]
    .map((row) => row.line)
    .concat(result.blanks)
    .sort((a, b) => a - b);
}

/** Physical lines of a text, as an editor numbers them: CRLF, CR and LF each end one. */
function physicalLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkAccounts(text: string, result: ParsedRecipients): void {
  const lines = accounted(result);
  const { stats } = result;
  assert.equal(stats.recipients + stats.errors + stats.duplicates + stats.blanks, stats.lines);
  assert.equal(lines.length, stats.lines);
  assert.equal(new Set(lines).size, lines.length, 'a line is counted twice');
  for (const line of lines) assert.ok(Number.isInteger(line) && line >= 1 && line <= physicalLines(text), `line ${line}`);
}

/** CSV-ish text: mostly the characters that matter to the format, some digits and letters. */
const csvText = fc
  .array(fc.constantFrom(',', ';', '\t', '"', '\n', '\r', '\r\n', ' ', '+', '0', '4', '1', '2', '6', '7', 'a', 'Z', '\uFEFF', 'é', '(', '-', '0412 345 678', '+61 412 345 679', 'phone'), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('parseRecipients properties', () => {
  it('never throws on any text, and accounts for every record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), csvText), fc.constantFrom('AU', 'US', undefined), async (text, defaultCountry) => {
        const result = await parseRecipients(text, { defaultCountry, yieldEveryMs: 1000 });
        checkAccounts(text, result);
        // No record is lost between the CSV reader and the sorting: every record but the header is counted. (Both drop
        // one leading BOM, no more: a second one is a character of the first record.)
        assert.equal(result.stats.lines + (result.hasHeader ? 1 : 0), (await readCsvRows(text)).length);
      }),
      { numRuns: 600, examples: [['\uFEFF\uFEFF', 'AU'], ['\uFEFF\uFEFFphone\n0412345678', undefined]] },
    );
  });

  it('reads the same records in slices of any size as in one go, whatever the mix of line breaks', async () => {
    const Papa = await loadPapa();
    await fc.assert(
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 40 }), async (text, size) => {
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const reader = new CsvRowReader(Papa, body, detectDelimiter(Papa, body));
        const rows: { cells: string[]; line: number; unclosedQuote: boolean }[] = [];
        while (reader.read(size, (cells, line, unclosedQuote) => rows.push({ cells, line, unclosedQuote })));
        assert.deepEqual(rows, await readCsvRows(text));
      }),
      { numRuns: 600, examples: [['phone\r\n0412345678\r\n', 7], ['a,"b\r\nc"\rd,e\r\n', 5]] },
    );
  });

  it('never throws on any bytes but a broken workbook, which it reports as such', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 60 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]))),
        async (bytes) => {
          try {
            const result = await parseRecipients(bytes, { defaultCountry: 'AU' });
            assert.equal(result.stats.recipients + result.stats.errors + result.stats.duplicates + result.stats.blanks, result.stats.lines);
          } catch (error) {
            assert.ok(isRecipientFileError(error) && error.code === 'recipients.invalid_xlsx', String(error));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts each written record on the line where it starts, whatever its quoting and its mix of line breaks', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'Ana', 'Bo B', 'x,y', 'say "hi"', 'two\nlines', 'cr\r\nlf', '\r', ' '),
      fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
    );
    const phone = fc.oneof(fc.constantFrom('0412 345 678', '+61 412 345 679', '12', '', 'n/a', '+44 7400 123456'), fc.stringMatching(/^04\d{8}$/));
    const cells = fc.oneof({ weight: 5, arbitrary: fc.tuple(cell, phone, cell) }, { weight: 1, arbitrary: fc.constant([] as string[]) });
    const newline = fc.constantFrom('\n', '\r\n', '\r');
    const file = (lineEnd: fc.Arbitrary<string>) => fc.tuple(lineEnd, fc.array(fc.record({ cells, newline: lineEnd }), { maxLength: 25 }));
    // Each line its own line break, or one for the whole file.
    const lines = fc.oneof(file(newline), newline.chain((style) => file(fc.constant(style))));
    await fc.assert(
      fc.asyncProperty(lines, fc.constantFrom(',', ';', '\t'), async ([headerNewline, records], delimiter) => {
        const quote = (value: string): string => (/[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
        let text = ['name', 'mobile', 'note'].join(delimiter) + headerNewline;
        let line = 2;
        const expected: number[] = [];
        for (const { cells, newline } of records) {
          expected.push(line);
          const written = cells.map(quote).join(delimiter);
          // A CR then an LF is one CRLF: after a CR, an empty line cannot end in a lone LF.
          text += written + (text.endsWith('\r') && written === '' && newline === '\n' ? '\r' : newline);
          line += physicalLines(written);
        }
        const result = await parseRecipients(text, { defaultCountry: 'AU', yieldEveryMs: 1000 });
        assert.equal(result.phoneColumn, 'mobile');
        checkAccounts(text, result);
        assert.deepEqual(accounted(result), expected);
        for (const recipient of result.recipients) {
          const written = records[expected.indexOf(recipient.line)]!;
          assert.deepEqual(recipient.fields, { name: written.cells[0], note: written.cells[2] });
        }
      }),
      { numRuns: 400 },
    );
  });
});
