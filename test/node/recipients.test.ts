import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecipients, recipientsTemplateCsv, type ParsedRecipients } from '../../src/csv.js';
import { isRecipientFileError, RecipientFileError } from '../../src/errors/recipient-file-error.js';
import { buildXlsx, RECIPIENTS_XLSX_ROWS, zip } from '../fixtures/xlsx.js';

const AU = { defaultCountry: 'AU' } as const;

/** Every line the result accounts for, sorted. */
function accounted(result: ParsedRecipients): number[] {
  return [...result.recipients, ...result.errors, ...result.duplicates]
    .map((row) => row.line)
    .concat(result.blanks)
    .sort((a, b) => a - b);
}

describe('parseRecipients: sorting records', () => {
  it('keeps valid numbers with their merge fields, and reports errors, duplicates and blanks by line', async () => {
    const csv = 'Name,Mobile,Store\nAna,0412 345 678,Newtown\nBo,12,Perth\n\nCy,+61 412 345 678,Fitzroy\nDi,+44 7400 123456,Camden\n';
    const result = await parseRecipients(csv, AU);
    assert.deepEqual(result.recipients, [
      { e164: '+61412345678', fields: { Name: 'Ana', Store: 'Newtown' }, line: 2 },
      { e164: '+447400123456', fields: { Name: 'Di', Store: 'Camden' }, line: 6 },
    ]);
    assert.equal(result.errors.length, 1);
    assert.deepEqual({ ...result.errors[0]!, message: undefined }, { line: 3, column: 'Mobile', value: '12', code: 'phone.too_short', message: undefined });
    assert.match(result.errors[0]!.message, /"12" is too short/);
    assert.deepEqual(result.duplicates, [{ line: 5, e164: '+61412345678', firstLine: 2 }]);
    assert.deepEqual(result.blanks, [4]);
    assert.deepEqual(result.columns, ['Name', 'Mobile', 'Store']);
    assert.equal(result.phoneColumn, 'Mobile');
    assert.equal(result.hasHeader, true);
    assert.equal(result.format, 'csv');
    assert.deepEqual(result.stats, { lines: 5, recipients: 2, errors: 1, duplicates: 1, blanks: 1 });
  });

  it('reports an empty phone cell, and leaves out the fields a short row does not have', async () => {
    const result = await parseRecipients('phone,name,suburb\n,Ana,Newtown\n0412 345 678\n0412 345 679,Bo\n', AU);
    assert.deepEqual(result.errors.map((error) => [error.line, error.code, error.value]), [[2, 'phone.empty', '']]);
    assert.deepEqual(result.recipients.map((r) => r.fields), [{}, { name: 'Bo' }]);
  });

  it('names extra cells beyond the header, and makes header names unique', async () => {
    const result = await parseRecipients('phone,name,name,\n0412 345 678,A,B,C,D\n', AU);
    assert.deepEqual(result.columns, ['phone', 'name', 'name_2', 'column4', 'column5']);
    assert.deepEqual(result.recipients[0]!.fields, { name: 'A', name_2: 'B', column4: 'C', column5: 'D' });
  });

  it('keeps a column named __proto__ as a plain field', async () => {
    const result = await parseRecipients('phone,__proto__\n0412 345 678,x\n0412 345 679\n', AU);
    const fields = result.recipients[0]!.fields;
    assert.equal(Object.getPrototypeOf(fields), Object.prototype);
    assert.deepEqual(Object.entries(fields), [['__proto__', 'x']]);
  });

  it('marks a record whose quote never closes, and keeps counting', async () => {
    const result = await parseRecipients('phone,name\n0412 345 678,Ana\n0412 345 679,"Bo\n0412 345 670,Cy\n', AU);
    assert.equal(result.recipients.length, 1);
    assert.deepEqual(result.errors.map((error) => [error.line, error.code, error.column]), [[3, 'csv.unclosed_quote', null]]);
    assert.equal(result.stats.lines, 2);
  });

  it('reads a file with no records', async () => {
    for (const input of ['', '\n\n', 'phone,name\n']) {
      const result = await parseRecipients(input, AU);
      assert.equal(result.recipients.length + result.errors.length + result.duplicates.length, 0, JSON.stringify(input));
    }
    assert.deepEqual((await parseRecipients('', AU)).stats, { lines: 0, recipients: 0, errors: 0, duplicates: 0, blanks: 0 });
    assert.equal((await parseRecipients('', AU)).phoneColumn, null);
    assert.deepEqual((await parseRecipients('\n\n', AU)).blanks, [1, 2]);
    assert.equal((await parseRecipients('phone,name\n', AU)).phoneColumn, 'phone');
  });
});

