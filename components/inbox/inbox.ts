import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SmsClient } from '../../src/client.js';
import type { Conversation, ConversationFilter } from '../../src/model/conversation.js';
import type { SmsNumber } from '../../src/model/number.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import type { SmsConversationOpenEvent } from '../events/sms-conversation-open-event.js';
import { SmsConversationSelectEvent } from '../events/sms-conversation-select-event.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { lazy } from '../internal/lazy.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { PagedListController } from '../internal/paged-list.js';
import { PhoneDisplayController } from '../internal/phone-display.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import { FILTERS, initials, upsert, type ListQuery } from './conversation-list.js';
import { bellIcon, bellOffIcon, closeIcon, plusIcon, trashIcon } from './icons.js';
import styles from './inbox.styles.js';
import { inboxTerms } from './inbox.terms.js';

/** `<sms-new-conversation>`, loaded and registered as the user goes for "New conversation". */
const loadPicker = lazy(() => import('../new-conversation/sms-new-conversation.js'));

/** Starts loading the picker as the pointer or the focus reaches the button, so that it opens at once. */
const preloadPicker = (): void => void loadPicker().catch(() => undefined);

const FILTER_TERMS = { all: 'filterAll', unread: 'filterUnread', sms: 'filterSms', chat: 'filterChat' } as const;
const SEARCH_DELAY = 300;
const MINUTE = 60_000;
/** Focus stops in a row: the conversation itself, then its mute and delete buttons. */
const COLUMNS = 3;

/**
 * @tagname sms-inbox
 * @summary The conversation history of the signed-in user, SMS and chat together: search, filters, paging as the
 * list scrolls, live updates, mute and delete, a "New conversation" picker, and (in the split layout) the chosen
 * conversation beside the list.
 *
 * @event {SmsConversationSelectEvent} sms-conversation-select - The user chose a conversation (click, or Enter on
 * its row): `detail.conversation`. The inbox marks it read; in the split layout it also opens it beside the list.
 * @event {SmsConversationOpenEvent} sms-conversation-open - A conversation was found or started from the "New
 * conversation" picker (`detail.conversation`); the inbox then selects it.
 *
 * The split layout shows `<sms-conversation>` by its tag: register it too (`import 'pbx-sms/components'`, or
 * `pbx-sms/components/sms-conversation` beside `pbx-sms/components/sms-inbox`), so that the list layout alone does not
 * carry it. `<sms-new-conversation>` needs nothing: it is loaded and registered as the user goes for "New
 * conversation". Numbers show once the phone module (loaded as the inbox connects, alongside the first page) is there.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of the list pane and the detail pane.
 * @csspart list-pane - The toolbar, the filters and the list.
 * @csspart toolbar - The search field and the "New conversation" button.
 * @csspart search - The search field.
 * @csspart new-button - The "New conversation" button (absent for administrators).
 * @csspart filters - The filter chips (all, unread, SMS, chat) and the number filter.
 * @csspart number-filter - The number filter, for a user with several numbers.
 * @csspart read-only-note - The note telling administrators they can read but not send.
 * @csspart scroller - The scrolling area around the list.
 * @csspart list - The grid of conversations.
 * @csspart item - A conversation's row; also `item-selected` on the open one and `item-unread` on unread ones.
 * @csspart item-main - The part of a row that opens the conversation.
 * @csspart item-title - The contact, colleague or number.
 * @csspart item-preview - The last message, on one line.
 * @csspart item-time - When the last message came, relative ("5 minutes ago").
 * @csspart item-tags - Markers: channel, number, muted, opted out, read only.
 * @csspart unread-badge - The count of unread messages.
 * @csspart item-actions - The mute and delete buttons of a row.
 * @csspart mute-button - A row's mute / unmute button.
 * @csspart delete-button - A row's delete button.
 * @csspart status - The loading, empty and error blocks.
 * @csspart retry-button - "Try again" in the error block.
 * @csspart empty - The empty block.
 * @csspart detail - The pane beside the list in the split layout.
 * @csspart conversation - The `<sms-conversation>` in the detail pane.
 * @csspart detail-empty - What the detail pane shows before a conversation is chosen.
 * @csspart new-dialog - The "New conversation" dialog.
 * @csspart new-conversation - The `<sms-new-conversation>` picker in it.
 * @csspart dialog - The delete confirmation; with `dialog-confirm` and `dialog-cancel` on its buttons.
 *
 * @cssproperty --sms-inbox-height - Height of the inbox; the list scrolls inside it. Default: `auto` (the page scrolls).
 * @cssproperty --sms-inbox-list-width - Width of the list in the split layout. Default: `22rem`.
 * @cssproperty --sms-inbox-selected-background - Background of the open conversation's row. Default: a tint of the accent.
 * @cssproperty --sms-inbox-unread-badge-background - Background of the unread count. Default: `--sms-color-accent`.
 * @cssproperty --sms-inbox-unread-badge-color - Text of the unread count. Default: `--sms-color-on-accent`.
 * @cssproperty --sms-color-surface - Background of the inbox, inputs and dialogs.
 * @cssproperty --sms-color-surface-alt - Hovered rows, avatars, the administrator's note.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Previews, times, markers.
 * @cssproperty --sms-color-border - Borders and row separators.
 * @cssproperty --sms-color-accent - Selected filter, unread count, the open row's edge, primary buttons.
 * @cssproperty --sms-color-on-accent - Text on the accent.
 * @cssproperty --sms-color-warning - The "read only" marker.
 * @cssproperty --sms-color-danger - The "opted out" and "not delivered" markers, errors, the delete button.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 * @cssproperty --sms-transition-duration - Hover and reveal transitions. Default: `150ms` (none with reduced motion).
 *
 * @example
 * ```html
 * <sms-provider .client=${client}>
 *   <sms-inbox layout="split" default-country="AU" style="height: 600px"></sms-inbox>
 * </sms-provider>
 * ```
 */
