import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { SmsClient } from '../../src/client.js';
import type { Contact } from '../../src/model/contact.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import { SmsConversationOpenEvent } from '../events/sms-conversation-open-event.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { LocalizeController } from '../internal/localize.js';
import { displayPhone, parsePhone, type PhoneParseResult } from '../internal/phone.js';
import { phoneProblemKey } from '../internal/phone-terms.js';
import { sharedStyles } from '../internal/theme.js';
import styles from './new-conversation.styles.js';
import { newConversationTerms } from './new-conversation.terms.js';

type Choice =
  | { kind: 'number'; e164: string }
  | { kind: 'contact'; e164: string; contact: Contact; label: string }
  | { kind: 'user'; user: DirectoryUser };

const SEARCH_DELAY = 200;
const SUGGESTIONS = 8;
/** Line types SMS reaches. */
const TEXTABLE = new Set(['mobile', 'fixed-line-or-mobile']);

/** Digits and no letters: what the user types is a number to check, not a name to look up. */
function looksLikeNumber(text: string): boolean {
  return /\p{Nd}/u.test(text) && !/\p{L}/u.test(text);
}

/**
 * @tagname sms-new-conversation
 * @summary Starts a conversation: pick a contact's number, a colleague to chat with, or type a number, checked as it
 * is typed (in `default-country`). The conversation is found or created with `client.conversations.open()`.
 * `<sms-inbox>` shows it in its "New conversation" dialog; a portal can also place it anywhere.
 *
 * @event {SmsConversationOpenEvent} sms-conversation-open - The conversation the user picked is open
 * (`detail.conversation`): show it.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart from - The "From" number select, for a user with several numbers.
 * @csspart input - The "To" field: a combobox.
 * @csspart hint - Under the field: the number as it will be dialled, or why it is not valid.
 * @csspart choices - The list of suggestions.
 * @csspart choice - One suggestion: the typed number, a contact's number or a colleague.
 * @csspart no-matches - Shown when nothing matches.
 * @csspart error - Why the conversation could not be opened.
 *
 * @cssproperty --sms-new-conversation-list-height - Height of the suggestions before they scroll. Default: `18rem`.
 * @cssproperty --sms-color-surface - Background of the inputs.
 * @cssproperty --sms-color-surface-alt - Background of the group labels.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Hints, details, group labels.
 * @cssproperty --sms-color-border - Borders.
 * @cssproperty --sms-color-accent - The active suggestion.
 * @cssproperty --sms-color-danger - Why a number is not valid; errors.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 *
 * @example
 * ```html
 * <sms-new-conversation default-country="AU"></sms-new-conversation>
 * ```
 */
