import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALPHA_TAG_ERROR_CODES, validateAlphaTag, type AlphaTagResult } from '../../src/alpha-tag.js';
import { AlphaTag } from '../../src/model/alpha-tag.js';

function codeOf(result: AlphaTagResult): string {
  return result.ok ? 'ok' : result.code;
}

describe('validateAlphaTag', () => {
  it('accepts 1 to 11 letters, digits, spaces and hyphens', () => {
    for (const tag of ['A', 'ACME', 'Acme Ltd', 'PBX-Alerts', 'Shop24', 'a1b2c3d4e5f', 'Z 9-9', '-ACME', 'A  B']) {
      assert.deepEqual(validateAlphaTag(tag), { ok: true, tag }, tag);
    }
  });

  it('trims surrounding white space and gives back the trimmed tag', () => {
    assert.deepEqual(validateAlphaTag('  ACME Ltd \t'), { ok: true, tag: 'ACME Ltd' });
    assert.deepEqual(validateAlphaTag(' ABCDEFGHIJK '), { ok: true, tag: 'ABCDEFGHIJK' });
  });

  it('refuses an empty or blank tag', () => {
    for (const tag of ['', '   ', '\t\n', '\u00a0']) {
      const result = validateAlphaTag(tag);
      assert.equal(codeOf(result), 'alpha_tag.empty', JSON.stringify(tag));
      assert.ok(!result.ok && /1 to 11/.test(result.reason));
    }
  });

  it('refuses more than 11 characters, saying how many', () => {
    assert.equal(codeOf(validateAlphaTag('ABCDEFGHIJK')), 'ok');
    const result = validateAlphaTag('ABCDEFGHIJKL');
    assert.equal(codeOf(result), 'alpha_tag.too_long');
    assert.ok(!result.ok && result.reason.includes('12') && result.reason.includes('11'));
  });

  it('refuses a leading digit', () => {
    const result = validateAlphaTag('1Hotel');
    assert.equal(codeOf(result), 'alpha_tag.leading_digit');
    assert.ok(!result.ok && /start with a digit/.test(result.reason));
    assert.equal(codeOf(validateAlphaTag(' 24Shop')), 'alpha_tag.leading_digit');
  });

  it('refuses a tag without a letter', () => {
    for (const tag of ['-', '- -', '-123']) assert.equal(codeOf(validateAlphaTag(tag)), 'alpha_tag.no_letter', tag);
  });

  it('refuses other characters and names the first', () => {
    const cases: [string, string][] = [['Café', 'é'], ['ACME_Ltd', '_'], ['Hi!', '!'], ['Shop😀', '😀'], ['A.B', '.'], ['Ａcme', 'Ａ'], ['A\tB', '\t']];
    for (const [tag, character] of cases) {
      const result = validateAlphaTag(tag);
      assert.equal(codeOf(result), 'alpha_tag.invalid_character', tag);
      assert.ok(!result.ok);
      assert.equal(result.character, character);
    }
    const cafe = validateAlphaTag('Café');
    assert.ok(!cafe.ok && cafe.reason.includes('"é" (U+00E9)'));
    const tab = validateAlphaTag('A\tB');
    assert.ok(!tab.ok && tab.reason.includes('invisible character U+0009'));
  });

  it('reports a bad character before the length', () => {
    assert.equal(codeOf(validateAlphaTag('ABCDEFGHIJKLMNOPQ!')), 'alpha_tag.invalid_character');
  });

  it('refuses a value that is not text', () => {
    assert.equal(codeOf(validateAlphaTag(42 as unknown as string)), 'alpha_tag.not_a_string');
    assert.equal(codeOf(validateAlphaTag(undefined as unknown as string)), 'alpha_tag.not_a_string');
  });

  it('only uses codes it lists', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (tag) => {
        const code = codeOf(validateAlphaTag(tag));
        return code === 'ok' || (ALPHA_TAG_ERROR_CODES as readonly string[]).includes(code);
      }),
    );
  });

  it('accepts exactly what the rule describes', () => {
    const rule = /^(?=.*[A-Za-z])[A-Za-z \-][A-Za-z0-9 \-]{0,10}$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 -_é'), maxLength: 14 }), (tag) => {
        return validateAlphaTag(tag).ok === rule.test(tag.trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('AlphaTag schema', () => {
  it('parses a valid tag, trimmed', () => {
    const tag: AlphaTag = AlphaTag.parse('  ACME ');
    assert.equal(tag, 'ACME');
  });

  it('fails with the same reason and the stable code in params', () => {
    const result = AlphaTag.safeParse('1Hotel');
    assert.equal(result.success, false);
    const issue = result.error!.issues[0]!;
    assert.equal(issue.message, 'An alpha tag cannot start with a digit.');
    assert.deepEqual((issue as { params?: unknown }).params, { code: 'alpha_tag.leading_digit' });
    assert.equal(AlphaTag.safeParse(12).success, false);
  });
});
