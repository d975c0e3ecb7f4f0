import { expect } from '@open-wc/testing';
import type { SmsClient } from '../../../src/index.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $$, fitsCell, part, text } from '../manager-helpers.js';
import { loadedManager, rowOf } from './helpers.js';

let admin: SmsClient;
const shown = (node: Element) => getComputedStyle(node).display !== 'none';
const headers = (el: Element) => $$(el, 'table.entries thead th:not(.cell-actions)').filter(shown);

describe('<sms-keyword-manager>: at any width', () => {
  before(async () => {
    admin = await demoClient('admin');
  });

  it('shows every column at 1280 px', async () => {
    const el = await loadedManager(admin, { width: 1280 });
    expect(headers(el).map(text)).to.deep.equal(['Keyword', 'Goes to', 'Auto-reply']);
    expect(rowOf(el, 'QUOTE')[1]).to.equal('Portal: Ben Carter Mobile: 0412 000 202');
    // The row window needs rows of one height, whatever each rule holds.
    expect(new Set($$(el, 'tbody tr[data-row]').map((row) => row.getBoundingClientRect().height)).size).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('at 360 px: the keyword and where it goes without labels, no sideways scrolling', async () => {
    const el = await loadedManager(admin, { width: 360 });
    expect(headers(el).map(text)).to.deep.equal(['Keyword', 'Goes to']);
    // Narrow, the places' labels leave and their values stay.
    expect(rowOf(el, 'QUOTE')[1]).to.equal('Ben Carter 0412 000 202');
    expect(headers(el).every(fitsCell)).to.equal(true);
    expect($$(el, '[part~="edit-button"]').every(fitsCell)).to.equal(true);
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    const add = part(el, 'add-button')!.getBoundingClientRect();
    const toolbar = part(el, 'toolbar')!.getBoundingClientRect();
    expect([Math.round(add.left - toolbar.left), Math.round(toolbar.right - add.right)]).to.deep.equal([0, 0]);
    expect(el.getBoundingClientRect().width).to.equal(360);
    await expect(el).to.be.accessible();
  });
});
