import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  classifyKeyword,
  createKeywordClassifier,
  DEFAULT_KEYWORDS,
  isReservedKeyword,
  KEYWORD_CLASSES,
  KEYWORD_PACKS,
  normalizeKeyword,
} from '../../src/keywords.js';
import { isValidationError, ValidationError } from '../../src/errors/validation-error.js';

describe('classifyKeyword: defaults', () => {
  it('lists exactly the keywords the issue names', () => {
    assert.deepEqual(KEYWORD_CLASSES, ['opt-out', 'opt-in', 'help', 'none']);
    assert.deepEqual(DEFAULT_KEYWORDS, {
      'opt-out': ['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT', 'OPT-OUT'],
      'opt-in': ['START', 'YES', 'UNSTOP'],
      help: ['HELP', 'INFO'],
    });
  });

  it('classifies every default keyword, in any case', () => {
    for (const kind of ['opt-out', 'opt-in', 'help'] as const) {
      for (const word of DEFAULT_KEYWORDS[kind]) {
        assert.equal(classifyKeyword(word), kind, word);
        assert.equal(classifyKeyword(word.toLowerCase()), kind, word.toLowerCase());
      }
    }
    assert.equal(classifyKeyword('Stop'), 'opt-out');
    assert.equal(classifyKeyword('oPt-OuT'), 'opt-out');
  });

  it('ignores surrounding white space and trailing punctuation', () => {
    for (const body of ['  stop  ', 'STOP.', 'stop!!!', 'Stop?!', 'STOP\n', '\tSTOP ...', 'stop :)', 'STOP  !']) {
      assert.equal(classifyKeyword(body), 'opt-out', JSON.stringify(body));
    }
    assert.equal(classifyKeyword('Help?'), 'help');
    assert.equal(classifyKeyword('yes!'), 'opt-in');
    assert.equal(classifyKeyword('Unstop.'), 'opt-in');
  });

  it('ignores exactly the trailing ASCII characters that are white space or Unicode punctuation', () => {
    for (let code = 0; code < 0x80; code++) {
      const char = String.fromCharCode(code);
      const expected = /[\s\p{P}]/u.test(char) ? 'opt-out' : 'none';
      assert.equal(classifyKeyword(`stop${char}`), expected, `U+${code.toString(16)}`);
      assert.equal(classifyKeyword(`STOP${char}${char}`), expected);
    }
    assert.equal(classifyKeyword('stop。'), 'opt-out'); // ideographic full stop
    assert.equal(classifyKeyword('stop¿'), 'opt-out'); // ¿
    assert.equal(classifyKeyword('stop€'), 'none');
  });

  it('collapses inner white space', () => {
    assert.equal(classifyKeyword('stop   all'), 'opt-out');
    assert.equal(classifyKeyword('opt' + ' '.repeat(300) + 'out'), 'opt-out');
    assert.equal(classifyKeyword(' '.repeat(200) + 'stop' + ' \n'.repeat(200) + '!'.repeat(200)), 'opt-out');
    assert.equal(classifyKeyword('s t o p'), 'none');
    assert.equal(classifyKeyword('opt \t out'), 'opt-out');
    assert.equal(classifyKeyword('opt\nout'), 'opt-out');
  });

  it('reads full-width letters, no-break spaces and invisible characters as their plain forms', () => {
    assert.equal(classifyKeyword('ＳＴＯＰ'), 'opt-out');
    assert.equal(classifyKeyword('ｈｅｌｐ！'), 'help');
    assert.equal(classifyKeyword('\u00a0STOP\u00a0'), 'opt-out');
    assert.equal(classifyKeyword('OPT\u00a0OUT'), 'opt-out');
    assert.equal(classifyKeyword('\u3000stop\u3000'), 'opt-out');
    assert.equal(classifyKeyword('\ufeffSTOP\u200b'), 'opt-out');
    assert.equal(classifyKeyword('ST\u200dOP'), 'opt-out');
  });

  it('gives none for a message that merely contains a keyword', () => {
    for (const body of ['please stop', 'stop texting me', 'STOP STOP', 'Yes please', 'I need help', 'the end', 'stopped', 'STARTER', 'HELPS']) {
      assert.equal(classifyKeyword(body), 'none', body);
    }
  });

  it('gives none for empty, blank, punctuation-only and leading-punctuation bodies', () => {
    for (const body of ['', '   ', '!!!', '...', '#STOP', '-stop']) assert.equal(classifyKeyword(body), 'none', JSON.stringify(body));
  });

  it('gives none for long ordinary messages and non-text input', () => {
    assert.equal(classifyKeyword('Hello, see you at 5. '.repeat(40)), 'none');
    assert.equal(classifyKeyword('Привет '.repeat(100)), 'none');
    assert.equal(classifyKeyword(undefined as unknown as string), 'none');
    assert.equal(classifyKeyword(42 as unknown as string), 'none');
  });

  it('does not fold accents: ARRET is not a default keyword, and STÖP is not STOP', () => {
    assert.equal(classifyKeyword('ARRET'), 'none');
    assert.equal(classifyKeyword('STÖP'), 'none');
  });
});

