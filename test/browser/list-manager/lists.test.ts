import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerTranslation, SmsListChangeEvent, SmsListManager, SmsListSelectEvent } from '../../../components/index.js';
import '../../../components/list-manager/sms-list-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend, demoClient } from '../../../stories/decorators/demo.js';
import { fr } from '../../../translations/fr.js';
import { $, $$, answerConfirm, find, HOSTILE, part, parts, text, type, until } from '../manager-helpers.js';

async function manager(client: SmsClient | undefined, options: { listId?: string; scheme?: string; lang?: string } = {}): Promise<SmsListManager> {
  return fixture<SmsListManager>(html`<sms-list-manager
    .client=${client}
    default-country="AU"
    list-id=${ifDefined(options.listId)}
    scheme=${ifDefined(options.scheme)}
    lang=${ifDefined(options.lang)}
  ></sms-list-manager>`);
}

function listNames(el: SmsListManager): string[] {
  return parts(el, 'list-item').map((item) => text(item.querySelector('.list-name')));
}

async function dialog(el: SmsListManager): Promise<HTMLDialogElement> {
  const found = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => found.open, 'the dialog to open');
  return found;
}

let alice: SmsClient;

describe('<sms-list-manager>: lists', () => {
  before(async () => {
    alice = await demoClient('alice');
  });

  it('is registered as SmsListManager', () => {
    expect(customElements.get('sms-list-manager')).to.equal(SmsListManager);
  });

  it('says how to configure it without a client', async () => {
    const el = await manager(undefined);
    expect(text(part(el, 'config-error'))).to.contain('client');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the lists load', async () => {
    const { backend } = await demoBackend();
    const el = await manager(clientFor(stalledBackend(backend), alice.principal));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const { backend } = await demoBackend();
    const failing = failingBackend(backend);
    const el = await manager(clientFor(failing, alice.principal));
    const error = await find(el, '.status.error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('cannot be reached');
    await expect(el).to.be.accessible();
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the numbers after the retry');
    expect(listNames(el)).to.include('Customers – Sydney');
  });

  it('shows an empty state with a way to create the first list', async () => {
    const { backend, user } = await createEmptyBackend();
    const el = await manager(clientFor(backend, user));
    const empty = await find(el, '.status.empty');
    expect(text(empty)).to.contain('No lists yet');
    expect(empty.querySelector('[part~="new-list-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lists what the user may see and opens the first list with its numbers', async () => {
    const el = await manager(alice);
    await find(el, 'tbody tr[data-row]');
    expect(listNames(el)).to.deep.equal(['Customers – Sydney']);
    expect(text(part(el, 'list-item')!.querySelector('.list-count'))).to.equal('240 numbers');
    expect(part(el, 'list-item')!.getAttribute('aria-current')).to.equal('true');
    expect(text($(el, '#detail-title'))).to.equal('Customers – Sydney');
    // Merge-field columns written as keys (first_name) are shown for people.
    expect($$(el, 'thead th').map(text)).to.deep.equal(['Number', 'First name', 'Suburb', 'Actions']);
    expect(el.listId).to.equal((await demoBackend()).world.lists.customers);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark scheme', async () => {
    const el = await manager(alice, { scheme: 'dark' });
    await find(el, 'tbody tr[data-row]');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('speaks French once a translation is registered', async () => {
    registerTranslation(fr);
    const el = await manager(alice, { lang: 'fr' });
    await find(el, 'tbody tr[data-row]');
    expect(text($(el, '#lists-title'))).to.equal('Listes');
    expect(text(part(el, 'new-list-button'))).to.equal('Nouvelle liste');
    expect(text(part(el, 'list-item')!.querySelector('.list-count'))).to.equal('240 numéros');
    await expect(el).to.be.accessible();
  });

  it('opens a list given by list-id, and an administrator sees every department’s lists', async () => {
    const { world } = await demoBackend();
    const admin = await demoClient('admin');
    const el = await manager(admin, { listId: world.lists.onCall });
    await find(el, 'tbody tr[data-row]');
    expect(text($(el, '#detail-title'))).to.equal('Support on call');
    expect(listNames(el)).to.include.members(['Customers – Sydney', 'Support on call']);
  });

  it('moves through the lists with the arrow keys and opens one with Enter', async () => {
    const admin = await demoClient('admin');
    const el = await manager(admin);
    await find(el, 'tbody tr[data-row]');
    const items = parts<HTMLButtonElement>(el, 'list-item');
    expect(items.length).to.be.greaterThan(1);
    expect(items.map((item) => item.tabIndex).filter((index) => index === 0)).to.have.length(1);
    items[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'list-item')[1]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'list-item').at(-1));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'list-item')[0]);
    await sendKeys({ press: 'ArrowDown' });
    const selected = oneEvent(el, SmsListSelectEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.list.name).to.equal(listNames(el)[1]);
    await until(() => text($(el, '#detail-title')) === listNames(el)[1], 'the second list to open');
  });

  it('searches the lists on the server', async () => {
    const admin = await demoClient('admin');
    const el = await manager(admin);
    await find(el, 'tbody tr[data-row]');
    type(part<HTMLInputElement>(el, 'list-search')!, 'support');
    await until(() => listNames(el).join() === 'Support on call', 'the search result');
    type(part<HTMLInputElement>(el, 'list-search')!, 'no such list');
    await until(() => text($(el, '.lists .status.empty')).includes('No list matches'), 'no match');
    await expect(el).to.be.accessible();
  });

  it('creates a list in a dialog (Enter submits) and opens it', async () => {
    const { backend, user } = await createEmptyBackend();
    const el = await manager(clientFor(backend, user));
    await find(el, '.status.empty');
    part<HTMLButtonElement>(el, 'new-list-button')!.click();
    const form = await dialog(el);
    const name = form.querySelector<HTMLInputElement>('#list-name')!;
    expect(el.shadowRoot!.activeElement).to.equal(name);
    await expect(el).to.be.accessible();
    // Empty: stays open with an inline error.
    form.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    await until(() => text(form.querySelector('#list-name-error')) === 'Required', 'the required error');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    name.focus();
    await sendKeys({ type: 'Patients' });
    const changed = oneEvent(el, SmsListChangeEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.detail.action).to.equal('created');
    expect(event.detail.list?.name).to.equal('Patients');
    await until(() => text($(el, '#detail-title')) === 'Patients', 'the new list to open');
    expect(form.isConnected && form.open).to.equal(false);
    expect(text(part(el, 'notice'))).to.contain('“Patients” was created');
    expect(text($(el, '.detail .status.empty'))).to.contain('no numbers yet');
    await expect(el).to.be.accessible();
  });

  it('closes the dialog with Escape without creating anything', async () => {
    const { backend, user } = await createEmptyBackend();
    const client = clientFor(backend, user);
    const el = await manager(client);
    await find(el, '.status.empty');
    part<HTMLButtonElement>(el, 'new-list-button')!.click();
    await dialog(el);
    await sendKeys({ type: 'Never' });
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog[part~="form-dialog"]') === null, 'the dialog to close');
    expect((await client.lists.list()).items).to.have.length(0);
  });

  it('renames a list', async () => {
    const { backend, user } = await createEmptyBackend();
    const client = clientFor(backend, user);
    await client.lists.create({ name: 'Old name' });
    const el = await manager(client);
    await find(el, '#detail-title');
    part<HTMLButtonElement>(el, 'rename-button')!.click();
    const form = await dialog(el);
    const name = form.querySelector<HTMLInputElement>('#list-name')!;
    expect(name.value).to.equal('Old name');
    type(name, 'New name');
    const changed = oneEvent(el, 'sms-list-change');
    form.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
    expect((await changed).detail.action).to.equal('renamed');
    await until(() => text($(el, '#detail-title')) === 'New name', 'the new name');
    expect(listNames(el)).to.deep.equal(['New name']);
    expect((await client.lists.list()).items[0]!.name).to.equal('New name');
  });

  it('shows a user a list an administrator shares read-only: send to it and export it, nothing else', async () => {
    const { backend, user, admin } = await createEmptyBackend();
    const shared = await clientFor(backend, admin).lists.create({ name: 'Everyone' });
    await clientFor(backend, admin).lists.addEntry(shared.id, { e164: '0412 000 001' });
    const el = await manager(clientFor(backend, user), { listId: shared.id });
    await find(el, 'tbody tr[data-row]', 'the shared list\'s numbers');
    expect(text(part(el, 'list-item')!.querySelector('.list-shared'))).to.equal('Shared');
    expect(text(part(el, 'view-only'))).to.contain('only an administrator can change it');
    for (const name of ['rename-button', 'delete-button', 'add-button', 'import-open-button']) expect(part(el, name), name).to.equal(null);
    expect($$(el, 'tbody tr[data-row] button')).to.have.length(0);
    expect(parts(el, 'export-button')).to.have.length(1);
    await expect(el).to.be.accessible();
    const asAdmin = await manager(clientFor(backend, admin), { listId: shared.id });
    await find(asAdmin, 'tbody tr[data-row]', 'the numbers, for the administrator');
    expect(part(asAdmin, 'view-only')).to.equal(null);
    expect(part(asAdmin, 'rename-button')).to.not.equal(null);
  });

  it('asks before deleting a list: Cancel keeps it, Delete removes it', async () => {
    const { backend, user } = await createEmptyBackend();
    const client = clientFor(backend, user);
    const list = await client.lists.create({ name: 'Temporary' });
    await client.lists.addEntry(list.id, { e164: '+61412000001' });
    const el = await manager(client);
    await find(el, 'tbody tr[data-row]');
    part<HTMLButtonElement>(el, 'delete-button')!.click();
    const confirm = await find<HTMLDialogElement>(el, 'dialog[role="alertdialog"]');
    expect(text(confirm.querySelector('#confirm-title'))).to.equal('Delete “Temporary”?');
    expect(text(confirm.querySelector('#confirm-message'))).to.contain('its 1 number');
    await expect(el).to.be.accessible();
    await answerConfirm(el, false);
    await until(() => $(el, 'dialog[role="alertdialog"]') === null, 'the confirmation to close');
    expect((await client.lists.list()).items).to.have.length(1);

    part<HTMLButtonElement>(el, 'delete-button')!.click();
    const changed = oneEvent(el, 'sms-list-change');
    await answerConfirm(el, true);
    const event = await changed;
    expect(event.detail).to.deep.equal({ action: 'deleted', listId: list.id, list: null });
    await until(() => $(el, '.status.empty') !== null, 'the empty state');
    expect((await client.lists.list()).items).to.have.length(0);
  });

  it('shows the engine’s refusal to delete a list a campaign is using', async () => {
    const el = await manager(alice);
    await find(el, 'tbody tr[data-row]');
    part<HTMLButtonElement>(el, 'delete-button')!.click();
    await answerConfirm(el, true);
    const notice = await find(el, '[part~="notice"].error');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.match(/The campaign ".+" is using this list\./);
    expect(listNames(el)).to.deep.equal(['Customers – Sydney']);
    await expect(el).to.be.accessible();
  });

  it('renders a hostile list name as text', async () => {
    const { backend, user } = await createEmptyBackend();
    const client = clientFor(backend, user);
    await client.lists.create({ name: HOSTILE });
    const el = await manager(client);
    await find(el, '#detail-title');
    expect(listNames(el)).to.deep.equal([HOSTILE]);
    expect(text($(el, '#detail-title'))).to.equal(HOSTILE);
    expect($(el, 'img')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
