import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsBlocklistManager } from '../../../components/index.js';
import { SmsError, createSmsClient } from '../../../src/index.js';
import { wrapBackend } from '../../../stories/decorators/backends.js';
import { $, answerConfirm, find, part, text, type, until } from '../manager-helpers.js';
import { ADMIN_NAME, blocklistManager, blocklistWorld, footer, loadedManager, mobile, rowCells, rowNumbers, seedBlocklist } from './helpers.js';

async function openAdd(el: SmsBlocklistManager): Promise<HTMLDialogElement> {
  part<HTMLButtonElement>(el, 'add-button')!.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

function phoneMessage(dialog: HTMLDialogElement): string {
  return text(dialog.querySelector('#block-phone-message'));
}

describe('<sms-blocklist-manager>: blocking and unblocking', () => {
  it('validates the number as it is typed, in the default country', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 1);
    const el = await loadedManager(admin, { country: 'AU' });
    const dialog = await openAdd(el);
    const input = dialog.querySelector<HTMLInputElement>('#block-phone')!;
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Block a number');
    expect(el.shadowRoot!.activeElement === input).to.equal(true);
    expect(phoneMessage(dialog)).to.equal('Without a country code, numbers are read in Australia.');
    expect(input.getAttribute('aria-describedby')).to.equal('block-phone-message');
    expect(dialog.querySelector('#block-phone-message')!.getAttribute('aria-live')).to.equal('polite');
    await sendKeys({ type: '04' });
    await el.updateComplete;
    expect(phoneMessage(dialog)).to.equal('Too short for a phone number.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ type: '12 000 111' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(phoneMessage(dialog)).to.equal('Saved as +61 412 000 111');
    type(input, 'call me maybe');
    await el.updateComplete;
    expect(phoneMessage(dialog)).to.equal('Not a phone number.');
    await expect(el).to.be.accessible();
  });

  it('reads national numbers in the `default-country` of the element, else in the backend’s', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 1);
    const gb = await loadedManager(admin, { country: 'GB' });
    let dialog = await openAdd(gb);
    expect(phoneMessage(dialog)).to.equal('Without a country code, numbers are read in United Kingdom.');
    type(dialog.querySelector<HTMLInputElement>('#block-phone')!, '07400 123456');
    await gb.updateComplete;
    expect(phoneMessage(dialog)).to.equal('Saved as +44 7400 123456');

    const unset = await blocklistManager(admin);
    await find(unset, 'tbody tr[data-row]');
    dialog = await openAdd(unset);
    await until(() => phoneMessage(dialog) === 'Without a country code, numbers are read in Australia.', 'the backend’s country');
  });

  it('blocks a number with a reason from the keyboard, and says so', async () => {
    const { admin, backend, reply } = await blocklistWorld();
    await seedBlocklist(admin, 2);
    const el = await loadedManager(admin);
    const dialog = await openAdd(el);
    // Submitting nothing keeps the dialog open and says why.
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => phoneMessage(dialog) === 'Enter a phone number.', 'the empty error');
    expect(dialog.open).to.equal(true);
    await sendKeys({ type: '0412 000 555' });
    const reason = dialog.querySelector<HTMLTextAreaElement>('#block-reason')!;
    expect(reason.getAttribute('aria-describedby')).to.equal('block-reason-hint');
    reason.focus();
    await sendKeys({ type: 'Asked at reception' });
    dialog.querySelector<HTMLInputElement>('#block-phone')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, 'dialog[part~="form-dialog"]') === null, 'the dialog to close');
    await until(() => rowNumbers(el)[0] === '+61 412 000 555', 'the new row first');
    expect(rowCells(el, 0).slice(0, 4)).to.deep.equal(['+61 412 000 555', 'Added by hand', 'Asked at reception', ADMIN_NAME]);
    expect(text(part(el, 'notice'))).to.contain('+61 412 000 555 is now blocked.');
    expect(footer(el)).to.equal('3 numbers shown');
    const saved = (await admin.blocklist.list({ query: '+61412000555' })).items[0]!;
    expect(saved.source).to.equal('manual');
    expect(saved.reason).to.equal('Asked at reception');
    await expect(el).to.be.accessible();
    // Its own change comes back as a live event: not announced a second time, while a change from elsewhere is.
    const live = () => text($(el, '[role="status"][aria-live="polite"].sms-visually-hidden'));
    await backend.idle();
    // Past the live batch (150 ms) and the announcer's quiet time (500 ms).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(live()).to.not.contain('+61 412 000 555 was blocked.');
    await reply(mobile(60));
    await until(() => live() === '+61 410 000 060 was blocked.', 'the announcement of a change from elsewhere');
  });

  it('says when a number was already blocked, without a second row', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 3);
    const el = await loadedManager(admin);
    const dialog = await openAdd(el);
    type(dialog.querySelector<HTMLInputElement>('#block-phone')!, '0410 000 001');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => text(part(el, 'notice')).includes('+61 410 000 001 was already blocked.'), 'the notice');
    expect(footer(el)).to.equal('3 numbers shown');
    expect(rowNumbers(el).filter((number) => number === '+61 410 000 001')).to.have.length(1);
    expect((await admin.blocklist.list()).items).to.have.length(3);
  });

  it('closes the dialog with Escape or Cancel, blocking nothing, and gives focus back', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 1);
    const el = await loadedManager(admin);
    // From the keyboard: Enter on the button opens the dialog.
    part<HTMLButtonElement>(el, 'add-button')!.focus();
    await sendKeys({ press: 'Enter' });
    let dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
    await until(() => dialog.open && el.shadowRoot!.activeElement?.id === 'block-phone', 'the dialog to open on the number');
    await sendKeys({ type: '0412 000 556' });
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog[part~="form-dialog"]') === null, 'Escape to close the dialog');
    await until(() => el.shadowRoot!.activeElement === part(el, 'add-button'), 'focus back on the button');
    dialog = await openAdd(el);
    expect(dialog.querySelector<HTMLInputElement>('#block-phone')!.value).to.equal('');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-cancel"]')!.click();
    await until(() => $(el, 'dialog[part~="form-dialog"]') === null, 'Cancel to close the dialog');
    expect((await admin.blocklist.list()).items).to.have.length(1);
  });

  it('shows the unblock bin in the danger colour, as the list manager’s bin', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 1);
    const el = await loadedManager(admin);
    el.style.setProperty('--sms-color-danger', 'rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'remove-button')!).color).to.equal('rgb(1, 2, 3)');
    await expect(el).to.be.accessible();
  });

  it('asks before unblocking: Cancel (or Escape) keeps the number, Unblock removes it', async () => {
    const { admin } = await blocklistWorld();
    await seedBlocklist(admin, 3);
    const el = await loadedManager(admin);
    const removeOf = (display: string) => $<HTMLButtonElement>(el, `tbody [part~="remove-button"][aria-label="Unblock ${display}"]`)!;
    const remove = removeOf('+61 410 000 001');
    expect(remove.title).to.equal('Unblock +61 410 000 001');
    remove.click();
    const confirm = await find(el, 'dialog[role="alertdialog"]');
    expect(text(confirm.querySelector('#confirm-title'))).to.equal('Unblock +61 410 000 001?');
    expect(text(confirm.querySelector('#confirm-message'))).to.equal('Bulk messages will reach this number again.');
    await expect(el).to.be.accessible();
    await answerConfirm(el, false);
    await until(() => $(el, 'dialog[role="alertdialog"]') === null, 'the confirmation to close');
    removeOf('+61 410 000 001').click();
    await find(el, 'dialog[role="alertdialog"]');
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog[role="alertdialog"]') === null, 'Escape to cancel');
    expect(footer(el)).to.equal('3 numbers shown');
    expect((await admin.blocklist.list()).items).to.have.length(3);

    const index = rowNumbers(el).indexOf('+61 410 000 001');
    removeOf('+61 410 000 001').click();
    await answerConfirm(el, true);
    await until(() => !rowNumbers(el).includes('+61 410 000 001'), 'the row to go');
    expect(text(part(el, 'notice'))).to.contain('+61 410 000 001 is no longer blocked.');
    expect(footer(el)).to.equal('2 numbers shown');
    expect((await admin.blocklist.check([mobile(1)]))).to.deep.equal([]);
    // Focus goes to the row that took its place.
    await until(() => el.shadowRoot!.activeElement?.closest('tr')?.dataset.row === String(Math.min(index, 1)), 'focus on the next row');
  });

  it('says a number someone else unblocked meanwhile was already unblocked, and drops its row', async () => {
    const { admin, backend } = await blocklistWorld();
    await seedBlocklist(admin, 2);
    const el = await loadedManager(admin);
    $<HTMLButtonElement>(el, 'tbody [part~="remove-button"][aria-label="Unblock +61 410 000 001"]')!.click();
    await find(el, 'dialog[role="alertdialog"]');
    // Someone else unblocks it while the question is open.
    await admin.blocklist.remove(mobile(1));
    await backend.idle();
    await answerConfirm(el, true);
    await until(() => text(part(el, 'notice')).includes('+61 410 000 001 was already unblocked.'), 'the notice');
    expect(part(el, 'notice')!.classList.contains('error')).to.equal(false);
    expect(rowNumbers(el)).to.not.include('+61 410 000 001');
    expect(footer(el)).to.equal('1 number shown');
    await expect(el).to.be.accessible();
  });

  it('says why an unblock failed, and keeps the number', async () => {
    const { admin, backend } = await blocklistWorld();
    await seedBlocklist(admin, 2);
    const failing = wrapBackend(backend, (group, method, call) =>
      group === 'blocklist' && method === 'remove' ? Promise.reject(new SmsError('backend.unavailable', 'The SMS service cannot be reached.')) : call(),
    );
    const el = await loadedManager(createSmsClient({ backend: failing, principal: admin.principal }));
    $<HTMLButtonElement>(el, 'tbody [part~="remove-button"][aria-label="Unblock +61 410 000 001"]')!.click();
    await find(el, 'dialog[role="alertdialog"]');
    await answerConfirm(el, true);
    const notice = await find(el, '[part~="notice"].error', 'the error');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.contain('The SMS service cannot be reached.');
    expect(rowNumbers(el)).to.include('+61 410 000 001');
    expect(await admin.blocklist.check([mobile(1)])).to.deep.equal([mobile(1)]);
    await expect(el).to.be.accessible();
  });
});
