// The fast path of src/phone/read.ts (compiled number plans) must give exactly libphonenumber-js's verdict:
// same E.164, country and type for valid numbers, same error code for the rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import examples from 'libphonenumber-js/mobile/examples';
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import { METADATA } from '../../src/phone/plans.js';
import { fastRead, libraryRead } from '../../src/phone/read.js';
import { normalizeDialString } from '../../src/phone/normalize.js';

/** mulberry32, so the sweep is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Compares both paths on one input; returns whether the fast path answered. */
function compare(input: string, country: CountryCode | undefined): boolean {
  const digits = normalizeDialString(input);
  if (digits === undefined) return false;
  const fast = fastRead(digits, country);
  if (fast === undefined) return false;
  assert.deepEqual(fast, libraryRead(digits, country), `${JSON.stringify(input)} in ${country ?? 'no country'}`);
  return true;
}

const DEFAULT_COUNTRIES: (CountryCode | undefined)[] = ['AU', 'GB', 'US', 'DE', 'FR', 'IN', 'IT', 'BR', 'AR', 'MX', 'RU', 'CA', undefined];

describe('phone fast path', () => {
  it("agrees with libphonenumber-js on every country's example numbers and their mutations", () => {
    const next = random(42);
    const digit = (): string => String(Math.floor(next() * 10));
    let answered = 0;
    let total = 0;
    for (const country of getCountries(METADATA)) {
      const example = (examples as Partial<Record<CountryCode, string>>)[country];
      if (example === undefined) continue;
      const number = parsePhoneNumberFromString(example, country, METADATA);
      if (number === undefined) continue;
      const national = number.formatNational().replace(/\D/g, '');
      const inputs = [number.number, number.formatNational(), number.formatInternational(), example];
      for (let round = 0; round < 12; round++) {
        const mutated = number.number.slice(1).split('');
        const at = Math.floor(next() * mutated.length);
        const kind = round % 3;
        if (kind === 0) mutated[at] = digit();
        else if (kind === 1) mutated.splice(at, 1);
        else mutated.splice(at, 0, digit());
        inputs.push('+' + mutated.join(''));
        const nationalMutated = national.split('');
        nationalMutated[Math.floor(next() * nationalMutated.length)] = digit();
        inputs.push(nationalMutated.join(''), number.countryCallingCode + nationalMutated.join(''));
      }
      for (const input of inputs) {
        for (const defaultCountry of [country, ...DEFAULT_COUNTRIES]) {
          total++;
          if (compare(input, defaultCountry)) answered++;
        }
      }
    }
    // The fast path must carry the load, not quietly hand everything to the library.
    assert.ok(answered / total > 0.85, `fast path answered ${answered} of ${total}`);
  });

  it('agrees on arbitrary digit strings, with and without "+", in many countries', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\+?[0-9]{1,18}$/),
        fc.constantFrom<CountryCode | undefined>(...DEFAULT_COUNTRIES, 'JP', 'CN', 'NZ', 'IE', 'ZA', 'SG', 'CX'),
        (input, country) => {
          compare(input, country);
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('agrees on numbers built from each country plan (calling code + national digits)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...getCountries(METADATA)),
        fc.stringMatching(/^[0-9]{4,13}$/),
        fc.boolean(),
        (country, digits, international) => {
          const number = parsePhoneNumberFromString((examples as Partial<Record<CountryCode, string>>)[country] ?? '0', country, METADATA);
          const code = number?.countryCallingCode ?? '1';
          compare(international ? `+${code}${digits}` : digits, country);
        },
      ),
      { numRuns: 20000 },
    );
  });
});
