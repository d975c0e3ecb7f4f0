import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Conversation } from '../../src/model/conversation.js';
import type { Message } from '../../src/model/message.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import { SmsCallEvent } from '../events/sms-call-event.js';
import { SmsConversationDeletedEvent } from '../events/sms-conversation-deleted-event.js';
import type { SmsSendEvent } from '../events/sms-send-event.js';
import { AnchoredWindowController } from '../internal/anchored-window.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { withContactChange } from '../internal/contact-change.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { lazy, LoadOnConnectController } from '../internal/lazy.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { ltrText } from '../internal/ltr-text.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { NotifierController, pageAttended } from '../internal/notifications.js';
import { PagedListController } from '../internal/paged-list.js';
import { ColleagueNamesController } from '../internal/colleague-names.js';
import { PhoneDisplayController } from '../internal/phone-display.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import type { AddContactForm } from './add-contact.js';
import styles from './conversation.styles.js';
import { conversationTerms } from './conversation.terms.js';
import { arrowDownIcon, personAddIcon, phoneIcon } from './icons.js';
import { renderMessage } from './message.js';
import { channelChanges, localDay, threadRows, upsertMessage, type ThreadRow } from './rows.js';
import { SettingsMenuController } from './settings-menu.js';

type Head = { status: 'idle' | 'loading' | 'ready' | 'deleted' } | { status: 'error'; error: unknown };

/** `<sms-composer>` (with its segment counter): loaded as the conversation connects, alongside its data. */
const composerModule = lazy(() => import('../composer/sms-composer.js'));
/** The "Add to contacts" form, loaded when the user first opens it. */
const addContactModule = lazy(() => import('./add-contact.js'));

/**
 * @tagname sms-conversation
 * @summary One conversation: who it is with (a contact's name or the number) with call, add-to-contacts and
 * settings (mute, delete), the messages grouped by day with their time and status (failed ones with the reason and a
 * retry, scheduled ones with a cancel; the channel only where it changes: the header says it), and the composer. Older messages load as the reader scrolls up
 * without the view moving; only the messages near the viewport are in the DOM, so a thread of 10,000 stays smooth.
 * A new message scrolls into view when the reader is at the bottom, otherwise a "new messages" button appears.
 * While the page is not looked at, an inbound message plays a tone, flashes the tab title, shows a browser
 * notification (once allowed from the settings menu) and highlights the element; muted conversations stay silent.
 *
 * `<sms-composer>` and the phone module load as the element connects, alongside the thread, which shows once all are
 * there; the add-to-contacts form and the notification signals load when first needed.
 *
 * @event {SmsCallEvent} sms-call - The user asked to call the peer (`detail.e164`): the host places the call.
 * @event {SmsConversationDeletedEvent} sms-conversation-deleted - The user deleted the conversation, after confirming.
 * @event {SmsSendEvent} sms-send - A message was sent from the composer (bubbles up from `<sms-composer>`).
 *
 * Below 30rem of its own width (a side panel), "Add to contacts" shows as an icon, its text kept as its name.
 *
 * @slot header-start - Before the title in the header, and above the loading, error and other states: a back
 * button, for instance (`<sms-inbox>` puts its own there when it stacks the conversation over its list).
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 * @attribute highlight - Set by the element for a few seconds after an inbound message arrived while the page was
 * not looked at; style it with `sms-conversation[highlight]`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The header: who, the actions, the settings menu.
 * @csspart title - The contact's name, or the number.
 * @csspart subtitle - The number (under a name), the channel and the number of ours the conversation is on.
 * @csspart call-button - Asks the host to call the peer.
 * @csspart add-contact-button - Opens the form that adds the unknown number to the user's contacts (an icon in a narrow element).
 * @csspart menu-button - Opens the settings menu.
 * @csspart menu - The settings menu.
 * @csspart menu-item - An item of the settings menu.
 * @csspart notice - A notice about the thread: the peer is blocked (opted out), a one-way thread.
 * @csspart messages - The scrolling list of messages.
 * @csspart day-separator - The date above the messages of one day.
 * @csspart bubble - A message. Also `bubble-inbound` or `bubble-outbound`.
 * @csspart body - The text of a message.
 * @csspart meta - The time and status under a message, and its channel where it changes.
 * @csspart sender - Who sent an SMS the reader did not: a colleague on a group number, or the service itself (an
 *   automatic reply). The reader's own carry none.
 * @csspart delivery-status - The delivery status of an outbound message.
 * @csspart failure - Why a message failed.
 * @csspart retry-send-button - Sends a failed message again.
 * @csspart cancel-button - Cancels a scheduled message.
 * @csspart new-messages-button - Shown when messages arrive below while the reader is scrolled up; goes down to them.
 * @csspart composer - The `<sms-composer>`.
 * @csspart status - The loading, empty and error states.
 * @csspart retry-button - Loads again after an error.
 * @csspart config-error - The message shown when the element has no client.
 * @csspart dialog - The delete confirmation; `form-dialog` is the add-to-contacts form.
 *
 * @cssproperty --sms-conversation-bubble-inbound - Background of inbound messages. Default: `--sms-color-surface-alt`.
 * @cssproperty --sms-conversation-bubble-outbound - Background of outbound messages. Default: `--sms-color-accent`.
 * @cssproperty --sms-conversation-bubble-outbound-text - Text of outbound messages. Default: `--sms-color-on-accent`.
 * @cssproperty --sms-color-surface - Background of the element.
 * @cssproperty --sms-color-surface-alt - Inbound bubbles, notices, the header.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Times, statuses, day separators.
 * @cssproperty --sms-color-border - Borders.
 * @cssproperty --sms-color-accent - Outbound bubbles, the highlight, the new-messages button.
 * @cssproperty --sms-color-on-accent - Text on the accent colour.
 * @cssproperty --sms-color-warning - Scheduled messages and the blocked notice.
 * @cssproperty --sms-color-warning-surface - Background of notices.
 * @cssproperty --sms-color-danger - Failed messages.
 * @cssproperty --sms-color-success - Delivered status.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 * @cssproperty --sms-transition-duration - Length of transitions. Default: `150ms`.
 *
 * @example
 * ```html
 * <sms-provider .client=${client}>
 *   <sms-conversation conversation-id="cv_123" style="height: 40rem"></sms-conversation>
 * </sms-provider>
 * ```
 */
