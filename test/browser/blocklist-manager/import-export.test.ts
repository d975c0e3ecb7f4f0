import { expect } from '@open-wc/testing';
import type { SmsBlocklistManager } from '../../../components/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { $, $$, captureDownload, chooseFile, find, HOSTILE, part, text, type, until } from '../manager-helpers.js';
import { blocklistManager, blocklistWorld, footer, heldImports, loadedManager, mobile, rowNumbers, seedBlocklist } from './helpers.js';

/**
 * Numbers to block: line 3 is too short, 4 repeats line 2, 5 is blocked already and has a hostile reason, 6 has no
 * reason and 7 is text.
 */
const FILE = [
  'phone,reason',
  '0412 000 001,Complained',
  '12,Bad',
  '0412 000 001,Again',
  `+61 412 000 002,${HOSTILE}`,
  '0412 000 003,',
  'not a number,x',
].join('\n');

async function importPanel(el: SmsBlocklistManager): Promise<HTMLElement> {
  part<HTMLButtonElement>(el, 'import-button-open')!.click();
  await find(el, '[part~="drop-zone"]', 'the drop zone');
  return part<HTMLElement>(el, 'import')!;
}

function tableRows(el: SmsBlocklistManager, partName: string): string[][] {
  return $$(el, `[part~="${partName}"] tbody tr`).map((row) => [...row.querySelectorAll('td')].map((cell) => text(cell)));
}

function counts(el: SmsBlocklistManager, within = ''): string[] {
  return $$(el, `${within} [part~="import-counts"] li`).map(text);
}

/** A world where +61 412 000 002 is blocked by hand, with the manager open on it. */
async function withBlockedNumber() {
  const world = await blocklistWorld();
  await world.admin.blocklist.add({ e164: '+61412000002', reason: 'By hand' });
  const el = await loadedManager(world.admin);
  return { ...world, el };
}

