import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SmsTranslation, Term } from '../../components/internal/localize.js';
import { englishTerms, translationFiles } from '../fixtures/english-terms.js';

/** `{0}`, `{1}`... and, in plural forms, `#`, each once, sorted: what a text must keep whatever its language. */
function placeholders(text: string, plural: boolean): string[] {
  const found = new Set(text.match(/\{\d+\}/g) ?? []);
  if (plural && text.includes('#')) found.add('#');
  return [...found].sort();
}

function forms(term: Term): Record<string, string> {
  return typeof term === 'string' ? { text: term } : (term as Record<string, string>);
}

const english = await englishTerms();

describe('English terms', () => {
  it('are found in the elements, plain data or functions', () => {
    assert.ok(english.size > 100, `only ${english.size} English terms found`);
    for (const [key, { term }] of english) assert.ok(['string', 'object', 'function'].includes(typeof term), key);
  });
});

for (const file of translationFiles()) {
  const code = basename(file, '.ts');
  describe(`translations/${code}.ts`, () => {
    let translation: SmsTranslation;
    let categories: string[];
    before(async () => {
      const module = (await import(pathToFileURL(file).href)) as { default: SmsTranslation };
      translation = module.default;
      categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    });
    const terms = () => Object.entries(translation).filter(([key]) => !key.startsWith('$')) as Array<[string, Term]>;

    it('is named for its language and says its own name', () => {
      assert.equal(translation.$code, code);
      assert.ok(translation.$name, '$name is missing');
    });

    it('has every English term of every element', () => {
      const missing = [...english.keys()].filter((key) => translation[key] === undefined);
      assert.deepEqual(missing.map((key) => `${key} (${english.get(key)!.files.join(', ')})`), []);
    });

    it('has no term the elements do not use', () => {
      assert.deepEqual(terms().map(([key]) => key).filter((key) => !english.has(key)), []);
    });

    it('keeps the kind of each term: text, plural forms or a function with the same parameters', () => {
      const wrong = terms().flatMap(([key, term]) => {
        const source = english.get(key)?.term;
        if (source === undefined) return [];
        const kind = (t: Term) => (typeof t === 'function' ? `function(${t.length})` : typeof t === 'string' ? 'text' : 'plural');
        return kind(term) === kind(source) ? [] : [`${key}: ${kind(term)} for ${kind(source)}`];
      });
      assert.deepEqual(wrong, []);
    });

    // Where elements give one key different English texts, the translation keeps the placeholders of one of them.
    it('keeps every placeholder of the English, and adds none', () => {
      const wrong = terms().flatMap(([key, term]) => {
        const variants = english.get(key)?.variants.filter((each) => typeof each !== 'function') ?? [];
        if (variants.length === 0 || typeof term === 'function') return [];
        const plural = typeof term === 'object';
        const expectedBy = (source: Term, form: string) => {
          const sourceForms = forms(source);
          return placeholders(sourceForms[form] ?? sourceForms.other ?? sourceForms.text!, plural);
        };
        return Object.entries(forms(term)).flatMap(([form, text]) => {
          const actual = String(placeholders(text, plural));
          const expected = variants.map((source) => expectedBy(source, form));
          return expected.some((each) => String(each) === actual) ? [] : [`${key}.${form}: ${actual || 'none'} for ${expected.map((each) => each.join(' ') || 'none').join(' or ')}`];
        });
      });
      assert.deepEqual(wrong, []);
    });

    it('gives each plural term every form Intl.PluralRules uses for the language, and no other', () => {
      const wrong = terms().flatMap(([key, term]) => {
        if (typeof term !== 'object') return [];
        const given = Object.keys(term).sort();
        const expected = [...new Set([...categories, 'other'])].sort();
        return String(given) === String(expected) ? [] : [`${key}: ${given.join(' ')} for ${expected.join(' ')}`];
      });
      assert.deepEqual(wrong, []);
    });
  });
}
