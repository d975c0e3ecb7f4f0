import { expect } from '@open-wc/testing';
import { SmsOrganisationManager } from '../../../components/index.js';
import { clientFor, failingBackend, stalledBackend, wrapBackend } from '../../../stories/decorators/backends.js';
import { organisationWorld, STORY_OPERATOR, withoutOrganisations } from '../../../stories/decorators/organisation-backends.js';
import { $, $$, expectUnreachable, find, HOSTILE, part, parts, text } from '../manager-helpers.js';
import { loadedManager, organisationManager, rowNames, rowOf } from './helpers.js';

describe('<sms-organisation-manager>: states and permissions', () => {
  it('is registered as SmsOrganisationManager and says how to configure it without a client', async () => {
    expect(customElements.get('sms-organisation-manager') === SmsOrganisationManager).to.equal(true);
    const el = await organisationManager(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the organisations load', async () => {
    const { backend } = await organisationWorld();
    const el = await organisationManager(clientFor(stalledBackend(backend), STORY_OPERATOR));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'tbody')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an operator with no organisation what to do', async () => {
    const el = await organisationManager((await withoutOrganisations()).client);
    expect(text(await find(el, '.status.empty'))).to.contain('No organisations yet.');
    expect(parts(el, 'add-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('tells administrators, users and an operator acting for support that only operators manage organisations, asking nothing', async () => {
    const { backend, admin, user } = await organisationWorld();
    const asked: string[] = [];
    const watched = wrapBackend(backend, (group, method, call) => (asked.push(`${group}.${method}`), call()));
    for (const principal of [admin.principal, user.principal, { ...STORY_OPERATOR, organisationId: 'globex' }]) {
      const el = await organisationManager(clientFor(watched, principal));
      expect(text(await find(el, '[part~="operators-only"]'))).to.contain('Only the hosting vendor’s operators can see and manage organisations.');
      expect(part(el, 'entries')).to.equal(null);
      expect(part(el, 'add-button')).to.equal(null);
      expect(part(el, 'status')).to.equal(null);
      expect($(el, '.header p'), 'no intro addressed to operators').to.equal(null);
      await expect(el).to.be.accessible();
    }
    expect(asked).to.deep.equal([]);
  });

  it('shows an error with a retry that recovers, usage included', async () => {
    const { backend } = await organisationWorld();
    const failing = failingBackend(backend);
    const el = await organisationManager(clientFor(failing, STORY_OPERATOR));
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the organisations after the retry');
    await el.updateComplete;
    expect(rowOf(el, 'Acme Corporation')[2]).to.equal('2');
  });

  it('shows every organisation with its status, this month’s usage and its caps; a name in markup as text', async () => {
    const { operator } = await organisationWorld({ name: HOSTILE });
    const el = await loadedManager(operator, { width: 1280 });
    await el.updateComplete;
    expect(rowNames(el)).to.deep.equal([HOSTILE, 'Acme Corporation', 'Globex Logistics']);
    expect(rowOf(el, 'Acme Corporation')).to.deep.equal(['Acme Corporation default', 'Active', '2', 'A$0.08', '10/s · 5,000/day']);
    expect(rowOf(el, 'Globex Logistics')).to.deep.equal(['Globex Logistics globex', 'Suspended', '0', '–', 'No caps']);
    expect(rowOf(el, HOSTILE)[4]).to.equal('200/day');
    expect(part(el, 'suspended-badge')!.title).to.match(/^Suspended since /);
    expect(text(rowButtonOf(el, 'Globex Logistics'))).to.equal('Resume');
    expect($$(el, 'img')).to.have.length(0);
    expect(parts(el, 'support-button')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const { operator } = await organisationWorld();
    const light = await loadedManager(operator, { scheme: 'light' });
    const dark = await loadedManager(operator, { scheme: 'dark' });
    const colour = (el: Element) => getComputedStyle(part(el, 'entries')!).backgroundColor;
    expect(colour(dark)).not.to.equal(colour(light));
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });
});

function rowButtonOf(el: Element, name: string): HTMLElement {
  return $$(el, 'tbody tr[data-row]').find((row) => text(row.querySelector('[part~="edit-button"]')) === name)!.querySelector<HTMLElement>('[part~="suspend-button"]')!;
}
