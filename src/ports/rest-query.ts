import type * as z from 'zod';

interface Def {
  type?: string;
  innerType?: unknown;
  shape?: Record<string, unknown>;
}

function defOf(schema: unknown): Def {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def ?? {};
}

/** The type of a query member under its optional, nullable and default wrappers: `number`, `boolean`, `string`... */
function baseType(schema: unknown): string | undefined {
  let def = defOf(schema);
  for (let depth = 0; depth < 10 && def.innerType !== undefined; depth++) def = defOf(def.innerType);
  return def.type;
}

/**
 * A query argument (an object of scalars) as a query string: one parameter per member given, `undefined` and `null`
 * members left out.
 *
 * @example
 * toQueryString({ limit: 20, includeRemoved: true, cursor: undefined }) // 'limit=20&includeRemoved=true'
 */
export function toQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.append(key, String(value));
  return params.toString();
}

/**
 * The query argument a query string carries, read by its schema: the members the schema knows, numbers and booleans
 * as such (`limit=20` → 20, `includeRemoved=true` → true); a value that does not read stays a string for the schema
 * to refuse. Members the schema does not know are left out.
 */
export function fromQueryString(schema: z.ZodObject, raw: unknown): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null) return query;
  const given = raw as Record<string, unknown>;
  for (const [key, member] of Object.entries(schema.shape)) {
    const value = given[key];
    if (value === undefined) continue;
    const type = baseType(member);
    if (typeof value !== 'string') query[key] = value;
    else if (type === 'number') query[key] = value.trim() === '' ? Number.NaN : Number(value);
    else if (type === 'boolean') query[key] = value === 'true' ? true : value === 'false' ? false : value;
    else query[key] = value;
  }
  return query;
}