describe('<sms-blocklist-manager>: import and export', () => {
  it('opens an import panel with a drop zone, and closes it back to its button', async () => {
    const { el } = await withBlockedNumber();
    const panel = await importPanel(el);
    expect(text(panel.querySelector('h3'))).to.equal('Import numbers to block');
    expect(text(panel.querySelector('.hint'))).to.contain('A column named “reason” is kept as the reason.');
    expect(part<HTMLButtonElement>(el, 'import-button-open')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'import-close')!.click();
    await until(() => part(el, 'import') === null, 'the panel to close');
    await until(() => el.shadowRoot!.activeElement === part(el, 'import-button-open'), 'focus back on the button');
  });

  it('reports invalid rows and duplicates by line, and the reason column, before blocking anything', async () => {
    const { el, admin } = await withBlockedNumber();
    await importPanel(el);
    chooseFile(el, 'stop-list.csv', FILE);
    await find(el, '[part~="import-button"]', 'the report');
    expect(text($(el, '.import-file'))).to.equal('stop-list.csv');
    expect(part<HTMLSelectElement>(el, 'phone-column')!.value).to.equal('phone');
    expect(part<HTMLSelectElement>(el, 'reason-column')!.value).to.equal('reason');
    expect(counts(el)).to.deep.equal(['3 valid numbers', '2 invalid rows', '1 duplicate']);
    expect(tableRows(el, 'import-problems')).to.deep.equal([
      ['3', '12', 'Too short for a phone number.'],
      ['4', '+61412000001', 'Same number as line 2.'],
      ['7', 'not a number', 'Not a phone number.'],
    ]);
    expect(tableRows(el, 'import-preview').map((row) => row.slice(0, 3))).to.deep.equal([
      ['2', '+61412000001', 'Complained'],
      ['5', '+61412000002', HOSTILE],
      ['6', '+61412000003', ''],
    ]);
    expect($(el, 'img')).to.equal(null);
    expect(text(part(el, 'import-button'))).to.equal('Block 3 numbers');
    expect((await admin.blocklist.list()).items).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('blocks the valid rows and reports what was added, already blocked and left out', async () => {
    const { el, admin } = await withBlockedNumber();
    await importPanel(el);
    chooseFile(el, 'stop-list.csv', FILE);
    await find(el, '[part~="import-button"]', 'the report');
    part<HTMLButtonElement>(el, 'import-button')!.click();
    const report = await find(el, '[part~="import-report"]', 'the report of the import');
    expect(text($(el, '.import-done h4'))).to.equal('Import finished');
    expect(counts(el, '[part~="import-report"]')).to.deep.equal(['2 added', '1 already blocked', '2 invalid rows', '1 duplicate']);
    expect(tableRows(el, 'import-report').map((row) => row[0])).to.deep.equal(['3', '4', '7']);
    expect(report.querySelector('img')).to.equal(null);
    await until(() => footer(el) === '3 numbers shown', 'the table to reload');
    expect(rowNumbers(el)).to.include.members(['+61 412 000 001', '+61 412 000 002', '+61 412 000 003']);
    await expect(el).to.be.accessible();
    const saved = (await admin.blocklist.list()).items;
    const byNumber = new Map<string, (typeof saved)[number]>(saved.map((entry) => [entry.e164, entry]));
    expect([byNumber.get('+61412000001')!.source, byNumber.get('+61412000001')!.reason]).to.deep.equal(['import', 'Complained']);
    expect([byNumber.get('+61412000003')!.source, byNumber.get('+61412000003')!.reason]).to.deep.equal(['import', '']);
    // Already blocked: it keeps its source and reason.
    expect([byNumber.get('+61412000002')!.source, byNumber.get('+61412000002')!.reason]).to.deep.equal(['manual', 'By hand']);
    part<HTMLButtonElement>(el, 'import-again')!.click();
    await find(el, '[part~="drop-zone"]', 'the drop zone again');
  });

  it('imports without reasons when no reason column is chosen', async () => {
    const { el, admin } = await withBlockedNumber();
    await importPanel(el);
    chooseFile(el, 'stop-list.csv', FILE);
    await find(el, '[part~="import-button"]', 'the report');
    const select = part<HTMLSelectElement>(el, 'reason-column')!;
    expect([...select.options].map(text)).to.deep.equal(['None', 'Reason']);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    part<HTMLButtonElement>(el, 'import-button')!.click();
    await find(el, '[part~="import-report"]', 'the report of the import');
    expect((await admin.blocklist.list({ query: '+61412000001' })).items[0]!.reason).to.equal('');
  });

  it('shows the progress while numbers are blocked, and nothing can be closed meanwhile', async () => {
    const world = await blocklistWorld();
    const held = heldImports(world.backend);
    const manager = await blocklistManager(clientFor(held, world.admin.principal), { country: 'AU' });
    await find(manager, '.status.empty');
    await importPanel(manager);
    chooseFile(manager, 'stop-list.csv', FILE);
    await find(manager, '[part~="import-button"]', 'the report');
    part<HTMLButtonElement>(manager, 'import-button')!.click();
    const progress = await find(manager, '.import-ready [part~="import-progress"]', 'the progress');
    await until(() => held.calls() === 1, 'the first call');
    expect(text(progress.querySelector('#import-sending-label'))).to.equal('Blocking numbers… 0 of 3');
    expect(progress.querySelector('progress')!.max).to.equal(3);
    const button = part<HTMLButtonElement>(manager, 'import-button')!;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(part<HTMLButtonElement>(manager, 'import-close')!.disabled).to.equal(true);
    await expect(manager).to.be.accessible();
    held.release();
    await find(manager, '[part~="import-report"]', 'the report of the import');
    expect(part<HTMLButtonElement>(manager, 'import-close')!.disabled).to.equal(false);
    await until(() => footer(manager) === '3 numbers shown', 'the table to reload');
  });

  it('exports the whole blocklist, page after page, as CSV', async () => {
    const { admin, reply } = await blocklistWorld();
    await seedBlocklist(admin, 1200, (index) => (index === 5 ? '=HYPERLINK("x")' : `Reason ${index}`));
    await reply(mobile(5000), 'Stop');
    const el = await loadedManager(admin);
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(file.name).to.equal('blocklist.csv');
    expect(file.type).to.equal('text/csv;charset=utf-8');
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('phone,source,reason,added_by,added_at,message');
    expect(lines).to.have.length(1202);
    const entries = (await admin.blocklist.list({ query: mobile(5) })).items;
    expect(lines).to.include(`${mobile(5)},import,"'=HYPERLINK(""x"")",${admin.principal.userId},${entries[0]!.addedAt},`);
    expect(lines.find((line) => line.startsWith(mobile(5000)))).to.match(/^\+61410005000,opt-out,Replied with an opt-out keyword,system,[^,]+,Stop$/);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).to.equal(1201);
    await until(() => text(part(el, 'notice')).includes('1,201 numbers exported.'), 'the export notice');
  });

  it('exports what the filter and the search show, for a user too', async () => {
    const { admin, user, reply } = await blocklistWorld();
    await seedBlocklist(admin, 20);
    await reply(mobile(100));
    await reply(mobile(101));
    const el = await loadedManager(user, { source: 'opt-out' });
    await until(() => footer(el) === '2 numbers shown', 'the opt-outs');
    let file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(file.name).to.equal('blocklist-opt-out.csv');
    expect(file.text.trimEnd().split('\r\n').slice(1).map((line) => line.split(',')[0]).sort()).to.deep.equal([mobile(100), mobile(101)]);
    el.source = '';
    await until(() => footer(el) === '22 numbers shown', 'every source');
    type(part<HTMLInputElement>(el, 'search')!, '0410 000 01');
    await until(() => footer(el) === '10 numbers shown', 'the search');
    file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(file.name).to.equal('blocklist.csv');
    expect(file.text.trimEnd().split('\r\n')).to.have.length(11);
    await expect(el).to.be.accessible();
  });
});
