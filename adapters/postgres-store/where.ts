import type { Test } from '../memory-store/where.js';
import { field, fieldText } from './schema.js';

/** The parameters of one statement, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value; returns its placeholder, with `cast` (`$3::jsonb`). */
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }

  /** Adds a value as JSON, for a `jsonb` placeholder. */
  json(value: unknown): string {
    return this.add(JSON.stringify(value), '::jsonb');
  }
}

/** How conditions reach a collection's table: the key field is also the `key` column, which the primary key serves. */
export interface WhereTarget {
  key: string;
}

const typeOf = (name: string) => `jsonb_typeof(${field(name)})`;

/**
 * The SQL of a `where` (parsed by the memory store's parser, so that both stores refuse the same conditions), with
 * the memory store's meaning: a missing field is null, equality is by value (an object's null fields equal missing
 * ones), ranges hold only between values of one type, `$contains` and `$overlaps` only on arrays.
 */
export function whereSql(tests: readonly Test[], params: Params, target: WhereTarget): string {
  if (tests.length === 0) return 'TRUE';
  return tests.map((test) => `(${testSql(test, params, target)})`).join(' AND ');
}

function testSql(test: Test, params: Params, target: WhereTarget): string {
  const name = test.field;
  switch (test.op) {
    case 'eq':
      if (name === target.key && typeof test.value === 'string') return `key = ${params.add(test.value)}`;
      return equalSql(name, test.value, params);
    case 'ne':
      return `NOT COALESCE(${equalSql(name, test.value, params)}, false)`;
    case 'in':
      return inSql(name, test.values, params, target);
    case 'range':
      return test.bounds.map((bound) => rangeSql(name, bound.op, bound.value, params)).join(' AND ');
    case 'contains':
      return `${typeOf(name)} = 'array' AND ${field(name)} @> ${params.json([test.value])}`;
    case 'overlaps':
      if (test.values.length === 0) return 'FALSE';
      if (test.values.every((value) => typeof value === 'string')) return `${typeOf(name)} = 'array' AND ${field(name)} ?| ${params.add(test.values, '::text[]')}`;
      return `${typeOf(name)} = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(${field(name)}) AS element(value) WHERE value = ANY(${params.add(test.values.map((value) => JSON.stringify(value)), '::jsonb[]')}))`;
    case 'exists':
      return `${fieldText(name)} IS ${test.value ? 'NOT ' : ''}NULL`;
  }
}

function equalSql(name: string, value: unknown, params: Params): string {
  if (value === null || value === undefined) return `${fieldText(name)} IS NULL`;
  if (typeof value === 'string') return `(${fieldText(name)} = ${params.add(value)} AND ${typeOf(name)} = 'string')`;
  if (typeof value === 'object') return `jsonb_strip_nulls(${field(name)}) = jsonb_strip_nulls(${params.json(value)})`;
  return `${field(name)} = ${params.json(value)}`;
}

function inSql(name: string, values: readonly unknown[], params: Params, target: WhereTarget): string {
  const strings = values.filter((value): value is string => typeof value === 'string');
  const scalars = values.filter((value) => typeof value === 'number' || typeof value === 'boolean');
  const objects = values.filter((value) => typeof value === 'object' && value !== null);
  const parts: string[] = [];
  if (values.some((value) => value === null)) parts.push(`${fieldText(name)} IS NULL`);
  if (strings.length > 0) {
    parts.push(name === target.key
      ? `key = ANY(${params.add(strings, '::text[]')})`
      : `(${fieldText(name)} = ANY(${params.add(strings, '::text[]')}) AND ${typeOf(name)} = 'string')`);
  }
  if (scalars.length > 0) parts.push(`${field(name)} = ANY(${params.add(scalars.map((value) => JSON.stringify(value)), '::jsonb[]')})`);
  for (const value of objects) parts.push(equalSql(name, value, params));
  return parts.length === 0 ? 'FALSE' : parts.map((part) => `COALESCE(${part}, false)`).join(' OR ');
}

const OPERATORS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

function rangeSql(name: string, op: keyof typeof OPERATORS, bound: unknown, params: Params): string {
  const operator = OPERATORS[op];
  switch (typeof bound) {
    case 'number':
      return `${typeOf(name)} = 'number' AND (${field(name)})::numeric ${operator} ${params.add(bound, '::numeric')}`;
    case 'string':
      return `${typeOf(name)} = 'string' AND ${fieldText(name)} COLLATE "C" ${operator} ${params.add(bound, '::text')} COLLATE "C"`;
    case 'boolean':
      return `${typeOf(name)} = 'boolean' AND (${field(name)})::boolean ${operator} ${params.add(bound, '::boolean')}`;
    case 'object':
      if (bound === null) return 'FALSE';
      return `${typeOf(name)} IN ('array', 'object') AND ${fieldText(name)} COLLATE "C" ${operator} ${params.add(JSON.stringify(bound), '::text')} COLLATE "C"`;
    default:
      return 'FALSE';
  }
}

/**
 * The SQL of a `search`: the text, lowercased, in one of the fields (a string, or a string element of an array).
 * The needle is a parameter matched with `strpos`, so that `%` and `_` are plain characters. Empty text: no filter.
 */
export function searchSql(search: { fields: readonly string[]; text: string } | undefined, params: Params): string {
  if (!search || search.text === '') return 'TRUE';
  if (search.fields.length === 0) return 'FALSE';
  const needle = params.add(search.text.toLowerCase(), '::text');
  return search.fields
    .map((name) => `(CASE ${typeOf(name)} WHEN 'string' THEN strpos(lower(${fieldText(name)}), ${needle}) > 0 WHEN 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements(${field(name)}) AS element(value) WHERE jsonb_typeof(value) = 'string' AND strpos(lower(value #>> '{}'), ${needle}) > 0) ELSE false END)`)
    .join(' OR ');
}
