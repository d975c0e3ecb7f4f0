import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countSegments, gsmSeptets, isGsmCodeUnit, SEGMENT_LIMITS } from '../../src/segments.js';

/** GSM 03.38 default alphabet by position, written out here independently of src (ESC at 0x1B left out). */
const BASIC_TABLE = [
  '@£$¥èéùìòÇ\nØø\rÅå',
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ',
  ' !"#¤%&\'()*+,-./',
  '0123456789:;<=>?',
  '¡ABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÄÖÑÜ§',
  '¿abcdefghijklmno',
  'pqrstuvwxyzäöñüà',
].join('');
const BASIC = [...BASIC_TABLE].filter((char) => char !== '\u001b');
/** The extension table: ESC + 0x0A FF, 0x14 ^, 0x28 {, 0x29 }, 0x2F \, 0x3C [, 0x3D ~, 0x3E ], 0x40 |, 0x65 €. */
const EXTENSION = ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];

describe('countSegments: GSM-7', () => {
  it('counts an empty message as 0 parts with a whole part left', () => {
    assert.deepEqual(countSegments(''), { encoding: 'GSM-7', segments: 0, units: 0, perSegment: 160, remaining: 160, nonGsm: [] });
  });

  it('fits 160 septets in one part and needs two at 161', () => {
    assert.deepEqual(countSegments('a'.repeat(160)), { encoding: 'GSM-7', segments: 1, units: 160, perSegment: 160, remaining: 0, nonGsm: [] });
    assert.deepEqual(countSegments('a'.repeat(161)), { encoding: 'GSM-7', segments: 2, units: 161, perSegment: 153, remaining: 145, nonGsm: [] });
  });

  it('fills multipart messages 153 septets a part: 153×n fits n parts, 153×n+1 needs n+1', () => {
    for (const n of [2, 3, 7]) {
      const full = countSegments('b'.repeat(153 * n));
      assert.equal(full.segments, n);
      assert.equal(full.remaining, 0);
      const over = countSegments('b'.repeat(153 * n + 1));
      assert.equal(over.segments, n + 1);
      assert.equal(over.remaining, 152);
      assert.equal(over.perSegment, 153);
    }
  });

  it('counts an extension character as 2 septets', () => {
    assert.deepEqual(countSegments('5€'), { encoding: 'GSM-7', segments: 1, units: 3, perSegment: 160, remaining: 157, nonGsm: [] });
    assert.equal(countSegments('a'.repeat(158) + '€').segments, 1);
    assert.equal(countSegments('a'.repeat(158) + '€').remaining, 0);
    assert.equal(countSegments('a'.repeat(159) + '€').segments, 2);
  });

  it('moves an escape pair that straddles the 153 boundary whole to the next part', () => {
    // 152 + 2 + 152 = 306 septets = 2 × 153, yet the € cannot be split: 152 | 2 + 151 | 1.
    const straddling = countSegments('a'.repeat(152) + '€' + 'a'.repeat(152));
    assert.equal(straddling.units, 306);
    assert.equal(straddling.segments, 3);
    assert.equal(straddling.remaining, 152);
    // The same pair one septet earlier fits exactly: 151 + 2 | 153.
    const fitting = countSegments('a'.repeat(151) + '€' + 'a'.repeat(153));
    assert.equal(fitting.segments, 2);
    assert.equal(fitting.remaining, 0);
  });

  it('moves a pair at the end of the second part to a third', () => {
    const text = 'a'.repeat(153) + 'a'.repeat(152) + '|' + 'a';
    assert.equal(countSegments(text).segments, 3);
    assert.equal(countSegments(text).remaining, 150);
  });

  it('knows every basic character as 1 septet', () => {
    assert.equal(BASIC.length, 127);
    for (const char of BASIC) {
      assert.equal(gsmSeptets(char), 1, `basic ${JSON.stringify(char)}`);
      assert.equal(isGsmCodeUnit(char.charCodeAt(0)), true);
    }
    const all = countSegments(BASIC.join(''));
    assert.equal(all.encoding, 'GSM-7');
    assert.equal(all.units, 127);
  });

  it('knows every extension character, form feed included, as 2 septets', () => {
    for (const char of EXTENSION) assert.equal(gsmSeptets(char), 2, `extension ${JSON.stringify(char)}`);
    assert.deepEqual(countSegments('\f'), { encoding: 'GSM-7', segments: 1, units: 2, perSegment: 160, remaining: 158, nonGsm: [] });
    assert.equal(countSegments(EXTENSION.join('')).units, 20);
  });

  it('has no other GSM-7 code unit', () => {
    const known = new Set([...BASIC, ...EXTENSION].map((char) => char.charCodeAt(0)));
    for (let code = 0; code < 0x10000; code++) {
      if (!known.has(code)) assert.equal(isGsmCodeUnit(code), false, `U+${code.toString(16)}`);
    }
    assert.equal(gsmSeptets('😀'), 0);
    assert.equal(gsmSeptets('ab'), 0);
  });
});

