import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsListManager } from '../../../components/list-manager/list-manager.js';
import '../../../components/list-manager/sms-list-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $, $$, answerConfirm, captureDownload, find, HOSTILE, part, parts, text, type, until } from '../manager-helpers.js';

function mobile(index: number): string {
  return `+6141${String(index).padStart(7, '0')}`;
}

/** A fresh backend with one list of `size` numbers (merge fields first_name and suburb). */
async function listOf(size: number, fields: (index: number) => Record<string, string> = (index) => ({ first_name: `Name ${index}`, suburb: 'Bondi' })) {
  const { backend, user } = await createEmptyBackend();
  const client = clientFor(backend, user);
  const list = await client.lists.create({ name: 'Big list' });
  const entries = Array.from({ length: size }, (_, index) => ({ e164: mobile(index), fields: fields(index), line: index + 2 }));
  for (let start = 0; start < size; start += 5000) {
    await client.lists.import(list.id, { fileName: 'big.csv', columns: Object.keys(fields(0)), entries: entries.slice(start, start + 5000), errors: [], duplicates: 0 });
  }
  return { client, list };
}

async function manager(client: SmsClient, country = 'AU'): Promise<SmsListManager> {
  const el = await fixture<SmsListManager>(html`<sms-list-manager .client=${client} default-country=${ifDefined(country)}></sms-list-manager>`);
  await find(el, 'tbody tr[data-row]', 'the first numbers');
  return el;
}

function rowNumbers(el: SmsListManager): string[] {
  return $$(el, 'tbody tr[data-row] .link-button').map(text);
}