describe('parseRecipients: CSV dialects', () => {
  const expected = ['+61412345678', '+61412345679'];
  const e164s = (result: ParsedRecipients): string[] => result.recipients.map((r) => r.e164);

  it('reads LF, CRLF and CR-only files, with the same lines', async () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const result = await parseRecipients(['phone,name', '0412 345 678,Ana', '', '0412 345 679,Bo', ''].join(newline), AU);
      assert.deepEqual(e164s(result), expected, JSON.stringify(newline));
      assert.deepEqual(result.recipients.map((r) => r.line), [2, 4]);
      assert.deepEqual(result.blanks, [3]);
    }
  });

  it('reads a file that mixes CRLF, LF and CR lines: each line one record on its own line, quoted breaks kept', async () => {
    // Long enough to be read in many slices, so that line breaks of every kind fall at their edges.
    const breaks = ['\r\n', '\n', '\r', '\r\n', '\r\n', '\n'];
    const notes = ['', 'plain', '"two\rlines"', '"two\r\nlines"', '"two\nlines"', '"a, b"'];
    let text = 'name,mobile,note\r\n';
    let line = 2;
    const expected: { line: number; e164: string; fields: Record<string, string> }[] = [];
    const blanks: number[] = [];
    for (let index = 0; index < 12_000; index++) {
      const newline = breaks[index % breaks.length]!;
      if (index % 97 === 0 && !text.endsWith('\r')) {
        blanks.push(line++);
        text += newline;
        continue;
      }
      const note = notes[index % notes.length]!;
      const mobile = `04${String(10_000_000 + index)}`;
      expected.push({ line, e164: `+614${String(10_000_000 + index)}`, fields: { name: `N${index}`, note: note.replace(/^"|"$/g, '') } });
      text += `N${index},${mobile},${note}${newline}`;
      line += 1 + (note.match(/\r\n|\r|\n/g)?.length ?? 0);
    }
    const result = await parseRecipients(text, AU);
    assert.equal(result.errors.length, 0, JSON.stringify(result.errors.slice(0, 3)));
    assert.equal(result.recipients.length, expected.length);
    assert.deepEqual(result.recipients, expected);
    assert.deepEqual(result.blanks, blanks);
  });

  it('strips a byte order mark from text and from bytes', async () => {
    const text = '\uFEFFphone,name\r\n0412 345 678,Ana\r\n';
    const fromText = await parseRecipients(text, AU);
    assert.deepEqual(fromText.columns, ['phone', 'name']);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('phone,name\r\n0412 345 678,Ana\r\n')]);
    const fromBytes = await parseRecipients(bytes, AU);
    assert.deepEqual(fromBytes.columns, ['phone', 'name']);
    assert.deepEqual(e164s(fromBytes), ['+61412345678']);
  });

  it('reads ; and tab delimiters, with quoted fields holding them', async () => {
    const semicolon = await parseRecipients('Telefon;Name\n0412 345 678;"Ana; jr"\n"0412 345 679";Bo\n', AU);
    assert.deepEqual(e164s(semicolon), expected);
    assert.deepEqual(semicolon.recipients[0]!.fields, { Name: 'Ana; jr' });
    const tab = await parseRecipients('name\tmobile\nAna\t0412 345 678\n"Bo\tB"\t0412 345 679\n', AU);
    assert.deepEqual(e164s(tab), expected);
    assert.deepEqual(tab.recipients[1]!.fields, { name: 'Bo\tB' });
  });

  it('reports the line each record starts on when quoted fields hold line breaks', async () => {
    const csv = 'name,phone,note\r\n"Ana\r\nSmith",0412 345 678,"a\nb\rc"\r\nBo,0412 345 679,x\r\n"Cy","12","multi\r\n\r\nline"\r\nDi,0412 345 670,y\r\n';
    const result = await parseRecipients(csv, AU);
    assert.deepEqual(result.recipients.map((r) => r.line), [2, 6, 10]);
    assert.deepEqual(result.recipients[0]!.fields, { name: 'Ana\r\nSmith', note: 'a\nb\rc' });
    assert.deepEqual(result.errors.map((e) => e.line), [7]);
  });

  it('decodes UTF-16 with a BOM, and Windows-1252 bytes that are not UTF-8', async () => {
    const text = 'phone,name\n0412 345 678,Chloé\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    assert.deepEqual((await parseRecipients(utf16, AU)).recipients[0]!.fields, { name: 'Chloé' });
    const cp1252 = new Uint8Array([...text].map((c) => c.charCodeAt(0))); // é is 0xE9: invalid as UTF-8
    assert.deepEqual((await parseRecipients(cp1252, AU)).recipients[0]!.fields, { name: 'Chloé' });
  });

  it('decodes a file larger than a decoding slice without breaking a character cut by a slice boundary', async () => {
    // Rows of different byte lengths, with two- and four-byte characters, so that slice boundaries (every MiB) fall
    // inside characters somewhere in the 3 MiB.
    const rows = ['phone,name'];
    for (let index = 0, length = 0; length < 3_200_000; index++) {
      const row = `04${String(12_000_000 + index)},${'é'.repeat(index % 7)}Zoë 😀${'x'.repeat(index % 5)}`;
      rows.push(row);
      length += row.length + 1;
    }
    const text = rows.join('\n') + '\n';
    const bytes = new TextEncoder().encode(text);
    const result = await parseRecipients(bytes, AU);
    assert.equal(result.stats.recipients, rows.length - 1);
    assert.equal(result.errors.length, 0);
    for (const [index, recipient] of result.recipients.entries()) {
      assert.equal(recipient.fields.name, rows[index + 1]!.split(',')[1], `line ${recipient.line}`);
    }
    // The same file as UTF-16 with a BOM, and as Windows-1252 (no emoji there), are read alike.
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text.replaceAll('😀', '')].map((c) => c.charCodeAt(0))).buffer)]);
    assert.equal((await parseRecipients(utf16, AU)).recipients.at(-1)!.fields.name, rows.at(-1)!.split(',')[1]!.replace('😀', ''));
    const cp1252 = new Uint8Array([...text.replaceAll('😀', '')].map((c) => c.charCodeAt(0)));
    assert.equal((await parseRecipients(cp1252, AU)).recipients.at(-1)!.fields.name, rows.at(-1)!.split(',')[1]!.replace('😀', ''));
  });

  it('reads a Blob or File and an ArrayBuffer', async () => {
    const text = 'phone\n0412 345 678\n';
    assert.deepEqual(e164s(await parseRecipients(new Blob([text]), AU)), ['+61412345678']);
    assert.deepEqual(e164s(await parseRecipients(new File([text], 'list.csv'), AU)), ['+61412345678']);
    assert.deepEqual(e164s(await parseRecipients(new TextEncoder().encode(text).buffer, AU)), ['+61412345678']);
  });
});

