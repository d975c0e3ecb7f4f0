import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsInbox } from '../../../components/index.js';
import '../../../components/inbox/sms-inbox.js';
import type { LocalBackend, SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';

/** The empty backend's user number: inbound SMS to it land in the user's inbox. */
export const USER_NUMBER = '+61480000900';

let providerSeq = 0;

/** A fresh backend with one user and one number (no seeded history): tests that change data own their world. */
export async function smallWorld() {
  const { backend, user, admin, numberId } = await createEmptyBackend();
  const local = backend as LocalBackend;
  let last = 0;
  /** An SMS from `from` to the user's number, a millisecond after the previous one at least (distinct times order the list). */
  const inject = async (from: string, body: string): Promise<void> => {
    while (Date.now() <= last) await new Promise((resolve) => setTimeout(resolve, 1));
    last = Date.now();
    await local.inbound.sms({ providerId: `test-${++providerSeq}`, from, to: USER_NUMBER, body, receivedAt: new Date(last).toISOString() });
    await local.idle();
  };
  return { backend: local, numberId, user: clientFor(backend, user), admin: clientFor(backend, admin), inject };
}

export interface InboxOptions {
  layout?: 'list' | 'split';
  filter?: string;
  numberId?: string;
  selectedId?: string;
  pageSize?: number;
  defaultCountry?: string;
  scheme?: 'light' | 'dark';
  width?: number;
}

/** An inbox on `client`, its first page loaded. */
export async function inboxFor(client: SmsClient | undefined, options: InboxOptions = {}): Promise<SmsInbox> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${options.width ?? 900}px; height: 600px">
    <sms-inbox
      style="height: 100%"
      .client=${client}
      layout=${ifDefined(options.layout)}
      filter=${ifDefined(options.filter)}
      number-id=${ifDefined(options.numberId)}
      selected-id=${ifDefined(options.selectedId)}
      page-size=${ifDefined(options.pageSize)}
      default-country=${ifDefined(options.defaultCountry)}
      scheme=${ifDefined(options.scheme)}
    ></sms-inbox>
  </div>`);
  const el = wrapper.querySelector('sms-inbox')!;
  if (client) await settled(el);
  return el;
}

/** Waits until the list is neither loading nor refreshing. */
export async function settled(el: SmsInbox): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('.status.loading') === null, 'the list loaded', { timeout: 8000 });
  await el.updateComplete;
}

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(el: Element, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The rows of the list, each as its title, preview, unread count and the row element. */
export function rows(el: SmsInbox) {
  return parts(el, 'item').map((row) => ({
    row,
    id: row.dataset.id!,
    title: text(row.querySelector('[part~="item-title"]')),
    preview: text(row.querySelector('[part~="item-preview"]')),
    unread: text(row.querySelector('[part~="unread-badge"] [aria-hidden]')),
  }));
}

export function titles(el: SmsInbox): string[] {
  return rows(el).map((row) => row.title);
}

/** The polite live region of an element. */
export function liveRegion(el: Element): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="status"][aria-live="polite"].sms-visually-hidden')!;
}

/** The element focused inside a shadow root, through nested roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
