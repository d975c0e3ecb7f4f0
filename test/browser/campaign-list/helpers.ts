import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsCampaignList } from '../../../components/index.js';
import '../../../components/campaign-list/sms-campaign-list.js';
import type { SmsClient } from '../../../src/index.js';

/** A running campaign that keeps running through a test file: 2 parts a second for 240 recipients. */
export const SLOW = { settings: { segmentsPerSecond: 2 } } as const;

export function shadow(el: SmsCampaignList): ShadowRoot {
  return el.shadowRoot!;
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function items(el: SmsCampaignList): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[part="campaign"]')];
}

export function names(el: SmsCampaignList): string[] {
  return items(el).map((item) => text(item.querySelector('.campaign-name')));
}

export function item(el: SmsCampaignList, name: string): HTMLElement {
  const found = items(el).find((candidate) => text(candidate.querySelector('.campaign-name')) === name);
  if (!found) throw new Error(`No campaign named ${name} in ${names(el).join(', ')}`);
  return found;
}

export function actions(row: HTMLElement): string[] {
  return [...row.querySelectorAll<HTMLElement>('[data-action]')].map((button) => button.dataset.action!);
}

export function action(row: HTMLElement, name: string): HTMLButtonElement {
  const button = row.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
  if (!button) throw new Error(`No ${name} action`);
  return button;
}

export function dialog(el: SmsCampaignList): HTMLDialogElement | null {
  return shadow(el).querySelector('dialog[open]');
}

export async function waitForDialog(el: SmsCampaignList): Promise<HTMLDialogElement> {
  await waitUntil(() => dialog(el), 'the confirmation opens', { timeout: 5000 });
  return dialog(el)!;
}

export async function answer(el: SmsCampaignList, confirm: boolean): Promise<void> {
  const open = await waitForDialog(el);
  open.querySelector<HTMLButtonElement>(confirm ? '[part="dialog-confirm"]' : '[part="dialog-cancel"]')!.click();
  await el.updateComplete;
}

export async function ready(el: SmsCampaignList): Promise<void> {
  await waitUntil(() => !shadow(el).querySelector('.status.loading'), 'the campaigns load', { timeout: 10000 });
  await el.updateComplete;
}

export async function list(client: SmsClient, attributes: { status?: string; pageSize?: number; scheme?: 'light' | 'dark' } = {}): Promise<SmsCampaignList> {
  const el = await fixture<SmsCampaignList>(
    html`<sms-campaign-list .client=${client} status=${attributes.status ?? 'all'} page-size=${attributes.pageSize ?? 25} scheme=${ifDefined(attributes.scheme)}></sms-campaign-list>`,
  );
  await ready(el);
  return el;
}
