import { isGsmCodeUnit } from './segments.js';

/**
 * Look-alikes of GSM-7 characters that word processors and phones put in text: typographic quotes, dashes,
 * ellipsis, odd spaces, invisible joiners, full-width punctuation. Letters are never replaced: an accent can change
 * a word's meaning, so accented letters outside GSM-7 stay and keep the message in UCS-2.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // quotes and apostrophes
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'", '\u02b9': "'",
  '\u00b4': "'", '\u0060': "'", '\u2039': "'", '\u203a': "'", '\uff07': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u02ba': '"', '\uff02': '"',
  // dashes and minus signs
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00ad': '', '\ufe63': '-', '\uff0d': '-',
  // ellipsis, bullets and other punctuation
  '\u2026': '...', '\u2022': '-', '\u00b7': '.', '\u2024': '.', '\u2044': '/', '\u2215': '/', '\u00f7': '/',
  '\u02c6': '^', '\u02dc': '~',
  '\uff01': '!', '\uff0c': ',', '\uff0e': '.', '\uff1a': ':', '\uff1b': ';', '\uff1f': '?', '\uff08': '(',
  '\uff09': ')', '\uff0f': '/', '\uff3b': '[', '\uff3d': ']', '\uff5b': '{', '\uff5d': '}',
  // spaces
  '\u00a0': ' ', '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ',
  '\u2006': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u205f': ' ',
  '\u3000': ' ', '\t': ' ',
  // invisible characters
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '',
  // letters that GSM 03.38 holds only in another case
  '\u00e7': 'Ç',
  // symbols
  '\u2122': 'TM', '\u00a9': '(C)', '\u00ae': '(R)',
};

export interface GsmReplacement {
  /** The character that was replaced. */
  from: string;
  /** What it became (may be empty for invisible characters). */
  to: string;
  /** How many times it occurred. */
  count: number;
}

export interface GsmSafeResult {
  /** The text with every known look-alike replaced. */
  text: string;
  /** What was replaced, in order of first appearance. */
  replaced: GsmReplacement[];
  /** Characters outside GSM-7 that have no look-alike and still force UCS-2. */
  remaining: string[];
}

/** The GSM-7 stand-in for a character, or undefined when there is none. */
export function gsmLookAlike(char: string): string | undefined {
  return Object.hasOwn(LOOK_ALIKES, char) ? LOOK_ALIKES[char] : undefined;
}

/**
 * Replaces common look-alikes (curly quotes, dashes, ellipsis, non-breaking space...) with GSM-7 characters so
 * that a message can stay GSM-7 (160 characters a part instead of 70), and says what it replaced.
 *
 * @example
 * toGsmSafe('“Hi” – it’s 5…')
 * // { text: '"Hi" - it\'s 5...', replaced: [{ from: '“', to: '"', count: 1 }, ...], remaining: [] }
 */
export function toGsmSafe(text: string): GsmSafeResult {
  const counts = new Map<string, number>();
  const remaining = new Set<string>();
  let out = '';
  for (const char of text) {
    if (char.length === 1 && isGsmCodeUnit(char.charCodeAt(0))) {
      out += char;
      continue;
    }
    const replacement = gsmLookAlike(char);
    if (replacement === undefined) {
      out += char;
      remaining.add(char);
      continue;
    }
    out += replacement;
    counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const replaced = [...counts].map(([from, count]) => ({ from, to: LOOK_ALIKES[from]!, count }));
  return { text: out, replaced, remaining: [...remaining] };
}