export class SmsNewConversation extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, styles];

  /** The country numbers typed without a country code are read in (e.g. `AU`). Default: the backend's. */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /** The number to send from (its id), for a user with several. Default: their first number. */
  @property({ attribute: 'number-id' }) numberId?: string;

  @state() private text = '';
  @state() private capabilities: SendCapabilities | undefined;
  @state() private contacts: Contact[] = [];
  @state() private users: DirectoryUser[] = [];
  @state() private loaded = false;
  @state() private active = 0;
  @state() private fromId: string | undefined;
  @state() private busy = false;
  @state() private error: string | null = null;

  private readonly localize = new LocalizeController(this, newConversationTerms);
  private readonly announcer = new Announcer(this);
  private parsed: PhoneParseResult | null = null;
  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** Focuses the "To" field. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#to')?.focus(options));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private get canText(): boolean {
    return (this.capabilities?.numbers.length ?? 0) > 0;
  }

  private get country(): string | undefined {
    return this.defaultCountry || this.capabilities?.defaultCountry;
  }

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin' || this.capabilities?.reason === 'role.admin';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    const client = this.smsClient;
    if ((keys.has('client') || keys.has('contextClient')) && client) void this.load(client);
    if (keys.has('text') || keys.has('capabilities') || keys.has('defaultCountry')) {
      const text = this.text.trim();
      this.parsed = this.canText && looksLikeNumber(text) ? parsePhone(text, { defaultCountry: this.country }) : null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.has('text')) this.announcer.announce(this.hint().text);
    if (keys.has('active') || keys.has('contacts') || keys.has('users')) {
      this.renderRoot.querySelector(`#choice-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private async load(client: SmsClient): Promise<void> {
    try {
      this.capabilities = await client.messages.capabilities();
    } catch {
      this.capabilities = undefined;
    }
    if (client !== this.smsClient) return;
    void this.search(client, this.text);
  }

  private async search(client: SmsClient, text: string): Promise<void> {
    const generation = ++this.generation;
    const query = text.trim() ? { query: text.trim() } : {};
    const noContacts = { items: [] as Contact[], nextCursor: null };
    const [contacts, users] = await Promise.allSettled([
      this.canText ? client.contacts.list({ ...query, limit: SUGGESTIONS }) : noContacts,
      client.directory.search({ ...query, limit: SUGGESTIONS + 1 }),
    ]);
    if (generation !== this.generation) return;
    this.contacts = contacts.status === 'fulfilled' ? contacts.value.items : [];
    const others = users.status === 'fulfilled' ? users.value.items.filter((user) => user.id !== client.principal.userId) : [];
    this.users = others.slice(0, SUGGESTIONS);
    this.active = 0;
    this.loaded = true;
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.active = 0;
    this.error = null;
    clearTimeout(this.searchTimer);
    const client = this.smsClient;
    if (client) this.searchTimer = setTimeout(() => void this.search(client, this.text), SEARCH_DELAY);
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.choices().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = this.choices()[this.active];
      if (choice) void this.pick(choice);
    }
  }

  private choices(): Choice[] {
    const choices: Choice[] = [];
    if (this.parsed?.ok) choices.push({ kind: 'number', e164: this.parsed.e164 });
    for (const contact of this.contacts) {
      for (const number of contact.numbers) choices.push({ kind: 'contact', e164: number.e164, contact, label: number.label });
    }
    for (const user of this.users) choices.push({ kind: 'user', user });
    return choices;
  }

  private async pick(choice: Choice): Promise<void> {
    const client = this.smsClient;
    if (!client || this.busy) return;
    this.busy = true;
    this.error = null;
    const numbers = this.capabilities?.numbers ?? [];
    const numberId = numbers.find((number) => number.id === (this.fromId ?? this.numberId))?.id ?? numbers[0]?.id;
    try {
      const conversation = await client.conversations.open(
        choice.kind === 'user' ? { channel: 'chat', userId: choice.user.id } : { channel: 'sms', peer: choice.e164, ...(numberId && { numberId }) },
      );
      this.text = '';
      void this.search(client, '');
      this.dispatchEvent(new SmsConversationOpenEvent({ conversation }));
    } catch (error) {
      this.error = describeError(error, this.localize).message;
    } finally {
      this.busy = false;
    }
  }

  /** What to say under the field: the number as it will be dialled, or why it is not one. */
  private hint(): { text: string; invalid: boolean } {
    const parsed = this.parsed;
    if (!parsed) return { text: '', invalid: false };
    if (parsed.ok) {
      const shown = displayPhone(parsed.e164, this.country);
      return { text: TEXTABLE.has(parsed.type) ? shown : this.localize.term('notMobile', shown), invalid: false };
    }
    const key = phoneProblemKey(parsed.error.code);
    // Too short is what every number is while it is being typed: say so without calling it an error.
    return { text: key ? this.localize.term(key) : parsed.error.message, invalid: parsed.error.code !== 'phone.too_short' };
  }

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    if (this.isAdmin) return html`<div part="base" class="base"><p class="hint">${this.localize.term('adminCannotSend')}</p></div>`;
    const choices = this.choices();
    const active = Math.min(this.active, choices.length - 1);
    const hint = this.hint();
    return html`<div part="base" class="base">
      ${this.renderFrom()}
      ${this.capabilities && !this.canText ? html`<p class="hint">${this.localize.term('chatOnly')}</p>` : nothing}
      <div class="field">
        <label for="to">${this.localize.term('pickTo')}</label>
        <input
          id="to"
          part="input"
          class="input"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${choices.length > 0 ? 'true' : 'false'}
          aria-controls=${ifDefined(choices.length > 0 ? 'choices' : undefined)}
          aria-activedescendant=${ifDefined(active >= 0 ? `choice-${active}` : undefined)}
          aria-describedby="hint"
          aria-invalid=${hint.invalid ? 'true' : 'false'}
          placeholder=${this.localize.term('pickPlaceholder')}
          maxlength="100"
          .value=${live(this.text)}
          ?disabled=${this.busy}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        />
        <div id="hint" part="hint" class=${hint.invalid ? 'field-error' : 'hint'}>${hint.text}</div>
      </div>
      ${choices.length > 0 ? this.renderChoices(choices, active) : this.loaded ? html`<p part="no-matches" class="hint">${this.localize.term('noMatches')}</p>` : nothing}
      ${this.busy ? html`<p class="hint" role="status">${this.localize.term('opening')}</p>` : nothing}
      ${this.error ? html`<p part="error" class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.announcer.render()}
    </div>`;
  }

  private renderFrom(): TemplateResult | typeof nothing {
    const numbers = this.capabilities?.numbers ?? [];
    if (numbers.length < 2) return nothing;
    const selected = numbers.find((number) => number.id === (this.fromId ?? this.numberId))?.id ?? numbers[0]!.id;
    return html`<div class="field">
      <label for="from">${this.localize.term('pickFrom')}</label>
      <select id="from" part="from" class="input" @change=${(event: Event) => (this.fromId = (event.target as HTMLSelectElement).value)}>
        ${numbers.map((number) => {
          const shown = displayPhone(number.e164, this.country);
          return html`<option value=${number.id} ?selected=${number.id === selected}>
            ${number.label ? this.localize.term('numberOption', number.label, shown) : shown}
          </option>`;
        })}
      </select>
    </div>`;
  }

  private renderChoices(choices: Choice[], active: number): TemplateResult {
    const groups: Array<[label: string, kind: Choice['kind'][]]> = [
      [this.localize.term('numberGroup'), ['number']],
      [this.localize.term('contactsGroup'), ['contact']],
      [this.localize.term('colleaguesGroup'), ['user']],
    ];
    return html`<div id="choices" part="choices" class="choices" role="listbox" aria-label=${this.localize.term('suggestions')}>
      ${groups.map(([label, kinds]) => {
        const members = choices.map((choice, index) => ({ choice, index })).filter(({ choice }) => kinds.includes(choice.kind));
        if (members.length === 0) return nothing;
        return html`<div role="group" aria-label=${label}>
          <div class="group-label" aria-hidden="true">${label}</div>
          ${members.map(({ choice, index }) => this.renderChoice(choice, index, index === active))}
        </div>`;
      })}
    </div>`;
  }

  private renderChoice(choice: Choice, index: number, active: boolean): TemplateResult {
    const { localize } = this;
    const country = this.country;
    const [name, detail, channel] =
      choice.kind === 'number'
        ? [localize.term('textNumber', displayPhone(choice.e164, country)), '', 'channelSms' as const]
        : choice.kind === 'contact'
          ? [choice.contact.name, localize.term('contactNumber', choice.label, displayPhone(choice.e164, country)), 'channelSms' as const]
          : [
              choice.user.name,
              [choice.user.extension ? localize.term('extension', choice.user.extension) : '', choice.user.online ? localize.term('online') : '']
                .filter(Boolean)
                .join(' · '),
              'channelChat' as const,
            ];
    return html`<div
      id="choice-${index}"
      part="choice"
      class="choice"
      role="option"
      aria-selected=${active ? 'true' : 'false'}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => this.pick(choice)}
    >
      <bdi class="choice-name">${name}</bdi>
      ${detail ? html`<span class="choice-detail">${detail}</span>` : nothing}
      <span class="badge">${localize.term(channel)}</span>
    </div>`;
  }
}
