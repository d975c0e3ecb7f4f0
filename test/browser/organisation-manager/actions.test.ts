import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsSupportAccessEvent } from '../../../components/index.js';
import { createSmsClient } from '../../../src/index.js';
import { clientFor, wrapBackend } from '../../../stories/decorators/backends.js';
import { organisationWorld, STORY_OPERATOR } from '../../../stories/decorators/organisation-backends.js';
import { $, answerConfirm, find, HOSTILE, part, text, type, until } from '../manager-helpers.js';
import { closed, loadedManager, openForm, rowButton, rowNames, rowOf, submit } from './helpers.js';

describe('<sms-organisation-manager>: creating, editing, suspending, support and removing', () => {
  it('creates an organisation with an id and caps checked as typed, and focuses its row', async () => {
    const { operator } = await organisationWorld();
    const el = await loadedManager(operator, { width: 1280 });
    const dialog = await openForm(el, part(el, 'add-button')!);
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Create an organisation');
    expect(el.shadowRoot!.activeElement?.id).to.equal('organisation-name');
    await submit(el, dialog);
    expect(text(dialog.querySelector('#organisation-name-message'))).to.equal('Type the organisation’s name.');
    expect(el.shadowRoot!.activeElement?.id, 'focus on the first field in error').to.equal('organisation-name');
    await sendKeys({ type: HOSTILE });
    type(dialog.querySelector<HTMLInputElement>('#organisation-id')!, 'umbrella corp');
    type(dialog.querySelector<HTMLInputElement>('#cap-sendsPerDay')!, '1.5');
    await el.updateComplete;
    expect(text(dialog.querySelector('#organisation-id-message'))).to.contain('An id is letters, digits');
    expect(text(dialog.querySelector('#cap-sendsPerDay-message'))).to.equal('A whole number from 1 to 1,000,000,000, or empty for no cap.');
    await expect(el).to.be.accessible();
    type(dialog.querySelector<HTMLInputElement>('#organisation-id')!, 'umbrella');
    type(dialog.querySelector<HTMLInputElement>('#cap-sendsPerDay')!, '2500');
    await el.updateComplete;
    await submit(el, dialog);
    await closed(el);
    expect(text(part(el, 'notice'))).to.contain(`${HOSTILE} was created.`);
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    await until(() => rowOf(el, HOSTILE).length > 0, 'the new row');
    expect(rowOf(el, HOSTILE)).to.deep.equal([`${HOSTILE} umbrella`, 'Active', '0', '–', '2,500/day']);
    await until(() => el.shadowRoot!.activeElement?.getAttribute('aria-label') === `Edit ${HOSTILE}`, 'focus on the new row');
    expect((await operator.organisations.get('umbrella')).limits).to.deep.equal({ sendsPerSecond: null, sendsPerDay: 2500 });
  });

  it('renames an organisation and lifts a cap, saying its usage in the form; a taken id is refused in words', async () => {
    const { operator } = await organisationWorld();
    const el = await loadedManager(operator);
    const dialog = await openForm(el, rowButton(el, 'Acme Corporation', 'edit-button'));
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Edit Acme Corporation');
    expect(dialog.querySelector('#organisation-id'), 'the id is not changed').to.equal(null);
    expect(text(dialog.querySelector('.usage-line'))).to.equal('This month: 2 messages, 2 parts, A$0.08.');
    expect(dialog.querySelector<HTMLInputElement>('#cap-sendsPerSecond')!.value).to.equal('10');
    type(dialog.querySelector<HTMLInputElement>('#organisation-name')!, 'Acme Group');
    type(dialog.querySelector<HTMLInputElement>('#cap-sendsPerSecond')!, '');
    await el.updateComplete;
    await submit(el, dialog);
    await closed(el);
    expect(rowOf(el, 'Acme Group')[4]).to.equal('5,000/day');
    expect((await operator.organisations.get('default')).limits.sendsPerSecond).to.equal(null);

    const again = await openForm(el, part(el, 'add-button')!);
    type(again.querySelector<HTMLInputElement>('#organisation-name')!, 'Globex again');
    type(again.querySelector<HTMLInputElement>('#organisation-id')!, 'globex');
    await el.updateComplete;
    await submit(el, again);
    await until(() => again.querySelector('.form-error') !== null, 'the refusal');
    expect(text(again.querySelector('.form-error'))).to.equal('Another organisation already has this id.');
  });

  it('suspends after a confirmation saying what suspension does, and resumes', async () => {
    const { operator, user } = await organisationWorld();
    const el = await loadedManager(operator);
    rowButton(el, 'Acme Corporation', 'suspend-button').click();
    const confirm = await find(el, 'dialog[role="alertdialog"]');
    expect(text(confirm.querySelector('#confirm-title'))).to.equal('Suspend Acme Corporation?');
    expect(text(confirm.querySelector('#confirm-message'))).to.contain('its running campaigns stop, its scheduled messages wait');
    await expect(el).to.be.accessible();
    await answerConfirm(el, false);
    expect((await operator.organisations.get('default')).status).to.equal('active');
    rowButton(el, 'Acme Corporation', 'suspend-button').click();
    await answerConfirm(el, true);
    await until(() => rowOf(el, 'Acme Corporation')[1] === 'Suspended', 'Acme suspended');
    expect(text(part(el, 'notice'))).to.contain('Acme Corporation was suspended.');
    const refused = await user.numbers.list().then(() => 'let in', (error: Error) => error.name);
    expect(refused).to.equal('PermissionError');
    expect(rowButton(el, 'Acme Corporation', 'suspend-button').getAttribute('aria-label')).to.equal('Resume Acme Corporation');
    rowButton(el, 'Acme Corporation', 'suspend-button').click();
    await answerConfirm(el, true);
    await until(() => rowOf(el, 'Acme Corporation')[1] === 'Active', 'Acme resumed');
  });

  it('acts as support after a confirmation: the event carries a principal that reads, and each read is recorded', async () => {
    const { operator, admin, backend } = await organisationWorld();
    const el = await loadedManager(operator);
    rowButton(el, 'Acme Corporation', 'support-button').click();
    const confirm = await find(el, 'dialog[role="alertdialog"]');
    expect(text(confirm.querySelector('#confirm-message'))).to.contain('read-only').and.to.contain('recorded in its support access trail');
    const event = oneEvent(el, 'sms-support-access') as Promise<SmsSupportAccessEvent>;
    await answerConfirm(el, true);
    const { detail, bubbles, composed } = await event;
    expect([bubbles, composed]).to.deep.equal([true, true]);
    expect(detail).to.deep.equal({ organisationId: 'default', name: 'Acme Corporation', principal: { organisationId: 'default', userId: 'ops-sam', role: 'operator' } });
    const support = createSmsClient({ backend, principal: detail.principal });
    expect((await support.numbers.list()).items).to.have.length(1);
    const trail = (await admin.directory.supportAccess()).items;
    expect(trail.map((entry) => [entry.operatorId, entry.action])).to.deep.equal([['ops-sam', 'numbers.list']]);
  });

  it('removes an organisation only once its name is typed, by keyboard', async () => {
    const { operator, backend } = await organisationWorld();
    const removals: unknown[] = [];
    const watched = wrapBackend(backend, (group, method, call) => (group === 'organisations' && method === 'remove' && removals.push(method), call()));
    const el = await loadedManager(clientFor(watched, STORY_OPERATOR));
    const first = $<HTMLButtonElement>(el, 'tbody tr[data-row] [part~="edit-button"]')!;
    first.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Edit Globex Logistics');
    for (let tabs = 0; tabs < 3; tabs++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Remove Globex Logistics');
    await sendKeys({ press: 'Enter' });
    const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]');
    await until(() => dialog.open, 'the removal dialog');
    expect(text(dialog.querySelector('#form-dialog-title'))).to.equal('Remove Globex Logistics and all its data?');
    expect(el.shadowRoot!.activeElement?.id).to.equal('remove-confirm-name');
    expect(dialog.querySelector('[part~="dialog-submit"]')!.classList.contains('danger'), 'a destructive button').to.equal(true);
    await sendKeys({ type: 'Globex' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(dialog.querySelector('#remove-confirm-name-message')) === 'This is not the organisation’s name.', 'the mismatch');
    expect(removals, 'nothing asked of the backend before the name matches').to.have.length(0);
    await expect(el).to.be.accessible();
    await sendKeys({ type: ' Logistics' });
    await sendKeys({ press: 'Enter' });
    await until(() => !part(el, 'form-dialog'), 'the dialog to close');
    expect(text(part(el, 'notice'))).to.contain('Globex Logistics was removed.');
    expect(rowNames(el)).to.deep.equal(['Acme Corporation', 'Initech']);
    const gone = await operator.organisations.get('globex').then(() => 'still there', (error: Error) => error.name);
    expect(gone).to.equal('NotFoundError');
    await until(() => el.shadowRoot!.activeElement?.getAttribute('aria-label') === 'Edit Initech', 'focus on the next row');
  });

  it('filters by status and searches by name', async () => {
    const { operator } = await organisationWorld();
    const el = await loadedManager(operator);
    const filter = part<HTMLSelectElement>(el, 'status-filter')!;
    filter.value = 'suspended';
    filter.dispatchEvent(new Event('change'));
    await until(() => rowNames(el).join() === 'Globex Logistics', 'the suspended only');
    filter.value = '';
    filter.dispatchEvent(new Event('change'));
    type(part<HTMLInputElement>(el, 'search')!, 'zzz');
    expect(text(await find(el, '.status.empty'))).to.equal('No organisation matches your search.');
  });
});
