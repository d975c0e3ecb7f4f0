import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsCampaignEditor } from '../../../components/index.js';
import '../../../components/campaign-editor/sms-campaign-editor.js';
import type { SmsClient } from '../../../src/index.js';

export function $(el: SmsCampaignEditor, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(el: SmsCampaignEditor, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function input(el: SmsCampaignEditor, selector: string): HTMLInputElement {
  const found = $(el, selector) as HTMLInputElement | null;
  if (!found) throw new Error(`No ${selector}`);
  return found;
}

/** Types a value as a person would end up with it: sets it and fires `input`. */
export async function fill(el: SmsCampaignEditor, selector: string, value: string): Promise<void> {
  const field = input(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function choose(el: SmsCampaignEditor, selector: string, value: string): Promise<void> {
  const select = $(el, selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function check(el: SmsCampaignEditor, selector: string): Promise<void> {
  const radio = input(el, selector);
  radio.click();
  await el.updateComplete;
}

export function click(el: SmsCampaignEditor, part: string): void {
  const button = $(el, `[part~="${part}"]`) as HTMLButtonElement | null;
  if (!button) throw new Error(`No ${part}`);
  button.click();
}

export function issue(el: SmsCampaignEditor, field: string): string {
  return text($(el, `#${field}-issue`));
}

export function dialog(el: SmsCampaignEditor): HTMLDialogElement | null {
  return el.shadowRoot!.querySelector('dialog[open]');
}

export async function answer(el: SmsCampaignEditor, confirm: boolean): Promise<HTMLDialogElement> {
  await waitUntil(() => dialog(el), 'the confirmation opens', { timeout: 8000 });
  const open = dialog(el)!;
  open.querySelector<HTMLButtonElement>(confirm ? '[part="dialog-confirm"]' : '[part="dialog-cancel"]')!.click();
  await el.updateComplete;
  return open;
}

export async function ready(el: SmsCampaignEditor): Promise<void> {
  await waitUntil(() => !$(el, '.status.loading'), 'the editor loads', { timeout: 10000 });
  await el.updateComplete;
}

export async function editor(
  client: SmsClient | undefined,
  options: { campaignId?: string; scheme?: 'light' | 'dark'; width?: string } = {},
): Promise<SmsCampaignEditor> {
  const el = await fixture<SmsCampaignEditor>(
    html`<sms-campaign-editor
      style=${ifDefined(options.width && `width: ${options.width}`)}
      .client=${client}
      campaign-id=${ifDefined(options.campaignId)}
      scheme=${ifDefined(options.scheme)}
    ></sms-campaign-editor>`,
  );
  if (client) await ready(el);
  return el;
}

/** Drops a file on the editor's file input, as choosing it does. */
export async function upload(el: SmsCampaignEditor, name: string, contents: string): Promise<void> {
  const fileInput = input(el, '.drop-zone input[type="file"]');
  const transfer = new DataTransfer();
  transfer.items.add(new File([contents], name, { type: 'text/csv' }));
  fileInput.files = transfer.files;
  fileInput.dispatchEvent(new Event('change', { bubbles: true }));
}

export async function report(el: SmsCampaignEditor): Promise<HTMLElement> {
  await waitUntil(() => $(el, '[part="file-report"]'), 'the file report', { timeout: 20000 });
  return $(el, '[part="file-report"]')!;
}
