import { expect, fixture, html } from '@open-wc/testing';
import type { SmsNumberManager } from '../../../components/number-manager/number-manager.js';
import '../../../components/number-manager/sms-number-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $$, find, fitsCell, part, placeholderFits, text } from '../manager-helpers.js';
import { rowOf } from './helpers.js';

let admin: SmsClient;

/** The demo's numbers `width` px wide (the columns and the toolbar follow the element's own width). */
async function manager(width: number): Promise<SmsNumberManager> {
  const el = await fixture<SmsNumberManager>(html`<sms-number-manager .client=${admin} default-country="AU" style="width: ${width}px"></sms-number-manager>`);
  await find(el, 'tbody tr[data-row]', 'the numbers');
  return el;
}

const shown = (node: Element) => getComputedStyle(node).display !== 'none';

/** The headers shown, each keeping its whole name; the numbers fit their cells too. */
function shownHeaders(el: SmsNumberManager): string[] {
  const headers = $$(el, 'table.entries thead th:not(.cell-actions)').filter(shown);
  expect(headers.filter((header) => !fitsCell(header)).map(text)).to.deep.equal([]);
  expect($$(el, 'tbody tr[data-row] th .link-button').every(fitsCell)).to.equal(true);
  return headers.map(text);
}

describe('<sms-number-manager>: at any width', () => {
  before(async () => {
    admin = await demoClient('admin');
  });

  it('shows every column and the toolbar on one row at 1280 px', async () => {
    const el = await manager(1280);
    // One row: the search, the checkbox and the button side by side, as high as the button.
    expect(part(el, 'toolbar')!.getBoundingClientRect().height).to.be.at.most(part(el, 'add-button')!.getBoundingClientRect().height + 1);
    expect(shownHeaders(el)).to.deep.equal(['Number', 'Label', 'Extensions', 'Replies go to']);
    expect(rowOf(el, '0480 000 101')[2]).to.equal('Group 201 Alice Nguyen, 202 Ben Carter');
    await expect(el).to.be.accessible();
  });

  it('at 360 px: the number and its extensions by number, no sideways scrolling, the search and "Add" edge to edge', async () => {
    const el = await manager(360);
    expect(shownHeaders(el)).to.deep.equal(['Number', 'Extensions']);
    expect(rowOf(el, '0480 000 101')[2]).to.equal('Group 201, 202');
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    const toolbar = part(el, 'toolbar')!.getBoundingClientRect();
    for (const name of ['search', 'add-button']) {
      const box = part(el, name)!.getBoundingClientRect();
      expect([Math.round(box.left - toolbar.left), Math.round(toolbar.right - box.right)], name).to.deep.equal([0, 0]);
    }
    expect(placeholderFits(part<HTMLInputElement>(el, 'search')!)).to.equal(true);
    expect(el.getBoundingClientRect().width).to.equal(360);
    await expect(el).to.be.accessible();
  });
});
