import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidPhoneNumber as isValidMin } from 'libphonenumber-js/min';
import { formatPhone, isE164, parsePhone, PHONE_TYPES, toE164, type PhoneParseResult } from '../../src/phone.js';
import { E164 } from '../../src/model/e164.js';
import { isPhoneNumberError, PhoneNumberError, PHONE_NUMBER_ERROR_CODES } from '../../src/errors/phone-number-error.js';
import { isSmsError } from '../../src/errors/sms-error.js';

function e164Of(input: string, defaultCountry?: string): string {
  const result = parsePhone(input, { defaultCountry });
  assert.ok(result.ok, `${JSON.stringify(input)} in ${defaultCountry}: ${result.ok ? '' : result.error.message}`);
  return result.e164;
}

function codeOf(result: PhoneParseResult): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('parsePhone: accepted forms', () => {
  it('reads national numbers with and without the trunk prefix', () => {
    assert.equal(e164Of('0412345678', 'AU'), '+61412345678');
    assert.equal(e164Of('412345678', 'AU'), '+61412345678');
    assert.equal(e164Of('07400 123456', 'GB'), '+447400123456');
    assert.equal(e164Of('7400 123456', 'GB'), '+447400123456');
    assert.equal(e164Of('1 212 555 0123', 'US'), '+12125550123');
    assert.equal(e164Of('212 555 0123', 'US'), '+12125550123');
  });

  it('ignores spaces, dashes, dots, slashes and parentheses', () => {
    for (const input of ['0412 345 678', '0412-345-678', '0412.345.678', '(04) 1234 5678', '0412/345/678', '04 12 34 56 78']) {
      assert.equal(e164Of(input, 'AU'), '+61412345678', input);
    }
    assert.equal(e164Of('(212) 555-0123', 'US'), '+12125550123');
    assert.equal(e164Of('212.555.0123', 'US'), '+12125550123');
    assert.equal(e164Of('0412\u2013345\u2014678', 'AU'), '+61412345678'); // en and em dashes
  });

  it('drops the "(0)" written after a country code', () => {
    assert.equal(e164Of('+44 (0)20 7946 0958'), '+442079460958');
    assert.equal(e164Of('+44 (0) 20 7946 0958'), '+442079460958');
    assert.equal(e164Of('+61 (0)412 345 678'), '+61412345678');
    assert.equal(e164Of('+49 (0)30 123456'), '+4930123456');
    // and a trunk zero written without parentheses after the country code
    assert.equal(e164Of('+44 020 7946 0958'), '+442079460958');
  });

  it("reads the default country's international prefixes", () => {
    assert.equal(e164Of('0011 44 7400 123456', 'AU'), '+447400123456');
    assert.equal(e164Of('0011 61 412 345 678', 'AU'), '+61412345678');
    assert.equal(e164Of('011 44 7400 123456', 'US'), '+447400123456');
    assert.equal(e164Of('011 61 412 345 678', 'US'), '+61412345678');
    assert.equal(e164Of('00 61 412 345 678', 'GB'), '+61412345678');
    assert.equal(e164Of('00 1 212 555 0123', 'DE'), '+12125550123');
    assert.equal(e164Of('00 44 7400 123456', 'FR'), '+447400123456');
  });

  it('tries 00, 011 and 0011 when a number is not valid as dialled in the default country', () => {
    assert.equal(e164Of('0061 412 345 678', 'AU'), '+61412345678'); // 00 is not an AU prefix
    assert.equal(e164Of('0044 7400 123456', 'US'), '+447400123456');
    assert.equal(e164Of('0011 44 7400 123456', 'GB'), '+447400123456');
    assert.equal(e164Of('0044 7400 123456'), '+447400123456'); // even without a default country
  });

  it('reads a calling code typed without "+"', () => {
    assert.equal(e164Of('61412345678', 'AU'), '+61412345678');
    assert.equal(e164Of('447400123456', 'GB'), '+447400123456');
  });

  it('reads full-width and Arabic-Indic digits', () => {
    assert.equal(e164Of('０４１２ ３４５ ６７８', 'AU'), '+61412345678');
    assert.equal(e164Of('＋６１ ４１２ ３４５ ６７８'), '+61412345678');
    assert.equal(e164Of('\u0660\u0664\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668', 'AU'), '+61412345678');
  });

  it('trims surrounding white space of every kind', () => {
    assert.equal(e164Of('  +61 412 345 678  '), '+61412345678');
    assert.equal(e164Of('\t0412 345 678\r\n', 'AU'), '+61412345678');
    assert.equal(e164Of('\u00a00412\u00a0345\u00a0678\u3000', 'AU'), '+61412345678');
  });

  it('needs no country for E.164 input, and ignores the default country for it', () => {
    assert.equal(e164Of('+61412345678'), '+61412345678');
    assert.equal(e164Of('+61412345678', 'US'), '+61412345678');
    assert.equal(e164Of('+1 415 555 2671', 'GB'), '+14155552671');
  });

  it('takes the default country in any case', () => {
    assert.equal(e164Of('0412 345 678', 'au'), '+61412345678');
    assert.equal(e164Of('0412 345 678', ' Au '), '+61412345678');
  });
});

