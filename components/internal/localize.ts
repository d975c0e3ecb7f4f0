import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Plural forms chosen with `Intl.PluralRules` on the term's first argument; `#` stands for that number, formatted
 * for the language, and `{1}`, `{2}`... for the other arguments. Only `other` is required.
 */
export type PluralTerm = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Builds a string from arguments; use it when neither a string nor plural forms can say it. */
export type TermFunction = (...args: any[]) => string;

/** A translatable text: a string with `{0}`, `{1}`... placeholders, plural forms, or a function. */
export type Term = string | PluralTerm | TermFunction;

/** A set of terms by key. Keys are flat and shared: a key means the same thing in every element. */
export type Terms = Record<string, Term>;

/**
 * A translation for `registerTranslation`: a language code and any terms to override. Strings and plural forms
 * keep a translation plain data (it can come from a JSON file); functions are allowed where more is needed.
 */
export interface SmsTranslation {
  /** A BCP 47 language code: `fr`, `fr-CA`, `pt-BR`. */
  $code: string;
  /** The language's own name, e.g. `Français`. */
  $name?: string;
  /** Writing direction of the language. */
  $dir?: 'ltr' | 'rtl';
  [key: string]: Term | undefined;
}

/** The arguments a term takes: a function's own parameters, else numbers and strings for its placeholders. */
export type TermArgs<T> = T extends (...args: infer A) => string
  ? A
  : T extends string
    ? Array<string | number>
    : [count: number, ...rest: Array<string | number>];

const registry = new Map<string, Record<string, Term | undefined>>();
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/**
 * Registers translations of the elements' texts. Terms merge into any registered before for the same code, so a
 * page can also override a few English terms. Elements on the page re-render at once.
 *
 * @example
 * registerTranslation({
 *   $code: 'fr',
 *   $name: 'Français',
 *   segments: { one: '# partie', other: '# parties' },
 *   replaceNonGsm: 'Remplacer par des caractères GSM',
 * });
 * document.documentElement.lang = 'fr';
 */
export function registerTranslation(...translations: SmsTranslation[]): void {
  for (const { $code, ...terms } of translations) {
    const code = $code.toLowerCase();
    registry.set(code, { ...registry.get(code), ...terms });
  }
  for (const host of hosts) host.requestUpdate();
}

function watch(host: ReactiveControllerHost): void {
  hosts.add(host);
  if (observer || typeof MutationObserver === 'undefined') return;
  // One observer for the page: a `lang` change anywhere in the light DOM re-renders every localized element.
  observer = new MutationObserver(() => {
    for (const each of hosts) each.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatch(host: ReactiveControllerHost): void {
  hosts.delete(host);
  if (hosts.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
}

/** The closest `lang` attribute, crossing shadow roots, else the browser's language, else English. */
export function resolveLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return canonical(lang);
    node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host ?? null);
  }
  return canonical(typeof navigator === 'undefined' ? 'en' : navigator.language);
}

function canonical(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The term for a key, from the most specific registered language, else the element's English default. */
function lookup(lang: string, key: string, defaults: Terms): { term: Term | undefined; lang: string } {
  const exact = lang.toLowerCase();
  const base = exact.split('-')[0]!;
  for (const code of [exact, base, 'en']) {
    const term = registry.get(code)?.[key];
    if (term !== undefined) return { term, lang: code };
  }
  return { term: defaults[key], lang: 'en' };
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.RelativeTimeFormat>(
  kind: string,
  lang: string,
  options: object | undefined,
  create: () => T,
): T {
  const key = `${kind}|${lang}|${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

function formatNumber(lang: string, value: number, options?: Intl.NumberFormatOptions): string {
  return cached('number', lang, options, () => new Intl.NumberFormat(lang, options)).format(value);
}

/** Applies a term to its arguments in the language the term was found in. */
export function formatTerm(term: Term, lang: string, args: ReadonlyArray<unknown>): string {
  if (typeof term === 'function') return term(...args);
  let text: string;
  if (typeof term === 'string') {
    text = term;
  } else {
    const count = Number(args[0]);
    const rule = cached('plural', lang, undefined, () => new Intl.PluralRules(lang)).select(count);
    text = (term[rule] ?? term.other).replaceAll('#', formatNumber(lang, count));
  }
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(lang, value) : String(value);
  });
}

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/**
 * Localised texts, numbers and dates for one element. The language is the closest `lang` attribute (crossing
 * shadow roots), else `<html lang>`, else the browser's; the element re-renders when a `lang` attribute changes
 * or a translation is registered. Give it the element's English terms: they are the fallback for every language.
 *
 * @example
 * const terms = { segments: { one: '# part', other: '# parts' } } satisfies Terms;
 * class MyElement extends LitElement {
 *   private readonly localize = new LocalizeController(this, terms);
 *   render() { return html`${this.localize.term('segments', 2)}`; } // "2 parts"
 * }
 */
export class LocalizeController<T extends Terms> implements ReactiveController {
  private resolvedLang: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly defaults: T,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    watch(this.host);
  }

  hostDisconnected(): void {
    unwatch(this.host);
  }

  hostUpdate(): void {
    this.resolvedLang = undefined;
  }

  /** The language in effect, e.g. `fr-CA`. */
  get lang(): string {
    return (this.resolvedLang ??= resolveLang(this.host));
  }

  /** The text for a key in the element's language, with its arguments applied. */
  term<K extends keyof T & string>(key: K, ...args: TermArgs<T[K]>): string {
    const found = lookup(this.lang, key, this.defaults);
    return found.term === undefined ? key : formatTerm(found.term, found.lang, args);
  }

  /** A number in the element's language (`Intl.NumberFormat`). */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang, value, options);
  }

  /** A date in the element's language (`Intl.DateTimeFormat`). */
  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
    return cached('date', this.lang, options, () => new Intl.DateTimeFormat(this.lang, options)).format(new Date(value));
  }

  /** How long ago or ahead a time is, in the largest fitting unit: "5 minutes ago", "tomorrow", "in 2 weeks". */
  relativeTime(value: Date | string | number, options: { now?: Date | number; numeric?: 'auto' | 'always' } = {}): string {
    const { now = Date.now(), numeric = 'auto' } = options;
    let amount = (new Date(value).getTime() - new Date(now).getTime()) / 1000;
    let unit: Intl.RelativeTimeFormatUnit = 'second';
    for (const [name, size] of RELATIVE_UNITS) {
      unit = name;
      if (Math.round(Math.abs(amount)) < size) break;
      amount /= size;
    }
    const format = cached('relative', this.lang, { numeric }, () => new Intl.RelativeTimeFormat(this.lang, { numeric }));
    return format.format(Math.round(amount), unit);
  }
}
