/**
 * Message templates with `{{field}}` merge fields.
 *
 * - A field is `{{name}}`: any text without braces or line breaks, spaces inside the braces allowed
 *   (`{{ First Name }}`). Braces that do not form such a pair (`{{`, `{name}`, `{{}}`) stay as literal text.
 * - Field names match case-insensitively and with white space collapsed, so a CSV header "First Name" fills
 *   `{{first name}}` and `{{ FIRST  NAME }}`. An exact key wins over a case-insensitive one.
 * - A missing field is never rendered blank: `renderTemplate` returns `{ ok: false, missing }` naming each field
 *   (an empty or blank value counts as missing unless `allowEmpty`). Previews can pass `fallback` instead.
 */

/** Merge field values, such as one recipient's extra CSV columns. */
export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

export type TemplateResult =
  | {
      ok: true;
      /** The message with every field filled in. */
      text: string;
      /** Fields filled by `fallback` because the values lacked them (empty without a fallback). */
      fallbacks: string[];
    }
  | {
      ok: false;
      /** Each field with no value, as first written in the template, in order. */
      missing: string[];
    };

export interface RenderTemplateOptions {
  /**
   * Values for fields the values lack, for previews: a map by field name (matched like the values) or a function
   * of the field name as written; `undefined` from either leaves the field missing.
   * @default undefined (a missing field makes the result `ok: false`)
   * @example { fallback: (name) => `[${name}]` }
   */
  fallback?: TemplateValues | ((field: string) => string | undefined);
  /**
   * Whether an empty or blank value fills a field. By default it counts as missing, as a blank CSV cell does.
   * @default false
   */
  allowEmpty?: boolean;
}

/** A template parsed once, to render for many recipients. */
export interface CompiledTemplate {
  /** The distinct fields, as first written, in order of first appearance. */
  readonly fields: readonly string[];
  render(values: TemplateValues, options?: RenderTemplateOptions): TemplateResult;
}

const FIELD = /\{\{([^{}\r\n]*)\}\}/g;

interface Slot {
  /** The name as first written (trimmed, white space collapsed). */
  name: string;
  /** The name as written at this place. */
  written: string;
  key: string;
}

/** The form field names are compared in: trimmed, white space collapsed, lower case. */
function fieldKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Parses a template once; `render` then fills it for each recipient without parsing again.
 *
 * @example
 * const template = compileTemplate('Hi {{name}}, your code is {{code}}');
 * template.fields // ['name', 'code']
 * template.render({ name: 'Ana', code: 42 }) // { ok: true, text: 'Hi Ana, your code is 42', fallbacks: [] }
 */
export function compileTemplate(body: string): CompiledTemplate {
  const literals: string[] = [];
  const slots: Slot[] = [];
  const names = new Map<string, string>();
  let last = 0;
  for (const match of body.matchAll(FIELD)) {
    const written = match[1]!.trim().replace(/\s+/g, ' ');
    if (written === '') continue;
    const key = written.toLowerCase();
    if (!names.has(key)) names.set(key, written);
    literals.push(body.slice(last, match.index));
    slots.push({ name: names.get(key)!, written, key });
    last = match.index + match[0].length;
  }
  literals.push(body.slice(last));
  const fields = Object.freeze([...names.values()]);

  return {
    fields,
    render(values, options = {}) {
      const lookup = new Lookup(values);
      const fallback = options.fallback;
      const fallbackLookup = fallback !== undefined && typeof fallback !== 'function' ? new Lookup(fallback) : undefined;
      const allowEmpty = options.allowEmpty === true;
      let text = literals[0]!;
      let missing: Set<string> | undefined;
      let fallbacks: Set<string> | undefined;
      for (let index = 0; index < slots.length; index++) {
        const slot = slots[index]!;
        let value = usable(lookup.get(slot.written, slot.key), allowEmpty);
        if (value === undefined && fallback !== undefined) {
          value = typeof fallback === 'function' ? fallback(slot.name) : usable(fallbackLookup!.get(slot.written, slot.key), true);
          if (value !== undefined) (fallbacks ??= new Set()).add(slot.name);
        }
        if (value === undefined) (missing ??= new Set()).add(slot.name);
        else if (missing === undefined) text += value + literals[index + 1]!;
      }
      if (missing !== undefined) return { ok: false, missing: [...missing] };
      return { ok: true, text, fallbacks: fallbacks === undefined ? [] : [...fallbacks] };
    },
  };
}

function usable(value: string | number | null | undefined, allowEmpty: boolean): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'string' ? value : String(value);
  return allowEmpty || text.trim() !== '' ? text : undefined;
}

/** Finds a value by exact key, else by case- and space-insensitive key (index built on first need). */
class Lookup {
  #byKey: Map<string, string | number | null | undefined> | undefined;
  constructor(private readonly values: TemplateValues) {}

  get(written: string, key: string): string | number | null | undefined {
    if (Object.hasOwn(this.values, written)) return this.values[written];
    if (this.#byKey === undefined) {
      this.#byKey = new Map();
      for (const [name, value] of Object.entries(this.values)) {
        const normalised = fieldKey(name);
        if (!this.#byKey.has(normalised)) this.#byKey.set(normalised, value);
      }
    }
    return this.#byKey.get(key);
  }
}

/**
 * Fills the `{{field}}` merge fields of a template. Never throws and never renders a missing field blank: it
 * returns `{ ok: false, missing }` instead (see `RenderTemplateOptions.fallback` for previews). For many
 * recipients, `compileTemplate` once and call its `render`.
 *
 * @example
 * renderTemplate('Hi {{ First Name }}!', { 'first name': 'Ana' }) // { ok: true, text: 'Hi Ana!', fallbacks: [] }
 * renderTemplate('Hi {{name}}, {{city}}', { name: 'Ana' }) // { ok: false, missing: ['city'] }
 * renderTemplate('Hi {{name}}', {}, { fallback: (field) => `[${field}]` }) // { ok: true, text: 'Hi [name]', fallbacks: ['name'] }
 */
export function renderTemplate(body: string, values: TemplateValues, options?: RenderTemplateOptions): TemplateResult {
  return compileTemplate(body).render(values, options);
}

/**
 * The distinct merge fields of a template, as first written (trimmed, white space collapsed), in order of first
 * appearance; names that differ only in case or spacing count once.
 *
 * @example
 * templateFields('{{name}}, your {{ Code }} ({{NAME}})') // ['name', 'Code']
 */
export function templateFields(body: string): string[] {
  return [...compileTemplate(body).fields];
}