describe('parseRecipients: finding the header and the phone column', () => {
  it('finds the phone column by header, in several languages and spellings', async () => {
    for (const header of ['Mobile', 'MOBILE NUMBER', 'mobile_number', 'Phone', 'Phone #', 'Tel.', 'msisdn', 'Cell Phone', 'Telephone', 'Téléphone portable', 'Handynummer', 'Número de teléfono', '携帯番号', 'Number']) {
      const result = await parseRecipients(`ID,${header},Name\n7,0412 345 678,Ana\n`, AU);
      assert.equal(result.phoneColumn, header, header);
      assert.deepEqual(result.recipients[0]!.fields, { ID: '7', Name: 'Ana' }, header);
    }
  });

  it('prefers a mobile column to a phone column, when it holds numbers', async () => {
    const both = await parseRecipients('Phone,Mobile\n02 9374 4000,0412 345 678\n', AU);
    assert.equal(both.phoneColumn, 'Mobile');
    const emptyMobile = await parseRecipients('Phone,Mobile\n0412 345 678,\n0412 345 679,\n', AU);
    assert.equal(emptyMobile.phoneColumn, 'Phone');
  });

  it('finds the phone column by content when no header names it', async () => {
    const result = await parseRecipients('Name,Contact,Code\nAna,0412 345 678,12345678\nBo,+61 412 345 679,23456789\n', AU);
    assert.equal(result.phoneColumn, 'Contact');
    assert.equal(result.recipients.length, 2);
  });

  it('reads a file without a header row, naming its columns', async () => {
    const result = await parseRecipients('Ana,0412 345 678\nBo,0412 345 679\n', AU);
    assert.equal(result.hasHeader, false);
    assert.deepEqual(result.columns, ['column1', 'column2']);
    assert.equal(result.phoneColumn, 'column2');
    assert.deepEqual(result.recipients.map((r) => [r.line, r.fields]), [[1, { column1: 'Ana' }], [2, { column1: 'Bo' }]]);
    const phonesOnly = await parseRecipients('0412 345 678\r\n+44 7400 123456\r\n', AU);
    assert.deepEqual(phonesOnly.recipients.map((r) => [r.line, r.e164]), [[1, '+61412345678'], [2, '+447400123456']]);
  });

  it('counts blank lines above the header as blanks', async () => {
    const result = await parseRecipients('\n\nphone\n0412 345 678\n', AU);
    assert.equal(result.hasHeader, true);
    assert.deepEqual(result.blanks, [1, 2]);
    assert.deepEqual(result.recipients.map((r) => r.line), [4]);
  });

  it('takes the phone column the caller names, by header or index', async () => {
    const csv = 'Home,Work\n0412 345 678,0412 345 679\n';
    assert.equal((await parseRecipients(csv, { ...AU, phoneColumn: 'work' })).recipients[0]!.e164, '+61412345679');
    assert.equal((await parseRecipients(csv, { ...AU, phoneColumn: 1 })).recipients[0]!.e164, '+61412345679');
    await assert.rejects(parseRecipients(csv, { ...AU, phoneColumn: 'Mobile' }), (error: unknown) => {
      assert.ok(isRecipientFileError(error));
      assert.equal(error.code, 'recipients.no_such_column');
      return true;
    });
  });

  it('reads numbers with "+" whatever the default country, and reports national ones without one', async () => {
    const result = await parseRecipients('phone\n+61 412 345 678\n0412 345 679\n');
    assert.equal(result.recipients.length, 1);
    assert.equal(result.errors[0]!.code, 'phone.invalid_country');
  });
});

