import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { SmsListManager } from '../../../components/list-manager/list-manager.js';
import '../../../components/list-manager/sms-list-manager.js';
import { recipientsTemplateCsv, type SmsBackend } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $, $$, captureDownload, chooseFile, find, HOSTILE, part, text, until } from '../manager-helpers.js';

/** A recipient file with a bad number (line 3), a duplicate (line 4), a blank line (5), a hostile cell (6) and text (7). */
const REPORT_CSV = [
  'name,mobile,suburb',
  'Ana,0412 000 001,Bondi',
  'Bo,12,Manly',
  'Cy,0412 000 001,Penrith',
  ',,',
  `Di,+61 412 000 002,${HOSTILE}`,
  'Ed,not a number,Manly',
].join('\n');

/** REPORT_CSV with 40 more valid rows and 20 more bad ones: a preview and a problems table taller than the pane. */
const LONG_CSV = [
  REPORT_CSV,
  ...Array.from({ length: 40 }, (_, index) => `P${index},0412 1${String(index).padStart(2, '0')} 000,Bondi`),
  ...Array.from({ length: 20 }, (_, index) => `Q${index},99${index},Manly`),
].join('\n');

async function withList(width?: number, around: (backend: SmsBackend) => SmsBackend = (backend) => backend) {
  const { backend, user } = await createEmptyBackend();
  const client = clientFor(around(backend), user);
  const list = await client.lists.create({ name: 'Patients' });
  await client.lists.addEntry(list.id, { e164: '+61412000002', fields: { name: 'Di (old)' } });
  const el = await fixture<SmsListManager>(
    html`<sms-list-manager .client=${client} default-country="AU" list-id=${list.id} style=${width ? `width: ${width}px` : ''}></sms-list-manager>`,
  );
  await find(el, 'tbody tr[data-row]');
  part<HTMLButtonElement>(el, 'import-open-button')!.click();
  await find(el, '[part~="drop-zone"]');
  return { client, list, el };
}

function tableRows(el: SmsListManager, partName: string): string[][] {
  return $$(el, `[part~="${partName}"] tbody tr`).map((row) => [...row.querySelectorAll('td')].map((cell) => text(cell)));
}

