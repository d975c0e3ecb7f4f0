import { expect } from '@open-wc/testing';
import { SmsSettings } from '../../../components/index.js';
import { PermissionError } from '../../../src/index.js';
import { clientFor, failingBackend, stalledBackend, wrapBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { withoutDepartments } from '../../../stories/decorators/settings-backends.js';
import { $, $$, expectUnreachable, find, HOSTILE, part, parts, text } from '../manager-helpers.js';
import { departmentOf, field, loadedSettings, messageOf, settingsElement, settingsWorld, tagsOf } from './helpers.js';

describe('<sms-settings>: states and permissions', () => {
  it('is registered as SmsSettings and says how to configure it without a client', async () => {
    expect(customElements.get('sms-settings') === SmsSettings).to.equal(true);
    const el = await settingsElement(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the settings load', async () => {
    const { backend, world } = await demoBackend();
    const el = await settingsElement(clientFor(stalledBackend(backend), world.principals.admin));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an organisation without departments its settings, and where departments come from', async () => {
    const el = await loadedSettings((await withoutDepartments('admin')).client);
    expect(text(await find(el, '.status.empty'))).to.contain('No departments yet.');
    expect(field(el, 'defaultCountry').value).to.equal('US');
    expect(parts(el, 'save-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows every setting as saved, markup as text', async () => {
    const { admin } = await settingsWorld();
    const el = await loadedSettings(admin);
    expect(field(el, 'defaultCountry').value).to.equal('AU');
    expect(text(messageOf(el, 'defaultCountry'))).to.match(/^Australia: numbers typed without a country code/);
    expect(tagsOf(departmentOf(el, 'Sales'))).to.deep.equal(['ACME', 'ACME-HELP']);
    expect(tagsOf(departmentOf(el, 'Reception'))).to.deep.equal(['RECEPTION']);
    expect(text(departmentOf(el, HOSTILE).querySelector('.none'))).to.equal('None: this department sends from numbers only.');
    expect(field<HTMLTextAreaElement>(el, 'helpReply').value).to.equal(`${HOSTILE} Call 1300 000 000.`);
    expect(field<HTMLTextAreaElement>(el, 'optInConfirmation').value).to.equal('');
    expect(text(messageOf(el, 'optInConfirmation'))).to.equal('Empty: no answer is sent.');
    expect(parts(el, 'answer-counter')).to.have.length(2);
    expect(field(el, 'blockDirectSends').checked).to.equal(false);
    expect(field(el, 'segmentsPerSecond').value).to.equal('10');
    expect(field<HTMLSelectElement>(el, 'currency').value).to.equal('AUD');
    expect(field<HTMLSelectElement>(el, 'chargePer').value).to.equal('segment');
    expect(field(el, 'price').value).to.equal('0.04');
    expect(text(messageOf(el, 'price'))).to.equal('A$0.04 for each part, to each recipient.');
    expect($$(el, 'img')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a user the settings read-only, saying only administrators change them', async () => {
    const { user } = await settingsWorld();
    const el = await loadedSettings(user);
    expect(text(part(el, 'view-only'))).to.equal('Only administrators can change these settings.');
    expect(field(el, 'defaultCountry').readOnly).to.equal(true);
    expect(field<HTMLTextAreaElement>(el, 'helpReply').readOnly).to.equal(true);
    expect(field(el, 'blockDirectSends').disabled).to.equal(true);
    expect(field<HTMLSelectElement>(el, 'currency').disabled).to.equal(true);
    expect(tagsOf(departmentOf(el, 'Sales'))).to.deep.equal(['ACME', 'ACME-HELP']);
    for (const name of ['save-button', 'remove-alpha-tag', 'alpha-tag-input', 'add-alpha-tag', 'answer-counter']) expect(parts(el, name), name).to.have.length(0);
    expect(parts(el, 'answer-parts').map(text)).to.deep.equal(['1 part', '1 part']);
    await expect(el).to.be.accessible();
  });

  it('shows a user only the note where the backend lets administrators alone read the settings', async () => {
    const { backend, user } = await settingsWorld();
    const closed = wrapBackend(backend, (group, _method, call) =>
      group === 'settings' ? Promise.reject(new PermissionError('Only an administrator can do this.', { action: 'settings.get', code: 'permission.admin_only' })) : call(),
    );
    const el = await settingsElement(clientFor(closed, user.principal));
    await find(el, '[part~="view-only"]');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(part(el, 'status')).to.equal(null);
    expect(part(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const world = await settingsWorld();
    const failing = failingBackend(world.backend);
    const el = await settingsElement(clientFor(failing, world.admin.principal));
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'form[part~="form"]', 'the form after the retry');
    expect(tagsOf(departmentOf(el, 'Sales'))).to.deep.equal(['ACME', 'ACME-HELP']);
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const { admin } = await settingsWorld();
    const light = await loadedSettings(admin, { scheme: 'light' });
    const dark = await loadedSettings(admin, { scheme: 'dark' });
    const colour = (el: Element) => getComputedStyle($(el, '.base')!).backgroundColor;
    expect(colour(dark)).not.to.equal(colour(light));
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });
});
