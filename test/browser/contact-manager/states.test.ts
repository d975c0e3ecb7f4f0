import { expect } from '@open-wc/testing';
import { SmsContactManager } from '../../../components/index.js';
import { clientFor, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { stateLoaders } from '../../../stories/decorators/states.js';
import { failingBackend } from '../../../stories/decorators/backends.js';
import { $, $$, expectUnreachable, find, HOSTILE, part, parts, text } from '../manager-helpers.js';
import { contactManager, contactWorld, loadedManager, rowNames, rowOf, searchFor } from './helpers.js';

describe('<sms-contact-manager>: states, permissions and search', () => {
  it('is registered as SmsContactManager and says how to configure it without a client', async () => {
    expect(customElements.get('sms-contact-manager') === SmsContactManager).to.equal(true);
    const el = await contactManager(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the contacts load', async () => {
    const { backend, world } = await demoBackend();
    const el = await contactManager(clientFor(stalledBackend(backend), world.principals.admin));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'tbody')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an organisation with no contacts how to add some', async () => {
    const el = await contactManager((await stateLoaders.empty('admin')()).client, { country: 'AU' });
    expect(text(await find(el, '.status.empty'))).to.contain('No contacts yet.');
    expect(parts(el, 'add-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const world = await contactWorld();
    const failing = failingBackend(world.backend);
    const el = await contactManager(clientFor(failing, world.admin.principal), { country: 'AU' });
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the contacts after the retry');
  });

  it('shows an administrator the shared contacts with their labelled numbers in national form; markup as text', async () => {
    const { admin } = await contactWorld();
    const el = await loadedManager(admin);
    expect(rowNames(el)).to.deep.equal([HOSTILE, 'Bob Smith']);
    expect(rowOf(el, 'Bob Smith').slice(0, 2)).to.deep.equal(['Bob Smith Acme Plumbing', '0412 000 001 Mobile (02) 9876 5432 Work + 1 more']);
    expect(rowOf(el, HOSTILE)[1]).to.equal(`0412 000 002 ${HOSTILE.slice(0, 40)}`);
    expect($$(el, 'img')).to.have.length(0);
    expect(parts(el, 'edit-button')).to.have.length(2);
    expect(parts(el, 'remove-button')).to.have.length(2);
    expect(part(el, 'scope-filter')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a user the shared contacts read-only and their own to change, and keeps one kind on request', async () => {
    const { user } = await contactWorld();
    const el = await loadedManager(user);
    expect(text(part(el, 'view-only'))).to.contain('you can see and export them, not change them');
    expect(rowNames(el)).to.deep.equal([HOSTILE, 'Bob Smith', 'Mum']);
    expect(rowOf(el, 'Mum').slice(0, 3)).to.deep.equal(['Mum', '0412 000 004 Home', 'Personal']);
    expect(rowOf(el, 'Bob Smith')[2]).to.equal('Shared');
    expect(parts(el, 'edit-button').map(text)).to.deep.equal(['Mum']);
    expect(parts(el, 'remove-button')).to.have.length(1);
    await expect(el).to.be.accessible();
    const show = part<HTMLSelectElement>(el, 'scope-filter')!;
    show.value = 'personal';
    show.dispatchEvent(new Event('change'));
    await find(el, 'tbody tr[data-row]');
    await searchFor(el, '', ['Mum']);
    expect(el.show).to.equal('personal');
  });

  it('finds a contact by name, company, or a number in any form', async () => {
    const { admin } = await contactWorld();
    const el = await loadedManager(admin);
    for (const query of ['bob', 'plumbing', '0412 000 001', '+61 2 9876 5432', '(02) 9876-5432', '9876 54']) await searchFor(el, query, ['Bob Smith']);
    await searchFor(el, '0499 999 999', []);
    expect(text(part(el, 'status'))).to.equal('No contact matches your search.');
    await expect(el).to.be.accessible();
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const { admin } = await contactWorld();
    const light = await loadedManager(admin, { scheme: 'light' });
    const dark = await loadedManager(admin, { scheme: 'dark' });
    const colour = (el: Element) => getComputedStyle(part(el, 'entries')!).backgroundColor;
    expect(colour(dark)).not.to.equal(colour(light));
    await expect(dark).to.be.accessible();
  });
});
