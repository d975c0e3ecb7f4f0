import { ValidationError } from '../../src/errors/validation-error.js';
import { compareValues, fieldValue, jsonEqual } from './values.js';

/** One condition of a `where`, parsed. */
export type Test =
  | { field: string; op: 'eq'; value: unknown }
  | { field: string; op: 'in'; values: readonly unknown[]; set: ReadonlySet<unknown> | null }
  | { field: string; op: 'ne'; value: unknown }
  | { field: string; op: 'range'; bounds: readonly Bound[] }
  | { field: string; op: 'contains'; value: unknown }
  | { field: string; op: 'overlaps'; values: readonly unknown[] }
  | { field: string; op: 'exists'; value: boolean };

export interface Bound {
  op: '$gt' | '$gte' | '$lt' | '$lte';
  value: unknown;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

/**
 * The conditions of a `where`, one per field. A field whose condition is `undefined` is a `ValidationError`, as is an
 * unknown operator: a value missing by mistake (`{ providerId: report.providerId }`) must not match every record. To
 * leave a field out, leave its key out (`...(input.state && { state: input.state })`).
 *
 * @example
 * parseWhere({ state: 'pending', index: { $gte: 10 } });
 * // [{ field: 'state', op: 'eq', value: 'pending' }, { field: 'index', op: 'range', bounds: [{ op: '$gte', value: 10 }] }]
 */
export function parseWhere(where: object | undefined): Test[] {
  if (!where) return [];
  const tests: Test[] = [];
  for (const field of Object.keys(where)) {
    const condition = (where as Record<string, unknown>)[field];
    if (condition === undefined) {
      throw new ValidationError(`The condition on "${field}" is undefined: leave the field out to match any value.`, { field: `where.${field}` });
    }
    tests.push(parseCondition(field, condition));
  }
  return tests;
}

function parseCondition(field: string, condition: unknown): Test {
  if (!isOperatorObject(condition)) return { field, op: 'eq', value: condition };
  const ops = Object.keys(condition).filter((op) => condition[op] !== undefined);
  if (ops.length > 0 && ops.every((op) => RANGE_OPS.has(op))) {
    return { field, op: 'range', bounds: ops.map((op) => ({ op: op as Bound['op'], value: condition[op] })) };
  }
  const op = ops[0];
  const operand = op === undefined ? undefined : condition[op];
  if (ops.length === 1) {
    if (op === '$in' && Array.isArray(operand)) {
      // Plain strings, numbers and booleans are looked up in a set (a claim names hundreds of keys).
      const plain = operand.every((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean');
      return { field, op: 'in', values: operand, set: plain && operand.length > 8 ? new Set(operand) : null };
    }
    if (op === '$overlaps' && Array.isArray(operand)) return { field, op: 'overlaps', values: operand };
    if (op === '$ne') return { field, op: 'ne', value: operand };
    if (op === '$contains') return { field, op: 'contains', value: operand };
    if (op === '$exists' && typeof operand === 'boolean') return { field, op: 'exists', value: operand };
  }
  throw new ValidationError(`Unsupported condition on "${field}": ${JSON.stringify(condition)}.`, { field: `where.${field}`, value: condition });
}

/** An object whose keys are operators (`$in`, `$gt`...), as opposed to an object value compared for equality. */
function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.some((key) => key.startsWith('$'));
}

/**
 * Whether a record satisfies every test.
 *
 * @example
 * matchesAll({ state: 'sent', index: 4 }, parseWhere({ state: 'sent', index: { $gt: 3 } })); // true
 */
export function matchesAll(record: object, tests: readonly Test[]): boolean {
  for (const test of tests) if (!matches(record, test)) return false;
  return true;
}

/**
 * Whether a record satisfies one test. A missing field reads as null.
 *
 * @example
 * matches({ tags: ['a', 'b'] }, { field: 'tags', op: 'contains', value: 'b' }); // true
 */
export function matches(record: object, test: Test): boolean {
  const value = fieldValue(record, test.field);
  switch (test.op) {
    case 'eq':
      return equals(value, test.value);
    case 'ne':
      return !equals(value, test.value);
    case 'in':
      if (test.set && value !== null && typeof value !== 'object') return test.set.has(value);
      return test.values.some((candidate) => equals(value, candidate));
    case 'range':
      return test.bounds.every((bound) => inRange(value, bound));
    case 'contains':
      return Array.isArray(value) && value.some((item) => equals(item, test.value));
    case 'overlaps':
      return Array.isArray(value) && value.some((item) => test.values.some((candidate) => equals(item, candidate)));
    case 'exists':
      return (value !== null) === test.value;
  }
}

function equals(value: unknown, expected: unknown): boolean {
  if (value === expected) return true;
  if (typeof value === 'object' || typeof expected === 'object' || expected === undefined) return jsonEqual(value, expected);
  return false;
}

/** A range holds only for a value of the bound's type: null and values of other types are outside every range. */
function inRange(value: unknown, bound: Bound): boolean {
  if (value === null || bound.value === null || typeof value !== typeof bound.value) return false;
  const order = compareValues(value, bound.value);
  switch (bound.op) {
    case '$gt':
      return order > 0;
    case '$gte':
      return order >= 0;
    case '$lt':
      return order < 0;
    case '$lte':
      return order <= 0;
  }
}

/**
 * A test for `search`: the text, lowercased, occurs in one of the fields (a string, or a string in an array).
 * Returns null for empty text (no filter).
 *
 * @example
 * const test = searchTest({ fields: ['name'], text: 'BOB' });
 * test?.({ name: 'Bob Smith' }); // true
 */
export function searchTest(search: { fields: readonly string[]; text: string } | undefined): ((record: object) => boolean) | null {
  if (!search || search.text === '') return null;
  const needle = search.text.toLowerCase();
  const { fields } = search;
  return (record) => {
    for (const field of fields) {
      const value = (record as Record<string, unknown>)[field];
      if (typeof value === 'string') {
        if (value.toLowerCase().includes(needle)) return true;
      } else if (Array.isArray(value)) {
        for (const item of value) if (typeof item === 'string' && item.toLowerCase().includes(needle)) return true;
      }
    }
    return false;
  };
}
