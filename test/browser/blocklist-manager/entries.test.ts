import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsBlocklistManager } from '../../../components/index.js';
import { $, $$, find, HOSTILE, part, parts, text, type, until } from '../manager-helpers.js';
import { ADMIN_NAME, blocklistWorld, footer, loadedManager, mobile, rowCells, rowNumbers, seedBlocklist } from './helpers.js';

/** The rendered row of a number, found by its details button. */
function rowOf(el: SmsBlocklistManager, display: string): HTMLTableRowElement | null {
  return $(el, `tbody .link-button[aria-label="Details of ${display}"]`)?.closest('tr') ?? null;
}

function cellsOf(el: SmsBlocklistManager, display: string): string[] {
  const row = rowOf(el, display);
  return row ? rowCells(el, Number(row.dataset.row)) : [];
}

/** A world with one number of each source: by hand (mobile 1), an opt-out reply (2) and an import (3). */
async function threeSources() {
  const world = await blocklistWorld();
  await world.admin.blocklist.add({ e164: mobile(1), reason: 'Asked by phone' });
  await world.reply(mobile(2), 'Stop');
  await world.admin.blocklist.import({ entries: [{ e164: mobile(3), reason: 'Carrier list', line: 2 }] });
  return world;
}

function medium(iso: string): string {
  return new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

describe('<sms-blocklist-manager>: the blocked numbers', () => {
  it('shows a user who added a number by name, though a user cannot read the directory', async () => {
    const { user } = await threeSources();
    const el = await loadedManager(user);
    expect(cellsOf(el, '+61 410 000 001')[3]).to.equal(ADMIN_NAME);
    expect(cellsOf(el, '+61 410 000 002')[3]).to.equal('Automatic');
    expect(cellsOf(el, '+61 410 000 003')[3]).to.equal(ADMIN_NAME);
    await expect(el).to.be.accessible();
  });

  it('shows for each number its source, reason, who added it, when, and the message of an opt-out', async () => {
    const { admin } = await threeSources();
    const el = await loadedManager(admin);
    const entries = (await admin.blocklist.list()).items;
    const at = (e164: string) => entries.find((entry) => entry.e164 === e164)!.addedAt;
    expect($$(el, 'thead th').map(text)).to.deep.equal(['Number', 'Source', 'Reason', 'Added by', 'Added', 'Opt-out message', 'Actions']);
    expect(cellsOf(el, '+61 410 000 001')).to.deep.equal(['+61 410 000 001', 'Added by hand', 'Asked by phone', ADMIN_NAME, medium(at(mobile(1))), '', '']);
    expect(cellsOf(el, '+61 410 000 002')).to.deep.equal([
      '+61 410 000 002', 'Opt-out reply', 'Replied with an opt-out keyword', 'Automatic', medium(at(mobile(2))), 'Stop', '',
    ]);
    expect(cellsOf(el, '+61 410 000 003')).to.deep.equal(['+61 410 000 003', 'Imported', 'Carrier list', ADMIN_NAME, medium(at(mobile(3))), '', '']);
    const time = rowOf(el, '+61 410 000 002')!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(at(mobile(2)));
    expect(time.title).to.equal(new Intl.DateTimeFormat(navigator.language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(at(mobile(2)))));
    expect(footer(el)).to.equal('3 numbers shown');
    expect($(el, 'table.entries')!.getAttribute('aria-rowcount')).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('opens the details of an opt-out with the message that triggered it, and closes them', async () => {
    const { admin } = await threeSources();
    const el = await loadedManager(admin);
    const button = rowOf(el, '+61 410 000 002')!.querySelector<HTMLButtonElement>('.link-button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    const details = await find(el, '[part~="details"]');
    expect(text(details.querySelector('h3'))).to.equal('Details of +61 410 000 002');
    const facts = [...details.querySelectorAll('.facts dt')].map((term) => [text(term), text(term.nextElementSibling)]);
    expect(facts.map(([term]) => term)).to.deep.equal(['Source', 'Reason', 'Added by', 'Added', 'Message that opted out']);
    expect(facts[2]![1]).to.equal('Automatic');
    expect(text(part(el, 'opt-out-message'))).to.equal('Stop');
    await until(() => details.querySelector('[part~="history"]') !== null, 'the history');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(rowOf(el, '+61 410 000 002')!.classList.contains('selected')).to.equal(true);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'details-close')!.click();
    await until(() => part(el, 'details') === null, 'the details to close');
    // A number added by hand has no message row.
    rowOf(el, '+61 410 000 001')!.querySelector<HTMLButtonElement>('.link-button')!.click();
    const manual = await find(el, '[part~="details"]');
    expect([...manual.querySelectorAll('.facts dt')].map(text)).not.to.include('Message that opted out');
  });

  it('searches numbers, reasons and messages on the server', async () => {
    const { admin } = await threeSources();
    // Numbers 0 to 29; 1 to 3 are blocked already and keep their reasons.
    await seedBlocklist(admin, 30, (index) => (index === 17 ? 'Wrong number, complained' : 'Bulk'));
    const el = await loadedManager(admin);
    const search = part<HTMLInputElement>(el, 'search')!;
    type(search, 'complained');
    await until(() => rowNumbers(el).length === 1, 'the reason match');
    expect(rowNumbers(el)).to.deep.equal(['+61 410 000 017']);
    // Numbers as people type them: in part (the trunk 0 is not in E.164), or in full in the default country.
    type(search, '0410 000 00');
    await until(() => rowNumbers(el).length === 10, 'the digits match');
    expect(rowNumbers(el).every((number) => number.startsWith('+61 410 000 00'))).to.equal(true);
    type(search, '0410 000 017');
    await until(() => rowNumbers(el).join() === '+61 410 000 017', 'the national number');
    type(search, 'stop');
    await until(() => rowNumbers(el).join() === '+61 410 000 002', 'the message match');
    type(search, 'nobody at all');
    const empty = await find(el, '.status.empty', 'no match');
    expect(text(empty)).to.equal('No blocked number matches your search.');
    await expect(el).to.be.accessible();
    type(search, '');
    await until(() => footer(el) === '30 numbers shown', 'everything again');
  });

  it('filters by source, from the select or the `source` attribute', async () => {
    const { admin } = await threeSources();
    const el = await loadedManager(admin);
    const select = part<HTMLSelectElement>(el, 'source-filter')!;
    expect([...select.options].map((option) => [option.value, text(option)])).to.deep.equal([
      ['', 'All sources'], ['manual', 'Added by hand'], ['opt-out', 'Opt-out reply'], ['import', 'Imported'],
    ]);
    select.value = 'opt-out';
    select.dispatchEvent(new Event('change'));
    await until(() => rowNumbers(el).join() === '+61 410 000 002', 'the opt-outs');
    expect(el.source).to.equal('opt-out');
    select.value = 'import';
    select.dispatchEvent(new Event('change'));
    await until(() => rowNumbers(el).join() === '+61 410 000 003', 'the imports');
    await expect(el).to.be.accessible();

    const manual = await loadedManager(admin, { source: 'manual' });
    expect(rowNumbers(manual)).to.deep.equal(['+61 410 000 001']);
    expect(part<HTMLSelectElement>(manual, 'source-filter')!.value).to.equal('manual');
    manual.source = '';
    await until(() => rowNumbers(manual).length === 3, 'every source');
  });

  it('pages 2,000 numbers as the table scrolls and keeps a window of rows in the DOM', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 2000);
    const el = await loadedManager(admin);
    const table = $(el, 'table.entries')!;
    expect(footer(el)).to.equal('100 numbers shown');
    expect(table.getAttribute('aria-rowcount')).to.equal('-1');
    const rendered = () => $$(el, 'tbody tr[data-row]').length;
    expect(rendered()).to.be.within(10, 80);
    const scroller = part(el, 'entries')!;
    let shown = 100;
    while (shown < 2000) {
      const before = shown;
      scroller.scrollTop = scroller.scrollHeight;
      await until(() => footer(el) !== `${before.toLocaleString('en')} numbers shown` && !footer(el).startsWith('Loading'), 'a page to load');
      shown = Number(footer(el).split(' ')[0]!.replace(/,/g, ''));
      expect(rendered()).to.be.within(10, 80);
    }
    expect(footer(el)).to.equal('2,000 numbers shown');
    expect(table.getAttribute('aria-rowcount')).to.equal('2001');
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => $(el, 'tbody tr[data-row="1999"]') !== null, 'the last row');
    const last = $(el, 'tbody tr[data-row="1999"]')!;
    expect(last.getAttribute('aria-rowindex')).to.equal('2001');
    expect(rendered()).to.be.within(10, 80);
    expect(new Set(rowNumbers(el)).size).to.equal(rendered());
    await expect(el).to.be.accessible();
  });

  it('moves between rows with the arrows, Home and End; Enter opens the details and Escape closes them', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 30);
    const el = await loadedManager(admin);
    const focusedRow = () => el.shadowRoot!.activeElement?.closest('tr')?.dataset.row;
    // Tab enters the table once: only the first row's controls are in the tab order.
    expect($$(el, 'tbody [tabindex="0"]').map((node) => node.closest('tr')!.dataset.row)).to.deep.equal(['0', '0']);
    $<HTMLButtonElement>(el, 'tbody tr[data-row="0"] .link-button')!.focus();
    const moves: [key: string, row: string][] = [['ArrowDown', '1'], ['ArrowDown', '2'], ['ArrowUp', '1'], ['End', '29'], ['Home', '0'], ['ArrowDown', '1']];
    for (const [key, row] of moves) {
      await sendKeys({ press: key });
      await until(() => focusedRow() === row, `${key} to row ${row}`);
      // The row under focus is the one Tab comes back to.
      expect($$(el, 'tbody [tabindex="0"]').every((node) => node.closest('tr')!.dataset.row === row)).to.equal(true);
    }
    const number = text($(el, 'tbody tr[data-row="1"] .link-button'));
    await sendKeys({ press: 'Enter' });
    await find(el, '[part~="details"]', 'the details');
    await until(() => el.shadowRoot!.activeElement === part(el, 'details-close'), 'focus in the details');
    expect(text($(el, '#details-title'))).to.equal(`Details of ${number}`);
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'details') === null, 'Escape to close the details');
    await until(() => focusedRow() === '1', 'focus back on the row');
  });

  it('renders a hostile reason and a hostile opt-out message as text', async () => {
    const { admin, reply } = await blocklistWorld();
    await admin.blocklist.add({ e164: mobile(1), reason: HOSTILE });
    // An opt-out keyword an administrator configured: the reply that matched it is kept as the triggering message.
    await admin.settings.update({ keywords: { 'opt-out': [HOSTILE], 'opt-in': [], help: [] } });
    await reply(mobile(2), HOSTILE);
    const el = await loadedManager(admin);
    expect(cellsOf(el, '+61 410 000 001')[2]).to.equal(HOSTILE);
    expect(cellsOf(el, '+61 410 000 002')[5]).to.equal(HOSTILE);
    expect(rowOf(el, '+61 410 000 002')!.querySelector('.message-cell')!.getAttribute('title')).to.equal(HOSTILE);
    expect($(el, 'img')).to.equal(null);
    rowOf(el, '+61 410 000 002')!.querySelector<HTMLButtonElement>('.link-button')!.click();
    await find(el, '[part~="history"] blockquote', 'the history');
    expect(text(part(el, 'opt-out-message'))).to.equal(HOSTILE);
    expect(text($(el, '[part~="history"] blockquote'))).to.equal(HOSTILE);
    expect($(el, 'img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows numbers blocked and unblocked elsewhere as it happens', async () => {
    const { admin, reply, backend } = await blocklistWorld();
    await seedBlocklist(admin, 3);
    const el = await loadedManager(admin);
    await reply(mobile(50));
    await until(() => rowNumbers(el).includes('+61 410 000 050'), 'the opt-out to appear');
    expect(rowNumbers(el)[0]).to.equal('+61 410 000 050');
    await until(() => text($(el, '[role="status"][aria-live="polite"].sms-visually-hidden')) === '+61 410 000 050 was blocked.', 'the announcement');
    await admin.blocklist.remove(mobile(1));
    await backend.idle();
    await until(() => !rowNumbers(el).includes('+61 410 000 001'), 'the unblocked number to go');
    expect(rowNumbers(el)).to.have.length(3);
    // A filtered view leaves out what does not belong in it.
    const optOuts = await loadedManager(admin, { source: 'opt-out' });
    await admin.blocklist.add({ e164: mobile(60) });
    await reply(mobile(61));
    await until(() => rowNumbers(optOuts).includes('+61 410 000 061'), 'the second opt-out');
    expect(rowNumbers(optOuts)).to.deep.equal(['+61 410 000 061', '+61 410 000 050']);
    expect(parts(optOuts, 'remove-button')).to.have.length(2);
  });
});
