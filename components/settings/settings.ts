import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isSmsError } from '../../src/errors/sms-error.js';
import type { Department } from '../../src/model/directory.js';
import type { Settings } from '../../src/model/settings.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
import { SmsClientElement } from '../internal/client-element.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { currencyFractionDigits, formatMinorUnits } from '../internal/money.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { NoticeController } from '../internal/notice.js';
import { readAll } from '../internal/read-all.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { fitTextarea } from '../internal/text-box.js';
import { sharedStyles } from '../internal/theme.js';
import { AlphaTagsController, type DepartmentTags } from './alpha-tags.js';
import { ANSWERS, draftOf, readPrice, readRate, settingsPatch, type SettingsDraft } from './settings-draft.js';
import { countryName, currencyOptions, renderAnswerField, renderSelectField, renderTextField, type FieldFrame } from './settings-fields.js';
import styles from './settings.styles.js';
import { settingsTerms } from './settings.terms.js';

/** The fields of the form, by the settings' names (`price` is `rate`, typed in the currency's major unit). */
type FieldKey = keyof SettingsDraft;

/** The settings field a backend error names, as the form's field. */
const FIELD_OF: Readonly<Record<string, FieldKey>> = {
  defaultCountry: 'defaultCountry',
  blockDirectSends: 'blockDirectSends',
  optOutConfirmation: 'optOutConfirmation',
  optInConfirmation: 'optInConfirmation',
  helpReply: 'helpReply',
  segmentsPerSecond: 'segmentsPerSecond',
  rate: 'price',
  currency: 'currency',
  chargePer: 'chargePer',
};

/** The fields in the order the form shows them: the first in error takes the focus. */
const ORDER: readonly FieldKey[] = ['defaultCountry', ...ANSWERS, 'blockDirectSends', 'segmentsPerSecond', 'currency', 'chargePer', 'price'];

/**
 * @tagname sms-settings
 * @summary What an administrator sets for the whole organisation: the default country numbers are read in, each
 * department's alpha tags (checked as typed: 1 to 11 letters, digits, spaces and hyphens, not starting with a digit),
 * the opt-out, opt-in and HELP answers with their segment counters, whether the blocklist also holds back direct
 * messages, the campaign rate per sender, and the price per part (or per message) in the organisation's currency.
 * One "Save" saves every change; a save the backend refuses keeps what was typed, names the field under it and puts
 * the focus there. A user reads the settings without changing them; where the backend lets only administrators read
 * them, a user sees a note saying so.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart view-only - The note telling a user that only administrators change the settings.
 * @csspart form - The form, once the settings are read.
 * @csspart section - A group of settings, with its heading.
 * @csspart settings-defaultCountry - The default country's field (two letters).
 * @csspart department - A department's alpha tags, with the field to add one.
 * @csspart alpha-tag - One alpha tag of a department.
 * @csspart remove-alpha-tag - The button that removes an alpha tag.
 * @csspart alpha-tag-input - The field to type a department's new alpha tag.
 * @csspart add-alpha-tag - The button that adds the tag typed.
 * @csspart alpha-tag-message - The characters typed out of 11, or why the tag is refused.
 * @csspart settings-optOutConfirmation - The opt-out answer.
 * @csspart settings-optInConfirmation - The opt-in answer.
 * @csspart settings-helpReply - The HELP answer.
 * @csspart answer-counter - The `<sms-segment-counter>` of an answer.
 * @csspart answer-parts - The parts of an answer, as a user reads them.
 * @csspart settings-blockDirectSends - The checkbox: the blocklist also holds back direct messages.
 * @csspart settings-segmentsPerSecond - The campaign rate per sender.
 * @csspart settings-currency - The currency.
 * @csspart settings-chargePer - Charged per part or per message.
 * @csspart settings-price - The price, in the currency's major unit.
 * @csspart actions - The save bar at the foot of the form (administrators).
 * @csspart save-button - "Save settings".
 * @csspart discard-button - "Discard changes", while there are some.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 *
 * @cssproperty --sms-settings-max-width - The widest the form grows. Default: `60rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - The alpha tags, the view-only note.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, units.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - The save button, the view-only note's mark.
 * @cssproperty --sms-color-on-accent - Text on the save button.
 * @cssproperty --sms-color-warning - Unsaved changes; answers of several parts.
 * @cssproperty --sms-color-warning-surface - The segment counter's Unicode badge.
 * @cssproperty --sms-color-danger - Errors, refused values.
 * @cssproperty --sms-color-success - Confirmations.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 * @cssproperty --sms-transition-duration - Hover and focus transitions. Default: `150ms`.
 *
 * @example
 * ```html
 * <sms-provider .client=${adminClient}>
 *   <sms-settings></sms-settings>
 * </sms-provider>
 * ```
 */
