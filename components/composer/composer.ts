import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Conversation } from '../../src/model/conversation.js';
import type { MessageSend } from '../../src/model/message.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import { countSegments } from '../../src/segments.js';
import { SmsSendEvent } from '../events/sms-send-event.js';
import type { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import { Announcer } from '../internal/announcer.js';
import { fitTextarea, replaceAsTyped } from '../internal/text-box.js';
import { SmsClientElement } from '../internal/client-element.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError, MESSAGE_MAX_LENGTH } from '../internal/error-text.js';
import { lazy } from '../internal/lazy.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { PhoneDisplayController } from '../internal/phone-display.js';
import { renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import '../segment-counter/sms-segment-counter.js';
import styles from './composer.styles.js';
import type { TemplatePicker } from './template-picker.js';
import { composerTerms, type ComposerTerms } from './composer.terms.js';

/** The templates dialog, loaded when the user first opens it. */
const templatePickerModule = lazy(() => import('./template-picker.js'));

type Load = { status: 'idle' | 'loading' | 'ready' } | { status: 'error'; error: unknown };

/** The key of the sentence that says why the user cannot send, or null when they can. */
export function cannotSendReason(capabilities: SendCapabilities, conversation: Conversation | undefined): keyof ComposerTerms | null {
  if (capabilities.reason === 'role.admin') return 'cannotSendAdmin';
  if (!capabilities.canSend && conversation?.channel !== 'chat') return 'cannotSendNoNumber';
  if (!conversation) return null;
  if (conversation.keyword !== null) return 'cannotSendKeyword';
  if (conversation.alphaTag !== null) return 'cannotSendAlphaTag';
  if (conversation.readOnly) return 'cannotSendReadOnly';
  if (conversation.channel === 'sms' && conversation.numberId !== null && !capabilities.numbers.some((number) => number.id === conversation.numberId)) {
    return 'cannotSendNumberNotYours';
  }
  if (conversation.blocked && capabilities.blockDirectSends) return 'cannotSendBlocked';
  return null;
}

/**
 * Why a text is too long to send, or null: over `maxSegments` parts (when set), or over the most characters a message
 * may have.
 */
export function overLimit(text: string, maxSegments: number | undefined): { key: 'tooManyParts' | 'tooManyCharacters'; limit: number } | null {
  if (text.length > MESSAGE_MAX_LENGTH) return { key: 'tooManyCharacters', limit: MESSAGE_MAX_LENGTH };
  if (maxSegments !== undefined && maxSegments > 0 && countSegments(text).segments > maxSegments) return { key: 'tooManyParts', limit: maxSegments };
  return null;
}

/** A `datetime-local` value ("2026-11-23T09:30") for an instant, in the browser's time zone. */
function localInputValue(time: number): string {
  const date = new Date(time - new Date(time).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/**
 * @tagname sms-composer
 * @summary Writes and sends a message: to a conversation (`conversation-id`) or to a number (`to`, with a picker of
 * the user's numbers when they have several). Shows the segment counter live and applies its GSM-safe replacement,
 * inserts templates with a preview of their merge fields (their list follows changes made elsewhere, live), schedules
 * for later, and says why the user cannot send (administrator, no number, one-way thread, blocked number) instead of
 * failing on send. Enter sends, Shift+Enter starts a new line (not while an input method is composing). The text box
 * grows with the text, up to about eight lines, then scrolls. A text over `max-segments` parts, or over 1,600
 * characters, cannot be sent: Send is disabled and the composer says why.
 *
 * @event {SmsSendEvent} sms-send - The backend accepted a message (`detail.message`: queued, scheduled, or a chat).
 * On failure the error is shown in the composer, the text is kept, and nothing is fired.
 * @event {InputEvent} input - The text changed (read `value`): typed, replaced by its GSM-safe version, a template
 * inserted, or cleared after a send. Bubbles and is composed, as the text box's own.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart from - The sender: the number the message goes from, or the picker of numbers.
 * @csspart channel - The channel badge, "SMS" or "Chat".
 * @csspart textarea - The message text.
 * @csspart counter - The `<sms-segment-counter>` (SMS only).
 * @csspart limit - Why a text over `max-segments` parts or 1,600 characters cannot be sent.
 * @csspart templates-button - Opens the templates.
 * @csspart schedule-button - Shows or hides the send-later time.
 * @csspart schedule - The send-later time and its time zone.
 * @csspart send-button - Sends (or schedules) the message.
 * @csspart error - Why the last send failed.
 * @csspart cannot-send - Why the user cannot send, shown instead of the form.
 * @csspart templates-dialog - The templates dialog.
 * @csspart template-preview - The preview of the chosen template with its merge fields filled in.
 * @csspart status - The loading and error states.
 * @csspart retry-button - Loads again after an error.
 * @csspart config-error - The message shown when the element has no client.
 *
 * @cssproperty --sms-composer-background - Background of the composer. Default: `--sms-color-surface`.
 * @cssproperty --sms-color-surface - Background of the elements and fields.
 * @cssproperty --sms-color-surface-alt - Background of the cannot-send notice and hovered buttons.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Hints and the time zone.
 * @cssproperty --sms-color-border - Borders of fields and buttons.
 * @cssproperty --sms-color-accent - The send button.
 * @cssproperty --sms-color-on-accent - Text of the send button.
 * @cssproperty --sms-color-danger - Errors.
 * @cssproperty --sms-color-warning - Missing merge fields.
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
 * <sms-composer conversation-id="cv_123"></sms-composer>
 * <sms-composer to="+61412345678"></sms-composer>
 * ```
 */
export class SmsComposer extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, nestedTheme('.base', 'sms-segment-counter'), styles];

  /** The conversation to write in. Takes precedence over `to`. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The conversation, when the host already has it (as `<sms-conversation>` does); fetched otherwise. */
  @property({ attribute: false }) conversation?: Conversation;

  /** Without a conversation: the number to send an SMS to, as E.164 or as the user types it. */
  @property() to?: string;

  /** Without a conversation: the id of the user's number to send from (the picker's value). */
  @property({ attribute: 'number-id' }) numberId?: string;

  /** What the user may send, when the host already knows it (`client.messages.capabilities()`); fetched otherwise. */
  @property({ attribute: false }) capabilities?: SendCapabilities;

  /**
   * The most parts a message may have: above it, Send is disabled and the composer says the text is too long. No limit
   * but the 1,600 characters of any message when unset.
   */
  @property({ type: Number, attribute: 'max-segments' }) maxSegments?: number;

  /** The text being written. Setting it replaces the draft. */
  @property() value = '';

  @state() private loaded: { capabilities?: SendCapabilities; conversation?: Conversation } = {};
  @state() private load: Load = { status: 'idle' };
  @state() private sending = false;
  @state() private sendError: string | null = null;
  @state() private scheduling = false;
  @state() private sendAt = '';
  @state() private scheduleError: string | null = null;

  private readonly localize = new LocalizeController(this, composerTerms);
  private readonly announcer = new Announcer(this, { delay: 100 });
  private readonly phone = new PhoneDisplayController(this);
  private readonly textarea = createRef<HTMLTextAreaElement>();
  private templatePicker: TemplatePicker | undefined;
  /** Once the templates dialog was opened, its list follows template changes made elsewhere. */
  private readonly live = new LiveEventsController(this, () => (this.templatePicker ? this.smsClient : undefined), {
    'template.changed': (change) => this.templatePicker?.apply(change),
  });
  private generation = 0;

  /** Puts the keyboard focus in the message text. */
  override focus(options?: FocusOptions): void {
    this.textarea.value?.focus(options);
  }

  private get effectiveCapabilities(): SendCapabilities | undefined {
    return this.capabilities ?? this.loaded.capabilities;
  }

  /** The conversation written in: `conversation-id`, else the given conversation's id. */
  private get targetId(): string | undefined {
    return this.conversationId ?? this.conversation?.id;
  }

  private get effectiveConversation(): Conversation | undefined {
    const conversation = this.conversation ?? this.loaded.conversation;
    return conversation && conversation.id === this.targetId ? conversation : undefined;
  }

  private get channel(): 'sms' | 'chat' {
    return this.effectiveConversation?.channel ?? 'sms';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const relevant = ['client', 'contextClient', 'conversationId', 'conversation', 'capabilities'] as const;
    if (relevant.some((key) => changed.has(key as keyof SmsComposer))) this.fetchMissing();
  }

  protected override updated(): void {
    fitTextarea(this.textarea.value);
  }

  /** Loads what the host did not give: the capabilities, and the conversation when only its id is known. */
  private async fetchMissing(): Promise<void> {
    const client = this.smsClient;
    const generation = ++this.generation;
    const needCapabilities = !this.capabilities;
    const id = this.targetId;
    const needConversation = id !== undefined && this.conversation?.id !== id;
    if (!client || (!needCapabilities && !needConversation)) {
      this.load = { status: 'ready' };
      return;
    }
    this.load = { status: 'loading' };
    try {
      const [capabilities, conversation] = await Promise.all([
        needCapabilities ? client.messages.capabilities() : undefined,
        needConversation && id ? client.conversations.get(id) : undefined,
      ]);
      if (generation !== this.generation) return;
      this.loaded = { capabilities: capabilities ?? this.loaded.capabilities, conversation: conversation ?? this.loaded.conversation };
      this.load = { status: 'ready' };
    } catch (error) {
      if (generation === this.generation) this.load = { status: 'error', error };
    }
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.sendError = null;
  }

  /** The composer's `input` events are the text's: those of its other fields (the time, a template) stay inside. */
  private keepInputToText(event: Event): void {
    if (event.target !== this.textarea.value) event.stopPropagation();
  }

  private onKeydown(event: KeyboardEvent): void {
    // keyCode 229: a key pressed while an input method (Japanese, Chinese...) is composing.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void this.send();
  }

  private onGsmReplace(event: SmsGsmReplaceEvent): void {
    this.replaceText(event.detail.text, 'insertReplacementText');
  }

  /**
   * Changes the text as the user asked (a GSM-safe replacement, a template) the way typing does: in the text box, with
   * an `input` event, so that a host that follows the text through `input` has the new one.
   */
  private replaceText(text: string, inputType: string): void {
    const textarea = this.textarea.value;
    if (!textarea) {
      this.value = text;
      return;
    }
    replaceAsTyped(textarea, text, inputType);
  }

  private sendInput(body: string, sendAt: string | undefined): MessageSend | null {
    const schedule = sendAt === undefined ? {} : { sendAt };
    const conversationId = this.targetId;
    if (conversationId) return { conversationId, body, ...schedule };
    if (!this.to) return null;
    const numbers = this.effectiveCapabilities?.numbers ?? [];
    const numberId = this.numberId ?? (numbers.length === 1 ? numbers[0]!.id : undefined);
    return { channel: 'sms', to: this.to, body, ...(numberId && { numberId }), ...schedule };
  }

  /** Sends the text (or schedules it). Does nothing while the text is empty, a send is running or sending is not allowed. */
  async send(): Promise<void> {
    const client = this.smsClient;
    const capabilities = this.effectiveCapabilities;
    const body = this.value;
    if (!client || !capabilities || this.sending || body.trim() === '' || overLimit(body, this.maxSegments)) return;
    if (cannotSendReason(capabilities, this.effectiveConversation) !== null) return;
    let sendAt: string | undefined;
    if (this.scheduling && this.channel === 'sms') {
      const time = this.sendAt ? new Date(this.sendAt).getTime() : Number.NaN;
      this.scheduleError = Number.isNaN(time) ? this.localize.term('composerScheduleRequired') : time <= Date.now() ? this.localize.term('schedulePast') : null;
      if (this.scheduleError) return;
      sendAt = new Date(time).toISOString();
    }
    const input = this.sendInput(body, sendAt);
    if (!input) {
      this.sendError = this.localize.term('noRecipient');
      return;
    }
    this.sending = true;
    this.sendError = null;
    try {
      const message = await client.messages.send(input);
      this.replaceText('', 'deleteContent');
      this.scheduling = false;
      this.sendAt = '';
      this.announcer.announce(
        message.sendAt ? this.localize.term('messageScheduled', this.localize.date(message.sendAt, { dateStyle: 'medium', timeStyle: 'short' })) : this.localize.term('sent'),
      );
      this.dispatchEvent(new SmsSendEvent({ message }));
    } catch (error) {
      this.sendError = describeError(error, this.localize, this.localize.term('sendFailed')).message;
    } finally {
      this.sending = false;
    }
  }

  private toggleSchedule(): void {
    this.scheduling = !this.scheduling;
    this.scheduleError = null;
    if (this.scheduling && !this.sendAt) this.sendAt = localInputValue(Date.now() + 60 * 60_000);
  }

  private async openTemplates(): Promise<void> {
    try {
      const { TemplatePicker } = await templatePickerModule();
      this.templatePicker ??= new TemplatePicker(this, {
        localize: this.localize,
        client: () => this.smsClient,
        conversation: () => this.effectiveConversation,
        insert: (text, placeholder) => void this.insertAtCaret(text, placeholder),
      });
    } catch (error) {
      this.sendError = describeError(error, this.localize).message;
      return;
    }
    await this.templatePicker.open();
  }

  /** Inserts `text` at the caret, then selects `placeholder` in it (a field left to fill), else puts the caret after it. */
  private async insertAtCaret(text: string, placeholder: string | undefined): Promise<void> {
    const textarea = this.textarea.value;
    const start = textarea?.selectionStart ?? this.value.length;
    const end = textarea?.selectionEnd ?? this.value.length;
    this.replaceText(this.value.slice(0, start) + text + this.value.slice(end), 'insertText');
    await this.updateComplete;
    if (!textarea) return;
    textarea.focus();
    const at = placeholder === undefined ? -1 : this.value.indexOf(placeholder, start);
    if (at >= 0) textarea.setSelectionRange(at, at + placeholder!.length);
    else textarea.setSelectionRange(start + text.length, start + text.length);
  }

  override render(): TemplateResult {
    const { localize } = this;
    const client = this.smsClient;
    if (!client) return this.renderMissingClient(localize.term('noClient'));
    const capabilities = this.effectiveCapabilities;
    if (this.load.status === 'error') {
      return renderError(describeError(this.load.error, localize).message, {
        label: localize.term('retry'),
        onRetry: () => void this.fetchMissing(),
      });
    }
    // A user with several numbers sees them in the "From" picker: in their final form, once the phone module is there.
    const waiting = !capabilities || (this.targetId && !this.effectiveConversation) || (capabilities.numbers.length > 1 && !this.phone.ready);
    if (waiting) return renderLoading(localize.term('loading'));
    const reason = cannotSendReason(capabilities, this.effectiveConversation);
    if (reason) {
      const conversation = this.effectiveConversation;
      const text = localize.term(reason, conversation?.keyword ?? conversation?.alphaTag ?? '');
      return html`<div part="base cannot-send" class="base cannot-send" role="note">${text}</div>`;
    }
    return this.renderForm(capabilities);
  }

  /** The form's name, a landmark's: who it writes to, so that two composers in one page are told apart. */
  private formLabel(): string {
    const conversation = this.effectiveConversation;
    if (!conversation) return this.localize.term('composerLabel');
    return this.localize.term('composerLabelTo', conversation.peerName ?? conversation.peer);
  }

  private renderForm(capabilities: SendCapabilities): TemplateResult {
    const { localize } = this;
    const sms = this.channel === 'sms';
    const empty = this.value.trim() === '';
    const over = overLimit(this.value, this.maxSegments);
    return html`
      <form part="base" class="base" novalidate aria-label=${this.formLabel()} @input=${this.keepInputToText} @submit=${(event: Event) => {
        event.preventDefault();
        void this.send();
      }}>
        <textarea
          ${ref(this.textarea)}
          part="textarea"
          class="input textarea grow"
          dir="auto"
          rows="2"
          maxlength=${MESSAGE_MAX_LENGTH}
          aria-label=${localize.term('messageLabel')}
          aria-describedby=${over ? 'keyboard-hint limit' : 'keyboard-hint'}
          aria-invalid=${over ? 'true' : 'false'}
          placeholder=${localize.term('messagePlaceholder')}
          .value=${this.value}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        ></textarea>
        <span id="keyboard-hint" class="sms-visually-hidden">${localize.term('keyboardHint')}</span>
        ${sms
          ? html`<sms-segment-counter part="counter" compact .text=${this.value} @sms-gsm-replace=${this.onGsmReplace}></sms-segment-counter>`
          : nothing}
        ${over ? html`<p id="limit" part="limit" class="field-error limit">${localize.term(over.key, over.limit)}</p>` : nothing}
        ${this.scheduling && sms ? this.renderSchedule() : nothing}
        ${this.sendError ? html`<div part="error" class="field-error" role="alert">${this.sendError}</div>` : nothing}
        <div class="actions">
          <span part="channel" class="badge channel ${this.channel}"
            ><span class="sms-visually-hidden">${localize.term('channelLabel')} </span>${localize.term(sms ? 'channelSms' : 'channelChat')}</span
          >
          ${sms ? this.renderFrom(capabilities) : nothing}
          <button type="button" class="button quiet" part="templates-button" aria-haspopup="dialog" @click=${() => void this.openTemplates()}>
            ${localize.term('templates')}
          </button>
          ${sms
            ? html`<button type="button" class="button quiet" part="schedule-button" aria-expanded=${this.scheduling ? 'true' : 'false'} aria-controls="schedule" @click=${this.toggleSchedule}>
                ${localize.term('scheduleToggle')}
              </button>`
            : nothing}
          <button type="submit" class="button primary send" part="send-button" ?disabled=${empty || this.sending || over !== null} aria-busy=${this.sending ? 'true' : 'false'}>
            ${localize.term(this.sending ? 'sending' : this.scheduling && sms ? 'scheduleSend' : 'send')}
          </button>
        </div>
        ${this.templatePicker?.render()} ${this.announcer.render()}
      </form>
    `;
  }

  private renderFrom(capabilities: SendCapabilities): TemplateResult | typeof nothing {
    const { localize } = this;
    const conversation = this.effectiveConversation;
    const numbers = capabilities.numbers;
    const label = (number: (typeof numbers)[number]) =>
      number.label ? localize.term('fromNumber', number.label, this.phone.display(number.e164, capabilities.defaultCountry)) : this.phone.display(number.e164, capabilities.defaultCountry);
    if (conversation) {
      const number = numbers.find((candidate) => candidate.id === conversation.numberId);
      if (!number || numbers.length < 2) return nothing;
      return html`<span part="from" class="from">${localize.term('fromLabel')}: ${label(number)}</span>`;
    }
    if (numbers.length < 2) return nothing;
    return html`<label part="from" class="from">
      ${localize.term('fromLabel')}
      <select class="input" required @change=${(event: Event) => (this.numberId = (event.target as HTMLSelectElement).value || undefined)}>
        <option value="" ?selected=${!this.numberId}>${localize.term('chooseNumber')}</option>
        ${numbers.map((number) => html`<option value=${number.id} ?selected=${number.id === this.numberId}>${label(number)}</option>`)}
      </select>
    </label>`;
  }

  private renderSchedule(): TemplateResult {
    const { localize } = this;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const offset = new Intl.DateTimeFormat(localize.lang, { timeZoneName: 'shortOffset' }).formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value;
    return html`<div id="schedule" part="schedule" class="schedule">
      <label class="field">
        <span class="label">${localize.term('sendAtLabel')}</span>
        <input
          class="input"
          type="datetime-local"
          min=${localInputValue(Date.now())}
          .value=${this.sendAt}
          aria-invalid=${this.scheduleError ? 'true' : 'false'}
          aria-describedby="time-zone schedule-error"
          @input=${(event: Event) => {
            this.sendAt = (event.target as HTMLInputElement).value;
            this.scheduleError = null;
          }}
        />
      </label>
      <span id="time-zone" class="hint">${localize.term('timeZone', zone, offset ?? '')}</span>
      <span id="schedule-error" class="field-error" role=${this.scheduleError ? 'alert' : nothing}>${this.scheduleError ?? ''}</span>
    </div>`;
  }
}