export class SmsInbox extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, styles];

  /**
   * The country numbers typed without a country code are read in (ISO 3166-1 alpha-2, e.g. `AU`), and whose numbers
   * are shown in national form. Default: the backend's default country (`client.messages.capabilities()`).
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /**
   * `list`: the list alone (the host shows the chosen conversation). `split`: the chosen conversation opens beside
   * the list, unless the inbox is narrower than `split-min-width`, where it shows the list alone.
   */
  @property() layout: 'list' | 'split' = 'list';

  /** Which conversations to show: `all`, `unread`, `sms` or `chat`. The filter chips change it. */
  @property() filter: ConversationFilter = 'all';

  /** Only the conversations of this SMS number (its id); the number filter changes it. Default: all numbers. */
  @property({ attribute: 'number-id' }) numberId?: string;

  /** The id of the open conversation: highlighted in the list, shown beside it in the split layout. */
  @property({ attribute: 'selected-id', reflect: true }) selectedId?: string;

  /** How many conversations to load at a time. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 30;

  /** Below this width, in pixels, the split layout shows the list alone. */
  @property({ type: Number, attribute: 'split-min-width' }) splitMinWidth = 640;

  @state() private query = '';
  @state() private capabilities: SendCapabilities | undefined;
  @state() private numbers: SmsNumber[] = [];
  @state() private narrow = false;
  /** Re-renders the relative times once a minute. */
  @state() private minute = 0;
  @state() private actionError: string | null = null;
  @state() private composing = false;
  @state() private moreFailed = false;

  private readonly localize = new LocalizeController(this, inboxTerms);
  private readonly announcer = new Announcer(this);
  private readonly phone = new PhoneDisplayController(this);
  private readonly confirm = new ConfirmController(this);
  private readonly list = new PagedListController<Conversation>(this, (cursor) => this.fetchPage(cursor));
  private readonly grid = createRef<HTMLElement>();
  private readonly newDialog = createRef<HTMLDialogElement>();
  private activeId: string | undefined;
  private activeColumn = 0;
  private focusWasInList = false;
  private missedAnnounced = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private intersection: IntersectionObserver | undefined;
  private sentinel: Element | undefined;

  constructor() {
    super();
    new LiveEventsController(this, () => this.smsClient, {
      'conversation.updated': ({ conversation, removed }) => (removed ? this.removeLocal(conversation.id) : this.applyUpdate(conversation)),
      'message.received': ({ conversation }) => {
        if (!conversation) return;
        this.applyUpdate(conversation);
        if (!conversation.muted) this.announcer.announce(this.localize.term('newMessageFrom', this.peerLabel(conversation)));
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => (this.minute += 1), MINUTE);
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const narrow = (entry?.contentRect.width ?? 0) < this.splitMinWidth;
      if (narrow !== this.narrow) this.narrow = narrow;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    clearTimeout(this.searchTimer);
    this.resizeObserver?.disconnect();
    this.intersection?.disconnect();
    this.intersection = this.sentinel = undefined;
  }

  private get showsDetail(): boolean {
    return this.layout === 'split' && !this.narrow;
  }

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin' || this.capabilities?.reason === 'role.admin';
  }

  private get homeCountry(): string | undefined {
    return this.defaultCountry || this.capabilities?.defaultCountry;
  }

  private get listQuery(): ListQuery {
    return { filter: this.currentFilter, numberId: this.numberId || undefined, query: this.query };
  }

  private get currentFilter(): ConversationFilter {
    return FILTERS.includes(this.filter) ? this.filter : 'all';
  }

  private fetchPage(cursor: string | undefined) {
    const client = this.smsClient;
    if (!client) return null;
    const { filter, numberId, query } = this.listQuery;
    const limit = Math.min(Math.max(Math.trunc(this.pageSize) || 30, 1), 500);
    return client.conversations.list({ filter, limit, ...(numberId && { numberId }), ...(query && { query }), ...(cursor && { cursor }) });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    const clientChanged = keys.has('client') || keys.has('contextClient');
    const client = this.smsClient;
    if (clientChanged && client) void this.loadAccount(client);
    if (clientChanged || ['filter', 'numberId', 'query', 'pageSize'].some((key) => keys.has(key))) {
      this.moreFailed = false;
      void this.reload();
    }
    this.focusWasInList = this.listHasFocus();
  }

  protected override updated(): void {
    if (this.focusWasInList && !this.listHasFocus()) this.focusActive();
  }

  private async reload(): Promise<void> {
    await this.list.reload();
    if (this.query && this.list.status === 'ready') this.announcer.announce(this.localize.term('results', this.list.items.length));
  }

  /** What the user may do and which numbers they have; and, once, what they missed since their last visit. */
  private async loadAccount(client: SmsClient): Promise<void> {
    const [capabilities, numbers] = await Promise.allSettled([client.messages.capabilities(), client.numbers.list({ limit: 100 })]);
    if (client !== this.smsClient) return;
    this.capabilities = capabilities.status === 'fulfilled' ? capabilities.value : undefined;
    this.numbers = numbers.status === 'fulfilled' ? numbers.value.items : [];
    if (this.missedAnnounced) return;
    this.missedAnnounced = true;
    try {
      const missed = await client.conversations.unread();
      if (missed.messages === 0) return;
      this.announcer.announce(
        this.localize.term('missedSummary', this.localize.term('missedMessages', missed.messages), this.localize.term('inConversations', missed.conversations)),
      );
    } catch {
      this.missedAnnounced = false;
    }
  }

  private refresh(): void {
    const client = this.smsClient;
    if (client) void this.loadAccount(client);
    this.moreFailed = false;
    void this.reload();
  }

  private async loadMore(): Promise<void> {
    this.list.error = null;
    this.moreFailed = false;
    await this.list.loadMore();
    this.moreFailed = this.list.status === 'ready' && this.list.error !== null;
  }

  // --- live updates ---

  private applyUpdate(conversation: Conversation): void {
    if (this.list.status !== 'ready') return;
    this.list.update((items) => upsert(items, conversation, this.listQuery, this.list.hasMore));
  }

  private removeLocal(id: string): void {
    const items = this.list.items;
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) return;
    if (this.activeId === id) this.activeId = (items[index + 1] ?? items[index - 1])?.id;
    if (this.selectedId === id) this.selectedId = undefined;
    this.list.update((current) => current.filter((item) => item.id !== id));
  }

  // --- actions ---

  private choose(conversation: Conversation): void {
    this.activeId = conversation.id;
    this.activeColumn = 0;
    this.selectedId = conversation.id;
    this.dispatchEvent(new SmsConversationSelectEvent({ conversation }));
    if (conversation.unreadCount > 0) void this.markRead(conversation);
  }

  private async markRead(conversation: Conversation): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    const setCount = (count: number) => this.list.update((items) => items.map((item) => (item.id === conversation.id ? { ...item, unreadCount: count } : item)));
    setCount(0);
    try {
      this.applyUpdate(await client.conversations.markRead(conversation.id));
    } catch {
      setCount(conversation.unreadCount);
    }
  }

  private async toggleMute(conversation: Conversation): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    this.actionError = null;
    try {
      const updated = await client.conversations.setMuted(conversation.id, !conversation.muted);
      this.applyUpdate(updated);
      const key = updated.muted ? 'mutedAnnouncement' : 'unmutedAnnouncement';
      this.announcer.announce(this.localize.term(key, this.peerLabel(updated)));
    } catch (error) {
      this.actionError = describeError(error, this.localize).message;
    }
  }

  private async askDelete(conversation: Conversation): Promise<void> {
    const name = this.peerLabel(conversation);
    const column = this.activeColumn;
    const confirmed = await this.confirm.ask({
      title: this.localize.term('deleteTitle'),
      message: this.localize.term('deleteMessage', name),
      confirmLabel: this.localize.term('delete'),
      cancelLabel: this.localize.term('cancel'),
      danger: true,
    });
    const client = this.smsClient;
    if (!confirmed || !client) {
      void this.focusRow(conversation.id, column);
      return;
    }
    this.actionError = null;
    try {
      await client.conversations.remove(conversation.id);
      this.removeLocal(conversation.id);
      this.announcer.announce(this.localize.term('deleted', name));
      if (this.activeId) void this.focusRow(this.activeId, 0);
    } catch (error) {
      this.actionError = describeError(error, this.localize).message;
    }
  }

  private async openNew(): Promise<void> {
    try {
      await loadPicker();
    } catch (error) {
      this.actionError = describeError(error, this.localize).message;
      return;
    }
    this.composing = true;
    await this.updateComplete;
    const dialog = this.newDialog.value;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('sms-new-conversation')?.focus();
  }

  /** The user closed the dialog (Escape, the close button): the focus goes back to the button that opened it. */
  private onNewClosed(): void {
    if (!this.composing) return;
    this.composing = false;
    this.shadowRoot?.querySelector<HTMLElement>('.new-button')?.focus();
  }

  private onOpened(event: SmsConversationOpenEvent): void {
    const { conversation } = event.detail;
    this.composing = false;
    this.newDialog.value?.close();
    if (this.list.status === 'ready') this.list.update((items) => [conversation, ...items.filter((item) => item.id !== conversation.id)]);
    this.choose(conversation);
    void this.focusRow(conversation.id, 0);
  }

  // --- input ---

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value.trim()), SEARCH_DELAY);
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.query = (event.target as HTMLInputElement).value.trim();
  }

  private onListKeydown(event: KeyboardEvent): void {
    const items = this.list.items;
    const target = event.target as HTMLElement;
    const index = items.findIndex((item) => item.id === target.closest<HTMLElement>('[role="row"]')?.dataset.id);
    const conversation = items[index];
    if (!conversation) return;
    const column = Number(target.dataset.column ?? 0);
    const moves: Record<string, [row: number, column: number]> = {
      ArrowDown: [Math.min(index + 1, items.length - 1), column],
      ArrowUp: [Math.max(index - 1, 0), column],
      Home: [0, column],
      End: [items.length - 1, column],
      ArrowRight: [index, Math.min(column + 1, COLUMNS - 1)],
      ArrowLeft: [index, Math.max(column - 1, 0)],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      void this.focusRow(items[move[0]]!.id, move[1]);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void this.askDelete(conversation);
    } else if ((event.key === 'Enter' || event.key === ' ') && column === 0) {
      event.preventDefault();
      this.choose(conversation);
    }
  }

  private onListFocusin(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    const id = target.closest<HTMLElement>('[role="row"]')?.dataset.id;
    const column = Number(target.dataset.column ?? 0);
    if (!id || (id === this.activeId && column === this.activeColumn)) return;
    this.activeId = id;
    this.activeColumn = column;
    this.requestUpdate();
  }

  private onDetailKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    const id = this.selectedId ?? this.activeId;
    if (id) void this.focusRow(id, 0);
  }

  // --- focus ---

  private listHasFocus(): boolean {
    const active = this.shadowRoot?.activeElement;
    return !!active && !!this.grid.value?.contains(active);
  }

  /** The row and column that hold the list's one tab stop. */
  private tabStop(): { id: string | undefined; column: number } {
    const items = this.list.items;
    if (items.some((item) => item.id === this.activeId)) return { id: this.activeId, column: this.activeColumn };
    return { id: (items.find((item) => item.id === this.selectedId) ?? items[0])?.id, column: 0 };
  }

  private async focusRow(id: string, column: number): Promise<void> {
    this.activeId = id;
    this.activeColumn = column;
    this.requestUpdate();
    await this.updateComplete;
    this.focusActive();
  }

  private focusActive(): void {
    const { id, column } = this.tabStop();
    if (!id) return;
    const row = [...(this.grid.value?.children ?? [])].find((element) => (element as HTMLElement).dataset.id === id);
    row?.querySelector<HTMLElement>(`[data-column="${column}"]`)?.focus();
  }

  private observeSentinel = (element: Element | undefined): void => {
    if (this.sentinel) this.intersection?.unobserve(this.sentinel);
    this.sentinel = element;
    if (!element) return;
    this.intersection ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void this.loadMore();
    }, { rootMargin: '0px 0px 200px 0px' });
    this.intersection.observe(element);
  };

  // --- display ---

  private peerLabel(conversation: Conversation): string {
    if (conversation.peerName) return conversation.peerName;
    return conversation.channel === 'sms' ? this.phone.display(conversation.peer, this.homeCountry) : conversation.peer;
  }

  private numberText(number: SmsNumber): string {
    const formatted = this.phone.display(number.e164, this.homeCountry);
    return number.label ? this.localize.term('numberOption', number.label, formatted) : formatted;
  }

  private previewText(conversation: Conversation): string {
    const last = conversation.lastMessage;
    if (!last) return this.localize.term('previewNone');
    const body = last.body.replace(/\s+/g, ' ').trim();
    // A chat preview does not say who wrote it (every chat message is outbound from its sender): no "You:" there.
    return last.direction === 'outbound' && conversation.channel === 'sms' ? this.localize.term('previewYou', body) : body;
  }

  private emptyText(): string {
    if (this.query) return this.localize.term('emptySearch', this.query);
    const filter = this.currentFilter;
    if (filter === 'unread') return this.localize.term('emptyUnread');
    return filter === 'all' && !this.numberId ? this.localize.term('emptyAll') : this.localize.term('emptyFiltered');
  }

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const split = this.showsDetail;
    return html`
      <div part="base" class="base ${split ? 'split' : 'list'}">
        <div part="list-pane" class="list-pane">
          ${this.renderToolbar()} ${this.renderFilters()}
          ${this.isAdmin ? html`<p part="read-only-note" class="note">${this.localize.term('adminReadOnly')}</p>` : nothing}
          ${this.actionError
            ? html`<div class="action-error" role="alert">
                <span>${this.actionError}</span>
                <button class="icon-button" aria-label=${this.localize.term('close')} @click=${() => (this.actionError = null)}>${closeIcon}</button>
              </div>`
            : nothing}
          <div part="scroller" class="scroller">${this.renderBody()}</div>
        </div>
        ${split ? this.renderDetail() : nothing} ${this.renderNewDialog()} ${this.confirm.render()} ${this.announcer.render()}
      </div>
    `;
  }

  private renderToolbar(): TemplateResult {
    return html`<div part="toolbar" class="toolbar">
      <input
        part="search"
        class="input search"
        type="search"
        maxlength="100"
        aria-label=${this.localize.term('searchConversations')}
        placeholder=${this.localize.term('searchPlaceholder')}
        @input=${this.onSearchInput}
        @keydown=${this.onSearchKeydown}
      />
      ${this.isAdmin ? nothing : this.renderNewButton()}
    </div>`;
  }

  private renderNewButton(): TemplateResult {
    return html`<button part="new-button" class="button primary new-button" @pointerenter=${preloadPicker} @focus=${preloadPicker} @click=${this.openNew}>
      ${plusIcon}<span>${this.localize.term('newConversation')}</span>
    </button>`;
  }

  private renderFilters(): TemplateResult {
    const current = this.currentFilter;
    const numbers = this.numbers;
    return html`<fieldset part="filters" class="filters">
      <legend class="sms-visually-hidden">${this.localize.term('showFilter')}</legend>
      <div class="chips">
        ${FILTERS.map(
          (filter) => html`<label class="chip">
            <input
              class="sms-visually-hidden"
              type="radio"
              name="filter"
              value=${filter}
              .checked=${filter === current}
              @change=${() => (this.filter = filter)}
            />${this.localize.term(FILTER_TERMS[filter])}
          </label>`,
        )}
      </div>
      ${numbers.length > 1 && this.phone.ready
        ? html`<label class="number-filter">
            ${this.localize.term('numberFilter')}
            <select
              part="number-filter"
              class="input"
              @change=${(event: Event) => (this.numberId = (event.target as HTMLSelectElement).value || undefined)}
            >
              <option value="" ?selected=${!this.numberId}>${this.localize.term('allNumbers')}</option>
              ${numbers.map((number) => html`<option value=${number.id} ?selected=${number.id === this.numberId}>${this.numberText(number)}</option>`)}
            </select>
          </label>`
        : nothing}
    </fieldset>`;
  }

  private renderBody(): TemplateResult {
    const list = this.list;
    if (list.status === 'error') {
      return renderError(describeError(list.error, this.localize).message, {
        label: this.localize.term('retry'),
        onRetry: () => this.refresh(),
      });
    }
    // Numbers show in their final form from the first rows on: the phone module loads alongside the first page.
    if (list.status !== 'ready' || (list.items.length > 0 && !this.phone.ready)) return renderLoading(this.localize.term('loading'));
    if (list.items.length === 0) {
      return html`<div part="empty">${renderEmpty(this.emptyText(), this.isAdmin || this.query ? undefined : this.renderNewButton())}</div>`;
    }
    const stop = this.tabStop();
    return html`<div
        ${ref(this.grid)}
        part="list"
        role="grid"
        aria-label=${this.localize.term('inboxLabel')}
        aria-busy=${list.loadingMore ? 'true' : 'false'}
        @keydown=${this.onListKeydown}
        @focusin=${this.onListFocusin}
      >
        ${repeat(list.items, (item) => item.id, (item) => this.renderItem(item, stop))}
      </div>
      ${this.renderMore()}`;
  }

  private renderMore(): TemplateResult | typeof nothing {
    if (this.list.loadingMore) return html`<div class="more" role="status">${this.localize.term('loadingMore')}</div>`;
    if (this.moreFailed) {
      return html`<div class="more" role="alert">
        ${this.localize.term('loadMoreFailed')}
        <button class="button" @click=${() => this.loadMore()}>${this.localize.term('retry')}</button>
      </div>`;
    }
    return this.list.hasMore ? html`<div class="sentinel" ${ref(this.observeSentinel)}></div>` : nothing;
  }

  private renderItem(conversation: Conversation, stop: { id: string | undefined; column: number }): TemplateResult {
    const { localize } = this;
    const name = this.peerLabel(conversation);
    const selected = conversation.id === this.selectedId;
    const unread = conversation.unreadCount > 0;
    const last = conversation.lastMessage;
    const when = last?.createdAt ?? conversation.updatedAt;
    const failed = last?.direction === 'outbound' && (last.status === 'failed' || last.status === 'undelivered');
    // A time ahead of this clock (the backend's clock runs a little ahead) reads as "now", not "in 5 seconds".
    const now = Date.now();
    const tabIndex = (column: number) => (stop.id === conversation.id && stop.column === column ? 0 : -1);
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
      <div role="gridcell" part="item-main" class="main" tabindex=${tabIndex(0)} data-column="0" @click=${() => this.choose(conversation)}>
        <span class="avatar" aria-hidden="true">${initials(conversation.peerName ?? '') || '#'}</span>
        <span class="lines">
          <span class="line">
            <bdi part="item-title" class="title">${name}</bdi>
            <time part="item-time" class="time" datetime=${when} title=${localize.date(when, { dateStyle: 'medium', timeStyle: 'short' })}
              >${localize.relativeTime(Math.min(Date.parse(when), now), { now })}</time
            >
          </span>
          <span class="line">
            <span part="item-preview" class="preview">${this.previewText(conversation)}</span>
            ${failed ? html`<span class="failed">${localize.term('previewFailed')}</span>` : nothing}
            ${unread
              ? html`<span part="unread-badge" class="unread-badge"
                  ><span aria-hidden="true">${localize.number(conversation.unreadCount)}</span
                  ><span class="sms-visually-hidden">${localize.term('unreadMessages', conversation.unreadCount)}</span></span
                >`
              : nothing}
          </span>
          ${this.renderTags(conversation)}
        </span>
      </div>
      <div role="gridcell" part="item-actions" class="actions">
        <button
          part="mute-button"
          class="icon-button mute"
          tabindex=${tabIndex(1)}
          data-column="1"
          aria-label=${muteLabel}
          title=${muteLabel}
          @click=${() => this.toggleMute(conversation)}
        >
          ${conversation.muted ? bellIcon : bellOffIcon}
        </button>
        <button
          part="delete-button"
          class="icon-button delete"
          tabindex=${tabIndex(2)}
          data-column="2"
          aria-label=${deleteLabel}
          title=${deleteLabel}
          @click=${() => this.askDelete(conversation)}
        >
          ${trashIcon}
        </button>
      </div>
    </div>`;
  }

  /** The third line: the channel, the number (for a user with several), muted, opted out, read only. */
  private renderTags(conversation: Conversation): TemplateResult {
    const { localize } = this;
    const number = this.numbers.length > 1 ? this.numbers.find((candidate) => candidate.id === conversation.numberId) : undefined;
    const readOnly = conversation.alphaTag
      ? localize.term('sentAs', conversation.alphaTag)
      : conversation.keyword
        ? localize.term('viaKeyword', conversation.keyword)
        : conversation.readOnly && !this.isAdmin
          ? localize.term('readOnly')
          : '';
    return html`<span part="item-tags" class="tags">
      <span class="badge">${localize.term(conversation.channel === 'sms' ? 'channelSms' : 'channelChat')}</span>
      ${number ? html`<span class="number">${number.label || this.phone.display(number.e164, this.homeCountry)}</span>` : nothing}
      ${conversation.blocked ? html`<span class="badge blocked">${localize.term('optedOut')}</span>` : nothing}
      ${readOnly ? html`<span class="badge read-only">${readOnly}</span>` : nothing}
      ${conversation.muted
        ? html`<span class="muted-icon" title=${localize.term('muted')}>${bellOffIcon}<span class="sms-visually-hidden">${localize.term('muted')}</span></span>`
        : nothing}
    </span>`;
  }

  private renderDetail(): TemplateResult {
    const id = this.selectedId;
    return html`<div part="detail" class="detail" @keydown=${this.onDetailKeydown}>
      ${id
        ? html`<sms-conversation part="conversation" conversation-id=${id} .conversationId=${id} .client=${this.smsClient}></sms-conversation>`
        : html`<div part="detail-empty" class="status">${this.localize.term('chooseConversation')}</div>`}
    </div>`;
  }

  private renderNewDialog(): TemplateResult | typeof nothing {
    if (!this.composing) return nothing;
    return html`<dialog ${ref(this.newDialog)} part="new-dialog" class="new-dialog" aria-labelledby="new-title" @close=${this.onNewClosed}>
      <div class="dialog-header">
        <h2 id="new-title" class="dialog-title">${this.localize.term('newConversation')}</h2>
        <button class="icon-button" aria-label=${this.localize.term('close')} @click=${() => this.newDialog.value?.close()}>${closeIcon}</button>
      </div>
      <sms-new-conversation
        part="new-conversation"
        .client=${this.smsClient}
        default-country=${ifDefined(this.homeCountry)}
        number-id=${ifDefined(this.numberId || undefined)}
        @sms-conversation-open=${this.onOpened}
      ></sms-new-conversation>
    </dialog>`;
  }
}
