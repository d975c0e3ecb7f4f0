/**
 * Opt-out, opt-in and help keywords (CTIA / carrier practice): the whole inbound message is the keyword.
 *
 * Matching: the message is normalised (NFKC, so full-width letters and no-break spaces become plain ones; invisible
 * joiners and BOMs removed; surrounding white space and trailing punctuation dropped; inner white space collapsed to
 * one space; upper-cased) and looked up in precompiled sets. "Stop." and "  stop!! " are opt-outs; "please stop
 * texting me" is not. Accents are not folded: a language pack lists both ARRET and ARRÊT.
 */
import { ValidationError } from './errors/validation-error.js';

export const KEYWORD_CLASSES = ['opt-out', 'opt-in', 'help', 'none'] as const;
/** What an inbound message asks for: `none` is an ordinary message. */
export type KeywordClass = (typeof KEYWORD_CLASSES)[number];

/** The keyword lists of each class (every class but `none`). */
export type KeywordSets = Readonly<Record<Exclude<KeywordClass, 'none'>, readonly string[]>>;

type ListedClass = keyof KeywordSets;
const LISTED: readonly ListedClass[] = ['opt-out', 'opt-in', 'help'];

/** The default keywords, as carriers in the US and Canada honour them. */
export const DEFAULT_KEYWORDS: KeywordSets = Object.freeze({
  'opt-out': Object.freeze(['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT', 'OPT-OUT']),
  'opt-in': Object.freeze(['START', 'YES', 'UNSTOP']),
  help: Object.freeze(['HELP', 'INFO']),
});

/**
 * Ready keyword packs per language (BCP 47 code), to pass as `extend` (added to the defaults) or as `keywords`
 * (instead of them). Each pack also holds STOP, which recipients everywhere use.
 *
 * @example
 * classifyKeyword('Arrêt', { extend: KEYWORD_PACKS.fr }) // 'opt-out'
 * classifyKeyword('ALTO', { extend: [KEYWORD_PACKS.es, KEYWORD_PACKS.pt] }) // 'opt-out'
 */
export const KEYWORD_PACKS = Object.freeze({
  fr: pack(['STOP', 'ARRET', 'ARRÊT', 'DESABONNER', 'DÉSABONNER', 'DESINSCRIRE', 'DÉSINSCRIRE'], ['DEMARRER', 'DÉMARRER', 'OUI'], ['AIDE']),
  es: pack(['STOP', 'ALTO', 'BAJA', 'PARAR', 'DETENER', 'CANCELAR'], ['COMENZAR', 'INICIAR', 'SI', 'SÍ'], ['AYUDA']),
  de: pack(['STOP', 'STOPP', 'ABMELDEN', 'BEENDEN', 'ENDE'], ['START', 'ANMELDEN', 'JA'], ['HILFE', 'INFO']),
  it: pack(['STOP', 'ANNULLA', 'CANCELLA', 'DISISCRIVI'], ['INIZIA', 'AVVIA', 'SI', 'SÌ'], ['AIUTO']),
  pt: pack(['STOP', 'PARAR', 'SAIR', 'CANCELAR'], ['INICIAR', 'COMEÇAR', 'SIM'], ['AJUDA']),
  nl: pack(['STOP', 'STOPPEN', 'AFMELDEN', 'UITSCHRIJVEN'], ['START', 'AANMELDEN', 'JA'], ['HELP', 'INFO']),
} satisfies Record<string, KeywordSets>);

function pack(optOut: string[], optIn: string[], help: string[]): KeywordSets {
  return Object.freeze({ 'opt-out': Object.freeze(optOut), 'opt-in': Object.freeze(optIn), help: Object.freeze(help) });
}

export interface KeywordOptions {
  /**
   * Replaces the default list of each class given (classes left out keep their defaults).
   * @default DEFAULT_KEYWORDS
   */
  keywords?: Partial<KeywordSets>;
  /**
   * Adds words to each class given, after `keywords`: one set or several (e.g. language packs).
   * @default undefined
   */
  extend?: Partial<KeywordSets> | readonly Partial<KeywordSets>[];
}

/** A precompiled classifier: build it once, classify every inbound message with it. */
export interface KeywordClassifier {
  /** The class of a whole inbound message. */
  classify(body: string): KeywordClass;
  /** True when the word is one of this classifier's opt-out, opt-in or help keywords. */
  isReserved(word: string): boolean;
  /** The normalised keywords of each class. */
  readonly keywords: KeywordSets;
}

const NON_ASCII = /[^\x00-\x7f]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WHITE_SPACE_RUN = /\s+/g;
const WHITE_SPACE = /\s/;
const PUNCTUATION = /\p{P}/u;

/**
 * The form keywords are compared in: NFKC, invisible characters removed, trimmed, trailing punctuation dropped,
 * inner white space collapsed to one space, upper case. Store custom keywords in this form.
 *
 * @example
 * normalizeKeyword('  ｓｔｏｐ!! ') // 'STOP'
 * normalizeKeyword('opt\u00a0 out.') // 'OPT OUT'
 */
export function normalizeKeyword(text: string): string {
  return normalize(text, Number.POSITIVE_INFINITY) ?? '';
}

