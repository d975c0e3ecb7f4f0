import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { StateError } from '../../../src/index.js';
import { overrideCampaigns } from '../../../stories/decorators/campaign-backends.js';
import { action, answer, dialog, item, list, names, shadow, SLOW, text, waitForDialog } from './helpers.js';

/** A fresh demo organisation per test: the actions change it. */
let seed = 100;
async function fresh(): Promise<DemoBackend> {
  return demoBackend({ ...SLOW, seed: seed++ });
}

function alice(demo: DemoBackend) {
  return clientFor(demo.backend, demo.world.principals.alice);
}

describe('<sms-campaign-list> actions', () => {
  it('asks before starting a draft, with the recipients, parts and cost of the estimate', async () => {
    const demo = await fresh();
    const client = alice(demo);
    const estimate = await client.campaigns.estimate(demo.world.campaigns.draft);
    const el = await list(client);
    action(item(el, 'Spring launch (draft)'), 'start').click();
    const open = await waitForDialog(el);
    expect(text(open.querySelector('#confirm-title'))).to.equal('Start “Spring launch (draft)”?');
    const cost = `A$${(estimate.cost / 100).toFixed(2)}`;
    expect(text(open.querySelector('#confirm-message'))).to.equal(
      `It sends ${estimate.deliverable} messages now (${estimate.totalSegments} parts), for about ${cost}.`,
    );
    await expect(el).to.be.accessible();
    await answer(el, false);
    expect((await client.campaigns.get(demo.world.campaigns.draft)).status).to.equal('draft', 'cancel starts nothing');
    action(item(el, 'Spring launch (draft)'), 'start').click();
    await answer(el, true);
    await waitUntil(() => text(item(el, 'Spring launch (draft)').querySelector('[part="status-badge"]')) === 'Running', 'running after confirm');
    expect((await client.campaigns.get(demo.world.campaigns.draft)).status).to.be.oneOf(['running', 'completed']);
  });

  it('stops a running campaign after confirmation', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    action(item(el, 'Flash sale today'), 'stop').click();
    const open = await waitForDialog(el);
    expect(open.querySelector('[part="dialog-confirm"]')!.classList.contains('danger')).to.equal(true);
    await answer(el, true);
    await waitUntil(() => text(item(el, 'Flash sale today').querySelector('[part="status-badge"]')) === 'Stopped', 'stopped');
    expect(action(item(el, 'Flash sale today'), 'restart')).to.exist;
  });

  it('restarts a stopped campaign after confirmation', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    action(item(el, 'Stocktake notice'), 'restart').click();
    await answer(el, true);
    await waitUntil(() => text(item(el, 'Stocktake notice').querySelector('[part="status-badge"]')) === 'Running', 'running again');
  });

  it('unschedules a scheduled campaign (back to draft)', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    action(item(el, 'Christmas hours'), 'unschedule').click();
    await answer(el, true);
    await waitUntil(() => text(item(el, 'Christmas hours').querySelector('[part="status-badge"]')) === 'Draft', 'a draft again');
  });

  it('takes a campaign out of a status filter it no longer matches', async () => {
    const demo = await fresh();
    const el = await list(alice(demo), { status: 'scheduled' });
    action(item(el, 'Christmas hours'), 'unschedule').click();
    await answer(el, true);
    await waitUntil(() => names(el).length === 0, 'gone from the scheduled ones');
  });

  it('deletes a draft after confirmation and keeps the keyboard focus in the list', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    const button = action(item(el, 'Spring launch (draft)'), 'delete');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const open = await waitForDialog(el);
    expect(text(open.querySelector('#confirm-title'))).to.equal('Delete “Spring launch (draft)”?');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => dialog(el) === null, 'Escape cancels');
    expect(names(el)).to.include('Spring launch (draft)');
    button.click();
    await answer(el, true);
    await waitUntil(() => !names(el).includes('Spring launch (draft)'), 'deleted');
    await waitUntil(() => shadow(el).activeElement?.classList.contains('campaign-name'), 'focus on a neighbour');
    expect(text(shadow(el).activeElement)).to.equal('Stocktake notice');
  });

  it('duplicates a campaign as a new draft at the top', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    action(item(el, 'Winter sale'), 'duplicate').click();
    await waitUntil(() => names(el)[0] === 'Winter sale (copy)', 'the copy on top');
    expect(text(item(el, 'Winter sale (copy)').querySelector('[part="status-badge"]'))).to.equal('Draft');
    expect(dialog(el)).to.equal(null, 'duplicating asks nothing');
  });

  it('shows why an action failed next to the campaign (a StateError)', async () => {
    const demo = await fresh();
    const backend = overrideCampaigns(demo.backend, {
      stop: () => Promise.reject(new StateError('The campaign is completed.', { resource: 'campaign', state: 'completed' })),
    });
    const el = await list(clientFor(backend, demo.world.principals.alice));
    action(item(el, 'Flash sale today'), 'stop').click();
    await answer(el, true);
    await waitUntil(() => item(el, 'Flash sale today').querySelector('[part="action-error"]'), 'the error inline');
    const shown = item(el, 'Flash sale today').querySelector('[part="action-error"]')!;
    expect(shown.getAttribute('role')).to.equal('alert');
    expect(text(shown)).to.equal('This campaign is completed now, so this can no longer be done.');
    await expect(el).to.be.accessible();
  });

  it('moves the progress of a running campaign live', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    const bar = () => item(el, 'Flash sale today').querySelector('[role="progressbar"]')!;
    const before = Number(bar().getAttribute('aria-valuenow'));
    await waitUntil(() => Number(bar().getAttribute('aria-valuenow')) > before, 'the bar moves', { timeout: 10000 });
    expect(text(item(el, 'Flash sale today').querySelector('.progress-text'))).to.match(/^\d+ of 240 processed \(\d+%\)$/);
  });

  it('follows status changes made elsewhere, and announces them', async () => {
    const demo = await fresh();
    const el = await list(alice(demo));
    await alice(demo).campaigns.stop(demo.world.campaigns.running);
    await waitUntil(() => text(item(el, 'Flash sale today').querySelector('[part="status-badge"]')) === 'Stopped', 'the badge follows');
    const region = shadow(el).querySelector('[aria-live="polite"]')!;
    await waitUntil(() => text(region) === 'Flash sale today: Stopped', 'announced', { timeout: 3000 });
  });

  it('lets an administrator stop a user\'s running campaign', async () => {
    const demo = await fresh();
    const el = await list(clientFor(demo.backend, demo.world.principals.admin));
    action(item(el, 'Flash sale today'), 'stop').click();
    await answer(el, true);
    await waitUntil(() => text(item(el, 'Flash sale today').querySelector('[part="status-badge"]')) === 'Stopped', 'stopped by the admin');
  });
});
