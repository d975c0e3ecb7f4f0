import { expect } from '@open-wc/testing';
import { SmsTemplateManager } from '../../../components/index.js';
import { clientFor, failingBackend, stalledBackend, wrapBackend } from '../../../stories/decorators/backends.js';
import { stateLoaders } from '../../../stories/decorators/states.js';
import { $, $$, expectForcedDark, expectUnreachable, find, HOSTILE, part, parts, text, type, until } from '../manager-helpers.js';
import { loadedManager, rowNames, rowOf, templateManager, templateWorld } from './helpers.js';

describe('<sms-template-manager>: states and permissions', () => {
  it('is registered as SmsTemplateManager and says how to configure it without a client', async () => {
    expect(customElements.get('sms-template-manager') === SmsTemplateManager).to.equal(true);
    const el = await templateManager(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the templates load, then an error with a retry that recovers', async () => {
    const world = await templateWorld();
    const stalled = await templateManager(clientFor(stalledBackend(world.backend), world.admin.principal));
    expect((await find(stalled, '.status.loading')).getAttribute('aria-busy')).to.equal('true');
    expect($(stalled, 'tbody')).to.equal(null);
    await expect(stalled).to.be.accessible();
    const failing = failingBackend(world.backend);
    const el = await templateManager(clientFor(failing, world.admin.principal));
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the templates after the retry');
  });

  it('shows an administrator with no templates what they are for', async () => {
    const el = await templateManager((await stateLoaders.empty('admin')()).client);
    expect(text(await find(el, '.status.empty'))).to.contain('No global templates yet.');
    expect(parts(el, 'add-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows an administrator the global templates: message, merge fields and parts; markup as text', async () => {
    const { admin } = await templateWorld();
    const el = await loadedManager(admin);
    expect(rowNames(el)).to.deep.equal([HOSTILE, 'Appointment reminder', 'Opening hours']);
    expect(rowOf(el, 'Appointment reminder').slice(0, 3)).to.deep.equal(['Appointment reminder', 'Hi {{first_name}}, see you on {{date}}. Fields: first_name, date', '1 part']);
    expect(rowOf(el, 'Opening hours').slice(1, 3)).to.deep.equal(['We are open 9 to 5, Monday to Friday. No merge fields', '1 part']);
    expect(rowOf(el, HOSTILE)[2]).to.equal('2 parts');
    expect($$(el, 'img, b')).to.have.length(0);
    expect(parts(el, 'global-badge')).to.have.length(0);
    expect(parts(el, 'remove-button')).to.have.length(3);
    await expect(el).to.be.accessible();
    type(part<HTMLInputElement>(el, 'search')!, 'monday');
    await until(() => rowNames(el).join() === 'Opening hours', 'the search by message');
    type(part<HTMLInputElement>(el, 'search')!, 'nothing like it');
    expect(text(await find(el, '.status.empty'))).to.equal('No template matches “nothing like it”.');
  });

  it('shows a user their own templates to change and the global ones to read, marked', async () => {
    const { user } = await templateWorld();
    const el = await loadedManager(user);
    expect(rowNames(el)).to.deep.equal([HOSTILE, 'Appointment reminder', 'Opening hours', 'Running late']);
    expect(rowOf(el, 'Opening hours')[0]).to.equal('Opening hours Global');
    expect(rowOf(el, 'Running late')[0]).to.equal('Running late');
    expect(parts(el, 'remove-button').map((button) => button.getAttribute('aria-label'))).to.deep.equal(['Remove Running late']);
    expect($(el, '[part~="edit-button"][aria-label="View Opening hours"]')).to.exist;
    expect($(el, '[part~="edit-button"][aria-label="Edit Running late"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('tells a hosting operator that templates belong to an organisation, and never asks the backend for them', async () => {
    const { backend } = await templateWorld();
    const asked: string[] = [];
    const watched = wrapBackend(backend, (group, method, call) => (asked.push(`${group}.${method}`), call()));
    const el = await templateManager(clientFor(watched, { userId: 'operator-1', role: 'operator' }));
    expect(text(await find(el, '[part~="view-only"]'))).to.contain('its administrators and users manage them');
    expect(part(el, 'entries')).to.equal(null);
    expect(asked).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const { admin } = await templateWorld();
    await expectForcedDark(await loadedManager(admin, { scheme: 'light' }), await loadedManager(admin, { scheme: 'dark' }));
  });
});