/** `normalizeKeyword`, or undefined as soon as an ASCII text is sure to be longer than `limit` once normalised. */
function normalize(text: string, limit: number): string | undefined {
  let value = text;
  const ascii = !NON_ASCII.test(value);
  if (!ascii) value = value.normalize('NFKC').replace(INVISIBLE, '');
  let end = value.length;
  while (end > 0 && isTrailingIgnorable(value.charCodeAt(end - 1), value[end - 1]!)) end -= 1;
  let start = 0;
  while (start < end && isSpace(value.charCodeAt(start), value[start]!)) start += 1;
  if (ascii && end - start > limit) {
    // Most inbound messages are ordinary sentences: stop once they hold more non-space characters than any keyword.
    let visible = 0;
    for (let index = start; index < end; index++) {
      if (!isSpace(value.charCodeAt(index), '') && ++visible > limit) return undefined;
    }
  }
  if (start > 0 || end < value.length) value = value.slice(start, end);
  value = value.replace(WHITE_SPACE_RUN, ' ').toUpperCase();
  // Upper-casing can decompose (ῗ becomes Ϊ͂): compose again so that equal words compare equal.
  return ascii ? value : value.normalize('NFKC');
}

function isSpace(code: number, char: string): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITE_SPACE.test(char);
}

function isTrailingIgnorable(code: number, char: string): boolean {
  if (code < 0x80) {
    // ASCII white space and the ASCII characters of \p{P}: ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }
    return isSpace(code, char) || ASCII_PUNCTUATION[code] === 1;
  }
  return WHITE_SPACE.test(char) || PUNCTUATION.test(char);
}

const ASCII_PUNCTUATION = /* @__PURE__ */ (() => {
  const table = new Uint8Array(0x80);
  for (const char of '!"#%&\'()*,-./:;?@[\\]_{}') table[char.charCodeAt(0)] = 1;
  return table;
})();

/**
 * Builds a classifier from keyword options once; use it where messages arrive in bulk.
 * Throws `ValidationError` when a keyword is empty once normalised, or when one word is in two classes.
 *
 * @example
 * const classifier = createKeywordClassifier({ extend: KEYWORD_PACKS.de });
 * classifier.classify('Stopp!') // 'opt-out'
 * classifier.isReserved('hilfe') // true
 */
export function createKeywordClassifier(options: KeywordOptions = {}): KeywordClassifier {
  const lookup = new Map<string, ListedClass>();
  const keywords = {} as Record<ListedClass, string[]>;
  let longest = 0;
  for (const kind of LISTED) {
    const normalised = new Set<string>();
    for (const [words, path] of sourcesOf(options, kind)) {
      words.forEach((word, index) => {
        const key = typeof word === 'string' ? normalizeKeyword(word) : '';
        const other = lookup.get(key);
        if (key === '' || (other !== undefined && other !== kind)) {
          const message = key === '' ? 'A keyword needs at least one letter or digit.' : `${key} is already an ${other} keyword.`;
          const summary = key === '' ? `The ${kind} keyword ${JSON.stringify(word)} is empty once trimmed.` : `The keyword ${key} is both ${other} and ${kind}.`;
          throw new ValidationError(summary, { field: 'keywords', value: word, issues: [{ path: [...path, index], message }] });
        }
        lookup.set(key, kind);
        normalised.add(key);
        longest = Math.max(longest, key.length);
      });
    }
    keywords[kind] = [...normalised];
  }
  return {
    classify(body) {
      if (typeof body !== 'string') return 'none';
      const key = normalize(body, longest);
      return key === undefined ? 'none' : (lookup.get(key) ?? 'none');
    },
    isReserved(word) {
      return typeof word === 'string' && lookup.has(normalizeKeyword(word));
    },
    keywords: Object.freeze(keywords),
  };
}

type Source = [words: readonly string[], path: (string | number)[]];

/** The word lists of one class, each with its path in the options for error reports. */
function sourcesOf(options: KeywordOptions, kind: ListedClass): Source[] {
  const explicit = options.keywords?.[kind];
  const sources: Source[] = [[explicit ?? DEFAULT_KEYWORDS[kind], explicit ? ['keywords', kind] : ['defaults', kind]]];
  const { extend } = options;
  if (isSetList(extend)) extend.forEach((set, index) => sources.push([set[kind] ?? [], ['extend', index, kind]]));
  else if (extend !== undefined) sources.push([extend[kind] ?? [], ['extend', kind]]);
  return sources;
}

function isSetList(extend: KeywordOptions['extend']): extend is readonly Partial<KeywordSets>[] {
  return Array.isArray(extend);
}

let defaultClassifier: KeywordClassifier | undefined;
const compiled = new WeakMap<KeywordOptions, KeywordClassifier>();

function classifierFor(options: KeywordOptions | undefined): KeywordClassifier {
  if (options === undefined) return (defaultClassifier ??= createKeywordClassifier());
  let classifier = compiled.get(options);
  if (classifier === undefined) {
    classifier = createKeywordClassifier(options);
    compiled.set(options, classifier);
  }
  return classifier;
}

/**
 * Classifies a whole inbound message as an opt-out, opt-in or help request, or `none`. The options object is
 * compiled on first use and cached by identity: reuse one object (or a `createKeywordClassifier`), and do not
 * mutate it afterwards.
 *
 * @example
 * classifyKeyword('Stop.') // 'opt-out'
 * classifyKeyword('please stop') // 'none'
 * classifyKeyword('ＨＥＬＰ') // 'help'
 * classifyKeyword('ARRET', { extend: { 'opt-out': ['ARRET'] } }) // 'opt-out'
 */
export function classifyKeyword(body: string, options?: KeywordOptions): KeywordClass {
  return classifierFor(options).classify(body);
}

/**
 * True when a word is an opt-out, opt-in or help keyword, so it cannot be claimed as a custom inbound keyword.
 *
 * @example
 * isReservedKeyword('stop') // true
 * isReservedKeyword('PIZZA') // false
 * isReservedKeyword('baja', { extend: KEYWORD_PACKS.es }) // true
 */
export function isReservedKeyword(word: string, options?: KeywordOptions): boolean {
  return classifierFor(options).isReserved(word);
}