describe('classifyKeyword: options', () => {
  it('extends a class with extra words, keeping the defaults', () => {
    const options = { extend: { 'opt-out': ['ARRET'], help: ['AIDE'] } };
    assert.equal(classifyKeyword('arret', options), 'opt-out');
    assert.equal(classifyKeyword('Aide!', options), 'help');
    assert.equal(classifyKeyword('STOP', options), 'opt-out');
    assert.equal(classifyKeyword('start', options), 'opt-in');
  });

  it('replaces only the classes given in keywords', () => {
    const options = { keywords: { 'opt-in': ['SUBSCRIBE'] } };
    assert.equal(classifyKeyword('subscribe', options), 'opt-in');
    assert.equal(classifyKeyword('start', options), 'none');
    assert.equal(classifyKeyword('yes', options), 'none');
    assert.equal(classifyKeyword('stop', options), 'opt-out');
    assert.equal(classifyKeyword('help', options), 'help');
  });

  it('normalises configured keywords the way it normalises messages', () => {
    const options = { extend: { 'opt-out': ['  halt  now! ', 'ｂａｓｔａ'] } };
    assert.equal(classifyKeyword('HALT NOW', options), 'opt-out');
    assert.equal(classifyKeyword('basta', options), 'opt-out');
  });

  it('offers language packs, alone or several at once', () => {
    assert.equal(classifyKeyword('Arrêt', { extend: KEYWORD_PACKS.fr }), 'opt-out');
    assert.equal(classifyKeyword('arret', { extend: KEYWORD_PACKS.fr }), 'opt-out');
    assert.equal(classifyKeyword('ARRE\u0302T', { extend: KEYWORD_PACKS.fr }), 'opt-out'); // decomposed Ê
    assert.equal(classifyKeyword('aide', { extend: KEYWORD_PACKS.fr }), 'help');
    const iberian = { extend: [KEYWORD_PACKS.es, KEYWORD_PACKS.pt] };
    for (const word of ['ALTO', 'baja', 'Parar', 'sair']) assert.equal(classifyKeyword(word, iberian), 'opt-out', word);
    assert.equal(classifyKeyword('ayuda', iberian), 'help');
    assert.equal(classifyKeyword('Stopp!', { extend: KEYWORD_PACKS.de }), 'opt-out');
    assert.equal(classifyKeyword('hilfe', { extend: KEYWORD_PACKS.de }), 'help');
    assert.equal(classifyKeyword('STOPP'), 'none');
  });

  it('uses a pack instead of the defaults when given as keywords', () => {
    const french = { keywords: KEYWORD_PACKS.fr };
    assert.equal(classifyKeyword('stop', french), 'opt-out');
    assert.equal(classifyKeyword('arrêt', french), 'opt-out');
    assert.equal(classifyKeyword('unsubscribe', french), 'none');
    assert.equal(classifyKeyword('help', french), 'none');
  });

  it('has packs that combine with the defaults and with each other without conflict', () => {
    assert.doesNotThrow(() => createKeywordClassifier({ extend: Object.values(KEYWORD_PACKS) }));
  });

  it('refuses a word in two classes, naming it', () => {
    assert.throws(
      () => createKeywordClassifier({ extend: { 'opt-in': ['stop'] } }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.ok(isValidationError(error));
        assert.equal(error.code, 'validation');
        assert.equal(error.field, 'keywords');
        assert.match(error.message, /STOP/);
        assert.deepEqual(error.issues[0]!.path, ['extend', 'opt-in', 0]);
        return true;
      },
    );
  });

  it('refuses a keyword that is empty once normalised', () => {
    assert.throws(() => createKeywordClassifier({ extend: [{}, { help: ['ok', ' ?! '] }] }), (error: unknown) => {
      assert.ok(isValidationError(error));
      assert.deepEqual(error.issues[0]!.path, ['extend', 1, 'help', 1]);
      return true;
    });
    assert.throws(() => createKeywordClassifier({ keywords: { 'opt-out': [''] } }), (error: unknown) => {
      assert.ok(isValidationError(error));
      assert.deepEqual(error.issues[0]!.path, ['keywords', 'opt-out', 0]);
      return true;
    });
  });

  it('compiles a classifier once and exposes its normalised keywords', () => {
    const classifier = createKeywordClassifier({ extend: { 'opt-out': ['arrêt', 'ARRÊT', 'stop'] } });
    assert.equal(classifier.classify('Arrêt.'), 'opt-out');
    assert.deepEqual(classifier.keywords['opt-out'].slice(-1), ['ARRÊT']);
    assert.equal(classifier.keywords['opt-out'].filter((word) => word === 'STOP').length, 1);
    assert.deepEqual(classifier.keywords.help, ['HELP', 'INFO']);
  });
});

