import { expect } from '@open-wc/testing';
import { registerTranslation, SmsBlocklistManager } from '../../../components/index.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend, demoClient } from '../../../stories/decorators/demo.js';
import { fr } from '../../../translations/fr.js';
import { $, expectUnreachable, find, part, parts, text, until } from '../manager-helpers.js';
import { ADMIN_NAME, blocklistManager, blocklistWorld, loadedManager, mobile, rowCells, rowNumbers } from './helpers.js';

/** The demo's blocklist: a number added by hand (line 3 of the customers), one imported (7) and an opt-out (5). */
const MANUAL = '+61 410 000 003';
const IMPORTED = '+61 410 000 007';
const OPTED_OUT = '+61 410 000 005';

let admin: SmsClient;
let alice: SmsClient;

describe('<sms-blocklist-manager>: states and permissions', () => {
  before(async () => {
    admin = await demoClient('admin');
    alice = await demoClient('alice');
  });

  it('is registered as SmsBlocklistManager', () => {
    expect(customElements.get('sms-blocklist-manager') === SmsBlocklistManager).to.equal(true);
  });

  it('says how to configure it without a client', async () => {
    const el = await blocklistManager(undefined);
    const message = part(el, 'config-error')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.contain('client');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the blocklist loads', async () => {
    const { backend, world } = await demoBackend();
    const el = await blocklistManager(clientFor(stalledBackend(backend), world.principals.admin));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.equal('Loading…');
    expect($(el, 'tbody')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an empty blocklist to an administrator, with the ways to fill it', async () => {
    const empty = await createEmptyBackend();
    const el = await blocklistManager(clientFor(empty.backend, empty.admin));
    const status = await find(el, '.status.empty');
    expect(text(status)).to.equal('The blocklist is empty. Numbers that reply STOP are added automatically.');
    expect(parts(el, 'add-button')).to.have.length(1);
    expect(parts(el, 'import-button-open')).to.have.length(1);
    expect(part(el, 'view-only')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an empty blocklist to a user, read-only', async () => {
    const empty = await createEmptyBackend();
    const el = await blocklistManager(clientFor(empty.backend, empty.user));
    await find(el, '.status.empty');
    expect(text(part(el, 'view-only'))).to.equal('Only administrators can add, remove or import numbers. You can search and export the blocklist.');
    expect(part(el, 'add-button')).to.equal(null);
    expect(part(el, 'import-button-open')).to.equal(null);
    expect(parts(el, 'export-button')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers, with the names of who added each number', async () => {
    const world = await blocklistWorld();
    await world.admin.blocklist.add({ e164: mobile(1), reason: 'Asked by phone' });
    const failing = failingBackend(world.backend);
    // Another administrator looks: the number was added by someone else, named in the directory.
    await world.admin.directory.createUser({ id: 'second-admin', name: 'Sam Second', role: 'admin' });
    const el = await blocklistManager(clientFor(failing, { userId: 'second-admin', role: 'admin' }));
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, 'tbody tr[data-row]', 'the numbers after the retry');
    expect(rowNumbers(el)).to.deep.equal(['+61 410 000 001']);
    // The names failed with the first load: the retry reads them again.
    await until(() => rowCells(el, 0)[3] === ADMIN_NAME, 'the name of who added it');
  });

  it('shows the populated blocklist to an administrator, with every action', async () => {
    const el = await loadedManager(admin);
    expect(rowNumbers(el)).to.include.members([MANUAL, IMPORTED, OPTED_OUT]);
    expect(parts(el, 'add-button')).to.have.length(1);
    expect(parts(el, 'import-button-open')).to.have.length(1);
    expect(parts(el, 'remove-button').length).to.equal(rowNumbers(el).length);
    expect(part(el, 'view-only')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('never shows an id under "Added by": "You", or "An administrator" for one the directory has no name for', async () => {
    // An organisation's first administrator is stored from its principal, with its id as its name until someone names them.
    const empty = await createEmptyBackend();
    const nameless = clientFor(empty.backend, empty.admin);
    expect((await nameless.directory.me()).name).to.equal(empty.admin.userId);
    await nameless.blocklist.add({ e164: '+61410000003', reason: 'Asked by phone' });
    await nameless.blocklist.import({ entries: [{ e164: '+61410000007', line: 2 }] });
    const addedBy = (el: Element, number: string) => rowCells(el, rowNumbers(el).indexOf(number))[3];
    const own = await loadedManager(nameless);
    expect([addedBy(own, MANUAL), addedBy(own, IMPORTED)]).to.deep.equal(['You', 'You']);
    await expect(own).to.be.accessible();
    const user = await loadedManager(clientFor(empty.backend, empty.user));
    expect([addedBy(user, MANUAL), addedBy(user, IMPORTED)]).to.deep.equal(['An administrator', 'An administrator']);
    $<HTMLButtonElement>(user, `tbody .link-button[aria-label="Details of ${MANUAL}"]`)!.click();
    const details = await find(user, '[part~="details"]');
    expect(text(details)).to.contain('An administrator').and.not.to.contain(empty.admin.userId);
    await expect(user).to.be.accessible();
  });

  it('names the demo\'s administrator under "Added by"', async () => {
    const el = await loadedManager(alice);
    expect(rowCells(el, rowNumbers(el).indexOf(MANUAL))[3]).to.equal('Morgan Lee');
  });

  it('shows a user the same blocklist read-only: search and export, no add, remove, import or history', async () => {
    const el = await loadedManager(alice);
    expect(rowNumbers(el)).to.include.members([MANUAL, IMPORTED, OPTED_OUT]);
    expect(part(el, 'view-only')).to.exist;
    expect(part(el, 'add-button')).to.equal(null);
    expect(part(el, 'import-button-open')).to.equal(null);
    expect(parts(el, 'remove-button')).to.have.length(0);
    expect(parts(el, 'search')).to.have.length(1);
    expect(parts(el, 'export-button')).to.have.length(1);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, `tbody .link-button[aria-label="Details of ${OPTED_OUT}"]`)!.click();
    const details = await find(el, '[part~="details"]');
    expect(text(details)).to.contain('Only administrators can see the history.');
    expect(details.querySelector('[part~="history"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an administrator the history of a number', async () => {
    const el = await loadedManager(admin);
    $<HTMLButtonElement>(el, `tbody .link-button[aria-label="Details of ${OPTED_OUT}"]`)!.click();
    const history = await find(el, '[part~="history"]', 'the history');
    const first = history.querySelector('.history-item')!;
    expect(text(first.querySelector('strong'))).to.equal('Blocked');
    expect(text(first.querySelector('.badge'))).to.equal('Opt-out reply');
    expect(text(first)).to.contain('by Automatic');
    expect(text(first.querySelector('blockquote'))).to.equal('STOP');
    await expect(el).to.be.accessible();
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const light = await loadedManager(admin, { scheme: 'light' });
    const dark = await loadedManager(admin, { scheme: 'dark' });
    const colour = (el: Element) => getComputedStyle(part(el, 'entries')!).backgroundColor;
    expect(colour(dark)).not.to.equal(colour(light));
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });

  it('speaks French when a French translation is registered', async () => {
    registerTranslation(fr);
    const el = await loadedManager(admin, { lang: 'fr' });
    expect(text($(el, '#blocklist-title'))).to.equal('Liste de blocage');
    expect(part<HTMLInputElement>(el, 'search')!.placeholder).to.equal('Rechercher des numéros, motifs et messages');
    await expect(el).to.be.accessible();
    const missing = await blocklistManager(undefined, { lang: 'fr' });
    expect(text(part(missing, 'config-error'))).to.contain('client SMS');
  });
});
