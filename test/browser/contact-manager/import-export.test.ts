import { expect } from '@open-wc/testing';
import type { SmsContactManager } from '../../../components/index.js';
import { $, $$, captureDownload, chooseFile, find, HOSTILE, part, text, until } from '../manager-helpers.js';
import { contactWorld, loadedManager, rowNames, rowOf } from './helpers.js';

/**
 * A contact file: line 2 adds a number to Bob Smith (shared already), 3 and 4 make Dana Wu with two numbers, 5 has
 * no name, 6 no number, 7 repeats line 3's number, 8 an e-mail that is not one, 9 a name that is a formula.
 */
const FILE = [
  'Name,Phone,Label,Company,E-mail',
  'bob smith,0412 000 010,Boat,,',
  'Dana Wu,0412 000 011,Mobile,Wu & Co,dana@example.com',
  'Dana Wu,02 9000 1111,Work,,',
  ',0412 000 012,,,',
  'Eve,not a number,,,',
  'Eve,0412 000 011,,,',
  'Fay,0412 000 013,Home,,not-an-email',
  '"=HYPERLINK(""http://x"")",0412 000 014,,,',
].join('\n');

function tableRows(el: SmsContactManager, partName: string): string[][] {
  return $$(el, `[part~="${partName}"] tbody tr`).map((row) => [...row.querySelectorAll('td')].map((cell) => text(cell)));
}

function counts(el: SmsContactManager, within = ''): string[] {
  return $$(el, `${within} [part~="import-counts"] li`).map(text);
}

describe('<sms-contact-manager>: import and export', () => {
  it('imports a file with the columns found, rows of one name as one contact, and reports what was left out by line', async () => {
    const { admin } = await contactWorld();
    const el = await loadedManager(admin);
    part<HTMLButtonElement>(el, 'import-button-open')!.click();
    const panel = await find(el, '[part~="import"]', 'the import panel');
    expect(text(panel.querySelector('h3'))).to.equal('Import shared contacts');
    await find(el, '[part~="drop-zone"]');
    chooseFile(el, 'contacts.csv', FILE);
    await find(el, '[part~="import-button"]', 'the file read');
    expect(part<HTMLSelectElement>(el, 'phone-column')!.value).to.equal('Phone');
    expect($$<HTMLSelectElement>(el, '[part~="column-choice"]').map((select) => select.value)).to.deep.equal(['Name', 'Label', 'Company', 'E-mail']);
    expect(counts(el)).to.deep.equal(['6 valid numbers', '1 invalid row', '1 duplicate']);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'import-button')!.click();
    await find(el, '[part~="import-report"]', 'the report of the import');
    expect(text($(el, '.import-done h4'))).to.equal('Import finished');
    expect(counts(el, '[part~="import-report"]')).to.deep.equal(['2 contacts added', '1 contact updated', '3 invalid rows', '1 duplicate']);
    expect(tableRows(el, 'import-report').map(([line, , problem]) => [line, problem])).to.deep.equal([
      ['5', 'The row has no name.'],
      ['6', 'Not a phone number.'],
      ['7', 'Same number as line 3.'],
      ['8', 'Not an e-mail address.'],
    ]);
    await until(() => rowNames(el).includes('Dana Wu'), 'the table reloaded');
    expect(rowOf(el, 'Dana Wu').slice(0, 2)).to.deep.equal(['Dana Wu Wu & Co', '0412 000 011 Mobile (02) 9000 1111 Work']);
    expect(rowOf(el, 'Bob Smith')[1]).to.equal('0412 000 001 Mobile (02) 9876 5432 Work + 2 more');
    expect(rowNames(el)).to.not.include('Fay');
    await expect(el).to.be.accessible();
  });

  it('exports the contacts shown as CSV, one row per number, that imports again and runs no formula', async () => {
    const { user } = await contactWorld();
    await user.contacts.create({ scope: 'personal', name: '=HYPERLINK("http://x")', numbers: [{ e164: '+61412000014', label: '+Boat' }] });
    const el = await loadedManager(user);
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(file.name).to.equal('contacts.csv');
    const lines = file.text.trim().split('\r\n');
    expect(lines[0]).to.equal('name,phone,label,company,email,scope');
    expect(lines).to.include('Bob Smith,+61298765432,Work,Acme Plumbing,,global');
    expect(lines).to.include('Mum,+61412000004,Home,,,personal');
    expect(lines).to.include(`"'=HYPERLINK(""http://x"")",+61412000014,"'+Boat",,,personal`);
    expect(lines.filter((line) => line.startsWith(`"${HOSTILE}`) || line.startsWith(HOSTILE))).to.have.length(1);
    expect(lines).to.have.length(1 + 3 + 1 + 1 + 1);
    await until(() => text(part(el, 'notice')).includes('4 contacts exported.'), 'the export said');
  });
});
