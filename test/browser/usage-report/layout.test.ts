import { expect } from '@open-wc/testing';
import type { SmsClient } from '../../../src/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { createUsageHistory, monthsAgo } from '../../../stories/decorators/usage-backends.js';
import { $$, fitsCell, part } from '../manager-helpers.js';
import { headers, loadedReport, tableRows } from './helpers.js';

let admin: SmsClient;
const shownCells = (el: Element) => $$(el, '.usage-table :is(th, td)').filter((cell) => getComputedStyle(cell).display !== 'none');

describe('<sms-usage-report>: at any width', () => {
  before(async () => {
    const world = await createUsageHistory();
    admin = clientFor(world.backend, world.admin);
  });

  it('at 1280 px: the chart beside the table, every column', async () => {
    const el = await loadedReport(admin, { width: 1280 });
    expect(headers(el)).to.deep.equal(['Extension', 'Messages', 'Parts', 'Received', 'Cost']);
    const chart = part(el, 'chart')!.getBoundingClientRect();
    const table = part(el, 'table')!.getBoundingClientRect();
    expect(chart.right).to.be.at.most(table.left);
    expect(Math.round(chart.top)).to.equal(Math.round(table.top));
    expect(shownCells(el).every(fitsCell)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('at 1152 px: beside the chart the table has less room, so Received leaves it and names stay whole', async () => {
    const el = await loadedReport(admin, { width: 1152, range: 'custom', from: monthsAgo(5), to: monthsAgo(0), groupBy: 'month' });
    expect(headers(el)).to.deep.equal(['Month', 'Messages', 'Parts', 'Cost']);
    expect(shownCells(el).every(fitsCell)).to.equal(true);
  });

  it('at 360 px: the chart above the table, the group, messages and cost, totals two by two, no sideways scrolling', async () => {
    const el = await loadedReport(admin, { width: 360 });
    expect(el.getBoundingClientRect().width).to.equal(360);
    expect(headers(el)).to.deep.equal(['Extension', 'Messages', 'Cost']);
    expect(tableRows(el).at(-1)).to.deep.equal(['Total', '412', 'A$24.90']);
    expect(part(el, 'chart')!.getBoundingClientRect().bottom).to.be.at.most(part(el, 'table')!.getBoundingClientRect().top);
    const tiles = $$(el, '[part~="totals"] > div').map((tile) => Math.round(tile.getBoundingClientRect().top));
    expect(new Set(tiles).size).to.equal(2);
    const scroller = part(el, 'table')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    expect(shownCells(el).every(fitsCell)).to.equal(true);
    // The chart's labels and values stay inside the element.
    const { left, right } = el.getBoundingClientRect();
    for (const label of $$(el, '.bar-label, .bar-value')) {
      const box = label.getBoundingClientRect();
      expect(box.left).to.be.at.least(left - 1);
      expect(box.right).to.be.at.most(right + 1);
    }
    await expect(el).to.be.accessible();
  });
});
