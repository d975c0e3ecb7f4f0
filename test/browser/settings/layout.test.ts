import { expect } from '@open-wc/testing';
import type { SmsClient } from '../../../src/index.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $, $$, part } from '../manager-helpers.js';
import { loadedSettings } from './helpers.js';

let admin: SmsClient;
const tops = (nodes: Element[]) => new Set(nodes.map((node) => Math.round(node.getBoundingClientRect().top))).size;

describe('<sms-settings>: at any width', () => {
  before(async () => {
    admin = await demoClient('admin');
  });

  it('at 1280 px: the answers side by side, the cost on one row', async () => {
    const el = await loadedSettings(admin, { width: 1280 });
    expect(tops($$(el, '.answers > .field'))).to.equal(1);
    expect(tops($$(el, '.cost > .field'))).to.equal(1);
    await expect(el).to.be.accessible();
  });

  for (const width of [320, 360]) {
    it(`at ${width} px: one field under another, nothing wider than the element`, async () => {
      const el = await loadedSettings(admin, { width });
      expect(tops($$(el, '.answers > .field'))).to.equal(3);
      const right = el.getBoundingClientRect().right;
      const controls = $$(el, 'input, select, textarea, button, legend');
      expect(controls.filter((control) => control.getBoundingClientRect().right > right + 0.5).map((control) => control.id || control.getAttribute('part'))).to.deep.equal([]);
      expect($(el, '.base')!.scrollWidth).to.be.at.most($(el, '.base')!.clientWidth + 1);
      // The save button spans the bar.
      const bar = part(el, 'actions')!.getBoundingClientRect();
      const button = part(el, 'save-button')!.getBoundingClientRect();
      expect(Math.round(bar.right - button.right)).to.equal(0);
      expect(el.getBoundingClientRect().width).to.equal(width);
      await expect(el).to.be.accessible();
    });
  }
});
