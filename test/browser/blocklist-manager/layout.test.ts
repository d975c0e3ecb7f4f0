import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsBlocklistManager } from '../../../components/blocklist-manager/blocklist-manager.js';
import '../../../components/blocklist-manager/sms-blocklist-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $, $$, find, fitsCell, part, placeholderFits, text, toolbarRows, until } from '../manager-helpers.js';

let admin: SmsClient;

/** The demo's blocklist `width` px wide (the columns and the toolbar follow the element's own width). */
async function manager(width: number): Promise<SmsBlocklistManager> {
  const el = await fixture<SmsBlocklistManager>(html`<sms-blocklist-manager .client=${admin} default-country="AU" style="width: ${width}px"></sms-blocklist-manager>`);
  await find(el, 'tbody tr[data-row]', 'the blocked numbers');
  return el;
}

const shown = (node: Element) => getComputedStyle(node).display !== 'none';

/** Every row of the toolbar runs edge to edge; the search shows its whole placeholder. Returns the controls per row. */
function expectCleanToolbar(el: SmsBlocklistManager): number[] {
  const { left, right, rows } = toolbarRows(part(el, 'toolbar')!);
  expect(rows.map((row) => [Math.round(row.left - left), Math.round(right - row.right)])).to.deep.equal(rows.map(() => [0, 0]));
  expect(placeholderFits(part<HTMLInputElement>(el, 'search')!)).to.equal(true);
  return rows.map((row) => row.count);
}

/** The headers shown keep their whole name, and so do the numbers. */
function shownHeaders(el: SmsBlocklistManager): string[] {
  const headers = $$(el, 'table.entries thead th:not(.cell-actions)').filter(shown);
  expect(headers.filter((header) => !fitsCell(header)).map(text)).to.deep.equal([]);
  expect($$(el, 'tbody tr[data-row] th .link-button').every(fitsCell)).to.equal(true);
  return headers.map(text);
}

describe('<sms-blocklist-manager>: at any width', () => {
  before(async () => {
    admin = await demoClient('admin');
  });

  it('shows every column and the toolbar on one row at 1280 px', async () => {
    const el = await manager(1280);
    expect(expectCleanToolbar(el)).to.deep.equal([5]);
    expect(shownHeaders(el)).to.deep.equal(['Number', 'Source', 'Reason', 'Added by', 'Added', 'Opt-out message']);
    await expect(el).to.be.accessible();
  });

  it('at 360 px: the search on its own row, the other controls two by two, the number and its source (keyboard to the details)', async () => {
    const el = await manager(360);
    expect(expectCleanToolbar(el)).to.deep.equal([1, 2, 2]);
    expect(shownHeaders(el)).to.deep.equal(['Number', 'Source']);
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1, 'no sideways scrolling: the details show the rest');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'tbody tr[data-row="0"] .link-button')!.focus();
    await sendKeys({ press: 'Enter' });
    const details = await find(el, '[part~="details"]', 'the details');
    await until(() => el.shadowRoot!.activeElement === part(el, 'details-close'), 'focus in the details');
    expect(details.getBoundingClientRect().width).to.be.at.most(360);
    expect(text(details)).to.contain('Replied with an opt-out keyword');
    await expect(el).to.be.accessible();
  });
});
