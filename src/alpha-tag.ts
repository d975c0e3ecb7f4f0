/**
 * Alphanumeric sender IDs ("alpha tags"): 1-11 characters of ASCII letters, digits, space and hyphen, the first
 * not a digit, and at least one letter (carriers refuse an all-digit or all-punctuation tag, which would read as a
 * number). Surrounding white space is trimmed, because forms and spreadsheets add it by accident; the trimmed tag is
 * what is checked and what `ok` results give back. Inner spaces are kept as typed.
 */
import type * as z from 'zod';

/** The longest alpha tag GSM allows: 11 characters. */
export const ALPHA_TAG_MAX_LENGTH = 11;

export const ALPHA_TAG_ERROR_CODES = [
  'alpha_tag.not_a_string',
  'alpha_tag.empty',
  'alpha_tag.invalid_character',
  'alpha_tag.too_long',
  'alpha_tag.leading_digit',
  'alpha_tag.no_letter',
] as const;
/** Why a tag was refused; stable across versions. */
export type AlphaTagErrorCode = (typeof ALPHA_TAG_ERROR_CODES)[number];

export interface AlphaTagFailure {
  ok: false;
  code: AlphaTagErrorCode;
  /** A sentence to show the person who typed the tag. */
  reason: string;
  /** For `alpha_tag.invalid_character`: the first character that is not allowed. */
  character?: string;
}

/** A valid alpha tag, as a branded string (the zod schema of the same name is in src/model/alpha-tag.ts). */
export type AlphaTag = string & z.$brand<'AlphaTag'>;

export type AlphaTagResult = { ok: true; tag: AlphaTag } | AlphaTagFailure;

const ALLOWED = /^[A-Za-z0-9 -]$/;
const LETTER = /[A-Za-z]/;

/**
 * Checks an alpha tag sender. Never throws.
 *
 * @example
 * validateAlphaTag(' ACME Ltd ') // { ok: true, tag: 'ACME Ltd' }
 * validateAlphaTag('1Hotel') // { ok: false, code: 'alpha_tag.leading_digit', reason: 'An alpha tag cannot start with a digit.' }
 * validateAlphaTag('Café') // { ok: false, code: 'alpha_tag.invalid_character', character: 'é', reason: '...' }
 */
export function validateAlphaTag(tag: string): AlphaTagResult {
  if (typeof tag !== 'string') return fail('alpha_tag.not_a_string', 'An alpha tag must be text.');
  const trimmed = tag.trim();
  if (trimmed === '') return fail('alpha_tag.empty', 'Enter an alpha tag of 1 to 11 letters, digits, spaces or hyphens.');
  for (const char of trimmed) {
    if (!ALLOWED.test(char)) {
      return {
        ...fail('alpha_tag.invalid_character', `An alpha tag cannot contain ${describe(char)}: use only the letters A-Z, digits, spaces and hyphens.`),
        character: char,
      };
    }
  }
  if (trimmed.length > ALPHA_TAG_MAX_LENGTH) {
    return fail('alpha_tag.too_long', `An alpha tag has at most ${ALPHA_TAG_MAX_LENGTH} characters; this one has ${trimmed.length}.`);
  }
  if (trimmed.charCodeAt(0) >= 0x30 && trimmed.charCodeAt(0) <= 0x39) {
    return fail('alpha_tag.leading_digit', 'An alpha tag cannot start with a digit.');
  }
  if (!LETTER.test(trimmed)) return fail('alpha_tag.no_letter', 'An alpha tag needs at least one letter.');
  return { ok: true, tag: trimmed as AlphaTag };
}

function fail(code: AlphaTagErrorCode, reason: string): AlphaTagFailure {
  return { ok: false, code, reason };
}

function describe(char: string): string {
  const codePoint = char.codePointAt(0)!;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const visible = codePoint > 0x20 && codePoint !== 0x7f && !/\s|\p{C}/u.test(char);
  return visible ? `"${char}" (${hex})` : `the invisible character ${hex}`;
}
