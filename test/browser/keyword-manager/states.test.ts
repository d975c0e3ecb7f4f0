import { expect } from '@open-wc/testing';
import { SmsKeywordManager } from '../../../components/index.js';
import { clientFor, failingBackend, stalledBackend, wrapBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { stateLoaders } from '../../../stories/decorators/states.js';
import { $, $$, expectUnreachable, find, HOSTILE, part, parts, text } from '../manager-helpers.js';
import { keywordManager, keywordWorld, loadedManager, rowKeywords, rowOf } from './helpers.js';

describe('<sms-keyword-manager>: states and permissions', () => {
  it('is registered as SmsKeywordManager and says how to configure it without a client', async () => {
    expect(customElements.get('sms-keyword-manager') === SmsKeywordManager).to.equal(true);
    const el = await keywordManager(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the keywords load', async () => {
    const { backend, world } = await demoBackend();
    const el = await keywordManager(clientFor(stalledBackend(backend), world.principals.admin));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'tbody')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an administrator with no keywords what they are for', async () => {
    const el = await keywordManager((await stateLoaders.empty('admin')()).client, { country: 'AU' });
    expect(text(await find(el, '.status.empty'))).to.contain('No keywords yet.');
    expect(parts(el, 'add-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('tells a user that only administrators manage keywords, and never asks the backend for them', async () => {
    const { backend, user } = await keywordWorld();
    const asked: string[] = [];
    const watched = wrapBackend(backend, (group, method, call) => (asked.push(`${group}.${method}`), call()));
    const el = await keywordManager(clientFor(watched, user.principal), { country: 'AU' });
    expect(text(await find(el, '[part~="view-only"]'))).to.equal('Only administrators can see and change the inbound keywords.');
    expect(part(el, 'entries')).to.equal(null);
    expect(part(el, 'add-button')).to.equal(null);
    expect(part(el, 'status')).to.equal(null);
    expect(asked).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const world = await keywordWorld();
    const failing = failingBackend(world.backend);
    const el = await keywordManager(clientFor(failing, world.admin.principal), { country: 'AU' });
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the keywords after the retry');
    // The people failed with the first load: the retry reads them again, to name them.
    expect(rowOf(el, 'PARKING')[1]).to.equal('Portal: Riley Brooks E-mail: facilities@example.com');
  });

  it('shows every rule: where it goes, its auto-reply with its parts, a mark when off; markup as text', async () => {
    const { admin } = await keywordWorld();
    const el = await loadedManager(admin);
    expect(rowKeywords(el)).to.deep.equal(['JOBS', 'PARKING', 'QUOTE']);
    expect(rowOf(el, 'PARKING').slice(0, 3)).to.deep.equal(['PARKING', 'Portal: Riley Brooks E-mail: facilities@example.com', 'Thanks, we are on it. 1 part']);
    expect(rowOf(el, 'QUOTE')[1]).to.equal('Mobile: 0412 345 678');
    expect(rowOf(el, 'QUOTE')[2]).to.match(/ 2 parts$/);
    expect(rowOf(el, 'JOBS').slice(0, 3)).to.deep.equal(['JOBS Off', `Portal: ${HOSTILE}`, 'No auto-reply']);
    expect($$(el, 'img')).to.have.length(0);
    expect(parts(el, 'off-badge')).to.have.length(1);
    expect(parts(el, 'remove-button')).to.have.length(3);
    expect(text($(el, '.header p'))).to.contain('People text “SHOP JOBS …” to 0481999.');
    await expect(el).to.be.accessible();
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const { admin } = await keywordWorld();
    const light = await loadedManager(admin, { scheme: 'light' });
    const dark = await loadedManager(admin, { scheme: 'dark' });
    const colour = (el: Element) => getComputedStyle(part(el, 'entries')!).backgroundColor;
    expect(colour(dark)).not.to.equal(colour(light));
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });
});
