// Helpers shared by the list-manager and blocklist-manager browser tests: shadow-DOM queries, file input, download
// capture and waiting for the elements' asynchronous loads.
import { expect, waitUntil } from '@open-wc/testing';

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** The first element matching a selector in an element's shadow root. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return $<T>(el, `[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(el: Element, name: string): T[] {
  return $$<T>(el, `[part~="${name}"]`);
}

/** Text with white space collapsed. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits for something to appear in the shadow root; fails with `message`. */
export async function find<T extends Element = HTMLElement>(el: Element, selector: string, message = selector, timeout = 8000): Promise<T> {
  await waitUntil(() => $(el, selector) !== null, `waiting for ${message}`, { timeout });
  return $<T>(el, selector)!;
}

/** Waits until a predicate holds (element updates settle in between). */
export async function until(predicate: () => boolean, message: string, timeout = 8000): Promise<void> {
  await waitUntil(predicate, message, { timeout });
}

/** Types into an input as a user would (value + input event). */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Gives a file to the element's file input, as choosing it in the file dialog would. */
export function chooseFile(el: Element, name: string, content: string): void {
  const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Runs `action` and returns the file `downloadText` saved (name and text, without the BOM). */
export async function captureDownload(action: () => unknown, timeout = 15000): Promise<{ name: string; text: string; type: string }> {
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return 'blob:captured';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    await action();
    await waitUntil(() => blob !== undefined && name !== '', 'waiting for a download', { timeout });
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  const content = await blob!.text();
  return { name, text: content.replace(/^\ufeff/, ''), type: blob!.type };
}

/** Clicks the confirm dialog's confirm (true) or cancel (false) button. */
export async function answerConfirm(el: Element, yes: boolean): Promise<void> {
  const dialog = await find<HTMLDialogElement>(el, 'dialog[role="alertdialog"]', 'the confirmation dialog');
  await waitUntil(() => dialog.open, 'the confirmation to open');
  (dialog.querySelector<HTMLButtonElement>(yes ? '[part~="dialog-confirm"]' : '[part~="dialog-cancel"]'))!.click();
}

/** Waits for the error block of an unreachable backend (an alert with a retry) and checks it with axe. */
export async function expectUnreachable(el: Element): Promise<HTMLElement> {
  const error = await find(el, '.status.error', 'the error');
  expect(error.getAttribute('role')).to.equal('alert');
  expect(text(error)).to.contain('cannot be reached');
  expect(error.querySelector('[part~="retry-button"]')).to.exist;
  await expect(el).to.be.accessible();
  return error;
}

/** Whether a text input shows its whole placeholder (the text's width in the input's font fits its content box). */
export function placeholderFits(input: HTMLInputElement): boolean {
  const style = getComputedStyle(input);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  return context.measureText(input.placeholder).width <= room;
}

/**
 * The rows a toolbar's controls wrap into, each as the bounds of its first and last control, and how many it holds;
 * with the toolbar's own bounds.
 */
export function toolbarRows(toolbar: HTMLElement): { left: number; right: number; rows: { left: number; right: number; count: number }[] } {
  const controls = [...toolbar.querySelectorAll<HTMLElement>('input, select, button')].map((control) => control.getBoundingClientRect());
  const rows = new Map<number, { left: number; right: number; count: number }>();
  for (const box of controls) {
    const top = Math.round(box.top);
    const row = rows.get(top);
    rows.set(top, row ? { left: Math.min(row.left, box.left), right: Math.max(row.right, box.right), count: row.count + 1 } : { left: box.left, right: box.right, count: 1 });
  }
  const { left, right } = toolbar.getBoundingClientRect();
  return { left, right, rows: [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row) };
}

/** Whether a cell shows its whole text (no ellipsis, no clipping). */
export function fitsCell(cell: HTMLElement): boolean {
  return cell.scrollWidth <= cell.clientWidth + 1;
}

/** A manager forced dark next to the same one forced light: its table's background differs, it reads as dark, and it passes axe. */
export async function expectForcedDark(light: Element, dark: Element): Promise<void> {
  const colour = (el: Element) => getComputedStyle(part(el, 'entries')!).backgroundColor;
  expect(colour(dark)).not.to.equal(colour(light));
  expect(getComputedStyle(dark).colorScheme).to.equal('dark');
  await expect(dark).to.be.accessible();
}
