import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { describeError, type ErrorKey } from './error-text.js';
import { checkPhone, renderPhoneField, type PhoneCheck } from './phone-input.js';
import type { PhoneProblemTerms } from './phone-terms.js';

/** What the phone field needs of an element's LocalizeController. */
export interface PhoneFieldLocalize {
  readonly lang: string;
  term(key: 'phoneNumber' | 'phoneWillBe' | 'phoneCountryHint' | keyof PhoneProblemTerms | ErrorKey, ...args: Array<string | number>): string;
}

export interface PhoneFieldOptions {
  localize: PhoneFieldLocalize;
  /** The country national numbers are read in (ISO 3166-1 alpha-2); none: numbers need their country code. */
  country: () => string | undefined;
  /**
   * The number is one SMS is sent to (a list entry): a valid number that is not a mobile is accepted with a warning
   * that it may not receive SMS.
   * @default false
   */
  recipient?: boolean;
}

/**
 * The phone number of a form dialog (add a number, block a number): what is typed, checked as it is typed in the
 * element's country, with its hint (the country, or the number as it will be saved), for a recipient a warning when
 * it is not a mobile, and its error (the problem
 * with what is typed; "enter a number" once the form was submitted empty; the backend's refusal of the number until
 * it is changed). The element renders `phone.render(id)` in the dialog's body.
 *
 * @example
 * this.phone.reset();
 * void this.form.open({ body: () => this.phone.render('block-phone'), submit: async () => {
 *   const check = this.phone.submit();
 *   if (check.status !== 'valid') return false;
 *   try { await client.blocklist.add({ e164: check.e164 }); } catch (error) { return this.phone.refused(error); }
 *   return true;
 * } });
 */
export class PhoneFieldController {
  /** What is typed. */
  value = '';
  /** The backend's refusal of the number, shown until the number changes. */
  private refusal: string | null = null;
  /** The form was submitted: an empty field is an error. */
  private touched = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PhoneFieldOptions,
  ) {}

  /** A fresh field for a new dialog, holding `value`. */
  reset(value = ''): void {
    this.value = value;
    this.refusal = null;
    this.touched = false;
    this.host.requestUpdate();
  }

  /** The number as submitted; from now on an empty field shows its error. */
  submit(): PhoneCheck {
    this.touched = true;
    this.host.requestUpdate();
    return checkPhone(this.value, this.options.country());
  }

  /**
   * Shows the backend's refusal of the number in the field and resolves the submit to false (the dialog stays open);
   * an error about anything else is thrown again, for the dialog to show.
   */
  refused(error: unknown): false {
    const described = describeError(error, this.options.localize);
    if (described.field !== 'e164') throw error;
    this.refusal = described.message;
    this.host.requestUpdate();
    return false;
  }

  render(id: string): TemplateResult {
    const { localize } = this.options;
    const check = checkPhone(this.value, this.options.country());
    let error = this.refusal;
    if (!error && check.status === 'invalid') error = check.problem ? localize.term(check.problem) : check.message;
    if (!error && check.status === 'empty' && this.touched) error = localize.term('phoneEmpty');
    return renderPhoneField({
      id,
      label: localize.term('phoneNumber'),
      value: this.value,
      hint: check.status === 'valid' ? localize.term('phoneWillBe', check.display) : this.countryHint(),
      error,
      warning: check.status === 'valid' && !check.textable && this.options.recipient ? localize.term('phoneNotMobile', check.display) : null,
      onInput: (value) => {
        this.value = value;
        this.refusal = null;
        this.host.requestUpdate();
      },
    });
  }

  /** "Numbers are read in Australia", in the element's language; nothing without a country. */
  private countryHint(): string {
    const country = this.options.country();
    return country ? this.options.localize.term('phoneCountryHint', regionName(this.options.localize.lang, country)) : '';
  }
}

/**
 * A country's name in a language ("Australia" for `AU` in English); an unknown code stays as it is.
 *
 * @example
 * regionName('fr', 'AU') // 'Australie'
 */
export function regionName(lang: string, country: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}
