import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRecipients, toCsv } from '../../src/csv.js';
import { readCsvRows } from '../../src/recipients/csv-rows.js';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF after every record, quotes around fields with a comma, quote, CR or LF, quotes doubled', () => {
    const csv = toCsv(
      [
        { a: 'plain', b: 'x,y', c: 'say "hi"', d: 'two\nlines', e: 'cr\rhere' },
        { a: '', b: null, c: undefined, d: 42, e: true },
      ],
      ['a', 'b', 'c', 'd', 'e'],
    );
    assert.equal(csv, 'a,b,c,d,e\r\nplain,"x,y","say ""hi""","two\nlines","cr\rhere"\r\n,,,42,true\r\n');
  });

  it('quotes fields holding ; or tab too, so a reader cannot take them for the delimiter', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ phone: `+6141234567${i}`, note: 'a;b;c;d\te' }));
    const csv = toCsv(rows, ['phone', 'note']);
    assert.ok(csv.includes('"a;b;c;d\te"'));
    const result = await parseRecipients(csv, { defaultCountry: 'AU' });
    assert.deepEqual(result.columns, ['phone', 'note']);
    assert.equal(result.recipients[0]!.fields.note, 'a;b;c;d\te');
  });

  it('takes columns as keys or as { key, header }, in the order given, missing keys empty', () => {
    const rows = [{ e164: '+61412345678', name: 'Ana', secret: 's' }];
    assert.equal(toCsv(rows, [{ key: 'e164', header: 'phone' }, 'name', 'absent']), 'phone,name,absent\r\n+61412345678,Ana,\r\n');
    assert.equal(toCsv([], ['phone']), 'phone\r\n');
  });

  it('writes dates in ISO 8601', () => {
    assert.equal(toCsv([{ at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }], ['at']), 'at\r\n2024-01-02T03:04:05.000Z\r\n');
  });

  it('neutralises cells that a spreadsheet would run as formulas (OWASP): quote prefix, and quoted', () => {
    const cases: [string, string][] = [
      ['=1+1', `"'=1+1"`],
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['+1+cmd|\' /C calc\'!A0', `"'+1+cmd|' /C calc'!A0"`],
      ['-2+3', `"'-2+3"`],
      ['@SUM(A1)', `"'@SUM(A1)"`],
      ['\t=1', `"'\t=1"`],
      ['\r=1', `"'\r=1"`],
      ['+614', `"'+614"`], // too short for E.164
      ['+61 412 345 678', `"'+61 412 345 678"`], // E.164 has no spaces
    ];
    for (const [value, field] of cases) assert.equal(toCsv([{ v: value }], ['v']), `v\r\n${field}\r\n`, JSON.stringify(value));
    assert.equal(toCsv([{ v: 'x' }], [{ key: 'v', header: '=cmd' }]), `"'=cmd"\r\nx\r\n`);
  });

  it('leaves a well-formed E.164 number as it is', () => {
    for (const value of ['+61412345678', '+447400123456', '+12125550123']) assert.equal(toCsv([{ v: value }], ['v']), `v\r\n${value}\r\n`);
  });

  it('writes what reads back cell for cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), { minLength: 1, maxLength: 8 }),
        async (pairs) => {
          const rows = pairs.map(([a, b]) => ({ a, b }));
          const records = await readCsvRows(toCsv(rows, ['a', 'b']));
          const read = records.slice(1).map(({ cells }) => ({ a: cells[0], b: cells[1] }));
          const expected = rows.map(({ a, b }) => ({ a: neutralised(a), b: neutralised(b) }));
          assert.deepEqual(read, expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips a recipient list through parseRecipients', async () => {
    const first = await parseRecipients('name,mobile,note\nAna,0412 345 678,"hi, there"\n"Bo ""B""",+44 7400 123456,=1+1\nCy,+1 212 555 0123,"two\nlines"\n', {
      defaultCountry: 'AU',
    });
    const exported = toCsv(
      first.recipients.map((r) => ({ mobile: r.e164, ...r.fields })),
      ['name', 'mobile', 'note'],
    );
    const again = await parseRecipients(exported, { defaultCountry: 'US' });
    assert.deepEqual(
      again.recipients.map((r) => [r.e164, r.fields.name, r.fields.note]),
      [
        ['+61412345678', 'Ana', 'hi, there'],
        ['+447400123456', 'Bo "B"', "'=1+1"],
        ['+12125550123', 'Cy', 'two\nlines'],
      ],
    );
    assert.equal(again.errors.length, 0);
  });
});

/** What a cell reads back as: formula-like cells come back with their quote prefix. */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^\+[1-9]\d{6,14}$/.test(value) ? `'${value}` : value;
}
