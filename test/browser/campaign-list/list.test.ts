import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { registerTranslation, SmsCampaignEditEvent, SmsCampaignList } from '../../../components/index.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend, demoClient } from '../../../stories/decorators/demo.js';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import { fr } from '../../../translations/fr.js';
import { action, actions, item, items, list, names, ready, shadow, SLOW, text } from './helpers.js';

const ALICE_CAMPAIGNS = ['Flash sale today', 'Christmas hours', 'Spring launch (draft)', 'Stocktake notice', 'Winter sale'];

describe('<sms-campaign-list>', () => {
  let demo: DemoBackend;

  before(async () => {
    demo = await demoBackend(SLOW);
  });

  it('is registered as SmsCampaignList', () => {
    expect(customElements.get('sms-campaign-list')).to.equal(SmsCampaignList);
  });

  it('says how to configure it without a client', async () => {
    const el = await fixture<SmsCampaignList>(html`<sms-campaign-list></sms-campaign-list>`);
    expect(text(shadow(el).querySelector('[part="config-error"]'))).to.contain('client');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the campaigns load', async () => {
    const client = clientFor(stalledBackend(demo.backend), demo.world.principals.alice);
    const el = await fixture<SmsCampaignList>(html`<sms-campaign-list .client=${client}></sms-campaign-list>`);
    const status = shadow(el).querySelector('[part="status"]')!;
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows an empty state with "New campaign"', async () => {
    const empty = await createEmptyBackend();
    const el = await list(clientFor(empty.backend, empty.user));
    expect(text(shadow(el).querySelector('[part="status"]'))).to.equal('No campaigns yet.');
    expect(shadow(el).querySelector('[part="new-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lists the user\'s campaigns in every status, newest first, with their counts', async () => {
    const el = await list(await demoClient('alice', SLOW));
    expect(names(el)).to.deep.equal(ALICE_CAMPAIGNS);
    const badges = items(el).map((row) => text(row.querySelector('[part="status-badge"]')));
    expect(badges).to.deep.equal(['Running', 'Scheduled', 'Draft', 'Stopped', 'Completed']);
    const winter = item(el, 'Winter sale');
    const counts = Object.fromEntries(
      [...winter.querySelectorAll('.count')].map((count) => [text(count.querySelector('dt')), Number(text(count.querySelector('dd')).replace(/\D/g, ''))]),
    );
    expect(Object.keys(counts)).to.include.members(['Total', 'Sent, unconfirmed', 'Delivered', 'Failed', 'Blocked', 'Invalid', 'Duplicate']);
    expect(counts.Total).to.equal(240);
    expect(counts.Delivered! + counts.Failed! + counts.Blocked! + counts['Sent, unconfirmed']!).to.equal(240);
    const bar = winter.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('240');
    expect(bar.getAttribute('aria-valuemax')).to.equal('240');
    expect(bar.getAttribute('aria-label')).to.equal('Progress of Winter sale');
    expect(text(item(el, 'Christmas hours').querySelector('.estimate'))).to.match(/^About \d+ recipients, A\$\d+\.\d\d$/);
    await expect(el).to.be.accessible();
  });

  it('offers the actions each status allows', async () => {
    const el = await list(await demoClient('alice', SLOW));
    expect(actions(item(el, 'Spring launch (draft)'))).to.deep.equal(['edit', 'start', 'duplicate', 'delete']);
    expect(actions(item(el, 'Christmas hours'))).to.deep.equal(['edit', 'unschedule', 'duplicate']);
    expect(actions(item(el, 'Flash sale today'))).to.deep.equal(['stop', 'duplicate']);
    expect(actions(item(el, 'Stocktake notice'))).to.deep.equal(['restart', 'duplicate']);
    expect(actions(item(el, 'Winter sale'))).to.deep.equal(['duplicate']);
    const ben = await list(await demoClient('ben', SLOW), { status: 'failed' });
    expect(names(ben)).to.deep.equal(['Pop-up event']);
    expect(actions(item(ben, 'Pop-up event'))).to.deep.equal(['restart', 'duplicate']);
    expect(text(item(ben, 'Pop-up event').querySelector('.campaign-error'))).to.match(/^Failed: /);
  });

  it('filters by status with the tabs', async () => {
    const el = await list(await demoClient('alice', SLOW));
    shadow(el).querySelector<HTMLButtonElement>('#tab-draft')!.click();
    await waitUntil(() => names(el).join() === 'Spring launch (draft)', 'only the draft');
    expect(el.status).to.equal('draft');
    expect(el.getAttribute('status')).to.equal('draft');
    expect(shadow(el).querySelector('#tab-draft')!.getAttribute('aria-selected')).to.equal('true');
    expect(shadow(el).querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-draft');
    await expect(el).to.be.accessible();
  });

  it('moves through the status tabs with the arrow keys', async () => {
    const el = await list(await demoClient('alice', SLOW));
    shadow(el).querySelector<HTMLButtonElement>('#tab-all')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.status === 'scheduled', 'two tabs to the right');
    expect(shadow(el).activeElement?.id).to.equal('tab-scheduled');
    await ready(el);
    await waitUntil(() => names(el).join() === 'Christmas hours', 'only the scheduled one');
    await sendKeys({ press: 'End' });
    await waitUntil(() => el.status === 'failed', 'End goes to the last tab');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.status === 'all', 'Home goes back to All');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.status === 'failed', 'ArrowLeft wraps around');
  });

  it('searches by name as the user types', async () => {
    const el = await list(await demoClient('alice', SLOW));
    shadow(el).querySelector<HTMLInputElement>('[part="search"]')!.focus();
    await sendKeys({ type: 'stocktake' });
    await waitUntil(() => names(el).join() === 'Stocktake notice', 'the search result');
    await sendKeys({ type: 'zzz' });
    await waitUntil(() => text(shadow(el).querySelector('[part="status"]')) === 'No campaigns match.', 'nothing matches');
    await expect(el).to.be.accessible();
  });

  it('moves between campaigns with the arrow keys, Home and End', async () => {
    const el = await list(await demoClient('alice', SLOW));
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('.campaign-name')];
    buttons[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement).to.equal(buttons[1]);
    await sendKeys({ press: 'End' });
    expect(shadow(el).activeElement).to.equal(buttons[buttons.length - 1]);
    await sendKeys({ press: 'ArrowUp' });
    expect(shadow(el).activeElement).to.equal(buttons[buttons.length - 2]);
    await sendKeys({ press: 'Home' });
    expect(shadow(el).activeElement).to.equal(buttons[0]);
  });

  it('fires sms-campaign-edit for "Edit" and for "New campaign"', async () => {
    const el = await list(await demoClient('alice', SLOW));
    const edit = oneEvent(el, SmsCampaignEditEvent.eventName);
    action(item(el, 'Spring launch (draft)'), 'edit').click();
    const event = await edit;
    expect(event).to.be.instanceOf(SmsCampaignEditEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.campaignId).to.equal(demo.world.campaigns.draft);
    const create = oneEvent(el, 'sms-campaign-edit');
    shadow(el).querySelector<HTMLButtonElement>('[part="new-button"]')!.click();
    expect((await create).detail.campaignId).to.equal(null);
  });

  it('shows administrators every campaign, with stop only, and says so', async () => {
    const el = await list(await demoClient('admin', SLOW));
    expect(names(el)).to.include.members([...ALICE_CAMPAIGNS, 'Pop-up event']);
    expect(text(shadow(el).querySelector('[part="notice"]'))).to.contain('cannot start');
    expect(shadow(el).querySelector('[part="new-button"]')).to.equal(null);
    expect(actions(item(el, 'Flash sale today'))).to.deep.equal(['stop']);
    expect(actions(item(el, 'Christmas hours'))).to.deep.equal(['unschedule']);
    for (const name of ['Spring launch (draft)', 'Stocktake notice', 'Winter sale', 'Pop-up event']) expect(actions(item(el, name))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows a backend error with a retry that recovers', async () => {
    const failing = failingBackend(demo.backend);
    const el = await list(clientFor(failing, demo.world.principals.alice));
    const status = shadow(el).querySelector('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(text(status)).to.contain('cannot be reached');
    await expect(el).to.be.accessible();
    failing.recover();
    shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => items(el).length === ALICE_CAMPAIGNS.length, 'the campaigns after the retry');
  });

  it('pages with "Show more"', async () => {
    const el = await list(await demoClient('alice', SLOW), { pageSize: 2 });
    expect(names(el)).to.deep.equal(ALICE_CAMPAIGNS.slice(0, 2));
    shadow(el).querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
    await waitUntil(() => items(el).length === 4, 'the second page');
    shadow(el).querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
    await waitUntil(() => items(el).length === 5, 'the last page');
    expect(shadow(el).querySelector('[part="more-button"]')).to.equal(null);
    expect(names(el)).to.deep.equal(ALICE_CAMPAIGNS);
  });

  it('renders hostile campaign names and bodies as text', async () => {
    const empty = await createEmptyBackend();
    const client = clientFor(empty.backend, empty.user);
    const hostile = '<img src=x onerror="window.pwned=true"><b>bold</b>';
    await client.campaigns.create({ name: hostile, body: `<script>window.pwned=true</script>${hostile}` });
    const el = await list(client);
    await aTimeout(50);
    expect(names(el)).to.deep.equal([hostile]);
    expect(text(items(el)[0]!.querySelector('.body'))).to.equal(`<script>window.pwned=true</script>${hostile}`);
    expect(shadow(el).querySelector('img, b, script')).to.equal(null);
    expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark scheme', async () => {
    const el = await list(await demoClient('alice', SLOW), { scheme: 'dark' });
    expect(getComputedStyle(items(el)[0]!).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });

  describe('in French', () => {
    before(() => registerTranslation(fr));
    afterEach(() => (document.documentElement.lang = 'en'));

    it('translates its texts and formats numbers and money for the language', async () => {
      document.documentElement.lang = 'fr';
      const el = await list(await demoClient('alice', SLOW));
      expect(text(shadow(el).querySelector('#tab-all'))).to.equal('Toutes');
      expect(text(item(el, 'Winter sale').querySelector('[part="status-badge"]'))).to.equal('Terminée');
      expect(text(item(el, 'Winter sale').querySelector('.progress-text'))).to.equal('240 sur 240 traités (100 %)');
      expect(text(item(el, 'Christmas hours').querySelector('.estimate'))).to.match(/^Environ \d+ destinataires, \d+,\d\d\s\$AU$/);
      await expect(el).to.be.accessible();
    });
  });
});
