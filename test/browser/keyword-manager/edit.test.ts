import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsKeywordManager } from '../../../components/index.js';
import { $, answerConfirm, find, HOSTILE, part, text, type, until } from '../manager-helpers.js';
import { keywordWorld, loadedManager, rowKeywords, rowOf } from './helpers.js';

/** Opens the form dialog with `button` and waits for it. */
async function openForm(el: SmsKeywordManager, button: HTMLElement): Promise<HTMLDialogElement> {
  button.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

function editButton(el: SmsKeywordManager, keyword: string): HTMLButtonElement {
  return $<HTMLButtonElement>(el, `[part~="edit-button"][aria-label="Edit ${keyword}"]`)!;
}

async function submit(el: SmsKeywordManager, dialog: HTMLDialogElement): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
  await el.updateComplete;
}

async function closed(el: SmsKeywordManager): Promise<void> {
  await until(() => !part(el, 'form-dialog'), 'the dialog to close');
}

function choosePortal(dialog: HTMLDialogElement, name: string): void {
  const select = dialog.querySelector<HTMLSelectElement>('[part~="route-portal"]')!;
  select.value = [...select.options].find((option) => option.text === name)!.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('<sms-keyword-manager>: adding, editing and removing', () => {
  it('refuses reserved words with their reason as they are typed, a malformed or taken one too, then adds a keyword', async () => {
    const { admin } = await keywordWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, part(el, 'add-button')!);
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Add an inbound keyword');
    const word = dialog.querySelector<HTMLInputElement>('#keyword-word')!;
    expect(el.shadowRoot!.activeElement === word).to.equal(true);
    const message = () => text(part(el, 'keyword-message'));
    for (const [typed, said] of [
      ['stop', 'STOP is reserved: people send it to stop messages (opt-out), so it cannot route anywhere else.'],
      ['Unstop', 'UNSTOP is reserved: people send it to receive messages again (opt-in), so it cannot route anywhere else.'],
      [' help ', 'HELP is reserved: people send it for help, answered with the organisation’s HELP reply.'],
      ['arret', 'ARRET is reserved: people send it to stop messages (opt-out), so it cannot route anywhere else.'],
      ['two words', 'A keyword is one word of letters A–Z, digits and hyphens, starting with a letter or digit.'],
      ['parking', 'Another rule already has PARKING.'],
    ] as const) {
      type(word, typed);
      await el.updateComplete;
      expect(message(), typed).to.equal(said);
      expect(word.getAttribute('aria-invalid'), typed).to.equal('true');
    }
    await expect(el).to.be.accessible();
    // A refused keyword is not sent: the form stays open with it.
    await submit(el, dialog);
    expect(part(el, 'form-dialog')).to.exist;
    type(word, 'join');
    await el.updateComplete;
    expect(word.getAttribute('aria-invalid')).to.equal('false');
    choosePortal(dialog, 'Riley Brooks');
    const reply = dialog.querySelector<HTMLTextAreaElement>('[part~="auto-reply-input"]')!;
    reply.value = 'Welcome aboard! '.repeat(11);
    reply.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const counter = part(el, 'segment-counter')!;
    await (counter as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(counter.shadowRoot!.querySelector('[part~="segments"]'))).to.contain('2 parts');
    await submit(el, dialog);
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain('JOIN was added.');
    await until(() => rowKeywords(el).includes('JOIN'), 'the new keyword');
    expect(rowOf(el, 'JOIN')[1]).to.equal('Portal: Riley Brooks');
    expect(rowOf(el, 'JOIN')[2]).to.match(/ 2 parts$/);
    await until(() => el.shadowRoot!.activeElement === editButton(el, 'JOIN'), 'focus on the new keyword');
    const saved = (await admin.keywords.list()).items.find((rule) => rule.keyword === 'JOIN')!;
    expect(saved.routes).to.deep.equal({ portal: 'empty-user', email: null, mobile: null });
    expect(saved.enabled).to.equal(true);
  });

  it('will not send messages nowhere: with no route the form says so and focuses the person to choose', async () => {
    const { admin } = await keywordWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, part(el, 'add-button')!);
    await submit(el, dialog);
    expect(text(part(el, 'keyword-message'))).to.equal('Type the keyword.');
    await until(() => el.shadowRoot!.activeElement === part(el, 'keyword-input'), 'focus on the keyword');
    type(dialog.querySelector<HTMLInputElement>('#keyword-word')!, 'WIFI');
    await submit(el, dialog);
    expect(text(part(el, 'routes-error'))).to.equal('Messages must go somewhere: choose a person, an e-mail or a mobile.');
    await until(() => el.shadowRoot!.activeElement === part(el, 'route-portal'), 'focus on the person to choose');
    type(dialog.querySelector<HTMLInputElement>('#route-mobile')!, '0412 3');
    await el.updateComplete;
    expect(dialog.querySelector('#route-mobile')!.getAttribute('aria-invalid')).to.equal('true');
    type(dialog.querySelector<HTMLInputElement>('#route-mobile')!, '0412 999 888');
    await submit(el, dialog);
    await closed(el);
    expect(rowOf(el, 'WIFI')[1]).to.equal('Mobile: 0412 999 888');
  });

  it('edits a rule by keyboard: opens it with Enter, turns it off, changes its reply; Escape cancels', async () => {
    const { admin, ids } = await keywordWorld();
    const el = await loadedManager(admin);
    editButton(el, 'PARKING').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
    await until(() => dialog.open, 'the dialog to open');
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Edit PARKING');
    expect(dialog.querySelector<HTMLInputElement>('#keyword-word')!.value).to.equal('PARKING');
    expect(dialog.querySelector<HTMLSelectElement>('[part~="route-portal"]')!.selectedOptions[0]!.text).to.equal('Riley Brooks');
    await sendKeys({ press: 'Escape' });
    await closed(el);
    await until(() => el.shadowRoot!.activeElement === editButton(el, 'PARKING'), 'focus back on PARKING');
    await sendKeys({ press: 'Enter' });
    const again = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
    await until(() => again.open, 'the dialog to open again');
    again.querySelector<HTMLInputElement>('[part~="enabled-choice"]')!.click();
    const reply = again.querySelector<HTMLTextAreaElement>('[part~="auto-reply-input"]')!;
    reply.value = HOSTILE;
    reply.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    again.querySelector<HTMLElement>('[part~="dialog-submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain('PARKING was saved.');
    await until(() => rowOf(el, 'PARKING')[0] === 'PARKING Off', 'the Off mark');
    expect(rowOf(el, 'PARKING')[2]).to.equal(`${HOSTILE} 1 part`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    const rule = await admin.keywords.get(ids.parking);
    expect([rule.enabled, rule.autoReply, rule.routes.email]).to.deep.equal([false, HOSTILE, 'facilities@example.com']);
    await expect(el).to.be.accessible();
  });

  it('says why the backend refused a save and keeps the form open with what was typed', async () => {
    const { admin } = await keywordWorld();
    const el = await loadedManager(admin);
    const dialog = await openForm(el, part(el, 'add-button')!);
    type(dialog.querySelector<HTMLInputElement>('#keyword-word')!, 'deals');
    type(dialog.querySelector<HTMLInputElement>('#route-email')!, 'sales@example.com');
    // Another administrator claims it meanwhile.
    await admin.keywords.create({ keyword: 'DEALS', routes: { email: 'other@example.com' } });
    await submit(el, dialog);
    await until(() => text(dialog.querySelector('.form-error')) === 'Another rule already has this keyword.', 'the refusal');
    expect(dialog.querySelector<HTMLInputElement>('#keyword-word')!.value).to.equal('deals');
    await expect(el).to.be.accessible();
  });

  it('removes a rule after confirmation, and keeps it when cancelled', async () => {
    const { admin } = await keywordWorld();
    const el = await loadedManager(admin);
    const remove = () => $<HTMLButtonElement>(el, '[part~="remove-button"][aria-label="Remove QUOTE"]')!;
    remove().click();
    await answerConfirm(el, false);
    await until(() => !el.shadowRoot!.querySelector('dialog[role="alertdialog"][open]'), 'the confirmation to close');
    expect(rowKeywords(el)).to.include('QUOTE');
    remove().click();
    await answerConfirm(el, true);
    await until(() => !rowKeywords(el).includes('QUOTE'), 'QUOTE to leave the table');
    expect(text(part(el, 'notice'))).to.contain('QUOTE was removed.');
    expect((await admin.keywords.list()).items.map((rule) => rule.keyword)).to.deep.equal(['JOBS', 'PARKING']);
  });
});
