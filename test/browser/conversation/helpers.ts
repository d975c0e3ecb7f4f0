import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsConversation } from '../../../components/index.js';
import '../../../components/conversation/sms-conversation.js';
import { createDemoBackend, type DemoBackend } from '../../../adapters/demo/index.js';
import { createSmsClient, type SmsClient } from '../../../src/index.js';

/** Bob Smith's mobile: Alice's thread with him on the shared Sales line. */
export const BOB = '+61412345678';
/** A number that texted the Sales line and is in nobody's contacts. */
export const UNKNOWN = '+61456789012';

let demo: Promise<DemoBackend> | undefined;

/** The seeded demo backend, made once per test file (it takes a second or two). */
export function demo10k(): Promise<DemoBackend> {
  return (demo ??= createDemoBackend({ largeThread: 10_000, latencyMs: 20, resumeRunning: false }));
}

export async function demoClientFor(who: 'alice' | 'ben' | 'chloe' | 'dev' | 'admin'): Promise<SmsClient> {
  const { backend, world } = await demo10k();
  return createSmsClient({ backend, principal: world.principals[who] });
}

/** The id of the conversation between a sales-line user and `peer`. */
export async function salesThread(client: SmsClient, peer: string): Promise<string> {
  const { world } = await demo10k();
  return (await client.conversations.open({ channel: 'sms', peer, numberId: world.numbers.sales })).id;
}

export interface MountOptions {
  height?: number;
  width?: number;
  pageSize?: number;
  scheme?: 'light' | 'dark';
  lang?: string;
  noSound?: boolean;
}

/** A conversation element in a sized box; waits until it has loaded (unless `wait` is false). */
export async function mount(client: SmsClient | undefined, conversationId: string | undefined, options: MountOptions = {}, wait = true): Promise<SmsConversation> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${ifDefined(options.lang)} style="width: ${options.width ?? 640}px; height: ${options.height ?? 560}px; display: flex">
    <sms-conversation
      style="flex: 1; height: auto"
      .client=${client}
      conversation-id=${ifDefined(conversationId)}
      page-size=${ifDefined(options.pageSize)}
      scheme=${ifDefined(options.scheme)}
      ?no-sound=${options.noSound ?? true}
    ></sms-conversation>
  </div>`);
  const el = wrapper.querySelector('sms-conversation')!;
  if (wait && client && conversationId) await loaded(el);
  return el;
}

/** Waits until the thread (or an empty, error or deleted state) is shown and the composer is ready. */
export async function loaded(el: SmsConversation): Promise<void> {
  await waitUntil(() => {
    const root = el.shadowRoot!;
    if (root.querySelector('.status.error, .status.empty')) return true;
    const composer = root.querySelector('sms-composer');
    return root.querySelector('[part~="messages"]') !== null && composer?.shadowRoot?.querySelector('textarea, .cannot-send') != null;
  }, 'the conversation did not load', { timeout: 8000 });
  await frames(2);
}

export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends HTMLElement = HTMLElement>(el: Element, name: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function composerOf(el: SmsConversation): HTMLElementTagNameMap['sms-composer'] {
  return el.shadowRoot!.querySelector('sms-composer')!;
}

export function scroller(el: SmsConversation): HTMLElement {
  return part(el, 'messages')!;
}

/** The rendered message bubbles' texts, top to bottom. */
export function bodies(el: SmsConversation): string[] {
  return parts(el, 'body').map((body) => body.textContent ?? '');
}

export async function frames(count = 1): Promise<void> {
  for (let index = 0; index < count; index++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Distance from the bottom of the scroller, in pixels. */
export function fromBottom(el: SmsConversation): number {
  const box = scroller(el);
  return box.scrollHeight - box.scrollTop - box.clientHeight;
}

/** Makes the page look unattended (hidden or unfocused) or attended, for the notification and read tests. */
export function setAttended(attended: boolean): () => void {
  const original = document.hasFocus;
  document.hasFocus = () => attended;
  return () => {
    document.hasFocus = original;
  };
}
