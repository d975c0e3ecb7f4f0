import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ValidationError } from '../../../src/index.js';
import { clientFor, wrapBackend } from '../../../stories/decorators/backends.js';
import { $, $$, find, HOSTILE, part, text, until } from '../manager-helpers.js';
import { departmentOf, field, loadedSettings, messageOf, settingsWorld, tagsOf, typeInto } from './helpers.js';

const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The text of the notice, without its close button. */
const noticeText = (el: Element) => text(part(el, 'notice')?.querySelector('span'));
const save = (el: Element) => part<HTMLButtonElement>(el, 'save-button')!.click();

describe('<sms-settings>: changing the settings', () => {
  it('saves every field in one go, and shows each answer with its parts as typed', async () => {
    const { admin } = await settingsWorld();
    const el = await loadedSettings(admin);
    await typeInto(el, field(el, 'defaultCountry'), 'nz');
    expect(field(el, 'defaultCountry').value).to.equal('NZ');
    expect(text(messageOf(el, 'defaultCountry'))).to.match(/^New Zealand: /);
    await typeInto(el, field<HTMLTextAreaElement>(el, 'optOutConfirmation'), `Unsubscribed. ${'x'.repeat(160)}`);
    expect(text($(el, '.section-answers sms-segment-counter')!.shadowRoot!.querySelector('[part~="segments"]'))).to.contain('2 parts');
    await typeInto(el, field<HTMLTextAreaElement>(el, 'helpReply'), '');
    expect(text(messageOf(el, 'helpReply'))).to.equal('Empty: no answer is sent.');
    field(el, 'blockDirectSends').click();
    await typeInto(el, field(el, 'segmentsPerSecond'), '2,5');
    const currency = field<HTMLSelectElement>(el, 'currency');
    currency.value = 'NZD';
    currency.dispatchEvent(new Event('change'));
    await typeInto(el, field(el, 'price'), '0.07');
    expect(text(part(el, 'unsaved'))).to.equal('Unsaved changes');
    save(el);
    await until(() => text(part(el, 'notice')).startsWith('The settings were saved.'), 'the confirmation');
    const saved = await admin.settings.get();
    expect(saved).to.include({ defaultCountry: 'NZ', helpReply: null, blockDirectSends: true, segmentsPerSecond: 2.5, currency: 'NZD', rate: 7 });
    expect(saved.optOutConfirmation).to.match(/^Unsubscribed\. x{160}$/);
    expect(part(el, 'unsaved')).to.equal(null);
  });

  it('checks an alpha tag as typed by the core rule, adds it with Enter, removes one from the keyboard, saves them', async () => {
    const { admin, ids } = await settingsWorld();
    const el = await loadedSettings(admin);
    const sales = departmentOf(el, 'Sales');
    const input = sales.querySelector<HTMLInputElement>('[part~="alpha-tag-input"]')!;
    const message = () => text(sales.querySelector('[part~="alpha-tag-message"]'));
    await typeInto(el, input, 'ACME-SUPPORT');
    expect(message()).to.equal('An alpha tag has at most 11 characters; this one has 12.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await typeInto(el, input, '1ACME');
    expect(message()).to.equal('An alpha tag cannot start with a digit.');
    await typeInto(el, input, HOSTILE);
    expect(message()).to.equal('An alpha tag cannot contain “<” (U+003C): use only the letters A–Z, digits, spaces and hyphens.');
    await typeInto(el, input, 'ACME');
    expect(message()).to.equal('This department already has ACME.');
    await typeInto(el, input, 'ACME SALES');
    expect(message()).to.equal('10 of 11 characters.');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    input.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tagsOf(sales)).to.deep.equal(['ACME', 'ACME-HELP', 'ACME SALES']);
    expect(input.value).to.equal('');
    // Enter added the tag and saved nothing.
    expect(part(el, 'notice')).to.equal(null);
    expect((await admin.directory.departments()).items.find((department) => department.id === ids.sales)!.alphaTags).to.deep.equal(['ACME', 'ACME-HELP']);
    const removeFirst = sales.querySelector<HTMLButtonElement>('[part~="remove-alpha-tag"]')!;
    expect(removeFirst.getAttribute('aria-label')).to.equal('Remove ACME from Sales');
    removeFirst.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => tagsOf(sales).length === 2, 'the tag to go');
    await el.updateComplete;
    // The focus moves to the next tag's remove button.
    expect(focused(el)!.getAttribute('aria-label')).to.equal('Remove ACME-HELP from Sales');
    // A valid tag left typed in a field is added by the save, as meant.
    await typeInto(el, departmentOf(el, HOSTILE).querySelector<HTMLInputElement>('[part~="alpha-tag-input"]')!, ' OTHER ');
    save(el);
    await until(() => text(part(el, 'notice')).startsWith('The settings were saved.'), 'the confirmation');
    const departments = (await admin.directory.departments()).items;
    expect(departments.find((department) => department.id === ids.sales)!.alphaTags).to.deep.equal(['ACME-HELP', 'ACME SALES']);
    expect(departments.find((department) => department.id === ids.hostile)!.alphaTags).to.deep.equal(['OTHER']);
    expect($$(el, 'img')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refuses to save what its own checks refuse, and puts the focus on the first field at fault', async () => {
    const { backend, admin } = await settingsWorld();
    const asked: string[] = [];
    const watched = wrapBackend(backend, (group, method, call) => (asked.push(`${group}.${method}`), call()));
    const el = await loadedSettings(clientFor(watched, admin.principal));
    asked.length = 0;
    await typeInto(el, field(el, 'price'), '0.045');
    expect(text(messageOf(el, 'price'))).to.equal('A price in AUD has at most 2 decimals.');
    await typeInto(el, field(el, 'segmentsPerSecond'), 'fast');
    expect(text(messageOf(el, 'segmentsPerSecond'))).to.equal('Type a number from 0 to 10,000.');
    save(el);
    await until(() => focused(el) === field(el, 'segmentsPerSecond'), 'the focus on the rate');
    expect(text(part(el, 'notice'))).to.contain('Some fields need a change before saving');
    expect(asked).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed when the backend refuses a save, and names the field', async () => {
    const { backend, admin, ids } = await settingsWorld();
    let refuse: 'settings' | 'department' | null = 'settings';
    const picky = wrapBackend(backend, (group, method, call) => {
      if (refuse === 'settings' && group === 'settings' && method === 'update') return Promise.reject(new ValidationError('Invalid helpReply: too long', { field: 'helpReply' }));
      if (refuse === 'department' && method === 'updateDepartment') return Promise.reject(new ValidationError('Invalid alpha tag "9LIVES"', { field: 'alphaTags.1', value: '9LIVES' }));
      return call();
    });
    const el = await loadedSettings(clientFor(picky, admin.principal));
    await typeInto(el, field<HTMLTextAreaElement>(el, 'helpReply'), 'Call us on 1300 000 000.');
    await typeInto(el, field(el, 'price'), '0.06');
    save(el);
    await until(() => part(el, 'notice')?.getAttribute('role') === 'alert', 'the refusal');
    expect(noticeText(el)).to.equal('HELP answer was not saved: Something entered here cannot be used. Check it and try again.');
    const help = field<HTMLTextAreaElement>(el, 'helpReply');
    expect(help.value).to.equal('Call us on 1300 000 000.');
    expect(field(el, 'price').value).to.equal('0.06');
    expect(help.getAttribute('aria-invalid')).to.equal('true');
    expect(text(messageOf(el, 'helpReply'))).to.equal('Something entered here cannot be used. Check it and try again.');
    await until(() => focused(el) === help, 'the focus on the HELP answer');
    await expect(el).to.be.accessible();
    // Changing the field clears what the backend said; the next save goes through.
    refuse = null;
    await typeInto(el, help, 'Call us on 1300 000 001.');
    expect(help.getAttribute('aria-invalid')).to.equal('false');
    save(el);
    await until(() => text(part(el, 'notice')).startsWith('The settings were saved.'), 'the confirmation');
    expect(await admin.settings.get()).to.include({ helpReply: 'Call us on 1300 000 001.', rate: 6 });
    // A department's tags refused: the department is named, its tags kept.
    refuse = 'department';
    const reception = departmentOf(el, 'Reception');
    await typeInto(el, reception.querySelector<HTMLInputElement>('[part~="alpha-tag-input"]')!, 'FRONT DESK');
    save(el);
    await until(() => part(el, 'notice')?.getAttribute('role') === 'alert', 'the refusal of the tags');
    expect(noticeText(el)).to.equal('The alpha tags of Reception were not saved: 9LIVES: An alpha tag cannot start with a digit.');
    expect(tagsOf(reception)).to.deep.equal(['RECEPTION', 'FRONT DESK']);
    await until(() => focused(el) === reception.querySelector('[part~="alpha-tag-input"]'), 'the focus on the department');
    expect((await admin.directory.departments()).items.find((department) => department.id === ids.sales)!.alphaTags).to.deep.equal(['ACME', 'ACME-HELP']);
    await find(el, '[part~="discard-button"]');
    part<HTMLButtonElement>(el, 'discard-button')!.click();
    await el.updateComplete;
    expect(tagsOf(reception)).to.deep.equal(['RECEPTION']);
  });
});
