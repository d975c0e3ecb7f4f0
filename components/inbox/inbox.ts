import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SmsClient } from '../../src/client.js';
import type { Conversation, ConversationFilter } from '../../src/model/conversation.js';
import type { SmsNumber } from '../../src/model/number.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import { SmsConversationSelectEvent } from '../events/sms-conversation-select-event.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ColleagueNamesController } from '../internal/colleague-names.js';
import { ConfirmController } from '../internal/confirm.js';
import { withContactChange } from '../internal/contact-change.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { lazy } from '../internal/lazy.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { ltrText } from '../internal/ltr-text.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { PagedListController } from '../internal/paged-list.js';
import { PhoneDisplayController } from '../internal/phone-display.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import { FILTERS, upsert, type ListQuery } from './conversation-list.js';
import { renderRow } from './conversation-row.js';
import { backIcon, closeIcon, plusIcon } from './icons.js';
import styles from './inbox.styles.js';
import { inboxTerms } from './inbox.terms.js';
import type { NewConversationPane } from './new-conversation-pane.js';
import { RowFocusController } from './row-focus.js';

const FILTER_TERMS = { all: 'filterAll', unread: 'filterUnread', sms: 'filterSms', chat: 'filterChat' } as const;
/** "New conversation" (the picker, and the dialog or page around it), loaded as the user goes for it. */
const loadPane = lazy(() => import('./new-conversation-pane.js'));

/** `<sms-conversation>`, for the split layout of a host that has not registered it itself. */
const loadConversation = lazy(() => import('../conversation/sms-conversation.js'));

/** Starts loading it as the pointer or the focus reaches the button, so that it opens at once. */
const preloadPicker = (): void => void loadPane().then((pane) => pane.preloadPicker()).catch(() => undefined);

const SEARCH_DELAY = 300;
const MINUTE = 60_000;

