import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { clientFor } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { $, editor } from './helpers.js';

// The segment counter the editor renders inside itself follows the editor's scheme, not the page's.
describe('<sms-campaign-editor>: its segment counter follows its scheme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const [scheme, page, surface] of [['dark', 'light', 'rgb(28, 31, 36)'], ['light', 'dark', 'rgb(255, 255, 255)']] as const) {
    it(`scheme="${scheme}" on a ${page} page`, async () => {
      await emulateMedia({ colorScheme: page });
      const demo = await demoBackend({ settings: { segmentsPerSecond: 2 } });
      const el = await editor(clientFor(demo.backend, demo.world.principals.alice), { scheme, campaignId: demo.world.campaigns.draft });
      const counter = $(el, 'sms-segment-counter')!;
      expect(getComputedStyle(counter.shadowRoot!.querySelector('.base')!).backgroundColor).to.equal(surface);
      expect(getComputedStyle(counter).colorScheme).to.equal(scheme);
      await expect(el).to.be.accessible();
    });
  }
});