export class SmsConversation extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, nestedTheme('.base', 'sms-composer'), styles];

  /** The conversation to show. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /**
   * The country whose numbers are shown in national form (ISO 3166-1 alpha-2, e.g. `AU`); others are international.
   * Default: the backend's default country (`client.messages.capabilities()`).
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /** Messages per page: the first page, and each older page loaded on scrolling up (at most 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** No tone on inbound messages. */
  @property({ type: Boolean, attribute: 'no-sound' }) noSound = false;

  /** The tab title does not flash on inbound messages. */
  @property({ type: Boolean, attribute: 'no-title-flash' }) noTitleFlash = false;

  /** No browser notifications, and no menu item to allow them. */
  @property({ type: Boolean, attribute: 'no-browser-notifications' }) noBrowserNotifications = false;

  /** The element is not highlighted on inbound messages. */
  @property({ type: Boolean, attribute: 'no-highlight' }) noHighlight = false;

  @state() private conversation: Conversation | null = null;
  @state() private capabilities: SendCapabilities | null = null;
  @state() private head: Head = { status: 'idle' };
  @state() private unseen = 0;
  @state() private olderFailed = false;
  @state() private actionError: string | null = null;
  @state() private busy: ReadonlySet<string> = new Set();
  @state() private messageErrors: ReadonlyMap<string, string> = new Map();

  private readonly localize = new LocalizeController(this, conversationTerms);
  private readonly announcer = new Announcer(this, { delay: 300 });
  private readonly confirm = new ConfirmController(this);
  private readonly phoneDisplay = new PhoneDisplayController(this);
  private readonly colleagues = new ColleagueNamesController(this, () => this.smsClient);
  private readonly composer = new LoadOnConnectController(this, composerModule);
  private readonly messages = new PagedListController<Message>(this, (cursor) => this.fetchPage(cursor));
  private readonly window = new AnchoredWindowController(this, {
    onNearTop: () => void this.loadOlder(),
    onBottomChange: (atBottom) => {
      if (atBottom) this.unseen = 0;
    },
  });
  private readonly menu = new SettingsMenuController(this);
  private readonly notifier = new NotifierController(this, () => ({
    sound: !this.noSound,
    titleFlash: !this.noTitleFlash,
    browser: !this.noBrowserNotifications,
    highlight: !this.noHighlight,
  }));
  private addContact: AddContactForm | undefined;
  private localCapabilities: { of: SendCapabilities; value: SendCapabilities } | undefined;
  private rows: ThreadRow[] = [];
  private rowsOf: Message[] | null = null;
  private rowsHadOlder = false;
  private generation = 0;
  private marking = false;

  constructor() {
    super();
    new LiveEventsController(this, () => this.smsClient, {
      'message.received': ({ message, conversation }) => {
        if (message.conversationId !== this.conversationId || this.head.status !== 'ready') return;
        if (conversation) this.conversation = conversation;
        this.receive(message);
      },
      'message.status': ({ message }) => {
        if (message.conversationId === this.conversationId && this.head.status === 'ready') this.receive(message);
      },
      'conversation.updated': ({ conversation, removed }) => {
        if (conversation.id !== this.conversationId || this.head.status !== 'ready') return;
        if (removed) {
          this.head = { status: 'deleted' };
          return;
        }
        this.conversation = conversation;
        this.markReadIfAttended();
      },
      'contact.changed': (change) => {
        if (this.conversation) this.conversation = withContactChange(this.conversation, change);
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('focus', this.onPageAttended);
    document.addEventListener('visibilitychange', this.onPageAttended);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('focus', this.onPageAttended);
    document.removeEventListener('visibilitychange', this.onPageAttended);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationId') || changed.has('pageSize') || changed.has('client') || changed.has('contextClient' as keyof SmsConversation)) {
      void this.load();
    }
    if (this.messages.items !== this.rowsOf || this.messages.hasMore !== this.rowsHadOlder) {
      this.rowsOf = this.messages.items;
      this.rowsHadOlder = this.messages.hasMore;
      this.rows = this.messages.status === 'ready' ? threadRows(this.messages.items, this.messages.hasMore) : [];
      this.window.setKeys(this.rows.map((row) => row.key));
    }
  }

  private fetchPage(cursor: string | undefined) {
    const client = this.smsClient;
    const id = this.conversationId;
    if (!client || !id) return null;
    const limit = Math.min(500, Math.max(1, Math.floor(this.pageSize) || 50));
    return client.messages.list(id, { ...(cursor && { cursor }), limit }).then((page) => ({ ...page, items: [...page.items].reverse() }));
  }

  /** Loads the conversation, what the user may send, and the newest messages. */
  private async load(): Promise<void> {
    const generation = ++this.generation;
    const client = this.smsClient;
    const id = this.conversationId;
    this.window.reset();
    this.menu.close(false);
    this.unseen = 0;
    this.olderFailed = false;
    this.actionError = null;
    this.messageErrors = new Map();
    const messages = this.messages.reload();
    if (!client || !id) {
      this.conversation = null;
      this.head = { status: 'idle' };
      return;
    }
    this.head = { status: 'loading' };
    try {
      const [conversation, capabilities] = await Promise.all([client.conversations.get(id), client.messages.capabilities(), messages]);
      if (generation !== this.generation) return;
      this.conversation = conversation;
      this.capabilities = capabilities;
      this.head = { status: 'ready' };
      this.markReadIfAttended();
    } catch (error) {
      if (generation === this.generation) this.head = { status: 'error', error };
    }
  }

  private async loadOlder(): Promise<void> {
    if (this.head.status !== 'ready' || this.olderFailed) return;
    this.messages.error = null;
    await this.messages.loadMore();
    if (this.messages.error) this.olderFailed = true;
  }

  private retryOlder(): void {
    this.olderFailed = false;
    void this.loadOlder();
  }

  /** A live message (new, or a status change): into the thread, with the new-messages marker and notifications. */
  private receive(message: Message): void {
    const result = upsertMessage(this.messages.items, message, this.messages.hasMore);
    if (!result) return;
    this.messages.update(() => result.items);
    const mine = message.senderId !== null && message.senderId === this.smsClient?.principal.userId;
    if (!result.added || mine) return;
    if (!this.window.atBottom) this.unseen += 1;
    // Notify of what the peer wrote, not of a colleague's reply on a group number.
    if (message.direction !== 'inbound' && message.channel !== 'chat') return;
    const who = this.peerLabel();
    this.announcer.announce(this.localize.term('messageAnnouncement', who, message.body));
    if (!this.conversation?.muted) {
      this.notifier.notify({ title: who, body: message.body, titleText: this.localize.term('newMessageFrom', who), tag: message.conversationId ?? undefined });
    }
    this.markReadIfAttended();
  }

  private readonly onPageAttended = (): void => this.markReadIfAttended();

  /** Marks the conversation read when it has unread messages and the reader is looking at the page. */
  private markReadIfAttended(): void {
    const client = this.smsClient;
    const conversation = this.conversation;
    if (!client || !conversation || conversation.unreadCount === 0 || this.marking || !this.isConnected || !pageAttended()) return;
    this.marking = true;
    client.conversations
      .markRead(conversation.id)
      .then((read) => {
        if (read.id === this.conversationId) this.conversation = read;
      })
      .catch(() => undefined)
      .finally(() => (this.marking = false));
  }

  /** The peer as people read them: the contact's name, else the number. */
  private peerLabel(): string {
    const conversation = this.conversation;
    if (!conversation) return '';
    return conversation.peerName ?? this.phone(conversation.peer);
  }

  private phone(e164: string): string {
    return this.phoneDisplay.display(e164, this.country);
  }

  private get country(): string | undefined {
    return this.defaultCountry || this.capabilities?.defaultCountry;
  }

  /** What the composer is told the user may send, in the country this element shows numbers in (kept while unchanged). */
  private composerCapabilities(): SendCapabilities | undefined {
    const capabilities = this.capabilities ?? undefined;
    const country = this.defaultCountry;
    if (!capabilities || !country || country === capabilities.defaultCountry) return capabilities;
    if (this.localCapabilities?.of !== capabilities || this.localCapabilities.value.defaultCountry !== country) {
      this.localCapabilities = { of: capabilities, value: { ...capabilities, defaultCountry: country } };
    }
    return this.localCapabilities.value;
  }

  private onSend(event: SmsSendEvent): void {
    const result = upsertMessage(this.messages.items, event.detail.message, false);
    if (result) this.messages.update(() => result.items);
    this.window.scrollToBottom();
  }

  /** Runs an action on one message (retry, cancel), showing its progress and error on the message. */
  private async messageAction(message: Message, action: () => Promise<Message>, toBottom: boolean): Promise<void> {
    if (this.busy.has(message.id)) return;
    this.busy = new Set([...this.busy, message.id]);
    const errors = new Map(this.messageErrors);
    errors.delete(message.id);
    this.messageErrors = errors;
    try {
      const result = upsertMessage(this.messages.items, await action(), false);
      if (result) this.messages.update(() => result.items);
      if (toBottom) this.window.scrollToBottom();
    } catch (error) {
      this.messageErrors = new Map(this.messageErrors).set(message.id, describeError(error, this.localize, this.localize.term('actionFailed')).message);
    } finally {
      const busy = new Set(this.busy);
      busy.delete(message.id);
      this.busy = busy;
    }
  }

  private retry(message: Message): void {
    const client = this.smsClient;
    if (client) void this.messageAction(message, () => client.messages.retry(message.id), true);
  }

  private cancelScheduled(message: Message): void {
    const client = this.smsClient;
    if (client) void this.messageAction(message, () => client.messages.cancel(message.id), false);
  }

  private call(): void {
    const conversation = this.conversation;
    if (conversation?.channel !== 'sms') return;
    this.dispatchEvent(new SmsCallEvent({ e164: conversation.peer, name: conversation.peerName, conversationId: conversation.id }));
  }

  private async runAction(action: () => Promise<void>): Promise<void> {
    this.actionError = null;
    try {
      await action();
    } catch (error) {
      this.actionError = describeError(error, this.localize, this.localize.term('actionFailed')).message;
    }
  }

  private toggleMuted(): void {
    const client = this.smsClient;
    const conversation = this.conversation;
    this.menu.close(true);
    if (!client || !conversation) return;
    void this.runAction(async () => {
      this.conversation = await client.conversations.setMuted(conversation.id, !conversation.muted);
    });
  }

  private enableNotifications(): void {
    this.menu.close(true);
    void this.notifier.requestPermission();
  }

  private async deleteConversation(): Promise<void> {
    const client = this.smsClient;
    const conversation = this.conversation;
    this.menu.close(false);
    if (!client || !conversation) return;
    const { localize } = this;
    const confirmed = await this.confirm.ask({
      title: localize.term('deleteTitle'),
      message: localize.term('deleteMessage', this.peerLabel()),
      confirmLabel: localize.term('delete'),
      cancelLabel: localize.term('cancel'),
      danger: true,
    });
    if (!confirmed) return;
    await this.runAction(async () => {
      await client.conversations.remove(conversation.id);
      this.head = { status: 'deleted' };
      this.dispatchEvent(new SmsConversationDeletedEvent({ conversationId: conversation.id }));
    });
  }

  private async openAddContact(): Promise<void> {
    const client = this.smsClient;
    const conversation = this.conversation;
    if (!client || !conversation) return;
    try {
      const { AddContactForm } = await addContactModule();
      this.addContact ??= new AddContactForm(this, this.localize, (error) => describeError(error, this.localize).message);
    } catch (error) {
      this.actionError = describeError(error, this.localize, this.localize.term('actionFailed')).message;
      return;
    }
    this.addContact.open({
      client,
      conversation,
      shownNumber: this.phone(conversation.peer),
      onSaved: (saved) => {
        this.conversation = saved;
        this.announcer.announce(this.localize.term('conversationContactSaved'));
      },
    });
  }

  // --- rendering ---

  override render(): TemplateResult {
    const { localize } = this;
    if (!this.smsClient) return this.renderMissingClient(localize.term('noClient'));
    const head = this.head;
    let content: TemplateResult;
    if (head.status === 'idle') content = renderEmpty(localize.term('noConversation'));
    else if (head.status === 'deleted') content = renderEmpty(localize.term('threadDeleted'));
    else if (head.status === 'error' || this.messages.status === 'error') {
      const error = head.status === 'error' ? head.error : this.messages.error;
      content = renderError(describeError(error, localize).message, { label: localize.term('retry'), onRetry: () => void this.load() });
    } else if (head.status === 'loading' || !this.conversation || !this.phoneDisplay.ready || !this.composer.ready) {
      // The phone module and the composer load alongside the thread: it shows complete, numbers in their final form.
      content = renderLoading(localize.term('loading'));
    }
    else return this.renderConversation(this.conversation);
    return html`<div part="base" class="base">
      <div class="start-bar">${this.renderHeaderStart()}</div>
      <div class="status-block">${content}</div>
    </div>`;
  }

  private renderConversation(conversation: Conversation): TemplateResult {
    return html`<div part="base" class="base" aria-busy=${this.messages.status === 'loading' ? 'true' : 'false'}>
      ${this.renderHeader(conversation)} ${this.renderNotices(conversation)}
      ${this.actionError ? html`<div class="action-error field-error" role="alert">${this.actionError}</div>` : nothing}
      <div class="thread">
        ${this.messages.items.length === 0 && !this.messages.hasMore
          ? html`<div class="status-block">${renderEmpty(this.localize.term('emptyThread'))}</div>`
          : this.renderMessages()}
        ${this.unseen > 0
          ? html`<button class="button primary new-messages" part="new-messages-button" @click=${() => this.window.scrollToBottom()}>
              ${arrowDownIcon} ${this.localize.term('newMessages', this.unseen)}
            </button>`
          : nothing}
      </div>
      <sms-composer
        part="composer"
        exportparts="textarea: composer-textarea, send-button: composer-send-button"
        .client=${this.smsClient}
        .conversationId=${conversation.id}
        .conversation=${conversation}
        .capabilities=${this.composerCapabilities()}
        @sms-send=${this.onSend}
      ></sms-composer>
      ${this.confirm.render()} ${this.addContact?.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderHeader(conversation: Conversation): TemplateResult {
    const { localize } = this;
    const sms = conversation.channel === 'sms';
    const name = this.peerLabel();
    const callLabel = localize.term('call', name);
    const number = this.capabilities?.numbers.find((candidate) => candidate.id === conversation.numberId);
    const details: (string | TemplateResult)[] = [];
    if (sms && conversation.peerName) details.push(ltrText(this.phone(conversation.peer)));
    if (number) details.push(localize.term('viaNumber', number.label || this.phone(number.e164)));
    // A div, not <header>: outside a sectioning element a header is a page banner, and an embedded conversation is
    // not the page's banner (two conversations in one page, or one beside the host's own banner, would repeat it).
    return html`<div part="header" class="header">
      ${this.renderHeaderStart()}
      <div class="who">
        <h2 part="title" class="title">${sms && !conversation.peerName ? ltrText(name) : name}</h2>
        <div part="subtitle" class="subtitle">
          <span class="badge">${localize.term(sms ? 'channelSms' : 'channelChat')}</span>
          ${details.map((detail) => html`<span>${detail}</span>`)}
          ${number && number.extensionIds.length > 1 ? html`<span class="badge shared">${localize.term('sharedNumber')}</span>` : nothing}
          ${conversation.muted ? html`<span class="badge muted">${localize.term('muted')}</span>` : nothing}
        </div>
      </div>
      <div class="actions">
        ${sms && conversation.contact === null && !conversation.readOnly
          ? html`<button class="button add-contact" part="add-contact-button" aria-haspopup="dialog" title=${localize.term('conversationAddContact')} @click=${this.openAddContact}>
              ${personAddIcon}<span class="add-contact-text">${localize.term('conversationAddContact')}</span>
            </button>`
          : nothing}
        ${sms
          ? html`<button class="icon-button" part="call-button" aria-label=${callLabel} title=${callLabel} @click=${this.call}>${phoneIcon}</button>`
          : nothing}
        ${this.renderMenu(conversation)}
      </div>
    </div>`;
  }

  /** The `header-start` slot, in the header or above any other state: a host's back button stays reachable. */
  private renderHeaderStart(): TemplateResult {
    return html`<slot name="header-start"></slot>`;
  }

  private renderMenu(conversation: Conversation): TemplateResult {
    const { localize } = this;
    const askPermission = !this.noBrowserNotifications && this.notifier.permission === 'default';
    return this.menu.render(localize.term('settings'), [
      { label: localize.term(conversation.muted ? 'unmuteNotifications' : 'muteNotifications'), run: () => this.toggleMuted() },
      ...(askPermission ? [{ label: localize.term('enableNotifications'), run: () => this.enableNotifications() }] : []),
      { label: localize.term('deleteThread'), run: () => void this.deleteConversation(), danger: true },
    ]);
  }

  private renderNotices(conversation: Conversation): TemplateResult | typeof nothing {
    const { localize } = this;
    const notices: string[] = [];
    if (conversation.blocked) notices.push(localize.term(this.capabilities?.blockDirectSends ? 'blockedDirectNotice' : 'blockedNotice'));
    if (conversation.alphaTag !== null) notices.push(localize.term('alphaTagNotice', conversation.alphaTag));
    if (conversation.keyword !== null) notices.push(localize.term('keywordNotice', conversation.keyword));
    if (notices.length === 0) return nothing;
    return html`${notices.map((notice) => html`<p part="notice" class="notice" role="note">${notice}</p>`)}`;
  }

  private renderMessages(): TemplateResult {
    const { start, end } = this.window;
    return html`<div
      class="scroller"
      part="messages"
      role="list"
      tabindex="0"
      aria-label=${this.localize.term('messagesLabel', this.peerLabel())}
      ${ref(this.window.scroller)}
    >
      <div class="rows" ${ref(this.window.content)}>
        ${repeat(this.rows.slice(start, end), (row) => row.key, (row, index) => this.renderRow(row, start + index))}
      </div>
    </div>`;
  }

  private renderRow(row: ThreadRow, index: number): TemplateResult {
    const { localize } = this;
    switch (row.kind) {
      case 'start':
        return html`<div role="listitem" class="row edge" data-key=${row.key}>${localize.term('beginning')}</div>`;
      case 'older':
        return html`<div role="listitem" class="row edge" data-key=${row.key}>
          ${this.olderFailed
            ? html`<span class="field-error">${localize.term('loadOlderFailed')}</span>
                <button class="button" @click=${this.retryOlder}>${localize.term('retry')}</button>`
            : localize.term('loadingMore')}
        </div>`;
      case 'day':
        return html`<div role="listitem" class="row day" data-key=${row.key}><span part="day-separator" class="day-label">${this.dayLabel(row.time)}</span></div>`;
      case 'message':
        return renderMessage(row.message, {
          localize,
          peer: this.peerLabel(),
          me: this.smsClient?.principal.userId,
          colleague: (senderId) => this.colleagues.name(senderId),
          showChannel: channelChanges(this.rows, index, this.conversation?.channel),
          busy: this.busy.has(row.message.id),
          error: this.messageErrors.get(row.message.id),
          onRetry: (message) => this.retry(message),
          onCancel: (message) => this.cancelScheduled(message),
        });
    }
  }

  private dayLabel(time: string): string {
    const { localize } = this;
    const day = localDay(time);
    const now = new Date();
    if (day === localDay(now)) return localize.term('today');
    if (day === localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return localize.term('yesterday');
    const sameYear = new Date(time).getFullYear() === now.getFullYear();
    return localize.date(time, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
  }
}
