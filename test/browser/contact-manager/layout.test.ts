import { expect } from '@open-wc/testing';
import { $$, find, fitsCell, part, text, toolbarRows, until } from '../manager-helpers.js';
import { contactWorld, loadedManager } from './helpers.js';

const shown = (node: Element) => getComputedStyle(node).display !== 'none';
const headers = (el: Element) => $$(el, 'table.entries thead th:not(.cell-actions)').filter(shown);

describe('<sms-contact-manager>: at any width', () => {
  it('at 1280 px a user sees who keeps each contact, in rows of one height', async () => {
    const { user } = await contactWorld();
    const el = await loadedManager(user, { width: 1280 });
    expect(headers(el).map(text)).to.deep.equal(['Name', 'Numbers', 'Kept by']);
    // The row window needs rows of one height, whatever each contact holds.
    expect(new Set($$(el, 'tbody tr[data-row]').map((row) => row.getBoundingClientRect().height)).size).to.equal(1);
  });

  it('at 360 px: the name and the labelled numbers, the toolbar in full rows, the form without sideways scrolling', async () => {
    const { user } = await contactWorld();
    const el = await loadedManager(user, { width: 360 });
    expect(headers(el).map(text)).to.deep.equal(['Name', 'Numbers']);
    expect(headers(el).every(fitsCell)).to.equal(true);
    const scroller = part(el, 'entries')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    const toolbar = toolbarRows(part(el, 'toolbar')!);
    for (const row of toolbar.rows) expect([Math.round(row.left - toolbar.left), Math.round(toolbar.right - row.right)]).to.deep.equal([0, 0]);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'add-button')!.click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]');
    await until(() => dialog.open, 'the form');
    dialog.querySelector<HTMLButtonElement>('[part~="add-number"]')!.click();
    await until(() => dialog.querySelectorAll('[part~="number-row"]').length === 2, 'two numbers');
    const form = dialog.querySelector<HTMLElement>('form') ?? dialog;
    expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
    expect(dialog.getBoundingClientRect().right).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
  });
});
