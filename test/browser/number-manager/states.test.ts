import { expect } from '@open-wc/testing';
import { SmsNumberManager } from '../../../components/index.js';
import { clientFor, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { withoutNumbers } from '../../../stories/decorators/number-backends.js';
import { $, expectUnreachable, find, part, parts, text, type, until } from '../manager-helpers.js';
import { loadedManager, numberManager, numberWorld, rowNumbers, rowOf } from './helpers.js';

describe('<sms-number-manager>: states and permissions', () => {
  it('is registered as SmsNumberManager and says how to configure it without a client', async () => {
    expect(customElements.get('sms-number-manager') === SmsNumberManager).to.equal(true);
    const el = await numberManager(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the numbers load', async () => {
    const { backend, world } = await demoBackend();
    const el = await numberManager(clientFor(stalledBackend(backend), world.principals.admin));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'tbody')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an administrator with no numbers how to start, and a user with none whom to ask', async () => {
    const admin = await numberManager((await withoutNumbers('admin')).client, { country: 'AU' });
    expect(text(await find(admin, '.status.empty'))).to.equal('No SMS numbers yet. Add the numbers your carrier gave you, then assign them to extensions.');
    expect(parts(admin, 'add-button')).to.have.length(1);
    expect(part(admin, 'view-only')).to.equal(null);
    await expect(admin).to.be.accessible();
    const user = await numberManager((await withoutNumbers('user')).client, { country: 'AU' });
    expect(text(await find(user, '.status.empty'))).to.equal('No SMS number is assigned to your extension. Ask your administrator for one.');
    expect(part(user, 'add-button')).to.equal(null);
    expect(part(user, 'view-only')).to.exist;
    await expect(user).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const world = await numberWorld();
    const failing = failingBackend(world.backend);
    const el = await numberManager(clientFor(failing, world.admin.principal), { country: 'AU' });
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the numbers after the retry');
    // The extensions failed with the first load: the retry reads them again.
    expect(rowOf(el, '0480 000 901')[2]).to.equal('Group 101 Sam Shaw, 102 Kim Lee');
  });

  it('shows an administrator every number: national at home, international abroad, extensions by name, the group mark, replies', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    expect(rowNumbers(el)).to.deep.equal(['+44 20 7946 0958', '0480 000 900', '0480 000 901']);
    expect(rowOf(el, '0480 000 900').slice(0, 4)).to.deep.equal(['0480 000 900', 'Reception', '100 Reception', 'Portal']);
    expect(rowOf(el, '0480 000 901').slice(0, 3)).to.deep.equal(['0480 000 901', 'Sales', 'Group 101 Sam Shaw, 102 Kim Lee']);
    expect(rowOf(el, '+44 20 7946 0958')[2]).to.equal('No extension');
    expect(parts(el, 'group-badge')).to.have.length(1);
    expect(parts(el, 'edit-button')).to.have.length(3);
    expect(parts(el, 'remove-button')).to.have.length(3);
    expect(part(el, 'view-only')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('searches by a number in any form, or by label', async () => {
    const { admin } = await numberWorld();
    const el = await loadedManager(admin);
    const search = part<HTMLInputElement>(el, 'search')!;
    for (const [query, expected] of [['0480 000 901', ['0480 000 901']], ['+61 480 000 900', ['0480 000 900']], ['lond', ['+44 20 7946 0958']]] as const) {
      type(search, query);
      await until(() => rowNumbers(el).join() === expected.join(), `the numbers matching “${query}”`);
    }
    type(search, 'nothing like it');
    expect(text(await find(el, '.status.empty'))).to.equal('No number matches your search.');
    await expect(el).to.be.accessible();
  });

  it('shows a user only the numbers of their extension, read-only', async () => {
    const { user } = await numberWorld();
    const el = await loadedManager(user);
    expect(rowNumbers(el)).to.deep.equal(['0480 000 900']);
    expect(text($(el, '#numbers-title'))).to.equal('Your SMS numbers');
    expect(part(el, 'view-only')).to.exist;
    expect(part(el, 'add-button')).to.equal(null);
    expect(parts(el, 'edit-button')).to.have.length(0);
    expect(parts(el, 'remove-button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const { admin } = await numberWorld();
    const light = await loadedManager(admin, { scheme: 'light' });
    const dark = await loadedManager(admin, { scheme: 'dark' });
    const colour = (el: Element) => getComputedStyle(part(el, 'entries')!).backgroundColor;
    expect(colour(dark)).not.to.equal(colour(light));
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });
});