export class SmsSettings extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, managerStyles, nestedTheme('.base', 'sms-segment-counter'), styles];

  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  /** The settings as last read or saved. */
  @state() private saved: Settings | undefined;
  /** The form as typed. */
  @state() private draft: SettingsDraft | undefined;
  @state() private saving = false;
  /** A save was tried: empty required fields show their error too. */
  @state() private checked = false;
  private loadError: unknown;
  /** What the backend said about a field when it refused a save, until the field is changed. */
  private readonly refused = new Map<FieldKey, string>();

  private readonly localize = new LocalizeController(this, settingsTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly tags = new AlphaTagsController(this, {
    localize: this.localize,
    announce: (text) => this.announcer.announce(text),
    changed: () => this.requestUpdate(),
  });
  /** Settings and departments are read again for each new client. */
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: () => void this.load() });

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  protected override updated(): void {
    for (const textarea of this.renderRoot.querySelectorAll<HTMLTextAreaElement>('textarea.grow')) fitTextarea(textarea);
  }

  /** Reads the settings and the departments together; an error of either is the error state, with a retry. */
  private async load(): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    this.status = 'loading';
    try {
      const [settings, departments] = await Promise.all([
        client.settings.get(),
        readAll((cursor, limit) => client.directory.departments({ cursor, limit })),
      ]);
      if (client !== this.smsClient) return;
      this.fill(settings, departments);
      this.status = 'ready';
    } catch (error) {
      if (client !== this.smsClient) return;
      this.loadError = error;
      this.status = 'error';
    }
  }

  private fill(settings: Settings, departments: readonly Department[]): void {
    this.saved = settings;
    this.draft = draftOf(settings);
    this.refused.clear();
    this.checked = false;
    this.tags.reset(departments);
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  // --- the fields ---

  private set<K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    this.refused.delete(key);
  }

  /** What is wrong with a field as typed (an empty required one once a save was tried), else what the backend said. */
  private problem(key: FieldKey): string | null {
    const draft = this.draft;
    if (!draft) return null;
    const { localize } = this;
    if (key === 'defaultCountry') {
      const typed = draft.defaultCountry.trim();
      if ((typed.length >= 2 || this.checked) && !countryName(typed, localize.lang)) return localize.term('defaultCountryInvalid');
    } else if (key === 'segmentsPerSecond') {
      if (readRate(draft.segmentsPerSecond) === null && (draft.segmentsPerSecond.trim() !== '' || this.checked)) return localize.term('segmentsPerSecondInvalid');
    } else if (key === 'price') {
      const price = readPrice(draft.price, draft.currency);
      if (!price.ok && (price.problem !== 'required' || this.checked)) return this.priceProblem(price.problem, draft.currency);
    }
    return this.refused.get(key) ?? null;
  }

  private priceProblem(problem: 'required' | 'invalid' | 'too_precise', currency: string): string {
    const { localize } = this;
    if (problem === 'required') return localize.term('priceRequired');
    if (problem === 'invalid') return localize.term('priceInvalid');
    const digits = currencyFractionDigits(currency);
    return digits === 0 ? localize.term('priceNoDecimals', currency) : localize.term('priceTooPrecise', digits, currency);
  }

  private label(key: FieldKey): string {
    const { localize } = this;
    if (key === 'price') return localize.term(this.draft?.chargePer === 'message' ? 'priceMessage' : 'priceSegment');
    return localize.term(key);
  }

  private frame(key: FieldKey, hint: string): FieldFrame {
    return { id: `settings-${key}`, label: this.label(key), hint, error: this.problem(key), readOnly: !this.isAdmin };
  }

  /** True when the form differs from what is saved. */
  private get dirty(): boolean {
    const { draft, saved } = this;
    if (!draft || !saved) return false;
    const clean = draftOf(saved);
    return (Object.keys(clean) as Array<keyof SettingsDraft>).some((key) => clean[key] !== draft[key]) || this.tags.changed().length > 0 || this.tags.typing;
  }

  // --- saving ---

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.smsClient;
    const { draft, saved, localize } = this;
    if (!client || !draft || !saved || this.saving || !this.isAdmin) return;
    this.checked = true;
    const tagsReady = this.tags.commitTyped();
    if (!tagsReady || ORDER.some((key) => this.problem(key))) {
      this.notice.say(localize.term('checkFields'), 'error');
      await this.focusFirstError();
      return;
    }
    const patch = settingsPatch(draft, saved);
    const departments = this.tags.changed();
    if (Object.keys(patch).length === 0 && departments.length === 0) {
      this.notice.say(localize.term('nothingChanged'));
      return;
    }
    this.saving = true;
    try {
      if (Object.keys(patch).length > 0) {
        try {
          const next = await client.settings.update(patch);
          if (client !== this.smsClient) return;
          this.saved = next;
          this.draft = draftOf(next);
          this.checked = false;
        } catch (error) {
          await this.refuse(error);
          return;
        }
      }
      for (const entry of departments) {
        try {
          this.tags.saved(await client.directory.updateDepartment(entry.department.id, { alphaTags: entry.tags }));
        } catch (error) {
          await this.refuseTags(error, entry);
          return;
        }
      }
      this.notice.say(localize.term('settingsSaved'));
    } finally {
      this.saving = false;
    }
  }

  /** A refused save of the settings: the form keeps what was typed, and the field at fault says why. */
  private async refuse(error: unknown): Promise<void> {
    const described = describeError(error, this.localize);
    const key = described.field === undefined ? undefined : FIELD_OF[described.field.split('.')[0]!];
    if (key) {
      this.refused.set(key, described.message);
      this.notice.say(this.localize.term('fieldNotSaved', this.label(key), described.message), 'error');
    } else {
      this.notice.say(described.message, 'error');
    }
    this.requestUpdate();
    await this.focusFirstError();
  }

  /** A refused save of a department's tags: the tag at fault is named in the core's words, translated. */
  private async refuseTags(error: unknown, entry: DepartmentTags): Promise<void> {
    let text = this.describe(error);
    const value = isSmsError(error) ? (error as { value?: unknown }).value : undefined;
    if (typeof value === 'string') {
      const reason = this.tags.reason(value);
      if (reason) text = `${value}: ${reason}`;
    }
    this.tags.errors.set(entry.department.id, text);
    this.notice.say(this.localize.term('departmentNotSaved', entry.department.name, text), 'error');
    this.requestUpdate();
    await this.focusFirstError();
  }

  /** After a refused save, the focus goes to the first field in error, so that a keyboard user hears what is wrong. */
  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    // The fields in the order they are shown: the country, the departments' tags, then the rest.
    const key = ORDER.find((candidate) => this.problem(candidate));
    const id = key === 'defaultCountry' ? `settings-${key}` : (this.tags.firstInvalid() ?? (key && `settings-${key}`));
    if (id) this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private discard(): void {
    const saved = this.saved;
    if (!saved) return;
    this.fill(saved, this.tags.entries.map((entry) => entry.department));
    this.notice.dismiss();
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    const admin = this.isAdmin;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="settings-title">${localize.term('settingsTitle')}</h2>
        <p class="hint">${localize.term('settingsIntro')}</p>
      </div>
      ${admin ? nothing : html`<p part="view-only" class="view-only">${localize.term('settingsViewOnly')}</p>`} ${this.notice.render(localize.term('close'))}
      ${this.renderBody()} ${this.announcer.render()}
    </div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const { localize } = this;
    if (this.status === 'error') {
      // A backend that lets only administrators read the settings: the note above says it all.
      if (!this.isAdmin && isSmsError(this.loadError) && this.loadError.code.startsWith('permission')) return nothing;
      return renderError(this.describe(this.loadError), { label: localize.term('retry'), onRetry: () => void this.load() });
    }
    const draft = this.draft;
    if (this.status !== 'ready' || !draft) return renderLoading(localize.term('loading'));
    return html`<form part="form" class="form" aria-labelledby="settings-title" novalidate @submit=${(event: SubmitEvent) => void this.save(event)}>
      ${this.section('numbers', localize.term('numbersSection'), this.renderCountry(draft))}
      ${this.section('senders', localize.term('sendersSection'), this.renderSenders(), localize.term('sendersIntro'))}
      ${this.section('answers', localize.term('answersSection'), this.renderAnswers(draft), localize.term('answersIntro'))}
      ${this.section('sending', localize.term('sendingSection'), this.renderSending(draft))}
      ${this.section('cost', localize.term('costSection'), this.renderCost(draft))} ${this.isAdmin ? this.renderActions() : nothing}
    </form>`;
  }

  private section(id: string, title: string, body: TemplateResult, intro?: string): TemplateResult {
    return html`<section part="section" class="section section-${id}" aria-labelledby="${id}-heading">
      <h3 id="${id}-heading">${title}</h3>
      ${intro ? html`<p class="hint intro">${intro}</p>` : nothing} ${body}
    </section>`;
  }

  private renderCountry(draft: SettingsDraft): TemplateResult {
    const { localize } = this;
    const name = countryName(draft.defaultCountry, localize.lang);
    return renderTextField(this.frame('defaultCountry', name ? localize.term('defaultCountryHint', name) : localize.term('defaultCountryNone')), {
      value: draft.defaultCountry,
      classes: 'country',
      maxlength: 2,
      onInput: (value) => this.set('defaultCountry', value.toUpperCase()),
    });
  }

  private renderSenders(): TemplateResult {
    if (this.tags.entries.length === 0) return renderEmpty(this.localize.term('departmentsEmpty'));
    return html`<div class="departments">${this.tags.render(!this.isAdmin)}</div>`;
  }

  private renderAnswers(draft: SettingsDraft): TemplateResult {
    return html`<div class="answers">
      ${ANSWERS.map((key) =>
        renderAnswerField(this.frame(key, this.isAdmin ? this.localize.term('answerHint') : ''), { value: draft[key], localize: this.localize, onInput: (value) => this.set(key, value) }),
      )}
    </div>`;
  }

  private renderSending(draft: SettingsDraft): TemplateResult {
    const { localize } = this;
    return html`<div class="field">
        <label class="choice">
          <input
            type="checkbox"
            id="settings-blockDirectSends"
            part="settings-blockDirectSends"
            ?disabled=${!this.isAdmin}
            .checked=${draft.blockDirectSends}
            aria-describedby="settings-blockDirectSends-message"
            @change=${(event: Event) => this.set('blockDirectSends', (event.target as HTMLInputElement).checked)}
          />
          <span>${localize.term('blockDirectSends')}</span>
        </label>
        <span id="settings-blockDirectSends-message" class=${this.problem('blockDirectSends') ? 'field-error' : 'hint'} aria-live="polite"
          >${this.problem('blockDirectSends') ?? localize.term('blockDirectSendsHint')}</span
        >
      </div>
      ${renderTextField(this.frame('segmentsPerSecond', localize.term('segmentsPerSecondHint')), {
        value: draft.segmentsPerSecond,
        inputmode: 'decimal',
        unit: localize.term('segmentsPerSecondUnit'),
        classes: 'number',
        onInput: (value) => this.set('segmentsPerSecond', value),
      })}`;
  }

  private renderCost(draft: SettingsDraft): TemplateResult {
    const { localize } = this;
    const price = readPrice(draft.price, draft.currency);
    const priceText = price.ok ? formatMinorUnits(localize, price.minor, draft.currency) : '';
    return html`<div class="cost">
      ${renderSelectField(this.frame('currency', ''), {
        value: draft.currency,
        choices: currencyOptions(localize.lang, draft.currency).map(({ code, name }) => ({ value: code, text: `${code} – ${name}` })),
        onChange: (value) => this.set('currency', value),
      })}
      ${renderSelectField(this.frame('chargePer', ''), {
        value: draft.chargePer,
        choices: [
          { value: 'segment', text: localize.term('chargePerSegment') },
          { value: 'message', text: localize.term('chargePerMessage') },
        ],
        onChange: (value) => this.set('chargePer', value === 'message' ? 'message' : 'segment'),
      })}
      ${renderTextField(this.frame('price', price.ok ? localize.term(draft.chargePer === 'message' ? 'priceHintMessage' : 'priceHint', priceText) : ''), {
        value: draft.price,
        inputmode: 'decimal',
        unit: draft.currency,
        classes: 'number',
        onInput: (value) => this.set('price', value),
      })}
    </div>`;
  }

  private renderActions(): TemplateResult {
    const { localize } = this;
    const dirty = this.dirty;
    return html`<div part="actions" class="actions">
      <button type="submit" class="button primary" part="save-button" ?disabled=${this.saving}>${localize.term(this.saving ? 'saving' : 'saveChanges')}</button>
      ${dirty
        ? html`<button type="button" class="button" part="discard-button" ?disabled=${this.saving} @click=${() => this.discard()}>${localize.term('discardChanges')}</button>
            <span class="unsaved" part="unsaved">${localize.term('unsaved')}</span>`
        : nothing}
    </div>`;
  }
}
