import type * as z from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/**
 * Parses input at a boundary with its zod schema; a failure becomes a `ValidationError` naming the field.
 *
 * @example
 * const draft = parseInput(CampaignDraft, input, 'campaign');
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = explainUnions(schema, input, result.error.issues).map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : what;
  const line = first ? lineOf(input, first.path) : undefined;
  const message = first ? `Invalid ${field}${line === undefined ? '' : ` (line ${line})`}: ${first.message}` : `Invalid ${what}`;
  return fail(new ValidationError(message, { field, issues, line }));
}

/**
 * The line of the file a bad value sits in: the `line` of the innermost list item on its path that carries a valid one
 * (the rows of an import or an upload each carry theirs); undefined elsewhere.
 */
function lineOf(input: unknown, path: readonly PropertyKey[]): number | undefined {
  let line: number | undefined;
  let at = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) break;
    at = (at as Record<PropertyKey, unknown>)[key];
    if (typeof key !== 'number' || typeof at !== 'object' || at === null) continue;
    const given = (at as { line?: unknown }).line;
    if (typeof given === 'number' && Number.isSafeInteger(given) && given > 0) line = given;
  }
  return line;
}

function fail(error: Error): never {
  throw error;
}

type Issue = z.core.$ZodIssue;

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  options?: unknown[];
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
}

function defOf(schema: unknown): SchemaDef {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def ?? {};
}

/** The schema under optional, nullable, default and transform wrappers. */
function unwrap(schema: unknown): unknown {
  let inner = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(inner);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (next === undefined) break;
    inner = next;
  }
  return inner;
}

function schemaAt(schema: unknown, path: readonly PropertyKey[]): unknown {
  let at = unwrap(schema);
  for (const key of path) {
    const def = defOf(at);
    if (def.shape && typeof key === 'string') at = unwrap(def.shape[key]);
    else if (def.element !== undefined) at = unwrap(def.element);
    else return undefined;
  }
  return at;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/**
 * A failed union says only "Invalid input" at its root. Each is replaced by the issues of the option the input was
 * meant for: not one whose literal tag it contradicts, the one knowing most of its keys, then the one with fewest
 * issues. So `{ channel: 'sms', to }` without a body is reported as a missing `body`, not an invalid `message`.
 */
function explainUnions(schema: unknown, input: unknown, issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const options = defOf(schemaAt(schema, issue.path)).options ?? [];
    const value = valueAt(input, issue.path);
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    issue.errors.forEach((branch, index) => {
      const contradicted = branch.some((inner) => inner.code === 'invalid_value' && inner.path.length === 1);
      const shape = defOf(unwrap(options[index])).shape ?? {};
      const known = typeof value === 'object' && value !== null ? Object.keys(value).filter((key) => key in shape).length : 0;
      const score = (contradicted ? -1_000_000 : 0) + known * 1000 - branch.length;
      if (score > bestScore) [best, bestScore] = [index, score];
    });
    const chosen = explainUnions(options[best], value, issue.errors[best] ?? []);
    return chosen.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
  });
}

/**
 * Parses a partial update: like `parseInput`, but keeps only the fields the input gives, so that the defaults of the
 * schema's fields do not reset what the update leaves out.
 *
 * @example
 * const changes = parsePatch(SettingsUpdate, { rate: 5 }, 'settings'); // { rate: 5 }, not every default besides
 */
export function parsePatch<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  return onlyGiven(parseInput(schema, input, what), input) as z.output<S>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyGiven(parsed: unknown, input: unknown): unknown {
  if (!isPlainObject(parsed) || !isPlainObject(input)) return parsed;
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) if (Object.hasOwn(input, key)) given[key] = onlyGiven(value, input[key]);
  return given;
}
