import { html, nothing, type TemplateResult } from 'lit';
import type { Message, MessageStatus } from '../../src/model/message.js';
import type { LocalizeController } from '../internal/localize.js';
import type { ConversationTerms } from './conversation.terms.js';

export interface MessageView {
  localize: LocalizeController<ConversationTerms>;
  /** Who the peer is, for the spoken "Bob Smith:" before their messages. */
  peer: string;
  /** The reader's user id: in a chat, their own messages are the ones they sent. */
  me: string | undefined;
  /** The name of a colleague who sent an SMS on the shared number, once known (the reader's own get none). */
  colleague: (senderId: string) => string | undefined;
  /** The message is on another channel than the one before it (or than the conversation): it says which. */
  showChannel: boolean;
  /** A retry or cancel is running. */
  busy: boolean;
  /** Why the last retry or cancel failed. */
  error: string | undefined;
  onRetry: (message: Message) => void;
  onCancel: (message: Message) => void;
}

const STATUS_TERMS: Partial<Record<MessageStatus, keyof ConversationTerms>> = {
  queued: 'deliveryQueued',
  sending: 'deliverySending',
  sent: 'deliverySent',
  delivered: 'deliveryDelivered',
  undelivered: 'deliveryUndelivered',
  failed: 'deliveryFailed',
  canceled: 'deliveryCanceled',
  unknown: 'deliveryUnknown',
};

function statusText(message: Message, localize: MessageView['localize']): string {
  if (message.status === 'scheduled') {
    return localize.term('deliveryScheduled', localize.date(message.sendAt ?? message.createdAt, { dateStyle: 'medium', timeStyle: 'short' }));
  }
  const key = STATUS_TERMS[message.status];
  return key ? localize.term(key) : '';
}

/**
 * Who sent an outbound SMS, where the reader did not: on a group number, the colleague (once their name is known); or
 * the service itself (a number's or a keyword's automatic reply).
 */
function senderOf(message: Message, view: MessageView): string | undefined {
  if (message.senderId) return message.senderId === view.me ? undefined : view.colleague(message.senderId);
  return view.localize.term('sentAutomatically');
}

/**
 * One message of a thread as a list item: its text (always as text), time, its channel where it changes and, for
 * outbound messages, the status; a failed one with its reason and a retry, a scheduled one with a cancel.
 */
export function renderMessage(message: Message, view: MessageView): TemplateResult {
  const { localize } = view;
  // SMS: outbound is our side (whoever of a group number sent it). Chat: a message is outbound for its sender only.
  const inbound = message.channel === 'chat' ? message.senderId !== view.me : message.direction === 'inbound';
  const side = inbound ? 'inbound' : 'outbound';
  const sender = inbound || message.channel !== 'sms' ? undefined : senderOf(message, view);
  const failed = message.status === 'failed' || message.status === 'undelivered';
  const scheduled = message.status === 'scheduled';
  const button = (part: string, label: string, run: (message: Message) => void) =>
    html`<button class="button" part=${part} ?disabled=${view.busy} aria-busy=${view.busy ? 'true' : 'false'} @click=${() => run(message)}>${label}</button>`;
  const action = failed
    ? button('retry-send-button', localize.term('retrySend'), view.onRetry)
    : scheduled
      ? button('cancel-button', localize.term('cancelScheduled'), view.onCancel)
      : nothing;
  return html`<div role="listitem" class="row message ${side}" data-key=${message.id} data-anchor>
    <div part="bubble bubble-${side}" class="bubble ${message.status}">
      <span class="sms-visually-hidden">${localize.term('saidBy', inbound ? view.peer : (sender ?? localize.term('you')))}</span>
      <p part="body" class="body" dir="auto">${message.body}</p>
      <div part="meta" class="meta">
        ${sender ? html`<span part="sender" class="sender" aria-hidden="true">${sender}</span>` : nothing}
        ${view.showChannel ? html`<span class="channel">${localize.term(message.channel === 'chat' ? 'channelChat' : 'channelSms')}</span>` : nothing}
        <time datetime=${message.createdAt}>${localize.date(message.createdAt, { hour: 'numeric', minute: '2-digit' })}</time>
        ${inbound ? nothing : html`<span part="delivery-status" class="delivery">${statusText(message, localize)}</span>`}
      </div>
      ${failed && message.error ? html`<p part="failure" class="failure">${localize.term('failureReason', message.error.message)}</p>` : nothing}
      ${action}
      ${view.error ? html`<p class="failure" role="alert">${view.error}</p>` : nothing}
    </div>
  </div>`;
}