async function openDialog(el: SmsListManager): Promise<HTMLDialogElement> {
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

describe('<sms-list-manager>: numbers', () => {
  it('pages on scroll and keeps the DOM to a window of rows', async () => {
    const { client } = await listOf(3000);
    const el = await manager(client);
    const table = $(el, 'table.entries')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('3001');
    expect(text($(el, '.table-footer'))).to.equal('100 numbers shown');
    const rendered = () => $$(el, 'tbody tr[data-row]').length;
    expect(rendered()).to.be.within(10, 80);
    const scroller = part(el, 'entries')!;
    for (let step = 0; step < 8; step++) {
      const shown = text($(el, '.table-footer'));
      scroller.scrollTop = scroller.scrollHeight;
      await until(() => text($(el, '.table-footer')) !== shown && !text($(el, '.table-footer')).startsWith('Loading'), 'a page to load');
    }
    await until(() => Number(text($(el, '.table-footer')).split(' ')[0]) >= 500, 'more pages');
    expect(rendered()).to.be.within(10, 80);
    const last = $$(el, 'tbody tr[data-row]').at(-1)!;
    expect(Number(last.dataset.row)).to.be.greaterThan(400);
    expect(last.getAttribute('aria-rowindex')).to.equal(String(Number(last.dataset.row) + 2));
    await expect(el).to.be.accessible();
  });

  it('searches the numbers and fields on the server', async () => {
    const alice = await demoClient('alice');
    const el = await manager(alice);
    type(part<HTMLInputElement>(el, 'entry-search')!, 'Isla');
    await until(() => $$(el, 'tbody tr[data-row]').every((row) => text(row).includes('Isla')) && $$(el, 'tbody tr[data-row]').length === 15, 'the matches');
    expect($(el, 'table.entries')!.getAttribute('aria-rowcount')).to.equal('16');
    type(part<HTMLInputElement>(el, 'entry-search')!, 'Nobody-at-all');
    await until(() => text($(el, '.detail .status.empty')) === 'No number matches “Nobody-at-all”.', 'no match');
    await expect(el).to.be.accessible();
  });

  it('finds a number as it is shown or typed, not only by its E.164 digits', async () => {
    const alice = await demoClient('alice');
    const el = await manager(alice);
    for (const typed of ['+61 410 000 006', '0410 000 006', '410 000 006', '+61410000006']) {
      type(part<HTMLInputElement>(el, 'entry-search')!, '');
      await until(() => rowNumbers(el).length > 1, 'every number again');
      type(part<HTMLInputElement>(el, 'entry-search')!, typed);
      await until(() => rowNumbers(el).length === 1 && rowNumbers(el)[0] === '+61 410 000 006', `"${typed}" to find Isla's number`);
      expect(text($(el, 'tbody tr[data-row="0"] td'))).to.equal('Isla');
    }
    await expect(el).to.be.accessible();
  });

  it('validates the number as it is typed, with the default country', async () => {
    const { client } = await listOf(1);
    const el = await manager(client);
    part<HTMLButtonElement>(el, 'add-button')!.click();
    const dialog = await openDialog(el);
    const input = dialog.querySelector<HTMLInputElement>('#entry-phone')!;
    const message = dialog.querySelector<HTMLElement>('#entry-phone-message')!;
    expect(text(message)).to.equal('Without a country code, numbers are read in Australia.');
    expect(input.getAttribute('aria-describedby')).to.equal('entry-phone-message');
    expect(message.getAttribute('aria-live')).to.equal('polite');
    await sendKeys({ type: '04' });
    await el.updateComplete;
    expect(text(message)).to.equal('Too short for a phone number.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ type: '12 000 111' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(text(message)).to.equal('Saved as +61 412 000 111');
    type(input, 'call me maybe');
    await el.updateComplete;
    expect(text(message)).to.equal('Not a phone number.');
  });

  it('reads national numbers in the country set on the element', async () => {
    const { client } = await listOf(1);
    const el = await manager(client, 'GB');
    part<HTMLButtonElement>(el, 'add-button')!.click();
    const dialog = await openDialog(el);
    type(dialog.querySelector<HTMLInputElement>('#entry-phone')!, '07400 123456');
    await el.updateComplete;
    expect(text(dialog.querySelector('#entry-phone-message'))).to.equal('Saved as +44 7400 123456');
  });

  it('adds a number with its merge fields', async () => {
    const { client, list } = await listOf(2);
    const el = await manager(client);
    part<HTMLButtonElement>(el, 'add-button')!.click();
    const dialog = await openDialog(el);
    expect($$(el, 'dialog .merge-fields label').map(text)).to.deep.equal(['First name', 'Suburb']);
    // Submitting nothing keeps the dialog open and says why.
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => text(dialog.querySelector('#entry-phone-message')) === 'Enter a phone number.', 'the empty error');
    type(dialog.querySelector<HTMLInputElement>('#entry-phone')!, '0412 000 555');
    type(dialog.querySelector<HTMLInputElement>('#entry-field-0')!, 'Zed');
    const changed = oneEvent(el, 'sms-list-change');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    const event = await changed;
    expect(event.detail.action).to.equal('entries');
    expect(event.detail.list?.entryCount).to.equal(3);
    await until(() => rowNumbers(el).includes('+61 412 000 555'), 'the new row');
    expect(text(part(el, 'notice'))).to.contain('+61 412 000 555 was added.');
    expect(text($(el, '.detail-title .hint'))).to.equal('3 numbers');
    const saved = (await client.lists.entries(list.id, { query: '412000555' })).items[0]!;
    expect(saved.fields).to.deep.equal({ first_name: 'Zed' });
  });

  it('shows the backend’s duplicate error next to the number and keeps what was typed', async () => {
    const { client } = await listOf(2);
    const el = await manager(client);
    part<HTMLButtonElement>(el, 'add-button')!.click();
    const dialog = await openDialog(el);
    type(dialog.querySelector<HTMLInputElement>('#entry-phone')!, mobile(1));
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => text(dialog.querySelector('#entry-phone-message')).includes('already in the list'), 'the duplicate error');
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector<HTMLInputElement>('#entry-phone')!.value).to.equal(mobile(1));
    await expect(el).to.be.accessible();
  });

  it('edits a number and its fields from the row (Enter opens, Escape closes)', async () => {
    const { client } = await listOf(3);
    const el = await manager(client);
    const first = $<HTMLButtonElement>(el, 'tbody tr[data-row="0"] .link-button')!;
    expect(first.getAttribute('aria-label')).to.equal('Edit +61 410 000 000');
    first.focus();
    await sendKeys({ press: 'Enter' });
    let dialog = await openDialog(el);
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Edit +61 410 000 000');
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog[part~="form-dialog"]') === null, 'Escape to close the dialog');
    first.click();
    dialog = await openDialog(el);
    expect(dialog.querySelector<HTMLInputElement>('#entry-field-0')!.value).to.equal('Name 0');
    type(dialog.querySelector<HTMLInputElement>('#entry-phone')!, '0412 999 000');
    type(dialog.querySelector<HTMLInputElement>('#entry-field-0')!, 'Renamed');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => text($(el, 'tbody tr[data-row="0"]')).includes('Renamed'), 'the edited row');
    expect(text($(el, 'tbody tr[data-row="0"] .link-button'))).to.equal('+61 412 999 000');
  });

  it('asks before removing a number: Cancel keeps it, Remove removes it', async () => {
    const { client, list } = await listOf(3);
    const el = await manager(client);
    const remove = () => $<HTMLButtonElement>(el, 'tbody tr[data-row="1"] [part~="remove-button"]')!;
    expect(remove().getAttribute('aria-label')).to.equal('Remove +61 410 000 001');
    remove().click();
    const confirm = await find(el, 'dialog[role="alertdialog"]');
    expect(text(confirm.querySelector('#confirm-title'))).to.equal('Remove +61 410 000 001 from the list?');
    await expect(el).to.be.accessible();
    await answerConfirm(el, false);
    await until(() => $(el, 'dialog[role="alertdialog"]') === null, 'the confirmation to close');
    expect(rowNumbers(el)).to.have.length(3);
    expect((await client.lists.get(list.id)).entryCount).to.equal(3);

    remove().click();
    await answerConfirm(el, true);
    await until(() => rowNumbers(el).length === 2, 'the row to go');
    expect(rowNumbers(el)).to.deep.equal(['+61 410 000 000', '+61 410 000 002']);
    expect((await client.lists.get(list.id)).entryCount).to.equal(2);
    await until(() => el.shadowRoot!.activeElement?.closest('tr')?.dataset.row === '1', 'focus on the next row');
  });

  it('shows the remove bin in the danger colour, as "Delete list" and the blocklist’s bin', async () => {
    const { client } = await listOf(2);
    const el = await manager(client);
    el.style.setProperty('--sms-color-danger', 'rgb(1, 2, 3)');
    const bin = $(el, 'tbody tr[data-row="0"] [part~="remove-button"]')!;
    expect(getComputedStyle(bin).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'delete-button')!).color).to.equal('rgb(1, 2, 3)');
    await expect(el).to.be.accessible();
  });

  it('moves between rows with the arrow keys, Home and End; Tab enters the table once', async () => {
    const { client } = await listOf(30);
    const el = await manager(client);
    const focusedRow = () => el.shadowRoot!.activeElement?.closest('tr')?.dataset.row;
    const tabbable = $$(el, 'tbody [tabindex="0"]');
    expect(tabbable.map((node) => node.closest('tr')!.dataset.row)).to.deep.equal(['0', '0']);
    $<HTMLButtonElement>(el, 'tbody tr[data-row="0"] .link-button')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focusedRow() === '1', 'row 1');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focusedRow() === '2', 'row 2');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focusedRow() === '1', 'back to row 1');
    await sendKeys({ press: 'End' });
    await until(() => focusedRow() === '29', 'the last row');
    await sendKeys({ press: 'Home' });
    await until(() => focusedRow() === '0', 'the first row');
    expect($$(el, 'tbody [tabindex="0"]').every((node) => node.closest('tr')!.dataset.row === '0')).to.equal(true);
  });

  it('renders hostile fields as text', async () => {
    const { client } = await listOf(2, () => ({ first_name: HOSTILE, suburb: '"><script>alert(1)</script>' }));
    const el = await manager(client);
    expect(text($(el, 'tbody tr[data-row="0"] td'))).to.equal(HOSTILE);
    expect($(el, 'img')).to.equal(null);
    expect($(el, 'tbody script')).to.equal(null);
    $<HTMLButtonElement>(el, 'tbody tr[data-row="0"] .link-button')!.click();
    const dialog = await openDialog(el);
    expect(dialog.querySelector<HTMLInputElement>('#entry-field-0')!.value).to.equal(HOSTILE);
    expect(dialog.querySelector('img')).to.equal(null);
  });

  it('exports every number of the list, over several pages, as CSV', async () => {
    const { client } = await listOf(1234, (index) => ({ first_name: index === 3 ? '=HYPERLINK("x")' : `Name ${index}`, phone: 'not the number' }));
    const el = await manager(client);
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(file.name).to.equal('Big list.csv');
    expect(file.type).to.equal('text/csv;charset=utf-8');
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('phone,first_name,phone');
    expect(lines).to.have.length(1235);
    expect(lines[1]).to.equal('+61410000000,Name 0,not the number');
    expect(lines[4]).to.equal(`+61410000003,"'=HYPERLINK(""x"")",not the number`);
    expect(lines.at(-1)).to.equal('+61410001233,Name 1233,not the number');
    await until(() => text(part(el, 'notice')).includes('1,234 numbers exported.'), 'the export notice');
  });

  it('says so when a list has no numbers', async () => {
    const { backend, user } = await createEmptyBackend();
    const client = clientFor(backend, user);
    await client.lists.create({ name: 'Empty' });
    const el = await fixture<SmsListManager>(html`<sms-list-manager .client=${client}></sms-list-manager>`);
    const empty = await find(el, '.detail .status.empty');
    expect(text(empty)).to.equal('This list has no numbers yet. Add one or import a file.');
    expect(parts(el, 'add-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
