import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gsmLookAlike, toGsmSafe } from '../../src/gsm-safe.js';
import { countSegments } from '../../src/segments.js';

describe('toGsmSafe', () => {
  it('replaces typographic quotes, dashes and ellipsis and says what it replaced', () => {
    const result = toGsmSafe('“Hi” – it’s 5… it’s');
    assert.equal(result.text, '"Hi" - it\'s 5... it\'s');
    assert.deepEqual(result.replaced, [
      { from: '“', to: '"', count: 1 },
      { from: '”', to: '"', count: 1 },
      { from: '–', to: '-', count: 1 },
      { from: '’', to: "'", count: 2 },
      { from: '…', to: '...', count: 1 },
    ]);
    assert.deepEqual(result.remaining, []);
    assert.equal(countSegments(result.text).encoding, 'GSM-7');
  });

  it('turns odd spaces into spaces and drops invisible characters', () => {
    const result = toGsmSafe('a\u00a0b\u2009c\u200bd\ufeff');
    assert.equal(result.text, 'a b cd');
    assert.deepEqual(result.replaced.map((entry) => entry.to), [' ', ' ', '', '']);
  });

  it('keeps GSM text untouched, extension characters included', () => {
    const text = 'Price: 5€ [50% off] {today} ~ \\ | ^ \f Ça va? ñ';
    assert.deepEqual(toGsmSafe(text), { text, replaced: [], remaining: [] });
  });

  it('keeps letters it cannot replace and lists them once each as remaining', () => {
    const result = toGsmSafe('Привет “мир” 😀 😀');
    assert.equal(result.text, 'Привет "мир" 😀 😀');
    assert.deepEqual(result.remaining, ['П', 'р', 'и', 'в', 'е', 'т', 'м', '😀']);
    assert.equal(countSegments(result.text).encoding, 'UCS-2');
  });

  it('replaces lower-case ç with the Ç that GSM 03.38 holds', () => {
    assert.equal(toGsmSafe('garçon').text, 'garÇon');
  });

  it('gives look-alikes only for characters it knows', () => {
    assert.equal(gsmLookAlike('’'), "'");
    assert.equal(gsmLookAlike('Я'), undefined);
    assert.equal(gsmLookAlike('toString'), undefined);
    assert.equal(gsmLookAlike('constructor'), undefined);
  });
});

const sample = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom('a', ' ', '€', '’', '“', '—', '…', '\u00a0', '\u200b', '\t', 'ç', 'Я', '😀', '™', '｛'), { maxLength: 80 }).map((chars) => chars.join('')),
);

describe('toGsmSafe: properties', () => {
  it('gives GSM-7 text whenever nothing remains', () => {
    fc.assert(
      fc.property(sample, (text) => {
        const result = toGsmSafe(text);
        return result.remaining.length > 0 || countSegments(result.text).encoding === 'GSM-7';
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves exactly the remaining characters outside GSM-7', () => {
    fc.assert(
      fc.property(sample, (text) => {
        const result = toGsmSafe(text);
        assert.deepEqual(countSegments(result.text).nonGsm, result.remaining);
      }),
      { numRuns: 1000 },
    );
  });

  it('has nothing left to replace in its own output', () => {
    fc.assert(
      fc.property(sample, (text) => {
        const once = toGsmSafe(text);
        const twice = toGsmSafe(once.text);
        return twice.text === once.text && twice.replaced.length === 0;
      }),
      { numRuns: 500 },
    );
  });
});