describe('parsePhone: countries and line types', () => {
  const cases: [input: string, country: string, e164: string, type: string][] = [
    ['0412 345 678', 'AU', '+61412345678', 'mobile'],
    ['(02) 9374 4000', 'AU', '+61293744000', 'fixed-line'],
    ['1800 801 920', 'AU', '+611800801920', 'toll-free'],
    ['07400 123456', 'GB', '+447400123456', 'mobile'],
    ['020 7946 0958', 'GB', '+442079460958', 'fixed-line'],
    ['(212) 555-0123', 'US', '+12125550123', 'fixed-line-or-mobile'],
    ['1-800-555-0199', 'US', '+18005550199', 'toll-free'],
    ['0151 23456789', 'DE', '+4915123456789', 'mobile'],
    ['030 123456', 'DE', '+4930123456', 'fixed-line'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    ['01 23 45 67 89', 'FR', '+33123456789', 'fixed-line'],
    ['98765 43210', 'IN', '+919876543210', 'mobile'],
    ['098765 43210', 'IN', '+919876543210', 'mobile'],
  ];
  for (const [input, country, e164, type] of cases) {
    it(`${country} ${input} is ${type}`, () => {
      assert.deepEqual(parsePhone(input, { defaultCountry: country }), { ok: true, e164, country, type });
    });
  }

  it('names the country of a number sharing a calling code', () => {
    const result = parsePhone('+1 416 555 0123');
    assert.ok(result.ok);
    assert.equal(result.country, 'CA');
  });

  it('lists every type it can return', () => {
    assert.deepEqual([...PHONE_TYPES].sort(), ['fixed-line', 'fixed-line-or-mobile', 'mobile', 'pager', 'personal', 'premium-rate', 'shared-cost', 'toll-free', 'uan', 'voicemail', 'voip']);
  });
});

describe('parsePhone: refusals', () => {
  it('refuses digits no number plan assigns, though their length is right', () => {
    // Mobile-looking numbers in ranges no operator holds: libphonenumber-js's `min` metadata passes them.
    for (const [input, country] of [['06 97 31 64 14', 'FR'], ['01535 9155685', 'DE']] as const) {
      assert.equal(isValidMin(input, country), true, `min accepts ${input}`);
      assert.equal(codeOf(parsePhone(input, { defaultCountry: country })), 'phone.invalid', input);
    }
    // 07700 900xxx is reserved for drama in the UK: the right length, never a real mobile.
    assert.equal(codeOf(parsePhone('07700 900123', { defaultCountry: 'GB' })), 'phone.invalid');
    assert.equal(codeOf(parsePhone('+61 512 345 678')), 'phone.invalid'); // no AU number starts with 5
    assert.equal(codeOf(parsePhone('+1 212 055 0123')), 'phone.invalid'); // NANP exchanges never start with 0
  });

  it('says empty for nothing but white space', () => {
    for (const input of ['', '   ', '\t\n']) assert.equal(codeOf(parsePhone(input, { defaultCountry: 'AU' })), 'phone.empty');
  });

  it('says too short and too long', () => {
    assert.equal(codeOf(parsePhone('12', { defaultCountry: 'AU' })), 'phone.too_short');
    assert.equal(codeOf(parsePhone('0412', { defaultCountry: 'AU' })), 'phone.too_short');
    assert.equal(codeOf(parsePhone('+61 41')), 'phone.too_short');
    // Long enough for some AU number (short codes exist), but no number: invalid rather than too short.
    assert.equal(codeOf(parsePhone('0412 345', { defaultCountry: 'AU' })), 'phone.invalid');
    assert.equal(codeOf(parsePhone('0412 345 678 9999', { defaultCountry: 'AU' })), 'phone.too_long');
    assert.equal(codeOf(parsePhone('+61 412 345 678 999 999')), 'phone.too_long');
  });

  it('says not a number for text', () => {
    for (const input of ['n/a', 'call me', 'abc', '-', '+', '()']) {
      assert.equal(codeOf(parsePhone(input, { defaultCountry: 'AU' })), 'phone.not_a_number', input);
    }
  });

  it('says invalid country without a country to read a national number in, or with an unknown one', () => {
    const none = parsePhone('0412 345 678');
    assert.equal(codeOf(none), 'phone.invalid_country');
    assert.ok(!none.ok && none.error.message.includes('0412 345 678'));
    const unknown = parsePhone('0412 345 678', { defaultCountry: 'XX' });
    assert.equal(codeOf(unknown), 'phone.invalid_country');
    assert.ok(!unknown.ok && unknown.error.message.includes('XX'));
    assert.equal(codeOf(parsePhone('+61 412 345 678', { defaultCountry: 'XX' })), 'ok');
    assert.equal(codeOf(parsePhone('+999 1234 5678')), 'phone.invalid_country'); // no such calling code
  });

  it('refuses a number with an extension: an extension cannot receive SMS', () => {
    assert.equal(codeOf(parsePhone('0412 345 678 ext. 12', { defaultCountry: 'AU' })), 'phone.invalid');
  });

  it('only ever uses the documented codes, and says what it refused in the message', () => {
    for (const input of ['', '1', '12345', 'x', '0412 345 678', '+61 0', '99999999999999999999', '0412 345 67']) {
      const result = parsePhone(input, { defaultCountry: input.length % 2 ? 'AU' : undefined });
      if (result.ok) continue;
      assert.ok((PHONE_NUMBER_ERROR_CODES as readonly string[]).includes(result.error.code), result.error.code);
      assert.ok(result.error.message.length > 0);
      if (input.trim() !== '') assert.ok(result.error.message.includes(input.trim()), result.error.message);
    }
  });

  it('never throws, whatever the input and country', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string({ maxLength: 4 })), (input, country) => {
        const result = parsePhone(input, { defaultCountry: country ?? undefined });
        if (result.ok) assert.ok(E164.safeParse(result.e164).success, result.e164);
        else assert.ok(PHONE_NUMBER_ERROR_CODES.includes(result.error.code));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[+(]?[0-9 ().\-\/]{0,24}$/), fc.constantFrom('AU', 'GB', 'US', 'DE', 'FR', 'IN', undefined), (input, country) => {
        const result = parsePhone(input, { defaultCountry: country });
        if (result.ok) assert.ok(isE164(result.e164));
      }),
      { numRuns: 3000 },
    );
  });

  it('tolerates a non-string input from untyped callers', () => {
    assert.equal(codeOf(parsePhone(undefined as unknown as string)), 'phone.empty');
    assert.equal(codeOf(parsePhone(12 as unknown as string)), 'phone.empty');
  });
});

