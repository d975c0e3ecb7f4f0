import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Conversation } from '../../src/model/conversation.js';
import type { LocalizeController } from '../internal/localize.js';
import { ltrText } from '../internal/ltr-text.js';
import { initials } from './conversation-list.js';
import { bellIcon, bellOffIcon, trashIcon } from './icons.js';
import type { InboxTerms } from './inbox.terms.js';

export interface RowView {
  localize: LocalizeController<InboxTerms>;
  /** The peer as people read them: the contact, the colleague, or the number. */
  name: string;
  /** The number of ours the conversation is on, for a user with several (its label, or the number). */
  number: string | TemplateResult | undefined;
  selected: boolean;
  /** The column (0 the conversation, 1 mute, 2 delete) that holds the list's one tab stop, or -1. */
  stopColumn: number;
  /** The reader is an administrator: "Read only" goes without saying. */
  isAdmin: boolean;
  /** The reader's user id: their own SMS read "You:". */
  me: string | undefined;
  /** The name of a colleague who sent an SMS on a shared number, once known. */
  colleague: (senderId: string) => string | undefined;
  onChoose: (conversation: Conversation) => void;
  onMute: (conversation: Conversation) => void;
  onDelete: (conversation: Conversation) => void;
}

/**
 * The last message on one line; our own SMS marked "You:", on a group number a colleague's with their name ("Ben
 * Carter:", once known), and the service's own "Automatic reply:". (A preview stored before previews kept their
 * sender reads "You:".)
 */
export function previewText(conversation: Conversation, view: Pick<RowView, 'localize' | 'me' | 'colleague'>): string {
  const { localize } = view;
  const last = conversation.lastMessage;
  if (!last) return localize.term('previewNone');
  const body = last.body.replace(/\s+/g, ' ').trim();
  // A chat preview does not say who wrote it (every chat message is outbound from its sender): no "You:" there.
  if (last.direction !== 'outbound' || conversation.channel !== 'sms') return body;
  if (last.senderId === null) return localize.term('previewAutomatic', body);
  if (last.senderId === undefined || last.senderId === view.me) return localize.term('previewYou', body);
  const colleague = view.colleague(last.senderId);
  return colleague ? localize.term('previewBy', colleague, body) : body;
}

/**
 * One conversation of the inbox as a grid row: the part that opens it (avatar, name, time, preview, unread count,
 * markers), then its mute and delete buttons. The mute button shows the state (a bell while the conversation rings,
 * a struck bell once muted) and is named by what it does.
 */
export function renderRow(conversation: Conversation, view: RowView): TemplateResult {
  const { localize, name, selected } = view;
  const unread = conversation.unreadCount > 0;
  const last = conversation.lastMessage;
  const when = last?.createdAt ?? conversation.updatedAt;
  const failed = last?.direction === 'outbound' && (last.status === 'failed' || last.status === 'undelivered');
  // A time ahead of this clock (the backend's clock runs a little ahead) reads as "now", not "in 5 seconds".
  const now = Date.now();
  const tabIndex = (column: number) => (view.stopColumn === column ? 0 : -1);
  const muteLabel = localize.term(conversation.muted ? 'unmute' : 'mute', name);
  const deleteLabel = localize.term('deleteConversation', name);
  const parts = `item${selected ? ' item-selected' : ''}${unread ? ' item-unread' : ''}`;
  return html`<div
    role="row"
    part=${parts}
    class="item${unread ? ' unread' : ''}${conversation.muted ? ' muted' : ''}"
    aria-selected=${selected ? 'true' : 'false'}
    data-id=${conversation.id}
  >
    <div role="gridcell" part="item-main" class="main" tabindex=${tabIndex(0)} data-column="0" @click=${() => view.onChoose(conversation)}>
      <span class="avatar" aria-hidden="true">${initials(conversation.peerName ?? '') || '#'}</span>
      <span class="lines">
        <span class="line">
          <bdi part="item-title" class="title">${conversation.channel === 'sms' && !conversation.peerName ? ltrText(name) : name}</bdi>
          <time part="item-time" class="time" datetime=${when} title=${localize.date(when, { dateStyle: 'medium', timeStyle: 'short' })}
            >${localize.relativeTime(Math.min(Date.parse(when), now), { now })}</time
          >
        </span>
        <span class="line">
          <span part="item-preview" class="preview" dir="auto">${previewText(conversation, view)}</span>
          ${failed ? html`<span class="failed">${localize.term('previewFailed')}</span>` : nothing}
          ${unread
            ? html`<span part="unread-badge" class="unread-badge"
                ><span aria-hidden="true">${localize.number(conversation.unreadCount)}</span
                ><span class="sms-visually-hidden">${localize.term('unreadMessages', conversation.unreadCount)}</span></span
              >`
            : nothing}
        </span>
        ${renderTags(conversation, view)}
      </span>
    </div>
    <div role="gridcell" part="item-actions" class="actions">
      ${actionButton('mute', 1, view, muteLabel, conversation.muted ? bellOffIcon : bellIcon, () => view.onMute(conversation))}
      ${actionButton('delete', 2, view, deleteLabel, trashIcon, () => view.onDelete(conversation))}
    </div>
  </div>`;
}

/** A row's icon button (`mute-button`, `delete-button`): named by what it does, in its column of the grid's keyboard. */
function actionButton(name: 'mute' | 'delete', column: 1 | 2, view: RowView, label: string, icon: SVGTemplateResult, run: () => void): TemplateResult {
  return html`<button
    part="${name}-button"
    class="icon-button ${name}"
    tabindex=${view.stopColumn === column ? 0 : -1}
    data-column=${column}
    aria-label=${label}
    title=${label}
    @click=${run}
  >
    ${icon}
  </button>`;
}

/**
 * The markers under the preview, when there are any: chat (SMS is the inbox's own channel and goes without saying),
 * the number (for a user with several), opted out, read only, muted.
 */
function renderTags(conversation: Conversation, { localize, number, isAdmin }: RowView): TemplateResult | typeof nothing {
  const readOnly = conversation.alphaTag
    ? localize.term('sentAs', conversation.alphaTag)
    : conversation.keyword
      ? localize.term('viaKeyword', conversation.keyword)
      : conversation.readOnly && !isAdmin
        ? localize.term('readOnly')
        : '';
  const chat = conversation.channel === 'chat';
  if (!chat && !number && !conversation.blocked && !readOnly && !conversation.muted) return nothing;
  return html`<span part="item-tags" class="tags">
    ${chat ? html`<span class="badge">${localize.term('channelChat')}</span>` : nothing}
    ${number ? html`<span class="number">${number}</span>` : nothing}
    ${conversation.blocked ? html`<span class="badge blocked">${localize.term('optedOut')}</span>` : nothing}
    ${readOnly ? html`<span class="badge read-only">${readOnly}</span>` : nothing}
    ${conversation.muted
      ? html`<span class="muted-icon" title=${localize.term('muted')}>${bellOffIcon}<span class="sms-visually-hidden">${localize.term('muted')}</span></span>`
      : nothing}
  </span>`;
}
