import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsNumberManager } from '../../../components/index.js';
import { SmsError, type LocalBackend } from '../../../src/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { $, $$, answerConfirm, find, HOSTILE, part, parts, text, type, until } from '../manager-helpers.js';
import { loadedManager, numberWorld, rowNumbers, rowOf, seen } from './helpers.js';

/** Opens the form dialog with `button` and waits for it. */
async function openForm(el: SmsNumberManager, button: HTMLElement): Promise<HTMLDialogElement> {
  button.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

function editButton(el: SmsNumberManager, number: string): HTMLButtonElement {
  return $<HTMLButtonElement>(el, `[part~="edit-button"][aria-label="Edit ${number}"]`)!;
}

/** The checkbox of an extension in the form ("101 Sam Shaw"), and its item. */
function extensionItem(dialog: HTMLDialogElement, name: string): HTMLLIElement {
  return [...dialog.querySelectorAll<HTMLLIElement>('.choice-list li')].find((item) => text(item.querySelector('label')) === name)!;
}

function toggle(dialog: HTMLDialogElement, name: string): void {
  extensionItem(dialog, name).querySelector<HTMLInputElement>('input')!.click();
}

async function submit(el: SmsNumberManager, dialog: HTMLDialogElement): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
  await el.updateComplete;
}

async function closed(el: SmsNumberManager): Promise<void> {
  await until(() => !part(el, 'form-dialog'), 'the dialog to close');
}

