import type { TemplateResult } from 'lit';
import { phoneSearch } from '../../src/phone/search.js';
import { formatPhone, parsePhone } from './phone.js';
import { phoneProblemKey, type PhoneProblemTerms } from './phone-terms.js';
import { renderTextField } from './text-field.js';

/** Line types SMS reaches: mobiles, and numbers a plan does not tell from them. */
const TEXTABLE: ReadonlySet<string> = new Set(['mobile', 'fixed-line-or-mobile']);

/** A typed phone number read with the element's default country; `textable`: a mobile, which SMS reaches. */
export type PhoneCheck =
  | { status: 'empty' }
  | { status: 'valid'; e164: string; display: string; textable: boolean }
  | { status: 'invalid'; problem: keyof PhoneProblemTerms | undefined; message: string };

/**
 * Reads what was typed into a phone field, as the user types (`parsePhone` with the default country).
 *
 * @example
 * checkPhone('0412 345 678', 'AU') // { status: 'valid', e164: '+61412345678', display: '+61 412 345 678' }
 */
export function checkPhone(value: string, defaultCountry: string | undefined): PhoneCheck {
  if (value.trim() === '') return { status: 'empty' };
  const result = parsePhone(value, { defaultCountry });
  if (result.ok) return { status: 'valid', e164: result.e164, display: formatPhone(result.e164), textable: TEXTABLE.has(result.type) };
  return { status: 'invalid', problem: phoneProblemKey(result.error.code), message: result.error.message };
}

/**
 * A search box's query as the server is asked it: a number typed as people write it becomes what its E.164 form
 * contains, read in the element's default country (`phoneSearch`); any other search is sent as typed. Undefined for
 * no search.
 *
 * @example
 * searchQuery('0412 999 888', 'AU') // '+61412999888'
 * searchQuery('999 888', 'AU')      // '999888'
 * searchQuery('Bondi', 'AU')        // 'Bondi'
 */
export function searchQuery(query: string, defaultCountry: string | undefined): string | undefined {
  if (!query) return undefined;
  const phone = phoneSearch(query, (text) => {
    const check = checkPhone(text, defaultCountry);
    return check.status === 'valid' ? check.e164 : null;
  });
  return phone ?? query;
}

export interface PhoneFieldOptions {
  /** The input's id, unique in the element's shadow root. */
  id: string;
  label: string;
  value: string;
  /** Shown under the field while nothing is wrong: the default country, or the number as it will be saved. */
  hint: string;
  /** The problem to show (as typed, or from the server); nothing when empty. */
  error: string | null;
  /** Something to know about a number that is accepted all the same (a landline), shown instead of the hint. */
  warning?: string | null;
  onInput: (value: string) => void;
}

/**
 * A phone number field: a `tel` input with its label, a hint (how the number will be saved), a warning or an inline
 * error next to it, read with the field (`aria-describedby`) and spoken politely when they change.
 */
export function renderPhoneField(options: PhoneFieldOptions): TemplateResult {
  return renderTextField({ ...options, part: 'phone-input', type: 'tel', inputMode: 'tel' });
}
