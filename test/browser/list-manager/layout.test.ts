import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsListManager } from '../../../components/list-manager/list-manager.js';
import '../../../components/list-manager/sms-list-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { demoClient } from '../../../stories/decorators/demo.js';
import { $, $$, find, fitsCell, part, parts, placeholderFits, text, toolbarRows, until } from '../manager-helpers.js';

let alice: SmsClient;

/** A list manager `width` px wide (the breakpoint follows the element's own width, not the window's). */
async function manager(width: number): Promise<SmsListManager> {
  const el = await fixture<SmsListManager>(html`<sms-list-manager .client=${alice} default-country="AU" style="width: ${width}px"></sms-list-manager>`);
  await find(el, 'tbody tr[data-row]', 'the numbers of the first list');
  return el;
}

const shown = (node: Element | null) => node !== null && getComputedStyle(node).display !== 'none';
const focused = (el: SmsListManager) => el.shadowRoot!.activeElement;

/** The merge-field headers keep their whole name; the number column stays in place when the table scrolls. */
function expectReadableTable(el: SmsListManager): void {
  const headers = $$(el, 'table.entries thead th:not(.cell-actions)');
  expect(headers.map(text)).to.deep.equal(['Number', 'First name', 'Suburb']);
  expect(headers.filter((header) => !fitsCell(header)).map(text)).to.deep.equal([]);
  expect(headers.slice(1).every((header) => header.getBoundingClientRect().width >= 100)).to.equal(true);
  expect(getComputedStyle($(el, 'tbody tr[data-row="0"] th')!).position).to.equal('sticky');
  expect($$(el, 'tbody tr[data-row] th .link-button').slice(0, 5).every(fitsCell)).to.equal(true);
}

/** Every row of the toolbar runs edge to edge (no control left alone at the start of a row); the search shows its whole placeholder. */
function expectCleanToolbar(el: SmsListManager): void {
  const { left, right, rows } = toolbarRows($(el, '.listing-toolbar')!);
  expect(rows.map((row) => [Math.round(row.left - left), Math.round(right - row.right)])).to.deep.equal(rows.map(() => [0, 0]));
  expect(placeholderFits(part<HTMLInputElement>(el, 'entry-search')!)).to.equal(true);
}

describe('<sms-list-manager>: at any width', () => {
  before(async () => {
    alice = await demoClient('alice');
  });

  it('shows the lists and the open list side by side at 1280 px, the toolbar on one row', async () => {
    const el = await manager(1280);
    expect(shown(part(el, 'lists'))).to.equal(true);
    expect(shown(part(el, 'detail'))).to.equal(true);
    expect(shown(part(el, 'back-button'))).to.equal(false);
    expectReadableTable(el);
    expectCleanToolbar(el);
    expect(toolbarRows($(el, '.listing-toolbar')!).rows.map((row) => row.count)).to.deep.equal([4]);
    await expect(el).to.be.accessible();
  });

  it('stacks the panes at 360 px: the lists, then the open list with a way back, focus following (keyboard)', async () => {
    const el = await manager(360);
    // The lists first, though the first list is loaded behind them.
    expect(shown(part(el, 'lists'))).to.equal(true);
    expect(shown(part(el, 'detail'))).to.equal(false);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'list-item')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shown(part(el, 'detail')) && !shown(part(el, 'lists')), 'the open list to replace the lists');
    await until(() => focused(el) === $(el, '#detail-title'), 'focus on the list’s title');
    expect(text(part(el, 'back-button'))).to.equal('Back to the lists');
    expectReadableTable(el);
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth, 'the table scrolls sideways');
    expect(el.getBoundingClientRect().width).to.equal(360);
    expectCleanToolbar(el);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'back-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shown(part(el, 'lists')) && !shown(part(el, 'detail')), 'the lists again');
    await until(() => focused(el) === parts(el, 'list-item')[0], 'focus back on the list that was open');
    expect(part(el, 'list-item')!.getAttribute('aria-current')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('opens the list given by list-id at 360 px, and goes back to the lists with the pointer', async () => {
    const el = await fixture<SmsListManager>(
      html`<sms-list-manager .client=${alice} list-id=${(await alice.lists.list()).items[0]!.id} style="width: 360px"></sms-list-manager>`,
    );
    await find(el, 'tbody tr[data-row]');
    expect(shown(part(el, 'detail'))).to.equal(true);
    expect(shown(part(el, 'lists'))).to.equal(false);
    part<HTMLButtonElement>(el, 'back-button')!.click();
    await until(() => shown(part(el, 'lists')), 'the lists');
    part<HTMLButtonElement>(el, 'list-item')!.click();
    await until(() => shown(part(el, 'detail')), 'the list again');
    await expect(el).to.be.accessible();
  });

  it('follows its own width, not the window’s: side by side again once widened', async () => {
    const el = await manager(360);
    expect(shown(part(el, 'detail'))).to.equal(false);
    el.style.width = '1000px';
    await until(() => shown(part(el, 'detail')) && shown(part(el, 'lists')), 'both panes');
    expect(shown(part(el, 'back-button'))).to.equal(false);
  });
});