describe('toE164', () => {
  it('returns E.164', () => {
    assert.equal(toE164('0412 345 678', 'AU'), '+61412345678');
    assert.equal(toE164('+49 151 23456789'), '+4915123456789');
  });

  it('throws a PhoneNumberError with code, input and country', () => {
    assert.throws(
      () => toE164('12', 'au'),
      (error: unknown) => {
        assert.ok(error instanceof PhoneNumberError);
        assert.ok(isPhoneNumberError(error) && isSmsError(error));
        assert.equal(error.code, 'phone.too_short');
        assert.equal(error.input, '12');
        assert.equal(error.country, 'AU');
        assert.deepEqual(error.toJSON(), { name: 'PhoneNumberError', code: 'phone.too_short', message: error.message, input: '12', country: 'AU' });
        return true;
      },
    );
    assert.throws(() => toE164('0412 345 678'), { code: 'phone.invalid_country' });
    assert.throws(() => toE164(''), { code: 'phone.empty' });
  });

  it('tells its errors apart from others', () => {
    assert.equal(isPhoneNumberError(new Error('x')), false);
    assert.equal(isPhoneNumberError(null), false);
  });
});

describe('E164 and isE164', () => {
  it('isE164 checks the syntax only', () => {
    for (const value of ['+61412345678', '+1234567', '+123456789012345', '+61400000000']) assert.equal(isE164(value), true, value);
    for (const value of ['61412345678', '+0412345678', '+123456', '+1234567890123456', '+61 412 345 678', '', '+']) {
      assert.equal(isE164(value), false, value);
    }
  });

  it('the E164 schema accepts valid numbers written exactly in E.164', () => {
    assert.equal(E164.parse('+61412345678'), '+61412345678');
    assert.equal(E164.parse('+447400123456'), '+447400123456');
  });

  it('the E164 schema refuses other forms and invalid digits', () => {
    for (const value of ['0412345678', '+61 412 345 678', '+610412345678', '+61512345678', '+1234567', 61412345678]) {
      assert.equal(E164.safeParse(value).success, false, String(value));
    }
    const issue = E164.safeParse('+61512345678');
    assert.ok(!issue.success && /E\.164/.test(issue.error.issues[0]!.message));
  });
});

describe('formatPhone', () => {
  it('formats for reading, internationally by default', () => {
    assert.equal(formatPhone('+61412345678'), '+61 412 345 678');
    assert.equal(formatPhone('+61412345678', { style: 'international' }), '+61 412 345 678');
    assert.equal(formatPhone('+61412345678', { style: 'national' }), '0412 345 678');
    assert.equal(formatPhone('+442079460958', { style: 'national' }), '020 7946 0958');
    assert.equal(formatPhone('+12125550123', { style: 'national' }), '(212) 555-0123');
  });

  it('gives back what is not a phone number unchanged', () => {
    assert.equal(formatPhone('n/a'), 'n/a');
    assert.equal(formatPhone(''), '');
  });
});