/**
 * @tagname sms-inbox
 * @summary The conversation history of the signed-in user, SMS and chat together: search, filters, paging as the
 * list scrolls, live updates (new messages, and contacts created, renamed or deleted anywhere), mute and delete, a
 * "New conversation" picker, and (in the split layout) the chosen conversation beside the list.
 *
 * The inbox lays itself out by its own width, not the viewport's: a 360 px side panel on a wide screen is narrow.
 * Below `split-min-width` (640 px by default) its views stack: in the split layout, choosing a conversation shows it
 * in place of the list, with a back button at the start of its header (Escape too) that returns to the list, the
 * focus on the conversation's row; in either layout "New conversation" opens as a page in place of the list, with
 * its own back button, instead of a dialog. The conversation and the picker it shows follow its `scheme`, `lang` and
 * `default-country`.
 *
 * @event {SmsConversationSelectEvent} sms-conversation-select - The user chose a conversation (click, or Enter on
 * its row): `detail.conversation`. The inbox marks it read; in the split layout it also opens it beside the list.
 * @event {SmsConversationOpenEvent} sms-conversation-open - A conversation was found or started from the "New
 * conversation" picker (`detail.conversation`); the inbox then selects it.
 *
 * The split layout shows `<sms-conversation>`. Where the host has not registered it (`import 'pbx-sms/components'`,
 * or `pbx-sms/components/sms-conversation` beside `pbx-sms/components/sms-inbox`), the split layout loads it as it
 * connects, with "Loading…" in the detail pane until it is there (an error and "Try again" if it cannot be fetched);
 * the list layout never carries it. Registering it up front saves that round trip. `<sms-new-conversation>` needs
 * nothing: it is loaded and registered as the user goes for "New conversation". Numbers show once the phone module
 * (loaded as the inbox connects, alongside the first page) is there.
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
 * @csspart item-tags - Markers, when a row has any: chat, the number, opted out, read only, muted.
 * @csspart unread-badge - The count of unread messages.
 * @csspart item-actions - The mute and delete buttons of a row.
 * @csspart mute-button - A row's mute / unmute button: a bell while the conversation rings, struck once muted.
 * @csspart delete-button - A row's delete button.
 * @csspart status - The loading, empty and error blocks.
 * @csspart retry-button - "Try again" in the error block.
 * @csspart empty - The empty block.
 * @csspart detail - The pane beside the list in the split layout (in its place when narrow).
 * @csspart conversation - The `<sms-conversation>` in the detail pane.
 * @csspart detail-empty - What the detail pane shows before a conversation is chosen.
 * @csspart back-button - Back to the list, from a conversation or "New conversation" in its place (narrow inbox).
 * @csspart new-dialog - The "New conversation" dialog.
 * @csspart new-page - "New conversation" in place of the list (narrow inbox).
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
  static override styles = [sharedStyles, controlStyles, nestedTheme('.base', 'sms-conversation, sms-new-conversation'), styles];

  /**
   * The country numbers typed without a country code are read in (ISO 3166-1 alpha-2, e.g. `AU`), and whose numbers
   * are shown in national form. Default: the backend's default country (`client.messages.capabilities()`).
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /**
   * `list`: the list alone (the host shows the chosen conversation). `split`: the chosen conversation opens beside
   * the list, or in its place, with a back button, when the inbox is narrower than `split-min-width`.
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

  /**
   * The breakpoint, in pixels of the inbox's own width (a ResizeObserver's, whatever the viewport): below it, the
   * views stack (the conversation and "New conversation" in place of the list, with a back button).
   */
  @property({ type: Number, attribute: 'split-min-width' }) splitMinWidth = 640;

  @state() private query = '';
  @state() private capabilities: SendCapabilities | undefined;
  @state() private numbers: SmsNumber[] = [];
  @state() private narrow = false;
  /** Re-renders the relative times once a minute. */
  @state() private minute = 0;
  @state() private actionError: string | null = null;
  @state() private moreFailed = false;
  /** What the narrow split layout shows: the list, or the selected conversation in its place. */
  @state() private showing: 'list' | 'conversation' = 'list';
  /**
   * `<sms-conversation>` for the split layout: registered (`ready`), loading, failed to load (until "Try again"), or
   * not asked for yet (undefined).
   */
  @state() private conversationElement: 'loading' | 'ready' | { error: unknown } | undefined = customElements.get('sms-conversation') ? 'ready' : undefined;

  private readonly localize = new LocalizeController(this, inboxTerms);
  private readonly announcer = new Announcer(this);
  private readonly phone = new PhoneDisplayController(this);
  private readonly colleagues = new ColleagueNamesController(this, () => this.smsClient);
  private readonly confirm = new ConfirmController(this);
  private readonly list = new PagedListController<Conversation>(this, (cursor) => this.fetchPage(cursor));
  private readonly rows = new RowFocusController(this, {
    items: () => this.list.items,
    selectedId: () => this.selectedId,
    visible: () => this.stackedPage === null,
    onOpen: (conversation) => this.choose(conversation),
    onDelete: (conversation) => void this.askDelete(conversation),
  });
  private picker: NewConversationPane | undefined;
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
      'contact.changed': (change) => {
        const items = this.list.items;
        const renamed = items.map((item) => withContactChange(item, change));
        if (renamed.some((item, index) => item !== items[index])) this.list.update(() => renamed);
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => (this.minute += 1), MINUTE);
    this.resizeObserver = new ResizeObserver(([entry]) => this.measure(entry?.contentRect.width));
    this.resizeObserver.observe(this);
  }

  /** Narrow or not, by the inbox's own width (given by the ResizeObserver, else read now). */
  private measure(width = this.getBoundingClientRect().width): void {
    const narrow = width < this.splitMinWidth;
    if (narrow !== this.narrow) this.narrow = narrow;
  }


  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    clearTimeout(this.searchTimer);
    this.resizeObserver?.disconnect();
    this.intersection?.disconnect();
    this.intersection = this.sentinel = undefined;
  }

  /** The split layout, wide enough: the list and the conversation side by side. */
  private get showsDetail(): boolean {
    return this.layout === 'split' && !this.narrow;
  }

  /** What the inbox shows in place of its list when narrow: the picker, the selected conversation, or nothing. */
  private get stackedPage(): 'new' | 'conversation' | null {
    if (!this.narrow) return null;
    if (this.picker?.mode === 'page') return 'new';
    return this.layout === 'split' && this.showing === 'conversation' && this.selectedId ? 'conversation' : null;
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
    if (keys.has('selectedId')) this.showing = this.selectedId ? 'conversation' : 'list';
    if (this.layout === 'split' && this.conversationElement === undefined) this.requestConversation();
    // Measured at once too (the first time, and on a new breakpoint): no waiting for the ResizeObserver's report.
    if (!this.hasUpdated || keys.has('splitMinWidth')) this.measure();
  }

  /** Registers `<sms-conversation>` for the split layout of a host that has not (see the class comment). */
  private requestConversation(): void {
    this.conversationElement = 'loading';
    void loadConversation().then(
      () => {
        // The back button of the loading pane gives way to the conversation's own: the focus follows it.
        const focused = (this.renderRoot as ShadowRoot).activeElement?.matches('.detail [part~="back-button"]');
        this.conversationElement = 'ready';
        if (focused) void this.focusBack();
      },
      (error: unknown) => (this.conversationElement = { error }),
    );
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
    if (!this.list.items.some((item) => item.id === id)) return;
    this.rows.forget(id);
    const wasShown = this.stackedPage === 'conversation' && this.selectedId === id;
    if (this.selectedId === id) this.selectedId = undefined;
    this.list.update((current) => current.filter((item) => item.id !== id));
    // The conversation that stood in place of the list is gone: the list comes back, the focus onto it.
    if (wasShown && this.rows.activeId) void this.rows.focusRow(this.rows.activeId, 0);
  }

  // --- actions ---

  private choose(conversation: Conversation): void {
    this.rows.activeId = conversation.id;
    this.rows.activeColumn = 0;
    this.selectedId = conversation.id;
    this.showing = 'conversation';
    this.dispatchEvent(new SmsConversationSelectEvent({ conversation }));
    if (conversation.unreadCount > 0) void this.markRead(conversation);
    if (this.stackedPage === 'conversation') void this.focusBack();
  }

  /** From the conversation shown in place of the list (narrow split layout) back to the list, onto its row. */
  private back(): void {
    this.showing = 'list';
    const id = this.selectedId ?? this.rows.activeId;
    if (id) void this.rows.focusRow(id, 0);
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
    const column = this.rows.activeColumn;
    const confirmed = await this.confirm.ask({
      title: this.localize.term('deleteTitle'),
      message: this.localize.term('deleteMessage', name),
      confirmLabel: this.localize.term('delete'),
      cancelLabel: this.localize.term('cancel'),
      danger: true,
    });
    const client = this.smsClient;
    if (!confirmed || !client) {
      void this.rows.focusRow(conversation.id, column);
      return;
    }
    this.actionError = null;
    try {
      await client.conversations.remove(conversation.id);
      this.removeLocal(conversation.id);
      this.announcer.announce(this.localize.term('inboxDeleted', name));
      if (this.rows.activeId) void this.rows.focusRow(this.rows.activeId, 0);
    } catch (error) {
      this.actionError = describeError(error, this.localize).message;
    }
  }

  /** "New conversation": a dialog, or a page in place of the list when the inbox is narrow. */
  private async openNew(): Promise<void> {
    this.actionError = null;
    const onError = (error: unknown) => (this.actionError = describeError(error, this.localize).message);
    try {
      const { NewConversationPane } = await loadPane();
      this.picker ??= new NewConversationPane(this, {
        localize: this.localize,
        client: () => this.smsClient,
        country: () => this.homeCountry,
        numberId: () => this.numberId || undefined,
        onError,
        onOpened: (conversation) => this.onOpened(conversation),
        onClosed: () => void this.focusNewButton(),
      });
    } catch (error) {
      onError(error);
      return;
    }
    await this.picker.open(this.narrow ? 'page' : 'dialog');
  }

  private onOpened(conversation: Conversation): void {
    if (this.list.status === 'ready') this.list.update((items) => [conversation, ...items.filter((item) => item.id !== conversation.id)]);
    this.choose(conversation);
    if (this.stackedPage !== 'conversation') void this.rows.focusRow(conversation.id, 0);
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

  /** Escape in the conversation: back to the list (its row) when it stands in place of the list; else onto its row. */
  private onDetailKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (this.stackedPage === 'conversation') {
      this.back();
      return;
    }
    const id = this.selectedId ?? this.rows.activeId;
    if (id) void this.rows.focusRow(id, 0);
  }

  // --- focus ---

  /**
   * Onto the back button of the conversation shown in place of the list, once that conversation has rendered (or of
   * the pane that stands for it while `<sms-conversation>` loads).
   */
  private async focusBack(): Promise<void> {
    await this.updateComplete;
    const conversation = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('sms-conversation');
    await conversation?.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.detail [part~="back-button"]')?.focus();
  }

  /** Back onto "New conversation" once its picker is closed. */
  private async focusNewButton(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.new-button')?.focus();
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

  private emptyText(): string {
    if (this.query) return this.localize.term('emptySearch', this.query);
    const filter = this.currentFilter;
    if (filter === 'unread') return this.localize.term('emptyUnread');
    return filter === 'all' && !this.numberId ? this.localize.term('emptyAll') : this.localize.term('emptyFiltered');
  }

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const split = this.showsDetail;
    const page = this.stackedPage;
    return html`
      <div part="base" class="base ${split ? 'split' : 'list'}">
        <div part="list-pane" class="list-pane" ?hidden=${page !== null}>
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
        ${split || page === 'conversation' ? this.renderDetail(page === 'conversation') : nothing} ${this.picker?.render()} ${this.confirm.render()}
        ${this.announcer.render()}
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
    return html`<button part="new-button" class="button primary new-button" @pointerenter=${preloadPicker} @focus=${preloadPicker} @click=${() => void this.openNew()}>
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
    const stop = this.rows.tabStop();
    return html`<div
        ${ref(this.rows.grid)}
        part="list"
        role="grid"
        aria-label=${this.localize.term('inboxLabel')}
        aria-busy=${list.loadingMore ? 'true' : 'false'}
        @keydown=${this.rows.onKeydown}
        @focusin=${this.rows.onFocusin}
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
    const number = this.numbers.length > 1 ? this.numbers.find((candidate) => candidate.id === conversation.numberId) : undefined;
    return renderRow(conversation, {
      localize: this.localize,
      name: this.peerLabel(conversation),
      number: number && (number.label || ltrText(this.phone.display(number.e164, this.homeCountry))),
      selected: conversation.id === this.selectedId,
      stopColumn: stop.id === conversation.id ? stop.column : -1,
      isAdmin: this.isAdmin,
      me: this.smsClient?.principal.userId,
      colleague: (senderId) => this.colleagues.name(senderId),
      onChoose: (chosen) => this.choose(chosen),
      onMute: (chosen) => void this.toggleMute(chosen),
      onDelete: (chosen) => void this.askDelete(chosen),
    });
  }

  /** The selected conversation: beside the list, or in its place (`stacked`) with a back button in its header. */
  private renderDetail(stacked: boolean): TemplateResult {
    const id = this.selectedId;
    return html`<div part="detail" class="detail" @keydown=${this.onDetailKeydown}>
      ${!id
        ? html`<div part="detail-empty" class="status">${this.localize.term('chooseConversation')}</div>`
        : this.conversationElement !== 'ready'
          ? this.renderConversationLoading(stacked)
          : html`<sms-conversation
              part="conversation"
              conversation-id=${id}
              .conversationId=${id}
              .client=${this.smsClient}
              .defaultCountry=${this.homeCountry}
            >
              ${stacked ? this.renderBack('header-start') : nothing}
            </sms-conversation>`}
    </div>`;
  }

  /** The button back to the list, for the conversation shown in its place (in its header when slotted there). */
  private renderBack(slot?: 'header-start'): TemplateResult {
    const back = this.localize.term('backToList');
    return html`<button slot=${slot ?? nothing} part="back-button" class="icon-button back" aria-label=${back} title=${back} @click=${() => this.back()}>
      ${backIcon}
    </button>`;
  }

  /** The detail pane while `<sms-conversation>` loads, or when it could not be fetched; stacked, with the back button. */
  private renderConversationLoading(stacked: boolean): TemplateResult {
    const state = this.conversationElement;
    return html`${stacked ? this.renderBack() : nothing}
    ${typeof state === 'object'
      ? renderError(describeError(state.error, this.localize).message, { label: this.localize.term('retry'), onRetry: () => this.requestConversation() })
      : renderLoading(this.localize.term('loading'))}`;
  }
}