describe('isReservedKeyword', () => {
  it('is true for opt-out, opt-in and help words, normalised', () => {
    for (const word of ['stop', 'Start', ' HELP ', 'info', 'opt out', 'ＳＴＯＰ']) assert.equal(isReservedKeyword(word), true, word);
  });

  it('is false for other words', () => {
    for (const word of ['PIZZA', 'STOPP', 'STOP NOW', '', ' ']) assert.equal(isReservedKeyword(word), false, JSON.stringify(word));
  });

  it('follows the options', () => {
    assert.equal(isReservedKeyword('baja', { extend: KEYWORD_PACKS.es }), true);
    assert.equal(isReservedKeyword('yes', { keywords: { 'opt-in': ['START'] } }), false);
  });
});

describe('normalizeKeyword', () => {
  it('gives the comparison form', () => {
    assert.equal(normalizeKeyword('  ｓｔｏｐ!! '), 'STOP');
    assert.equal(normalizeKeyword('opt\u00a0 out.'), 'OPT OUT');
    assert.equal(normalizeKeyword('opt-out'), 'OPT-OUT');
    assert.equal(normalizeKeyword('ARRE\u0302T'), 'ARRÊT');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => normalizeKeyword(normalizeKeyword(text)) === normalizeKeyword(text)), { numRuns: 5000 });
  });

  it('classifies a keyword with any padding of white space and trailing punctuation the same', () => {
    const padding = fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000'), { maxLength: 4 }).map((chars) => chars.join(''));
    const trailing = fc.array(fc.constantFrom('.', '!', '?', ',', '…', '！'), { maxLength: 4 }).map((chars) => chars.join(''));
    const word = fc.constantFrom(...DEFAULT_KEYWORDS['opt-out']);
    fc.assert(fc.property(padding, word, trailing, padding, (before, keyword, punctuation, after) => {
      return classifyKeyword(before + keyword.toLowerCase() + punctuation + after) === 'opt-out';
    }));
  });
});