describe('parseRecipients: XLSX', () => {
  it('reads the first sheet of a workbook, numbers stored as numbers included, by sheet row', async () => {
    const result = await parseRecipients(buildXlsx(RECIPIENTS_XLSX_ROWS), AU);
    assert.equal(result.format, 'xlsx');
    assert.deepEqual(result.columns, ['Name', 'Mobile', 'Store']);
    assert.deepEqual(result.recipients, [
      { e164: '+61412345678', fields: { Name: 'Alice', Store: 'Sydney' }, line: 2 },
      { e164: '+61412345679', fields: { Name: 'Bob', Store: 'Perth' }, line: 3 },
      { e164: '+447400123456', fields: { Name: 'Carol', Store: '' }, line: 5 },
    ]);
    assert.deepEqual(result.blanks, [4]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.code, e.value]), [[6, 'phone.not_a_number', 'not a number']]);
    assert.deepEqual(result.duplicates, [{ line: 7, e164: '+61412345678', firstLine: 2 }]);
  });

  it('detects XLSX from its bytes in an ArrayBuffer or a Blob, and reads it when told', async () => {
    const bytes = buildXlsx(RECIPIENTS_XLSX_ROWS);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    assert.equal((await parseRecipients(buffer, AU)).recipients.length, 3);
    assert.equal((await parseRecipients(new Blob([bytes]), AU)).recipients.length, 3);
    assert.equal((await parseRecipients(bytes, { ...AU, format: 'xlsx' })).recipients.length, 3);
  });

  it('throws a RecipientFileError for a broken workbook', async () => {
    const broken = [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), zip([['hello.txt', 'not a workbook']])];
    for (const bytes of broken) {
      await assert.rejects(parseRecipients(new File([bytes], 'list.xlsx'), AU), (error: unknown) => {
        assert.ok(error instanceof RecipientFileError);
        assert.equal(error.code, 'recipients.invalid_xlsx');
        assert.equal(error.fileName, 'list.xlsx');
        assert.match(error.message, /list\.xlsx/);
        return true;
      });
    }
  });

  it('refuses text when told it is XLSX, and inputs of no known kind', async () => {
    await assert.rejects(parseRecipients('phone', { format: 'xlsx' }), { code: 'recipients.unsupported_input' });
    await assert.rejects(parseRecipients(42 as unknown as string), { code: 'recipients.unsupported_input' });
  });

  it('throws a RecipientFileError when a Blob cannot be read', async () => {
    const failing = { size: 1, type: '', name: 'gone.csv', arrayBuffer: () => Promise.reject(new Error('disk')) };
    await assert.rejects(parseRecipients(failing, AU), { code: 'recipients.unreadable', fileName: 'gone.csv' });
  });
});