describe('countSegments: UCS-2', () => {
  it('fits 70 units in one part and needs two at 71', () => {
    const cyrillic = 'Я';
    assert.deepEqual(countSegments(cyrillic.repeat(70)), { encoding: 'UCS-2', segments: 1, units: 70, perSegment: 70, remaining: 0, nonGsm: ['Я'] });
    assert.deepEqual(countSegments(cyrillic.repeat(71)), { encoding: 'UCS-2', segments: 2, units: 71, perSegment: 67, remaining: 63, nonGsm: ['Я'] });
    assert.equal(countSegments(cyrillic.repeat(134)).segments, 2);
    assert.equal(countSegments(cyrillic.repeat(135)).segments, 3);
  });

  it('counts UTF-16 units: an emoji costs 2, an extension character only 1', () => {
    const result = countSegments('€😀');
    assert.equal(result.encoding, 'UCS-2');
    assert.equal(result.units, 3);
    assert.equal(result.remaining, 67);
    assert.equal(countSegments('Я'.repeat(68) + '😀').segments, 1);
  });

  it('moves a surrogate pair that straddles the 67 boundary whole to the next part', () => {
    // 66 + 2 + 66 = 134 units = 2 × 67, yet the emoji cannot be split: 66 | 2 + 65 | 1.
    const straddling = countSegments('Я'.repeat(66) + '😀' + 'Я'.repeat(66));
    assert.equal(straddling.units, 134);
    assert.equal(straddling.segments, 3);
    assert.equal(straddling.remaining, 66);
    const fitting = countSegments('Я'.repeat(65) + '😀' + 'Я'.repeat(67));
    assert.equal(fitting.segments, 2);
    assert.equal(fitting.remaining, 0);
  });

  it('lists the characters that forced UCS-2 once each, in order, emoji whole', () => {
    assert.deepEqual(countSegments('Привет, мир! 😀😀 Привет').nonGsm, ['П', 'р', 'и', 'в', 'е', 'т', 'м', '😀']);
    assert.deepEqual(countSegments('It’s “fine”').nonGsm, ['’', '“', '”']);
    assert.deepEqual(countSegments('ç').nonGsm, ['ç']);
    assert.deepEqual(countSegments('tab\there').nonGsm, ['\t']);
  });

  it('treats a lone surrogate as one non-GSM unit', () => {
    const result = countSegments('a\ud83d');
    assert.equal(result.encoding, 'UCS-2');
    assert.equal(result.units, 2);
    assert.deepEqual(result.nonGsm, ['\ud83d']);
  });
});

const gsmChar = fc.constantFrom(...BASIC);
const anyChar = fc.oneof(
  gsmChar,
  fc.constantFrom(...EXTENSION),
  fc.constantFrom('Я', 'ж', 'م', 'ب', 'é', '’', '😀', '🎉', '\u00a0'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('countSegments: properties', () => {
  it('never needs fewer parts for a longer text (every prefix needs at most as many)', () => {
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 400 }), fc.nat(), (chars, cut) => {
        const text = chars.join('');
        const prefix = text.slice(0, cut % (text.length + 1));
        return countSegments(prefix).segments <= countSegments(text).segments;
      }),
      { numRuns: 500 },
    );
  });

  it('splits n > 160 septets of basic characters into ceil(n / 153) parts', () => {
    fc.assert(
      fc.property(fc.array(gsmChar, { minLength: 161, maxLength: 2000 }), (chars) => {
        const result = countSegments(chars.join(''));
        return result.encoding === 'GSM-7' && result.units === chars.length && result.segments === Math.ceil(chars.length / 153);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves remaining = parts × capacity − units unless a pair was moved', () => {
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 600 }), (chars) => {
        const result = countSegments(chars.join(''));
        const { single, multi } = SEGMENT_LIMITS[result.encoding];
        const capacity = result.segments <= 1 ? single : multi;
        assert.equal(result.perSegment, capacity);
        if (result.segments === 0) return result.remaining === single;
        assert.ok(result.remaining >= 0 && result.remaining < capacity);
        return result.segments * capacity - result.units >= result.remaining;
      }),
      { numRuns: 300 },
    );
  });
});
