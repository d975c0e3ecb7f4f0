import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { KeywordClassifier } from '../../src/keywords.js';
import type { User } from '../../src/model/directory.js';
import type { KeywordRule } from '../../src/model/keyword.js';
import type { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import { emailAccepted, mobileProblem, renderEmailField } from '../internal/forward-fields.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { displayPhone } from '../internal/phone.js';
import { checkPhone, renderPhoneField } from '../internal/phone-input.js';
import '../segment-counter/sms-segment-counter.js';
import type { KeywordManagerTerms } from './keyword-manager.terms.js';

type Localize = LocalizeController<KeywordManagerTerms>;

/** The backend's rules: one word of A–Z, digits and hyphens, up to 30; an auto-reply of up to 640 characters. */
const KEYWORD_PATTERN = /^[A-Z0-9][A-Z0-9-]*$/;
const KEYWORD_MAX = 30;
const AUTO_REPLY_MAX = 640;

export interface KeywordFormOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  /** The country mobiles typed without a country code are read in. */
  country: () => string | undefined;
  /** The opt-out, opt-in and help words of the organisation (the defaults and its settings' extra words). */
  classifier: () => KeywordClassifier;
  /** The keywords of the other rules shown, to say a word is taken as it is typed. */
  taken: (except: string | null) => ReadonlySet<string>;
  /** The people whose portal inbox a keyword can go to, read when the form opens. */
  users: () => Promise<User[]>;
  form: FormDialogController;
  notice: NoticeController;
  /** The rule was added or saved. */
  saved: (rule: KeywordRule) => void;
}

/** The keyword as it is saved: trimmed, in capitals. */
export function keywordOf(typed: string): string {
  return typed.trim().toUpperCase();
}

/**
 * The "Add a keyword" and "Edit" dialogs of `<sms-keyword-manager>`: the keyword (checked as typed: one word, not an
 * opt-out, opt-in or help word, each refused with its reason, and not another rule's), where matching messages go
 * (a person's portal inbox, an e-mail, a mobile: at least one), the auto-reply with its segment counter, and
 * whether the rule is on.
 */
