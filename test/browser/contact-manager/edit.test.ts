import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsContactManager } from '../../../components/index.js';
import { inboxFor, rows, smallWorld } from '../inbox/helpers.js';
import { $, $$, answerConfirm, find, HOSTILE, part, text, type, until } from '../manager-helpers.js';
import { contactManager, contactWorld, loadedManager, rowNames, rowOf } from './helpers.js';

/** Opens the form dialog with `button` and waits for it. */
async function openForm(el: SmsContactManager, button: HTMLElement): Promise<HTMLDialogElement> {
  button.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

function field(dialog: HTMLDialogElement, id: string): HTMLInputElement {
  return dialog.querySelector<HTMLInputElement>(`#${id}`)!;
}

function message(dialog: HTMLDialogElement, id: string): string {
  return text(dialog.querySelector(`#${id}-message`));
}

async function closed(el: SmsContactManager): Promise<void> {
  await until(() => !part(el, 'form-dialog'), 'the dialog to close');
}

describe('<sms-contact-manager>: adding, editing and removing', () => {
  it('adds a contact with two labelled numbers from the keyboard, checking each number as it is typed', async () => {
    const { admin } = await contactWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, part(el, 'add-button')!);
    expect(el.shadowRoot!.activeElement === field(dialog, 'contact-name')).to.equal(true);
    await sendKeys({ type: 'Carla Diaz' });
    await sendKeys({ press: 'Tab' });
    expect(field(dialog, 'contact-label-0').value).to.equal('Mobile');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0412 3' });
    await el.updateComplete;
    expect(message(dialog, 'contact-number-0')).to.equal('Not a valid phone number.');
    expect(field(dialog, 'contact-number-0').getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: '45 678' });
    await el.updateComplete;
    expect(message(dialog, 'contact-number-0')).to.equal('Saved as +61 412 345 678');
    // "Add a number": a second row with the next label, its number focused.
    dialog.querySelector<HTMLButtonElement>('[part~="add-number"]')!.click();
    await until(() => el.shadowRoot!.activeElement === field(dialog, 'contact-number-1'), 'the new number focused');
    expect(field(dialog, 'contact-label-1').value).to.equal('Work');
    await sendKeys({ type: '+61412345678' });
    await el.updateComplete;
    expect(message(dialog, 'contact-number-1')).to.equal('This number is already above.');
    type(field(dialog, 'contact-number-1'), '02 9999 0000');
    type(field(dialog, 'contact-email'), 'carla@');
    await el.updateComplete;
    expect(message(dialog, 'contact-email')).to.equal('Not an e-mail address.');
    await expect(el).to.be.accessible();
    type(field(dialog, 'contact-email'), 'carla@example.com');
    field(dialog, 'contact-email').focus();
    await sendKeys({ press: 'Enter' });
    await closed(el);
    await until(() => rowNames(el).includes('Carla Diaz'), 'the new contact');
    expect(rowOf(el, 'Carla Diaz')[1]).to.equal('0412 345 678 Mobile (02) 9999 0000 Work');
    expect(text(part(el, 'notice'))).to.contain('Carla Diaz was added.');
    const saved = (await admin.contacts.list({ query: 'Carla' })).items[0]!;
    expect(saved.numbers).to.deep.equal([{ e164: '+61412345678', label: 'Mobile' }, { e164: '+61299990000', label: 'Work' }]);
    expect(saved.email).to.equal('carla@example.com');
  });

  it('refuses a contact without a name or a number, focusing the first field in error', async () => {
    const { user } = await contactWorld();
    const el = await loadedManager(user);
    const dialog = await openForm(el, part(el, 'add-button')!);
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => text(dialog.querySelector('#contact-name-error')) === 'Type the name.', 'the name error');
    expect(message(dialog, 'contact-number-0')).to.equal('Type the number.');
    expect(el.shadowRoot!.activeElement === field(dialog, 'contact-name')).to.equal(true);
    await expect(el).to.be.accessible();
    // A typed label of its own, and markup as a name: kept as text.
    type(field(dialog, 'contact-name'), HOSTILE);
    type(field(dialog, 'contact-label-0'), 'Boat');
    type(field(dialog, 'contact-number-0'), '0412 777 888');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await closed(el);
    await until(() => rowNames(el).filter((name) => name === HOSTILE).length === 2, 'the personal contact');
    expect($$(el, 'img')).to.have.length(0);
    expect((await user.contacts.list({ scope: 'personal', query: '0412 777 888' })).items[0]?.numbers).to.deep.equal([{ e164: '+61412777888', label: 'Boat' }]);
  });

  it('edits a contact: renames it and takes out a number; then removes it after confirmation, focus on the next row', async () => {
    const { admin } = await contactWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, $<HTMLElement>(el, '[part~="edit-button"][aria-label="Edit Bob Smith"]')!);
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Edit Bob Smith');
    expect([0, 1, 2].map((index) => field(dialog, `contact-number-${index}`).value)).to.deep.equal(['0412 000 001', '(02) 9876 5432', '0412 000 003']);
    type(field(dialog, 'contact-name'), 'Robert Smith');
    dialog.querySelectorAll<HTMLButtonElement>('[part~="remove-number"]')[2]!.click();
    await until(() => dialog.querySelectorAll('[part~="number-row"]').length === 2, 'the number taken out');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await closed(el);
    await until(() => rowOf(el, 'Robert Smith')[1] === '0412 000 001 Mobile (02) 9876 5432 Work', 'the contact saved');

    $<HTMLButtonElement>(el, '[part~="remove-button"][aria-label="Remove Robert Smith"]')!.click();
    await answerConfirm(el, true);
    await until(() => !rowNames(el).includes('Robert Smith'), 'the contact removed');
    expect(text(part(el, 'notice'))).to.contain('Robert Smith was removed.');
    expect((await admin.contacts.list()).items.map((contact) => contact.name)).to.deep.equal([HOSTILE]);
  });

  it('renames the conversation in <sms-inbox> live once a contact is added here', async () => {
    const world = await smallWorld();
    await world.inject('+61412000555', 'Hello there');
    const inbox = await inboxFor(world.user, { defaultCountry: 'AU' });
    const title = () => rows(inbox).find((row) => row.preview === 'Hello there')?.title;
    expect(title()).to.equal('0412 000 555');
    const contacts = await contactManager(world.user, { country: 'AU' });
    await find(contacts, '.status.empty', 'no contacts yet');
    const dialog = await openForm(contacts, part(contacts, 'add-button')!);
    type(field(dialog, 'contact-name'), 'Jordan Lee');
    type(field(dialog, 'contact-label-0'), 'Work');
    type(field(dialog, 'contact-number-0'), '0412 000 555');
    dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await closed(contacts);
    await waitUntil(() => title() === 'Jordan Lee – Work', 'the conversation renamed');
    await until(() => rowNames(contacts).includes('Jordan Lee'), 'the contact listed');
  });
});
