/**
 * Copies in and out of the store. Records are kept as JSON-shaped values: what `JSON.parse(JSON.stringify(x))`
 * gives, built directly (a spread per object, then only the values that need it are fixed): several times faster
 * than a round trip through a string or `structuredClone`.
 */

/** A JSON value as the store keeps it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The JSON form of an input value, as a fresh copy: `undefined`, functions and symbols are dropped from objects (and
 * become null in arrays), non-finite numbers become null, `toJSON()` is honoured (a `Date` becomes its ISO string).
 * Returns `undefined` for a value JSON has no form for, as `JSON.stringify` does. (Symbol-keyed properties, which
 * JSON ignores, are not looked for: records do not have them.)
 *
 * @example
 * toJson({ at: new Date(0), gone: undefined, list: [1, undefined] }); // { at: '1970-01-01T00:00:00.000Z', list: [1, null] }
 */
export function toJson(value: unknown): Json | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object': {
      if (value === null) return null;
      const withJson = value as { toJSON?: unknown };
      if (typeof withJson.toJSON === 'function') return toJson((withJson.toJSON as () => unknown).call(value));
      if (Array.isArray(value)) {
        const out: Json[] = new Array(value.length);
        for (let index = 0; index < value.length; index++) out[index] = toJson(value[index]) ?? null;
        return out;
      }
      const out: Record<string, unknown> = { ...value };
      let dropped = false;
      for (const key in out) {
        const item = out[key];
        if (item === null || typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item))) continue;
        const json = toJson(item);
        if (json === undefined) dropped = true;
        setOwn(out, key, json);
      }
      if (dropped) return withoutUndefined(out);
      return out as Json;
    }
    case 'bigint':
      throw new TypeError('A record cannot hold a bigint: it has no JSON form.');
    default:
      return undefined;
  }
}

/** The rare slow path: a copy without the fields JSON leaves out. */
function withoutUndefined(value: Record<string, unknown>): Json {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (value[key] !== undefined) setOwn(out, key, value[key]);
  return out as Json;
}

/**
 * A deep copy of a value that is already JSON-shaped (one the store made with `toJson`): no checks, so it is cheap.
 *
 * @example
 * const copy = cloneJson(stored); // mutating `copy` leaves `stored` as it was
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = value.slice();
    for (let index = 0; index < out.length; index++) {
      const item = out[index];
      if (typeof item === 'object' && item !== null) out[index] = cloneJson(item);
    }
    return out as T;
  }
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key in out) {
    const item = out[key];
    if (typeof item === 'object' && item !== null) setOwn(out, key, cloneJson(item));
  }
  return out as T;
}

/** Sets an own property, even one named `__proto__` (which plain assignment would turn into a prototype change). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
