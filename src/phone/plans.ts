/**
 * libphonenumber-js's numbering plans (the `max` metadata: see src/phone.ts for why), compiled once per country into
 * ready regular expressions. libphonenumber-js builds `new RegExp('^(?:' + pattern + ')$')` on every check, which is
 * most of its cost per number; these helpers replicate its steps (getNumberType, getCountryByCallingCode,
 * extractNationalNumber, checkNumberLength) exactly, on the same metadata, without that cost.
 * test/node/phone-fast-path.test.ts holds them equal to the library.
 */
import { Metadata } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson, PhoneNumberType } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

export const METADATA: MetadataJson = metadataJson;
export type { CountryCode, PhoneNumberType };

/** Types other than fixed line, in the order libphonenumber-js tries them. */
const NON_FIXED_LINE_TYPES: readonly PhoneNumberType[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

interface TypeRule {
  type: PhoneNumberType;
  pattern: RegExp;
  lengths: readonly number[] | undefined;
}

/** One country's numbering plan, compiled. */
export interface Plan {
  country: CountryCode;
  callingCode: string;
  /** The whole national (significant) number must match this. */
  national: RegExp;
  fixedLine: TypeRule | undefined;
  mobile: TypeRule | undefined;
  /** The plan lists a mobile type at all (US does not: its mobiles and fixed lines look alike). */
  hasMobileType: boolean;
  /** The mobile pattern was folded into the fixed-line one. */
  mobileSameAsFixed: boolean;
  others: readonly TypeRule[];
  /** Leading digits that alone pick this country among those sharing its calling code. */
  leadingDigits: RegExp | undefined;
  /** International (IDD) prefixes dialled from this country, anchored. */
  idd: RegExp | undefined;
  /** What a trunk prefix (and carrier code) looks like, anchored: '0' in AU and GB, '1' in the US. */
  prefixForParsing: RegExp | undefined;
  /** Rewrites the number after a matched prefix, in the few countries that need it (AR, MX, ...). */
  transformRule: string | undefined;
  /** Possible national number lengths, ascending. */
  possibleLengths: readonly number[] | undefined;
}

const plans = new Map<string, Plan | null>();

function entirely(pattern: string): RegExp {
  return new RegExp('^(?:' + pattern + ')$');
}

function compile(country: CountryCode): Plan {
  const metadata = new Metadata(METADATA);
  metadata.selectNumberingPlan(country);
  // The NumberingPlan class is typed loosely by the library; its methods are documented in its METADATA.md.
  const plan = metadata.numberingPlan as unknown as NumberingPlanApi;
  const rule = (type: PhoneNumberType): TypeRule | undefined => {
    const definition = plan.type(type);
    const pattern = definition?.pattern();
    return definition && pattern ? { type, pattern: entirely(pattern), lengths: definition.possibleLengths() } : undefined;
  };
  const mobileDefinition = plan.type('MOBILE');
  const prefixForParsing = plan.nationalPrefixForParsing();
  const idd = plan.IDDPrefix();
  const leading = plan.leadingDigits();
  return {
    country,
    callingCode: plan.callingCode(),
    national: entirely(plan.nationalNumberPattern()),
    fixedLine: rule('FIXED_LINE'),
    mobile: rule('MOBILE'),
    hasMobileType: mobileDefinition !== undefined,
    mobileSameAsFixed: mobileDefinition !== undefined && mobileDefinition.pattern() === '',
    others: NON_FIXED_LINE_TYPES.map(rule).filter((value): value is TypeRule => value !== undefined),
    leadingDigits: leading ? new RegExp('^(?:' + leading + ')') : undefined,
    idd: idd ? new RegExp('^(?:' + idd + ')') : undefined,
    prefixForParsing: prefixForParsing ? new RegExp('^(?:' + prefixForParsing + ')') : undefined,
    transformRule: plan.nationalPrefixTransformRule() || undefined,
    possibleLengths: plan.possibleLengths(),
  };
}

interface NumberingPlanApi {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  possibleLengths(): number[] | undefined;
  type(type: PhoneNumberType): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** The compiled plan of a country (ISO 3166-1 alpha-2, upper case), or undefined for an unknown one. */
export function planFor(country: string): Plan | undefined {
  let plan = plans.get(country);
  if (plan === undefined) {
    plan = Object.hasOwn(METADATA.countries, country) ? compile(country as CountryCode) : null;
    plans.set(country, plan);
  }
  return plan ?? undefined;
}

/** The countries sharing a calling code, main one first; undefined for unknown and non-geographic codes. */
export function countriesFor(callingCode: string): readonly CountryCode[] | undefined {
  const countries = Object.hasOwn(METADATA.country_calling_codes, callingCode)
    ? METADATA.country_calling_codes[callingCode]
    : undefined;
  // Old-style metadata listed non-geographic codes as a single '001' entry.
  return countries && !(countries.length === 1 && countries[0]!.length === 3) ? countries : undefined;
}

/** Calling codes (geographic and not) as numbers, for an allocation-free lookup. */
const CALLING_CODES = /* @__PURE__ */ new Set(
  [...Object.keys(METADATA.country_calling_codes), ...Object.keys(METADATA.nonGeographic ?? {})].map(Number),
);

/**
 * The length of the calling code the digits after '+' start with, as the library finds it (shortest first), or 0
 * when there is none.
 */
export function callingCodeLength(digits: string): number {
  let code = 0;
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const digit = digits.charCodeAt(length - 1) - 48;
    if (digit < 0 || digit > 9 || (length === 1 && digit === 0)) return 0; // no calling code starts with 0
    code = code * 10 + digit;
    if (CALLING_CODES.has(code)) return length;
  }
  return 0;
}

function matches(rule: TypeRule | undefined, national: string): boolean {
  return rule !== undefined && (rule.lengths === undefined || rule.lengths.includes(national.length)) && rule.pattern.test(national);
}

/** libphonenumber-js's getNumberType on a compiled plan: the type, or undefined for an invalid number. */
export function numberType(plan: Plan, national: string): PhoneNumberType | undefined {
  if (!plan.national.test(national)) return undefined;
  if (matches(plan.fixedLine, national)) {
    if (plan.mobileSameAsFixed || !plan.hasMobileType || matches(plan.mobile, national)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const rule of plan.others) if (matches(rule, national)) return rule.type;
  return undefined;
}

/** libphonenumber-js's getCountryByCallingCode: which of the countries sharing a calling code a number belongs to. */
export function countryFor(countries: readonly CountryCode[], national: string): CountryCode | undefined {
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = planFor(country)!;
    if (plan.leadingDigits) {
      if (plan.leadingDigits.test(national)) return country;
    } else if (numberType(plan, national) !== undefined) {
      return country;
    }
  }
  return undefined;
}

/** libphonenumber-js's checkNumberLength against a plan's possible lengths. */
export function lengthVerdict(plan: Plan, national: string): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  const lengths = plan.possibleLengths;
  if (lengths === undefined || lengths.length === 0) return 'IS_POSSIBLE';
  const length = national.length;
  if (lengths[0] === length) return 'IS_POSSIBLE';
  if (lengths[0]! > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/**
 * libphonenumber-js's extractNationalNumber: strips a trunk prefix (and carrier code) from a number dialled in
 * `plan`'s country, unless what is left could not be a whole number there.
 */
export function stripTrunkPrefix(plan: Plan, digits: string, countries: readonly CountryCode[]): string {
  const prefix = plan.prefixForParsing;
  const match = prefix?.exec(digits);
  if (!match) return digits;
  const groups = match.length - 1;
  const captured = groups > 0 && Boolean(match[groups]);
  const national = plan.transformRule && captured ? digits.replace(prefix!, plan.transformRule) : digits.slice(match[0].length);
  if (national === digits) return digits;
  if (plan.national.test(digits) && !plan.national.test(national)) return digits;
  if (plan.possibleLengths !== undefined) {
    const country = countryFor(countries, national);
    const verdict = lengthVerdict(country === undefined ? plan : planFor(country)!, national);
    if (verdict === 'TOO_SHORT' || verdict === 'INVALID_LENGTH') return digits;
  }
  return national;
}
