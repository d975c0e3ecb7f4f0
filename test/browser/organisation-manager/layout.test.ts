import { expect } from '@open-wc/testing';
import type { SmsClient } from '../../../src/index.js';
import { organisationWorld } from '../../../stories/decorators/organisation-backends.js';
import { $$, fitsCell, part, text, toolbarRows } from '../manager-helpers.js';
import { loadedManager, rowOf } from './helpers.js';

let operator: SmsClient;
const shown = (node: Element) => getComputedStyle(node).display !== 'none';
const headers = (el: Element) => $$(el, 'table.entries thead th:not(.cell-actions)').filter(shown);

describe('<sms-organisation-manager>: at any width', () => {
  before(async () => {
    ({ operator } = await organisationWorld());
  });

  it('shows every column and the actions with their words at 1280 px', async () => {
    const el = await loadedManager(operator, { width: 1280 });
    expect(headers(el).map(text)).to.deep.equal(['Organisation', 'Status', 'Messages this month', 'Cost this month', 'Caps']);
    expect($$(el, '[part~="support-button"] .action-label').every(shown)).to.equal(true);
    expect(new Set($$(el, 'tbody tr[data-row]').map((row) => row.getBoundingClientRect().height)).size).to.equal(1);
    expect([...headers(el), ...$$(el, '.row-actions')].every(fitsCell)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('at 360 px: the name with the suspended mark under it, the actions as icons, no sideways scrolling', async () => {
    const el = await loadedManager(operator, { width: 360 });
    expect(headers(el).map(text)).to.deep.equal(['Organisation']);
    expect(rowOf(el, 'Globex Logistics')[0]).to.equal('Globex Logistics globex Suspended');
    expect(rowOf(el, 'Acme Corporation')[0]).to.equal('Acme Corporation default');
    expect($$(el, '.action-label').some(shown)).to.equal(false);
    expect([...headers(el), ...$$(el, '[part~="edit-button"]'), ...$$(el, '.row-actions')].every(fitsCell)).to.equal(true);
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    const { left, right, rows } = toolbarRows(part(el, 'toolbar')!);
    // The search on a row of its own, the filter, then "Create an organisation" on its own: edge to edge.
    expect(rows.map((row) => [row.count, Math.round(row.left - left), Math.round(right - row.right)])).to.deep.equal([[1, 0, 0], [1, 0, 0], [1, 0, 0]]);
    expect(el.getBoundingClientRect().width).to.equal(360);
    await expect(el).to.be.accessible();
  });
});
