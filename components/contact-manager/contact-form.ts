import { html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SmsClient } from '../../src/client.js';
import type { Contact, ContactScope } from '../../src/model/contact.js';
import { CONTACT_MAX_NUMBERS } from '../../src/model/contact-limits.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import { emailAccepted, renderEmailField } from '../internal/forward-fields.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { displayPhone } from '../internal/phone.js';
import { regionName } from '../internal/phone-field.js';
import { checkPhone, renderPhoneField } from '../internal/phone-input.js';
import type { ContactManagerTerms } from './contact-manager.terms.js';

type Localize = LocalizeController<ContactManagerTerms>;

/** The backend's bounds: a name and a company of up to 200 characters, a label of up to 40. */
const NAME_MAX = 200;
const LABEL_MAX = 40;

/** The labels offered for a number; any other word can be typed. */
const LABELS = ['labelMobile', 'labelWork', 'labelHome', 'labelOther'] as const;

/** The cross of "Remove number". */
const removeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z"/></svg>`;

/** One number of the form: its label and the number as typed; `key` keeps its fields in place as rows come and go. */
interface NumberRow {
  key: number;
  label: string;
  value: string;
}

export interface ContactFormOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  /** The country numbers typed without a country code are read in. */
  country: () => string | undefined;
  /** The scope a contact added here is kept in: shared (administrators) or the user's own. */
  scope: () => ContactScope;
  form: FormDialogController;
  notice: NoticeController;
  /** The contact was added or saved. */
  saved: (contact: Contact) => void;
}

/**
 * The "Add a contact" and "Edit" dialogs of `<sms-contact-manager>`: the name (required), company and e-mail
 * (checked as typed), and its numbers, each with a label (Mobile, Work, Home, Other or a word typed) and the number
 * in any common form, read in the element's country as typed; numbers are added and removed in place, up to 20.
 */
