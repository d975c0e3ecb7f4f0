import { expect, fixture, html } from '@open-wc/testing';
import type { SmsCampaignList } from '../../../components/index.js';
import { emptyCounts, type Campaign, type CampaignCounts } from '../../../src/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { overrideCampaigns } from '../../../stories/decorators/campaign-backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { item, ready, SLOW, text } from './helpers.js';

/** The counts of a campaign as shown: label → number, in order. */
function shownCounts(row: HTMLElement): [string, number][] {
  return [...row.querySelectorAll('.count')].map((count) => [text(count.querySelector('dt')), Number(text(count.querySelector('dd')).replace(/\D/g, ''))]);
}

/** The demo's campaigns, with the counts of the issue: a completed one all delivered but a few, a running one mid-way. */
const COUNTS: Record<string, Partial<CampaignCounts>> = {
  'Winter sale': { total: 240, sent: 0, delivered: 232, failed: 6, blocked: 2 },
  'Flash sale today': { total: 240, delivered: 4, sent: 1, sending: 2, pending: 230, blocked: 3 },
};

describe('<sms-campaign-list>: counts', function () {
  this.timeout(20000);

  for (const width of ['360px', '1280px']) {
    it(`shows counts that add up to the total, "Sent, unconfirmed" never counting the delivered (${width})`, async () => {
      const demo = await demoBackend(SLOW);
      const backend = overrideCampaigns(demo.backend, {
        list: async (principal, query) => {
          const page = await demo.backend.campaigns.list(principal, query);
          const patch = (campaign: Campaign): Campaign => (COUNTS[campaign.name] ? { ...campaign, counts: { ...emptyCounts(), ...COUNTS[campaign.name] } } : campaign);
          return { ...page, items: page.items.map(patch) };
        },
      });
      const client = clientFor(backend, demo.world.principals.alice);
      const el = await fixture<SmsCampaignList>(html`<sms-campaign-list style="width: ${width}" .client=${client} status="all"></sms-campaign-list>`);
      await ready(el);
      const winter = shownCounts(item(el, 'Winter sale'));
      expect(winter).to.deep.equal([
        ['Total', 240], ['Delivered', 232], ['Sent, unconfirmed', 0], ['Failed', 6], ['Blocked', 2], ['Invalid', 0], ['Duplicate', 0],
      ]);
      const flash = shownCounts(item(el, 'Flash sale today'));
      expect(flash.map(([label]) => label)).to.deep.equal(['Total', 'Delivered', 'Sent, unconfirmed', 'Failed', 'Sending', 'Pending', 'Blocked', 'Invalid', 'Duplicate']);
      for (const [name, counts] of [['Winter sale', winter], ['Flash sale today', flash]] as const) {
        const [total, ...parts] = counts.map(([, value]) => value);
        expect(parts.reduce((sum, value) => sum + value, 0), `${name}: the parts add up to the total`).to.equal(total);
      }
      const row = item(el, 'Winter sale');
      expect(row.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      await expect(el).to.be.accessible();
    });
  }
});