describe('<sms-number-manager>: adding, editing and removing', () => {
  it('adds a number typed in national form, with a label and a free extension, and focuses it', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, part(el, 'add-button')!);
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Add an SMS number');
    const phone = dialog.querySelector<HTMLInputElement>('#number-phone')!;
    expect(el.shadowRoot!.activeElement === phone).to.equal(true);
    await sendKeys({ type: '04' });
    await el.updateComplete;
    expect(text(dialog.querySelector('#number-phone-message'))).to.equal('Too short for a phone number.');
    await sendKeys({ type: '80 000 555' });
    await el.updateComplete;
    expect(text(dialog.querySelector('#number-phone-message'))).to.equal('Saved as +61 480 000 555');
    type(dialog.querySelector<HTMLInputElement>('#number-label')!, 'Front desk');
    toggle(dialog, '103 Pat Doe');
    await el.updateComplete;
    expect(text(part(el, 'moves'))).to.equal('');
    await expect(el).to.be.accessible();
    await submit(el, dialog);
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain('0480 000 555 was added.');
    await until(() => rowNumbers(el).includes('0480 000 555'), 'the new number');
    expect(rowOf(el, '0480 000 555').slice(0, 3)).to.deep.equal(['0480 000 555', 'Front desk', '103 Pat Doe']);
    await until(() => el.shadowRoot!.activeElement === editButton(el, '0480 000 555'), 'focus on the new number');
  });

  it('keeps the dialog open with the backend’s refusal under the number', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, part(el, 'add-button')!);
    await submit(el, dialog);
    expect(text(dialog.querySelector('#number-phone-message'))).to.equal('Enter a phone number.');
    type(dialog.querySelector<HTMLInputElement>('#number-phone')!, '+61 480 000 901');
    await submit(el, dialog);
    await until(() => text(dialog.querySelector('#number-phone-message')) === 'This number is already in service here.', 'the refusal');
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('#number-phone')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says which number an extension holds before saving, and moves it on save', async () => {
    const { admin, ids } = await numberWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, editButton(el, '0480 000 900'));
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Edit 0480 000 900');
    const sam = extensionItem(dialog, '101 Sam Shaw');
    expect(text(sam.querySelector('.holder'))).to.equal('Holds 0480 000 901 (Sales)');
    expect(sam.querySelector('input')!.getAttribute('aria-describedby')).to.equal(sam.querySelector('.holder')!.id);
    expect(extensionItem(dialog, '103 Pat Doe').querySelector('.holder')).to.equal(null);
    expect(extensionItem(dialog, '100 Reception').querySelector<HTMLInputElement>('input')!.checked).to.equal(true);
    toggle(dialog, '101 Sam Shaw');
    await el.updateComplete;
    expect(text(part(el, 'moves'))).to.equal('Saving moves 101 Sam Shaw from 0480 000 901 to 0480 000 900.');
    await expect(el).to.be.accessible();
    // Changing one's mind moves nothing.
    toggle(dialog, '101 Sam Shaw');
    await el.updateComplete;
    expect(text(part(el, 'moves'))).to.equal('');
    toggle(dialog, '101 Sam Shaw');
    await submit(el, dialog);
    await closed(el);
    await until(() => rowOf(el, '0480 000 900')[2] === 'Group 100 Reception, 101 Sam Shaw', 'the moved extension');
    expect(rowOf(el, '0480 000 901')[2]).to.equal('102 Kim Lee');
    expect((await admin.numbers.get(ids.sales)).extensionIds).to.deep.equal([ids.kim]);
    expect(text(part(el, 'notice'))).to.contain('0480 000 900 was saved.');
  });

  it('puts a moved extension back when the save fails', async () => {
    const world = await numberWorld();
    const base = world.backend as LocalBackend;
    const failing = {
      ...base,
      subscribe: base.subscribe.bind(base),
      close: base.close.bind(base),
      numbers: { ...base.numbers, update: () => Promise.reject(new SmsError('backend.unavailable', 'down')) },
    };
    const el = await loadedManager(clientFor(failing, world.admin.principal));
    const dialog = await openForm(el, editButton(el, '0480 000 900'));
    toggle(dialog, '101 Sam Shaw');
    await submit(el, dialog);
    await until(() => text(dialog.querySelector('.form-error')).includes('cannot be reached'), 'the error in the dialog');
    expect(dialog.open).to.equal(true);
    expect((await world.admin.numbers.get(world.ids.sales)).extensionIds).to.have.members([world.ids.sam, world.ids.kim]);
  });

  it('unassigns an extension: a group number becomes a number of one', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, editButton(el, '0480 000 901'));
    toggle(dialog, '102 Kim Lee');
    await submit(el, dialog);
    await closed(el);
    await until(() => rowOf(el, '0480 000 901')[2] === '101 Sam Shaw', 'the unassigned extension');
    expect(parts(el, 'group-badge')).to.have.length(0);
  });

  it('sets where replies go, refusing nowhere and a wrong e-mail', async () => {
    const { admin, ids } = await numberWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, editButton(el, '0480 000 900'));
    dialog.querySelector<HTMLInputElement>('[part~="routing-portal"]')!.click();
    await submit(el, dialog);
    expect(text(dialog.querySelector('[part~="routing-field"] [role="alert"]'))).to.equal('Replies must go somewhere: keep the portal inbox, or give an e-mail or a mobile.');
    type(dialog.querySelector<HTMLInputElement>('#routing-email')!, 'desk@');
    await el.updateComplete;
    expect(text(dialog.querySelector('#routing-email-message'))).to.equal('Not an e-mail address.');
    await submit(el, dialog);
    expect(dialog.open).to.equal(true);
    type(dialog.querySelector<HTMLInputElement>('#routing-email')!, 'desk@example.com');
    type(dialog.querySelector<HTMLInputElement>('#routing-mobile')!, '0412 345 678');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await submit(el, dialog);
    await closed(el);
    await until(() => rowOf(el, '0480 000 900')[3] === 'E-mail, Mobile', 'the new routing');
    const { routing } = await admin.numbers.get(ids.reception);
    expect([routing.portal, routing.email, routing.mobile]).to.deep.equal([false, 'desk@example.com', '+61412345678']);
  });

  it('removes a number after confirmation, saying its history is kept; removed numbers show on request', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    $<HTMLButtonElement>(el, '[part~="remove-button"][aria-label="Remove 0480 000 901"]')!.click();
    await answerConfirm(el, false);
    expect(rowNumbers(el)).to.include('0480 000 901');
    $<HTMLButtonElement>(el, '[part~="remove-button"][aria-label="Remove 0480 000 901"]')!.click();
    const confirm = await find<HTMLDialogElement>(el, 'dialog[role="alertdialog"]');
    expect(text(confirm.querySelector('#confirm-title'))).to.equal('Remove 0480 000 901?');
    expect(text(confirm.querySelector('#confirm-message'))).to.contain('Its conversations and history are kept.');
    await expect(el).to.be.accessible();
    await answerConfirm(el, true);
    await until(() => !rowNumbers(el).includes('0480 000 901'), 'the number to leave');
    expect(text(part(el, 'notice'))).to.equal('0480 000 901 was removed. Its history is kept. Close');
    part<HTMLInputElement>(el, 'show-removed')!.click();
    await until(() => rowNumbers(el).includes('0480 000 901'), 'the removed number');
    const cells = rowOf(el, '0480 000 901');
    expect(cells[2]).to.equal('Removed 101 Sam Shaw, 102 Kim Lee');
    expect(parts(el, 'edit-button')).to.have.length(2);
    expect(parts(el, 'remove-button')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('moves between rows with the arrow keys and opens a number with Enter; Escape returns to it', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    editButton(el, '+44 20 7946 0958').focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.shadowRoot!.activeElement === editButton(el, '0480 000 900'), 'focus on the second row');
    await sendKeys({ press: 'Enter' });
    const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]');
    await until(() => dialog.open, 'the dialog to open');
    await sendKeys({ press: 'Escape' });
    await closed(el);
    await until(() => el.shadowRoot!.activeElement === editButton(el, '0480 000 900'), 'focus back on the number');
  });

  it('shows hostile labels and extension names as text', async () => {
    const { admin, ids } = await numberWorld();
    await admin.numbers.update(ids.sales, { label: HOSTILE });
    await admin.directory.updateExtension(ids.pat, { name: HOSTILE });
    const el = await loadedManager(admin);
    expect(rowOf(el, '0480 000 901')[1]).to.equal(HOSTILE);
    const dialog = await openForm(el, editButton(el, '0480 000 900'));
    expect(seen(extensionItem(dialog, `103 ${HOSTILE}`))).to.equal(`103 ${HOSTILE}`);
    expect(text(extensionItem(dialog, '101 Sam Shaw').querySelector('.holder'))).to.equal(`Holds 0480 000 901 (${HOSTILE})`);
    expect($$(el, 'img')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
