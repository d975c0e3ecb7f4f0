import type { Settings, SettingsUpdate } from '../../src/model/settings.js';
import { currencyFractionDigits } from '../internal/money.js';

/** The most characters of an opt-out, opt-in or HELP answer (the backend's rule). */
export const ANSWER_MAX_LENGTH = 320;
/** The fastest campaign rate per sender, in parts per second (the backend's rule). */
export const RATE_MAX = 10_000;

/** The answers an organisation sends by itself, by their settings' names. */
export const ANSWERS = ['optOutConfirmation', 'optInConfirmation', 'helpReply'] as const;
export type AnswerKey = (typeof ANSWERS)[number];

/**
 * The settings form as typed: text as the person left it (numbers and money too), so that nothing typed is lost
 * when a check or a save fails.
 */
export interface SettingsDraft {
  defaultCountry: string;
  blockDirectSends: boolean;
  optOutConfirmation: string;
  optInConfirmation: string;
  helpReply: string;
  /** Campaign parts per second per sender, as typed. */
  segmentsPerSecond: string;
  /** The price of a part (or a message) in the currency's major unit, as typed: "0.05". */
  price: string;
  currency: string;
  chargePer: Settings['chargePer'];
}

/** The form filled with saved settings. */
export function draftOf(settings: Settings): SettingsDraft {
  return {
    defaultCountry: settings.defaultCountry,
    blockDirectSends: settings.blockDirectSends,
    optOutConfirmation: settings.optOutConfirmation ?? '',
    optInConfirmation: settings.optInConfirmation ?? '',
    helpReply: settings.helpReply ?? '',
    segmentsPerSecond: String(settings.segmentsPerSecond),
    price: priceText(settings.rate, settings.currency),
    currency: settings.currency,
    chargePer: settings.chargePer,
  };
}

/** Minor units as a plain decimal in the currency's major unit, without grouping: 5 AUD cents → "0.05", 7 JPY → "7". */
export function priceText(minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** What is wrong with a price as typed, or its minor units. */
export type PriceReading = { ok: true; minor: number } | { ok: false; problem: 'required' | 'invalid' | 'too_precise' };

/**
 * Reads a price typed in the currency's major unit ("0.05", "0,05", ".5") into integer minor units, with string
 * arithmetic (never floating point). More decimals than the currency's minor unit has are refused, not rounded.
 */
export function readPrice(typed: string, currency: string): PriceReading {
  const text = typed.trim().replace(',', '.');
  if (text === '') return { ok: false, problem: 'required' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, problem: 'invalid' };
  const digits = currencyFractionDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, problem: 'too_precise' };
  const minor = Number(`${match[1] || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? { ok: true, minor } : { ok: false, problem: 'invalid' };
}

/** Parts per second as typed, or null when it is not a number from 0 to `RATE_MAX`. */
export function readRate(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (!/^\d*(?:\.\d*)?$/.test(text) || !/\d/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= RATE_MAX ? value : null;
}

/** An answer as saved: empty means none is sent. */
export function answerOf(typed: string): string | null {
  return typed.trim() === '' ? null : typed;
}

/**
 * The changes a checked draft makes to the saved settings, field by field (nothing for what is unchanged). Call it
 * once the draft's own checks pass: a value that cannot be read is left out.
 */
export function settingsPatch(draft: SettingsDraft, saved: Settings): SettingsUpdate {
  const patch: SettingsUpdate = {};
  const country = draft.defaultCountry.trim().toUpperCase();
  if (country !== saved.defaultCountry) patch.defaultCountry = country;
  if (draft.blockDirectSends !== saved.blockDirectSends) patch.blockDirectSends = draft.blockDirectSends;
  for (const key of ANSWERS) {
    const answer = answerOf(draft[key]);
    if (answer !== saved[key]) patch[key] = answer;
  }
  const rate = readRate(draft.segmentsPerSecond);
  if (rate !== null && rate !== saved.segmentsPerSecond) patch.segmentsPerSecond = rate;
  if (draft.currency !== saved.currency) patch.currency = draft.currency;
  const price = readPrice(draft.price, draft.currency);
  if (price.ok && price.minor !== saved.rate) patch.rate = price.minor;
  if (draft.chargePer !== saved.chargePer) patch.chargePer = draft.chargePer;
  return patch;
}