export class ContactFormController {
  private editing: Contact | null = null;
  private name = '';
  private company = '';
  private email = '';
  private numbers: NumberRow[] = [];
  private nextKey = 0;
  /** The form was submitted: the errors of empty fields show. */
  private touched = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ContactFormOptions,
  ) {}

  /** Opens the dialog to add a contact. */
  openAdd(): void {
    const { localize } = this.options;
    this.prepare(null);
    void this.options.form.open({
      title: localize.term('addContactTitle'),
      submitLabel: localize.term('addButton'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  /** Opens the dialog to edit a contact. */
  openEdit(contact: Contact): void {
    const { localize } = this.options;
    this.prepare(contact);
    void this.options.form.open({
      title: localize.term('editContactTitle', contact.name),
      submitLabel: localize.term('save'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  private prepare(contact: Contact | null): void {
    const country = this.options.country();
    this.editing = contact;
    this.name = contact?.name ?? '';
    this.company = contact?.company ?? '';
    this.email = contact?.email ?? '';
    this.numbers = contact
      ? contact.numbers.map((number) => this.row(number.label, displayPhone(number.e164, country)))
      : [this.row(this.options.localize.term('labelMobile'), '')];
    this.touched = false;
    this.host.requestUpdate();
  }

  private row(label: string, value: string): NumberRow {
    return { key: this.nextKey++, label, value };
  }

  // --- checks ---

  private nameError(): string | null {
    return this.touched && this.name.trim() === '' ? this.options.localize.term('nameRequired') : null;
  }

  private emailError(): string | null {
    return emailAccepted(this.email) ? null : this.options.localize.term('emailInvalid');
  }

  /** The rows that count: a blank row is left out when another holds a number. */
  private filled(): NumberRow[] {
    const filled = this.numbers.filter((number) => number.value.trim() !== '');
    return filled.length > 0 ? filled : this.numbers.slice(0, 1);
  }

  /** What is wrong with a number as typed (an empty one only once submitted, and only when it is the only one), or null. */
  private numberError(row: NumberRow, index: number): string | null {
    const { localize } = this.options;
    const check = checkPhone(row.value, this.options.country());
    if (check.status === 'empty') return this.touched && this.filled().includes(row) ? localize.term('numberRequired') : null;
    if (check.status === 'invalid') return check.problem ? localize.term(check.problem) : check.message;
    const earlier = this.numbers.slice(0, index).some((other) => {
      const seen = checkPhone(other.value, this.options.country());
      return seen.status === 'valid' && seen.e164 === check.e164;
    });
    return earlier ? localize.term('numberRepeated') : null;
  }

  private numberHint(row: NumberRow): string {
    const { localize } = this.options;
    const country = this.options.country();
    const check = checkPhone(row.value, country);
    if (check.status === 'valid') return localize.term('numberWillBe', check.display);
    return country ? localize.term('numberHint', regionName(localize.lang, country)) : localize.term('numberHintNoCountry');
  }

  // --- saving ---

  private async submit(): Promise<boolean> {
    const client = this.options.client();
    this.touched = true;
    this.host.requestUpdate();
    const rows = this.filled();
    const wrong = this.nameError() || this.emailError() || this.numbers.some((row, index) => this.numberError(row, index));
    if (!client || wrong) {
      await this.host.updateComplete;
      this.host.shadowRoot?.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
      return false;
    }
    const country = this.options.country();
    const numbers = rows.map((row) => {
      const check = checkPhone(row.value, country);
      return { e164: check.status === 'valid' ? check.e164 : row.value, label: row.label.trim() || this.options.localize.term('labelMobile') };
    });
    const fields = { name: this.name.trim(), company: this.company.trim(), email: this.email.trim() || null, numbers };
    const contact = this.editing
      ? await client.contacts.update(this.editing.id, fields)
      : await client.contacts.create({ scope: this.options.scope(), ...fields });
    this.options.notice.say(this.options.localize.term(this.editing ? 'contactSaved' : 'contactAdded', contact.name));
    this.options.saved(contact);
    return true;
  }

  // --- numbers ---

  private async addNumber(): Promise<void> {
    const labels = new Set(this.numbers.map((number) => number.label));
    const label = LABELS.map((key) => this.options.localize.term(key)).find((text) => !labels.has(text)) ?? '';
    this.numbers = [...this.numbers, this.row(label, '')];
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>(`#contact-number-${this.numbers.length - 1}`)?.focus();
  }

  private async removeNumber(key: number): Promise<void> {
    const index = this.numbers.findIndex((number) => number.key === key);
    this.numbers = this.numbers.filter((number) => number.key !== key);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const next = Math.min(index, this.numbers.length - 1);
    this.host.shadowRoot?.querySelector<HTMLElement>(`#contact-number-${next}`)?.focus();
  }

  private edit(key: number, change: Partial<NumberRow>): void {
    this.numbers = this.numbers.map((number) => (number.key === key ? { ...number, ...change } : number));
    this.host.requestUpdate();
  }

  // --- rendering ---

  private update(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  private renderBody(): TemplateResult {
    const { localize } = this.options;
    const nameError = this.nameError();
    return html`<div class="field">
        <label for="contact-name">${localize.term('name')}</label>
        <input
          id="contact-name"
          class="input"
          part="name-input"
          maxlength=${NAME_MAX}
          autocomplete="off"
          .value=${this.name}
          aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby="contact-name-error"
          @input=${(event: Event) => this.update(() => (this.name = (event.target as HTMLInputElement).value))}
        />
        <span id="contact-name-error" class="field-error" aria-live="polite">${nameError ?? ''}</span>
      </div>
      ${this.renderNumbers()}
      <div class="field">
        <label for="contact-company">${localize.term('company')}</label>
        <input
          id="contact-company"
          class="input"
          part="company-input"
          maxlength=${NAME_MAX}
          autocomplete="off"
          aria-describedby="contact-company-hint"
          .value=${this.company}
          @input=${(event: Event) => this.update(() => (this.company = (event.target as HTMLInputElement).value))}
        />
        <span id="contact-company-hint" class="hint">${localize.term('companyHint')}</span>
      </div>
      ${renderEmailField({
        id: 'contact-email',
        label: localize.term('email'),
        value: this.email,
        hint: localize.term('emailHint'),
        error: this.emailError(),
        onInput: (value) => this.update(() => (this.email = value)),
      })}`;
  }

  private renderNumbers(): TemplateResult {
    const { localize } = this.options;
    const several = this.numbers.length > 1;
    return html`<fieldset class="choices" part="numbers-field" aria-describedby="contact-numbers-hint">
      <legend>${localize.term('numbersLegend')}</legend>
      <span id="contact-numbers-hint" class="hint">${localize.term('numbersHint', CONTACT_MAX_NUMBERS)}</span>
      <datalist id="contact-labels">${LABELS.map((key) => html`<option value=${localize.term(key)}></option>`)}</datalist>
      <ol class="number-rows">
        ${repeat(
          this.numbers,
          (number) => number.key,
          (number, index) => html`<li class="number-row" part="number-row">
            <div class="field number-label">
              <label for="contact-label-${index}">${localize.term('numberLabel', index + 1)}</label>
              <input
                id="contact-label-${index}"
                class="input"
                part="label-input"
                list="contact-labels"
                maxlength=${LABEL_MAX}
                autocomplete="off"
                title=${localize.term('labelHint')}
                .value=${number.label}
                @input=${(event: Event) => this.edit(number.key, { label: (event.target as HTMLInputElement).value })}
              />
            </div>
            <div class="number-phone">
              ${renderPhoneField({
                id: `contact-number-${index}`,
                label: localize.term('numberPhone', index + 1),
                value: number.value,
                hint: this.numberHint(number),
                error: this.numberError(number, index),
                onInput: (value) => this.edit(number.key, { value }),
              })}
            </div>
            ${several
              ? html`<button
                  type="button"
                  class="icon-button danger-icon number-remove"
                  part="remove-number"
                  aria-label=${localize.term('removeNumberField', index + 1)}
                  title=${localize.term('removeNumberField', index + 1)}
                  @click=${() => void this.removeNumber(number.key)}
                >
                  ${removeIcon}
                </button>`
              : nothing}
          </li>`,
        )}
      </ol>
      ${this.numbers.length < CONTACT_MAX_NUMBERS
        ? html`<div><button type="button" class="button quiet" part="add-number" @click=${() => void this.addNumber()}>${localize.term('addNumber')}</button></div>`
        : nothing}
    </fieldset>`;
  }
}
