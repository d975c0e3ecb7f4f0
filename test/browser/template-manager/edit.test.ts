import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsTemplateManager } from '../../../components/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { $, answerConfirm, find, HOSTILE, part, parts, text, type, until } from '../manager-helpers.js';
import { loadedManager, rowNames, rowOf, templateWorld } from './helpers.js';

/** Opens the form dialog with `button` and waits for it. */
async function openForm(el: SmsTemplateManager, button: HTMLElement): Promise<HTMLDialogElement> {
  button.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

const nameButton = (el: SmsTemplateManager, label: string) => $<HTMLButtonElement>(el, `[part~="edit-button"][aria-label="${label}"]`)!;
const closed = (el: SmsTemplateManager) => until(() => !part(el, 'form-dialog'), 'the dialog to close');
const focused = (el: SmsTemplateManager) => el.shadowRoot!.activeElement;

async function submit(el: SmsTemplateManager, dialog: HTMLDialogElement): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
  await el.updateComplete;
}

async function parts$(counter: HTMLElement): Promise<string> {
  await (counter as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return text(counter.shadowRoot!.querySelector('[part~="segments"]'));
}

describe('<sms-template-manager>: adding, editing, copying and removing', () => {
  it('adds a global template: required fields, merge fields inserted at the caret, a live preview with its parts', async () => {
    const { admin } = await templateWorld();
    const el = await loadedManager(admin, { mergeFields: 'first_name, {{date}}', samples: { date: 'Friday' } });
    const dialog = await openForm(el, part(el, 'add-button')!);
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Add a global template');
    const name = part<HTMLInputElement>(el, 'name-input')!;
    expect(focused(el) === name).to.equal(true);
    await submit(el, dialog);
    expect(text(dialog.querySelector('#template-name-message'))).to.equal('Type a name.');
    expect(text(dialog.querySelector('#template-body-message'))).to.equal('Type the message.');
    expect(focused(el) === name).to.equal(true);
    type(name, 'Collection');
    const body = part<HTMLTextAreaElement>(el, 'body-input')!;
    type(body as unknown as HTMLInputElement, 'Hi , your order is ready.');
    await el.updateComplete;
    expect(parts(el, 'merge-field').map(text)).to.deep.equal(['{{first_name}}', '{{date}}']);
    body.setSelectionRange(3, 3);
    part(el, 'merge-field')!.click();
    await el.updateComplete;
    expect(body.value).to.equal('Hi {{first_name}}, your order is ready.');
    expect(focused(el) === body && body.selectionStart === 17).to.equal(true);
    expect(text(part(el, 'preview-text'))).to.equal('Hi Alex, your order is ready.');
    body.setSelectionRange(body.value.length, body.value.length);
    parts(el, 'merge-field')[1]!.click();
    type(body as unknown as HTMLInputElement, `${body.value} Ask for {{desk}}. ${'Thanks! '.repeat(16)}`);
    await el.updateComplete;
    expect(text(part(el, 'preview-text'))).to.match(/^Hi Alex, your order is ready\.Friday Ask for \[desk\]\. Thanks!/);
    expect(text(part(el, 'preview-unfilled'))).to.equal('No sample value for desk: the sender types it.');
    expect(await parts$(part(el, 'segment-counter')!)).to.contain('2 parts');
    await expect(el).to.be.accessible();
    await submit(el, dialog);
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain('Collection was added.');
    await until(() => rowNames(el).includes('Collection'), 'the new template');
    await until(() => focused(el) === nameButton(el, 'Edit Collection'), 'focus on the new template');
    const saved = (await admin.templates.list({ query: 'Collection' })).items[0]!;
    expect([saved.scope, saved.fields]).to.deep.equal(['global', ['first_name', 'date', 'desk']]);
  });

  it('edits by keyboard: Enter opens, Escape cancels and gives the focus back, a hostile message is saved as text', async () => {
    const { admin, ids } = await templateWorld();
    const el = await loadedManager(admin);
    nameButton(el, 'Edit Opening hours').focus();
    await sendKeys({ press: 'Enter' });
    let dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
    await until(() => dialog.open, 'the dialog to open');
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Edit Opening hours');
    expect(part<HTMLTextAreaElement>(el, 'body-input')!.value).to.equal('We are open 9 to 5, Monday to Friday.');
    await sendKeys({ press: 'Escape' });
    await closed(el);
    await until(() => focused(el) === nameButton(el, 'Edit Opening hours'), 'focus back on the template');
    await sendKeys({ press: 'Enter' });
    dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
    await until(() => dialog.open, 'the dialog to open again');
    type(part<HTMLTextAreaElement>(el, 'body-input') as unknown as HTMLInputElement, HOSTILE);
    await el.updateComplete;
    expect(text(part(el, 'preview-text'))).to.equal(HOSTILE);
    part(el, 'dialog-submit')!.focus();
    await sendKeys({ press: 'Enter' });
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain('Opening hours was saved.');
    await until(() => rowOf(el, 'Opening hours')[1] === `${HOSTILE} No merge fields`, 'the new message');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((await admin.templates.get(ids.hours)).body).to.equal(HOSTILE);
  });

  it('lets a user read a global template and copy it to their own, not change it', async () => {
    const { user } = await templateWorld();
    const el = await loadedManager(user);
    const dialog = await openForm(el, nameButton(el, 'View Appointment reminder'));
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Appointment reminder (global template)');
    expect(part<HTMLTextAreaElement>(el, 'body-input')!.readOnly).to.equal(true);
    expect(part(el, 'merge-fields')).to.equal(null);
    expect(text(part(el, 'preview-text'))).to.equal('Hi Alex, see you on [date].');
    expect(text(part(el, 'dialog-submit'))).to.equal('Copy to my templates');
    await expect(el).to.be.accessible();
    await submit(el, dialog);
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain('Appointment reminder was copied to your templates.');
    const mine = (await user.templates.list({ scope: 'personal' })).items.map((template) => template.name);
    expect(mine).to.deep.equal(['Appointment reminder', 'Running late']);
    await until(() => rowNames(el).filter((name) => name === 'Appointment reminder').length === 2, 'the copy in the table');
  });

  it('removes a template after confirmation, and keeps it when cancelled', async () => {
    const { user } = await templateWorld();
    const el = await loadedManager(user);
    const remove = () => $<HTMLButtonElement>(el, '[part~="remove-button"][aria-label="Remove Running late"]')!;
    remove().click();
    await answerConfirm(el, false);
    await until(() => !el.shadowRoot!.querySelector('dialog[role="alertdialog"][open]'), 'the confirmation to close');
    expect(rowNames(el)).to.include('Running late');
    remove().click();
    await answerConfirm(el, true);
    await until(() => !rowNames(el).includes('Running late'), 'the template to leave the table');
    expect(text(part(el, 'notice'))).to.contain('Running late was removed.');
    expect((await user.templates.list({ scope: 'personal' })).items).to.deep.equal([]);
  });

  it('follows changes made elsewhere, live: a new template takes its place by name, a renamed one moves, a removed one leaves', async () => {
    const { backend, admin, ids } = await templateWorld();
    const el = await loadedManager(clientFor(backend, admin.principal));
    const other = clientFor(backend, admin.principal);
    await other.templates.create({ scope: 'global', name: 'Delivery', body: 'Your delivery is on its way.' });
    await until(() => rowNames(el).join() === [HOSTILE, 'Appointment reminder', 'Delivery', 'Opening hours'].join(), 'the new template');
    await other.templates.update(ids.reminder, { name: 'Reminder' });
    await until(() => rowNames(el).join() === [HOSTILE, 'Delivery', 'Opening hours', 'Reminder'].join(), 'the renamed template');
    await other.templates.remove(ids.hours);
    await until(() => !rowNames(el).includes('Opening hours'), 'the removed template to leave');
  });
});