describe('parseRecipients: progress, yielding and aborting', () => {
  const big = 'phone,n\n' + Array.from({ length: 30_000 }, (_, i) => `04${String(10_000_000 + i).slice(0, 8)},${i}`).join('\n');

  it('reports progress up to the whole file', async () => {
    const seen: { lines: number; fraction: number }[] = [];
    const result = await parseRecipients(big, { ...AU, yieldEveryMs: 0, onProgress: (progress) => seen.push(progress) });
    assert.ok(seen.length > 2, `${seen.length} reports`);
    assert.deepEqual(seen.at(-1), { lines: 30_000, fraction: 1 });
    for (let index = 1; index < seen.length; index++) {
      assert.ok(seen[index]!.lines >= seen[index - 1]!.lines && seen[index]!.fraction >= seen[index - 1]!.fraction);
    }
    assert.equal(result.stats.lines, 30_000);
  });

  it('gives the event loop turns while it reads', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    try {
      await parseRecipients(big, { ...AU, yieldEveryMs: 0 });
    } finally {
      clearInterval(timer);
    }
    assert.ok(turns > 0, 'no timer ran while parsing');
  });

  it('stops when its signal aborts, with the signal reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const parsing = parseRecipients(big, { ...AU, yieldEveryMs: 0, signal: controller.signal, onProgress: () => controller.abort(reason) });
    await assert.rejects(parsing, (error) => error === reason);
    const aborted = AbortSignal.abort();
    await assert.rejects(parseRecipients('phone\n0412 345 678', { ...AU, signal: aborted }), { name: 'AbortError' });
  });
});

describe('recipientsTemplateCsv', () => {
  it('imports cleanly, in any default country', async () => {
    for (const defaultCountry of ['AU', 'GB', 'US', undefined]) {
      const result = await parseRecipients(recipientsTemplateCsv(), { defaultCountry });
      assert.equal(result.phoneColumn, 'phone');
      assert.equal(result.errors.length + result.duplicates.length + result.blanks.length, 0);
      assert.ok(result.recipients.length >= 3);
      assert.ok(result.recipients.every((r) => Object.keys(r.fields).length > 0));
      assert.deepEqual(accounted(result), [2, 3, 4]);
    }
  });

  it('has a plain header line: no comment, no BOM', () => {
    const [header] = recipientsTemplateCsv().split('\r\n');
    assert.match(header!, /^phone(,[a-z_]+)+$/);
  });
});