export class KeywordFormController {
  private editing: KeywordRule | null = null;
  private users: User[] = [];
  private keyword = '';
  private portal = '';
  private email = '';
  private mobile = '';
  private autoReply = '';
  private enabled = true;
  /** The form was submitted: the errors of empty fields show. */
  private touched = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: KeywordFormOptions,
  ) {}

  /** Opens the dialog to add a keyword, once the people it can go to are read. */
  async openAdd(): Promise<void> {
    const { localize } = this.options;
    if (!(await this.prepare(null))) return;
    void this.options.form.open({
      title: localize.term('addKeywordTitle'),
      submitLabel: localize.term('keywordAddButton'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  /** Opens the dialog to edit a rule. */
  async openEdit(rule: KeywordRule): Promise<void> {
    const { localize } = this.options;
    if (!(await this.prepare(rule))) return;
    void this.options.form.open({
      title: localize.term('editKeywordTitle', rule.keyword),
      submitLabel: localize.term('save'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  private async prepare(rule: KeywordRule | null): Promise<boolean> {
    let users: User[] | undefined;
    const read = await this.options.notice.attempt(async () => (users = await this.options.users()));
    if (!read || !users) return false;
    this.users = users;
    this.editing = rule;
    this.keyword = rule?.keyword ?? '';
    this.portal = rule?.routes.portal ?? '';
    this.email = rule?.routes.email ?? '';
    this.mobile = rule?.routes.mobile ? displayPhone(rule.routes.mobile, this.options.country()) : '';
    this.autoReply = rule?.autoReply ?? '';
    this.enabled = rule?.enabled ?? true;
    this.touched = false;
    this.host.requestUpdate();
    return true;
  }

  // --- checks ---

  /** What is wrong with the keyword as typed (an empty one only once submitted), or null. */
  private keywordError(): string | null {
    const { localize } = this.options;
    const word = keywordOf(this.keyword);
    if (word === '') return this.touched ? localize.term('keywordRequired') : null;
    if (word.length > KEYWORD_MAX) return localize.term('keywordTooLong');
    const kind = this.options.classifier().classify(word);
    if (kind === 'opt-out') return localize.term('keywordOptOut', word);
    if (kind === 'opt-in') return localize.term('keywordOptIn', word);
    if (kind === 'help') return localize.term('keywordHelp', word);
    if (!KEYWORD_PATTERN.test(word)) return localize.term('keywordInvalid');
    if (this.options.taken(this.editing?.id ?? null).has(word)) return localize.term('keywordTaken', word);
    return null;
  }

  private emailError(): string | null {
    return emailAccepted(this.email) ? null : this.options.localize.term('routeEmailInvalid');
  }

  private mobileError(): string | null {
    return mobileProblem(this.mobile, this.options.country(), (key) => this.options.localize.term(key));
  }

  private nowhere(): boolean {
    return this.portal === '' && this.email.trim() === '' && this.mobile.trim() === '';
  }

  // --- saving ---

  private async submit(): Promise<boolean> {
    const client = this.options.client();
    this.touched = true;
    this.host.requestUpdate();
    if (!client || this.keywordError() || this.emailError() || this.mobileError() || this.nowhere()) {
      await this.host.updateComplete;
      this.focusFirstError();
      return false;
    }
    const mobile = checkPhone(this.mobile, this.options.country());
    const input = {
      keyword: keywordOf(this.keyword),
      routes: { portal: this.portal || null, email: this.email.trim() || null, mobile: mobile.status === 'valid' ? mobile.e164 : null },
      autoReply: this.autoReply.trim() === '' ? null : this.autoReply,
      enabled: this.enabled,
    };
    const rule = this.editing ? await client.keywords.update(this.editing.id, input) : await client.keywords.create(input);
    this.options.notice.say(this.options.localize.term(this.editing ? 'keywordSaved' : 'keywordAdded', rule.keyword));
    this.options.saved(rule);
    return true;
  }

  /** After a refused submit, focus goes to the first field in error, so that a keyboard user hears what is wrong. */
  private focusFirstError(): void {
    const root = (this.host as unknown as HTMLElement).shadowRoot;
    root?.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
  }

  // --- rendering ---

  private update(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  private renderBody(): TemplateResult {
    return html`${this.renderKeyword()} ${this.renderRoutes()} ${this.renderAutoReply()}
      <label class="choice">
        <input type="checkbox" part="enabled-choice" .checked=${this.enabled} @change=${(event: Event) => this.update(() => (this.enabled = (event.target as HTMLInputElement).checked))} />
        <span>${this.options.localize.term('enabled')}</span>
      </label>`;
  }

  private renderKeyword(): TemplateResult {
    const { localize } = this.options;
    const error = this.keywordError();
    return html`<div class="field">
      <label for="keyword-word">${localize.term('keyword')}</label>
      <input
        id="keyword-word"
        class="input keyword-input"
        part="keyword-input"
        maxlength=${KEYWORD_MAX}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        .value=${this.keyword}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="keyword-word-message"
        @input=${(event: Event) => this.update(() => (this.keyword = (event.target as HTMLInputElement).value))}
      />
      <span id="keyword-word-message" part="keyword-message" class=${error ? 'field-error' : 'hint'} aria-live="polite">${error ?? localize.term('keywordHint')}</span>
    </div>`;
  }

  private renderRoutes(): TemplateResult {
    const { localize } = this.options;
    const emailError = this.emailError();
    const nowhere = this.touched && this.nowhere();
    const missing = this.portal !== '' && !this.users.some((user) => user.id === this.portal);
    return html`<fieldset class="choices" part="routes-field" aria-describedby="routes-hint">
      <legend>${localize.term('routesLegend')}</legend>
      <span id="routes-hint" class="hint">${localize.term('routesHint')}</span>
      <div class="field">
        <label for="route-portal">${localize.term('routePortalLabel')}</label>
        <select
          id="route-portal"
          class="input"
          part="route-portal"
          aria-invalid=${nowhere ? 'true' : 'false'}
          @change=${(event: Event) => this.update(() => (this.portal = (event.target as HTMLSelectElement).value))}
        >
          <option value="" ?selected=${this.portal === ''}>${localize.term('routePortalNone')}</option>
          ${missing ? html`<option value=${this.portal} selected>${localize.term('unknownUser')}</option>` : nothing}
          ${this.users.map((user) => html`<option value=${user.id} ?selected=${user.id === this.portal}>${user.name}</option>`)}
        </select>
      </div>
      ${renderEmailField({
        id: 'route-email',
        label: localize.term('routeEmailLabel'),
        value: this.email,
        hint: localize.term('routeEmailHint'),
        error: emailError,
        onInput: (value) => this.update(() => (this.email = value)),
      })}
      ${renderPhoneField({
        id: 'route-mobile',
        label: localize.term('routeMobileLabel'),
        value: this.mobile,
        hint: localize.term('routeMobileHint'),
        error: this.mobileError(),
        onInput: (value) => this.update(() => (this.mobile = value)),
      })}
      ${nowhere ? html`<p class="field-error" part="routes-error" role="alert">${localize.term('routesNowhere')}</p>` : nothing}
    </fieldset>`;
  }

  private renderAutoReply(): TemplateResult {
    const { localize } = this.options;
    return html`<div class="field">
      <label for="keyword-reply">${localize.term('autoReply')}</label>
      <textarea
        id="keyword-reply"
        class="input"
        part="auto-reply-input"
        rows="3"
        maxlength=${AUTO_REPLY_MAX}
        aria-describedby="keyword-reply-hint"
        .value=${this.autoReply}
        @input=${(event: Event) => this.update(() => (this.autoReply = (event.target as HTMLTextAreaElement).value))}
      ></textarea>
      <span id="keyword-reply-hint" class="hint">${localize.term('autoReplyHint')}</span>
      <sms-segment-counter
        part="segment-counter"
        compact
        .text=${this.autoReply}
        @sms-gsm-replace=${(event: SmsGsmReplaceEvent) => this.update(() => (this.autoReply = event.detail.text))}
      ></sms-segment-counter>
    </div>`;
  }
}