describe('<sms-list-manager>: import', () => {
  it('offers the CSV template for download', async () => {
    const { el } = await withList();
    expect(text(part(el, 'import')!.querySelector('.hint'))).to.contain('other columns become merge fields');
    await expect(el).to.be.accessible();
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'template-button')!.click());
    expect(file.name).to.equal('recipients-template.csv');
    expect(file.text).to.equal(recipientsTemplateCsv());
    expect(file.text.split('\r\n')[0]).to.equal('phone,first_name,suburb');
  });

  it('reads a file in the page and reports invalid rows and duplicates by line before importing', async () => {
    const { el } = await withList();
    chooseFile(el, 'patients.csv', REPORT_CSV);
    await find(el, '[part~="import-button"]', 'the report');
    expect(text($(el, '.import-file'))).to.equal('patients.csv');
    expect(part<HTMLSelectElement>(el, 'phone-column')!.value).to.equal('mobile');
    expect($$(el, '[part~="import-counts"] li').map(text)).to.deep.equal(['2 valid numbers', '2 invalid rows', '1 duplicate', '1 blank line']);
    expect(tableRows(el, 'import-problems')).to.deep.equal([
      ['3', '12', 'Too short for a phone number.'],
      ['4', '+61412000001', 'Same number as line 2.'],
      ['7', 'not a number', 'Not a phone number.'],
    ]);
    expect(tableRows(el, 'import-preview')).to.deep.equal([
      ['2', '+61412000001', 'Ana', 'Bondi'],
      ['6', '+61412000002', 'Di', HOSTILE],
    ]);
    expect($(el, 'img')).to.equal(null);
    expect(text(part(el, 'import-button'))).to.equal('Import 2 numbers');
    await expect(el).to.be.accessible();
  });

  it('shows how much of the file the backend has taken while it is sent, then the report', async () => {
    // A backend that has taken 40% of the file and waits there until the test lets it go on.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { el } = await withList(undefined, (backend) => ({
      ...backend,
      lists: {
        ...backend.lists,
        importFile: async (principal, id, input) => {
          await until(() => part(el, 'send-progress') !== null, 'the bar before any progress');
          expect(part(el, 'send-progress')!.querySelector('progress')!.hasAttribute('value'), 'indeterminate at first').to.equal(false);
          input.onProgress?.({ bytes: 40, totalBytes: 100 });
          await held;
          return backend.lists.importFile!(principal, id, input);
        },
      },
    }));
    chooseFile(el, 'patients.csv', REPORT_CSV);
    await find(el, '[part~="import-button"]', 'the report');
    part<HTMLButtonElement>(el, 'import-button')!.click();
    await until(() => text(part(el, 'send-progress')).includes('40% sent'), 'the share sent');
    const bar = part(el, 'send-progress')!.querySelector('progress')!;
    expect([bar.value, bar.getAttribute('aria-valuetext')]).to.deep.equal([0.4, '40%']);
    expect(text(part(el, 'send-progress'))).to.contain('Sending patients.csv…');
    expect(part<HTMLButtonElement>(el, 'import-button')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    release();
    await find(el, '[part~="import-finish"]', 'the saved report');
    expect(part(el, 'send-progress')).to.equal(null);
  });

  it('imports the valid rows and shows the saved report', async () => {
    const { el, client, list } = await withList();
    chooseFile(el, 'patients.csv', REPORT_CSV);
    await find(el, '[part~="import-button"]', 'the report');
    const changed = oneEvent(el, 'sms-list-change');
    part<HTMLButtonElement>(el, 'import-button')!.click();
    const event = await changed;
    expect(event.detail.action).to.equal('imported');
    expect(event.detail.list?.entryCount).to.equal(2);
    await find(el, '[part~="import-finish"]', 'the saved report');
    expect($$(el, '[part~="import-report"] [part~="import-counts"] li').map(text)).to.deep.equal(['1 added', '1 updated', '2 invalid rows', '1 duplicate']);
    // Every row the preview listed, the duplicate included.
    expect(tableRows(el, 'import-report')).to.deep.equal([
      ['3', '12', 'Too short for a phone number.'],
      ['4', '+61412000001', 'Same number as line 2.'],
      ['7', 'not a number', 'Not a phone number.'],
    ]);
    // One way back, at the end of the report.
    expect($$(el, '[part~="import"] button').map(text).filter((label) => label === 'Back to the numbers')).to.have.length(1);
    expect(part(el, 'import-close')).to.equal(null);
    await expect(el).to.be.accessible();

    const saved = await client.lists.get(list.id);
    expect(saved.lastImport?.fileName).to.equal('patients.csv');
    expect(saved.columns).to.include.members(['name', 'suburb']);
    const di = (await client.lists.entries(list.id, { query: '412000002' })).items[0]!;
    expect(di.fields).to.deep.equal({ name: 'Di', suburb: HOSTILE });

    part<HTMLButtonElement>(el, 'import-finish')!.click();
    await until(() => $$(el, 'tbody tr[data-row]').length === 2, 'the numbers');
    // Focus goes back to the button that opened the import.
    expect(el.shadowRoot!.activeElement === part(el, 'import-open-button')).to.equal(true);
    expect(text(part(el, 'last-import')!.querySelector('summary'))).to.match(/^Last import: patients\.csv, /);
    part(el, 'last-import')!.querySelector('summary')!.click();
    expect(tableRows(el, 'last-import').map((row) => row[0])).to.deep.equal(['3', '7']);
  });

  for (const width of [1280, 360]) {
    it(`keeps "Import N numbers" in view and numbers on one line, ${width} px wide`, async () => {
      const { el } = await withList(width);
      chooseFile(el, 'long.csv', LONG_CSV);
      const button = await find<HTMLButtonElement>(el, '[part~="import-button"]', 'the report');
      expect(text(button)).to.equal('Import 42 numbers');
      // Not below the fold: inside the visible part of the pane that scrolls (the page, once the panes stack).
      const detail = part(el, 'detail')!;
      const scroller = getComputedStyle(detail).overflowY === 'auto' ? detail.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      const box = button.getBoundingClientRect();
      expect(box.top).to.be.at.least(scroller.top);
      expect(box.bottom).to.be.at.most(scroller.bottom);
      // Numbers in the preview and the problems are never broken across lines.
      const lines = (cell: Element) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      };
      const numbers = [...$$(el, '[part~="import-preview"] td.import-phone-column'), ...$$(el, '[part~="import-problems"] td.import-number')];
      expect(numbers.length).to.be.greaterThan(10);
      expect(numbers.filter((cell) => lines(cell) !== 1).map(text)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('reads the file again when the phone column is changed', async () => {
    const { el } = await withList();
    chooseFile(el, 'two.csv', 'mobile,other\n0412 000 010,0412 000 020\n0412 000 011,0412 000 021\n');
    await find(el, '[part~="import-button"]');
    expect(tableRows(el, 'import-preview').map((row) => row[1])).to.deep.equal(['+61412000010', '+61412000011']);
    const select = part<HTMLSelectElement>(el, 'phone-column')!;
    select.value = 'other';
    select.dispatchEvent(new Event('change'));
    await until(() => tableRows(el, 'import-preview')[0]?.[1] === '+61412000020', 'the other column');
    expect($$(el, '[part~="import-preview"] thead th').map(text)).to.deep.equal(['Line', 'Other', 'Mobile']);
    expect([...select.options].map((option) => [option.value, text(option)])).to.deep.equal([['mobile', 'Mobile'], ['other', 'Other']]);
  });

  it('shows a progress bar while a file is read, and can stop reading', async () => {
    const { el } = await withList();
    // Hold the file's bytes back so that the reading state lasts as long as the test looks at it.
    const arrayBuffer = Blob.prototype.arrayBuffer;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    Blob.prototype.arrayBuffer = async function (this: Blob) {
      await held;
      return arrayBuffer.call(this);
    };
    try {
      chooseFile(el, 'large.csv', 'phone,name\n0410000000,Person 0\n');
      const progress = await find(el, '[part~="import-progress"]', 'the progress bar');
      const bar = progress.querySelector('progress')!;
      expect(bar.getAttribute('aria-labelledby')).to.equal('import-progress-label');
      expect(text(progress.querySelector('#import-progress-label'))).to.equal('Reading large.csv…');
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, 'import-cancel')!.click();
      await find(el, '[part~="drop-zone"]', 'the drop zone again');
    } finally {
      Blob.prototype.arrayBuffer = arrayBuffer;
      release();
    }
    // The stopped read finishing later changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(part(el, 'import-progress')).to.equal(null);
    expect(part(el, 'import-button')).to.equal(null);
    expect(part(el, 'drop-zone')).to.exist;
  });

  it('says why a file cannot be read', async () => {
    const { el } = await withList();
    chooseFile(el, 'broken.xlsx', 'PK\u0003\u0004 this is not a workbook');
    const error = await find(el, '[part~="import"] .status.error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error).length).to.be.greaterThan(10);
    expect(part(el, 'drop-zone')).to.exist;
    await expect(el).to.be.accessible();
  });
});
