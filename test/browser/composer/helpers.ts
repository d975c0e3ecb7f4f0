import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsComposer } from '../../../components/index.js';
import '../../../components/composer/sms-composer.js';
import type { Conversation, SendCapabilities, SmsClient } from '../../../src/index.js';

export interface ComposerOptions {
  conversationId?: string;
  conversation?: Conversation;
  capabilities?: SendCapabilities;
  to?: string;
  /** The composer's width (its layout follows its own width). @default '560px' */
  width?: string;
  maxSegments?: number;
}

export async function composer(client: SmsClient | undefined, options: ComposerOptions = {}, wait = true): Promise<SmsComposer> {
  const el = await fixture<SmsComposer>(html`<sms-composer
    style="width: ${options.width ?? '560px'}"
    .client=${client}
    conversation-id=${ifDefined(options.conversationId)}
    .conversation=${options.conversation}
    .capabilities=${options.capabilities}
    to=${ifDefined(options.to)}
    max-segments=${ifDefined(options.maxSegments)}
  ></sms-composer>`);
  if (wait && client) await waitUntil(() => el.shadowRoot!.querySelector('textarea, [part~="cannot-send"], .status.error'), 'the composer did not load', { timeout: 8000 });
  return el;
}

export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function textarea(el: SmsComposer): HTMLTextAreaElement {
  return part<HTMLTextAreaElement>(el, 'textarea')!;
}

export async function type(el: SmsComposer, value: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: value });
}

