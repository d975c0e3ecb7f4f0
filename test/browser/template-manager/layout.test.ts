import { expect } from '@open-wc/testing';
import type { SmsClient } from '../../../src/index.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $$, fitsCell, part, text } from '../manager-helpers.js';
import { loadedManager, rowOf } from './helpers.js';

let alice: SmsClient;
const shown = (node: Element) => getComputedStyle(node).display !== 'none';
const headers = (el: Element) => $$(el, 'table.entries thead th:not(.cell-actions)').filter(shown);

describe('<sms-template-manager>: at any width', () => {
  before(async () => {
    alice = await demoClient('alice');
  });

  it('shows every column at 1280 px, in rows of one height', async () => {
    const el = await loadedManager(alice, { width: 1280 });
    expect(headers(el).map(text)).to.deep.equal(['Name', 'Message', 'Parts']);
    expect(rowOf(el, 'Running late').slice(0, 3)).to.deep.equal(['Running late', 'Running about 15 minutes late, sorry! No merge fields', '1 part']);
    expect(new Set($$(el, 'tbody tr[data-row]').map((row) => row.getBoundingClientRect().height)).size).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('at 360 px: the name and the message on two lines, no sideways scrolling', async () => {
    const el = await loadedManager(alice, { width: 360 });
    expect(headers(el).map(text)).to.deep.equal(['Name', 'Message']);
    expect(rowOf(el, 'Running late')[1]).to.equal('Running about 15 minutes late, sorry!');
    expect(new Set($$(el, 'tbody tr[data-row]').map((row) => row.getBoundingClientRect().height)).size).to.equal(1);
    expect(headers(el).every(fitsCell)).to.equal(true);
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.equal(360);
    await expect(el).to.be.accessible();
  });
});
