import type { TemplateResult } from 'lit';
import { checkPhone } from './phone-input.js';
import type { PhoneProblemTerms } from './phone-terms.js';
import { renderTextField } from './text-field.js';

/** An e-mail address as the backend's `z.email()` reads it, near enough to say "not an e-mail address" as typed. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True when what was typed is empty or reads as an e-mail address. */
export function emailAccepted(value: string): boolean {
  const email = value.trim();
  return email === '' || EMAIL.test(email);
}

/**
 * What is wrong with a mobile typed to forward messages to (read in the element's country), or null when it is
 * empty or valid.
 */
export function mobileProblem(value: string, country: string | undefined, term: (key: keyof PhoneProblemTerms) => string): string | null {
  const check = checkPhone(value, country);
  if (check.status !== 'invalid') return null;
  return check.problem ? term(check.problem) : check.message;
}

export interface EmailFieldOptions {
  /** The input's id (also its part), unique in the element's shadow root. */
  id: string;
  label: string;
  value: string;
  /** Shown under the field while nothing is wrong. */
  hint: string;
  error: string | null;
  onInput: (value: string) => void;
}

/**
 * The e-mail a form forwards messages to (a number's replies, a keyword's messages): validated as typed, its hint or
 * its error under it, spoken politely.
 */
export function renderEmailField(options: EmailFieldOptions): TemplateResult {
  return renderTextField({ ...options, part: options.id, type: 'email', maxLength: 320 });
}
