import { StoreConflictError } from '../../src/errors/store-conflict-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Page } from '../../src/model/common.js';
import type { Collection, Query, Where } from '../../src/ports/store.js';
import { decodeCursor, encodeCursor } from '../memory-store/cursor.js';
import { type Order, orderOf, tupleOf } from '../memory-store/order.js';
import { parseWhere } from '../memory-store/where.js';
import type { Context, Driver, Sql } from './driver.js';
import { memberFindSql, memberLookupOf } from './member-index.js';
import { MEMBER_INDEXES } from './migrations.js';
import { afterSql, orderSql, orderThrough } from './order.js';
import { keyOf, limitOf, patchOf, type RecordSpec, type Stored, storedOf } from './records.js';
import { field, fieldText } from './schema.js';
import type { TableStatistics } from './statistics.js';
import { Params, searchSql, whereSql } from './where.js';

/** Where a collection of one organisation lives. */
export interface CollectionPlace {
  driver: Driver;
  /** The schema, quoted. */
  schema: string;
  /** The table, qualified and quoted. */
  table: string;
  spec: RecordSpec;
  /** The organisation, and the role its statements run as. */
  context: Context & { organisation: string };
  /** Told of the rows each write changed, to keep the planner's statistics fresh. */
  statistics: TableStatistics;
}

interface DocRow {
  doc: Stored;
}

/**
 * One collection of one organisation in PostgreSQL: a row per record (`organisation_id`, `key`, `doc` jsonb). Each
 * method is one transaction and, but for `updateEach` with a key named twice, one statement; every statement names
 * the organisation (the first wall), and runs as the application role, which row-level security holds to the
 * organisation set for the transaction (the second wall).
 */
export class PostgresCollection<T> implements Collection<T> {
  constructor(private readonly place: CollectionPlace) {}

  /** Runs work of one statement: in one round trip, as one implicit transaction. */
  private run<R>(work: (sql: Sql) => Promise<R>): Promise<R> {
    const { driver, context } = this.place;
    return work({
      query: (text, params = []) => driver.statement(context, text, params),
      exec: () => Promise.reject(new TypeError('exec is for migrations')),
    });
  }

  /** Runs work of several statements in one transaction. */
  private inTransaction<R>(work: (sql: Sql) => Promise<R>): Promise<R> {
    return this.place.driver.transaction(this.place.context, work);
  }

  private get table(): string {
    return this.place.table;
  }

  /** Counts rows this collection's writes changed (see `TableStatistics`); returns `result`. */
  private wrote<R>(rows: number, result: R): R {
    this.place.statistics.wrote(this.place.table, rows);
    return result;
  }

  private get spec(): RecordSpec {
    return this.place.spec;
  }

  /** Parameters starting with the organisation, as `$1`. */
  private params(): Params {
    const params = new Params();
    params.add(this.place.context.organisation);
    return params;
  }

  async get(key: string): Promise<T | null> {
    const rows = await this.run((sql) => sql.query<DocRow>(`SELECT doc FROM ${this.table} WHERE organisation_id = $1 AND key = $2`, [this.place.context.organisation, key]));
    return (rows[0]?.doc as T | undefined) ?? null;
  }

  async getMany(keys: readonly string[]): Promise<T[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const rows = await this.run((sql) => sql.query<DocRow & { key: string }>(
      `SELECT key, doc FROM ${this.table} WHERE organisation_id = $1 AND key = ANY($2::text[])`, [this.place.context.organisation, unique],
    ));
    const byKey = new Map(rows.map((row) => [row.key, row.doc]));
    return unique.flatMap((key) => (byKey.has(key) ? [byKey.get(key) as T] : []));
  }

  async insert(record: T): Promise<void> {
    const stored = storedOf(this.spec, record);
    const key = keyOf(this.spec, stored);
    if (!(await this.insertOne(stored, key))) throw new StoreConflictError(this.spec.name, key);
  }

  async insertMany(records: readonly T[]): Promise<void> {
    const stored = records.map((record) => storedOf(this.spec, record));
    if (stored.length === 0) return;
    const keys = stored.map((record) => keyOf(this.spec, record));
    await this.inTransaction(async (sql) => {
      const added = await this.insertRows(sql, keys, stored);
      // The first record that was not added (its key taken, or repeated in the batch) is the conflict; it undoes all.
      const seen = new Set<string>();
      for (const key of keys) {
        if (seen.has(key) || !added.has(key)) throw new StoreConflictError(this.spec.name, key);
        seen.add(key);
      }
    });
    this.wrote(keys.length, undefined);
  }

  async insertIfAbsent(record: T): Promise<boolean> {
    const stored = storedOf(this.spec, record);
    return this.insertOne(stored, keyOf(this.spec, stored));
  }

  async insertManyIfAbsent(records: readonly T[]): Promise<string[]> {
    const stored = records.map((record) => storedOf(this.spec, record));
    const first = new Map<string, Stored>();
    for (const record of stored) {
      const key = keyOf(this.spec, record);
      if (!first.has(key)) first.set(key, record);
    }
    if (first.size === 0) return [];
    const keys = [...first.keys()];
    const added = await this.run((sql) => this.insertRows(sql, keys, [...first.values()]));
    return this.wrote(added.size, keys.filter((key) => added.has(key)));
  }

  private async insertOne(stored: Stored, key: string): Promise<boolean> {
    const rows = await this.run((sql) => sql.query(
      `INSERT INTO ${this.table} (organisation_id, key, doc) VALUES ($1, $2, $3::jsonb) ON CONFLICT (organisation_id, key) DO NOTHING RETURNING key`,
      [this.place.context.organisation, key, JSON.stringify(stored)],
    ));
    return this.wrote(rows.length, rows.length === 1);
  }

  /** One `INSERT … ON CONFLICT DO NOTHING RETURNING key` for many records; the keys it added. */
  private async insertRows(sql: Sql, keys: readonly string[], stored: readonly Stored[]): Promise<Set<string>> {
    const rows = await sql.query<{ key: string }>(
      `INSERT INTO ${this.table} (organisation_id, key, doc) SELECT $1, row.key, row.doc FROM unnest($2::text[], $3::jsonb[]) AS row(key, doc)
       ON CONFLICT (organisation_id, key) DO NOTHING RETURNING key`,
      [this.place.context.organisation, keys, stored.map((record) => JSON.stringify(record))],
    );
    return new Set(rows.map((row) => row.key));
  }

  async put(record: T): Promise<void> {
    const stored = storedOf(this.spec, record);
    await this.run((sql) => sql.query(
      `INSERT INTO ${this.table} (organisation_id, key, doc) VALUES ($1, $2, $3::jsonb) ON CONFLICT (organisation_id, key) DO UPDATE SET doc = EXCLUDED.doc`,
      [this.place.context.organisation, keyOf(this.spec, stored), JSON.stringify(stored)],
    ));
    this.wrote(1, undefined);
  }

  async update(key: string, patch: Partial<T>, options?: { if?: Where<T> }): Promise<T | null> {
    const tests = parseWhere(options?.if);
    const changes = patchOf(this.spec, patch, key);
    const params = this.params();
    const keyParam = params.add(key);
    const patchParam = params.json(changes);
    const condition = whereSql(tests, params, this.spec);
    const rows = await this.run((sql) => sql.query<DocRow>(
      `UPDATE ${this.table} SET doc = doc || ${patchParam} WHERE organisation_id = $1 AND key = ${keyParam} AND ${condition} RETURNING doc`, params.values,
    ));
    return this.wrote(rows.length, (rows[0]?.doc as T | undefined) ?? null);
  }

  async updateMany(query: Query<T>, patch: Partial<T>): Promise<T[]> {
    const changes = patchOf(this.spec, patch);
    const limit = limitOf(query.limit);
    const params = this.params();
    const { filter, order } = this.filterOf(query, params);
    const through = orderThrough(order, this.spec.key, this.place.schema, 'chosen');
    const patchParam = params.json(changes);
    // The records are chosen and locked in the query's order (skipping those another claim holds), then changed;
    // they come back in the order they were chosen in.
    const rows = await this.run((sql) => sql.query<DocRow>(
      `WITH chosen AS MATERIALIZED (
         SELECT key, ${through.select} FROM ${this.table} WHERE ${filter}
         ORDER BY ${orderSql(order, this.spec.key, this.place.schema)} LIMIT ${limit} FOR UPDATE SKIP LOCKED
       ), changed AS (
         UPDATE ${this.table} AS target SET doc = target.doc || ${patchParam} FROM chosen
         WHERE target.organisation_id = $1 AND target.key = chosen.key RETURNING target.key, target.doc
       )
       SELECT changed.doc FROM changed JOIN chosen ON chosen.key = changed.key ORDER BY ${through.orderBy}`,
      params.values,
    ));
    return this.wrote(rows.length, rows.map((row) => row.doc as T));
  }

  async updateEach(changes: readonly (readonly [key: string, patch: Partial<T>])[], options?: { if?: Where<T> }): Promise<string[]> {
    const tests = parseWhere(options?.if);
    // A patch object given for many keys (the same change to each) is read once.
    let last: { patch: unknown; json: string } | null = null;
    const pairs = changes.map(([key, patch]) => {
      if (last?.patch !== patch) last = { patch, json: JSON.stringify(patchOf(this.spec, patch)) };
      patchOf(this.spec, patch, key);
      return [key, last.json] as const;
    });
    if (pairs.length === 0) return [];
    // A key named twice sees its first change: the pairs go in runs without a repeated key, one statement each.
    const runs: (readonly [string, string])[][] = [[]];
    let inRun = new Set<string>();
    for (const pair of pairs) {
      if (inRun.has(pair[0])) {
        runs.push([]);
        inRun = new Set();
      }
      inRun.add(pair[0]);
      runs[runs.length - 1]!.push(pair);
    }
    return (runs.length === 1 ? this.run.bind(this) : this.inTransaction.bind(this))(async (sql) => {
      const changed: string[] = [];
      for (const run of runs) {
        const params = this.params();
        const keys = params.add(run.map(([key]) => key), '::text[]');
        const patches = params.add(run.map(([, json]) => json), '::jsonb[]');
        const condition = keyedCondition(whereSql(tests, params, this.spec), 'target');
        const rows = await sql.query<{ position: string | number }>(
          `UPDATE ${this.table} AS target SET doc = target.doc || change.patch
           FROM unnest(${keys}, ${patches}) WITH ORDINALITY AS change(change_key, patch, position)
           WHERE target.organisation_id = $1 AND target.key = change.change_key AND ${condition} RETURNING change.position`,
          params.values,
        );
        const positions = rows.map((row) => Number(row.position)).sort((a, b) => a - b);
        for (const position of positions) changed.push(run[position - 1]![0]);
      }
      return this.wrote(changed.length, changed);
    });
  }

  async increment(key: string, deltas: Partial<Record<keyof T & string, number>>, init: T): Promise<T> {
    const stored = storedOf(this.spec, init);
    stored[this.spec.key] = key;
    const params = this.params();
    const keyParam = params.add(key);
    const sums: string[] = [];
    for (const name of Object.keys(deltas)) {
      const delta = (deltas as Record<string, number | undefined>)[name];
      if (delta === undefined) continue;
      if (!Number.isFinite(delta)) throw new ValidationError(`The increment of "${name}" must be a finite number.`, { field: name, value: delta });
      const current = stored[name];
      stored[name] = (typeof current === 'number' ? current : 0) + delta;
      const value = field(name, 'target.doc');
      sums.push(`${params.add(name, '::text')}, (CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric ELSE 0 END) + ${params.add(delta, '::numeric')}`);
    }
    const initParam = params.json(stored);
    const rows = await this.run((sql) => sql.query<DocRow>(
      `INSERT INTO ${this.table} AS target (organisation_id, key, doc) VALUES ($1, ${keyParam}, ${initParam})
       ON CONFLICT (organisation_id, key) DO UPDATE SET doc = target.doc${sums.length > 0 ? ` || jsonb_build_object(${sums.join(', ')})` : ''}
       RETURNING doc`,
      params.values,
    ));
    return this.wrote(1, rows[0]!.doc as T);
  }

  async delete(key: string): Promise<boolean> {
    const rows = await this.run((sql) => sql.query(`DELETE FROM ${this.table} WHERE organisation_id = $1 AND key = $2 RETURNING key`, [this.place.context.organisation, key]));
    return this.wrote(rows.length, rows.length === 1);
  }

  async deleteMany(where: Where<T>): Promise<number> {
    const tests = parseWhere(where);
    const params = this.params();
    const condition = whereSql(tests, params, this.spec);
    const rows = await this.run((sql) => sql.query<{ count: number }>(
      `WITH gone AS (DELETE FROM ${this.table} WHERE organisation_id = $1 AND ${condition} RETURNING 1) SELECT count(*)::integer AS count FROM gone`, params.values,
    ));
    return this.wrote(rows[0]!.count, rows[0]!.count);
  }

  async find(query: Query<T> = {}): Promise<Page<T>> {
    const limit = limitOf(query.limit);
    const params = this.params();
    const text = this.findSql(query, limit + 1, params);
    const rows = await this.run((sql) => sql.query<DocRow>(text, params.values));
    const order = orderOf(query.orderBy as readonly (readonly [string, 'asc' | 'desc'])[] | undefined, this.spec.key);
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map((row) => row.doc as T);
    return { items, nextCursor: more ? encodeCursor(tupleOf(items[limit - 1] as object, order)) : null };
  }

  async count(where?: Where<T>): Promise<number> {
    const tests = parseWhere(where);
    const params = this.params();
    const condition = whereSql(tests, params, this.spec);
    const rows = await this.run((sql) => sql.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${this.table} WHERE organisation_id = $1 AND ${condition}`, params.values));
    return rows[0]!.count;
  }

  async countBy<F extends keyof T & string>(where: Where<T>, name: F): Promise<Record<string, number>> {
    const tests = parseWhere(where);
    const params = this.params();
    const condition = whereSql(tests, params, this.spec);
    // A string counts under itself; any other value under its JSON text (null and missing under "null").
    const group = `CASE WHEN jsonb_typeof(${field(name)}) = 'string' THEN ${fieldText(name)} ELSE coalesce(${field(name)}, 'null'::jsonb)::text END`;
    const rows = await this.run((sql) => sql.query<{ value: string; count: number }>(
      `SELECT ${group} AS value, count(*)::integer AS count FROM ${this.table} WHERE organisation_id = $1 AND ${condition} GROUP BY 1`, params.values,
    ));
    return Object.fromEntries(rows.map((row) => [row.value, row.count]));
  }

  /** The statement of `find`: through a member index when one serves the query (the inbox), else the table's own. */
  private findSql(query: Query<T>, limit: number, params: Params): string {
    const order = orderOf(query.orderBy as readonly (readonly [string, 'asc' | 'desc'])[] | undefined, this.spec.key);
    const lookup = memberLookupOf(MEMBER_INDEXES, this.spec.name, parseWhere(query.where), order, this.spec.key);
    if (lookup) {
      const after = query.cursor ? decodeCursor(query.cursor, order) : null;
      const filter = [whereSql(lookup.rest, params, this.spec), searchSql(query.search, params)].filter((part) => part !== 'TRUE');
      return memberFindSql({ schema: this.place.schema, table: this.table }, lookup, filter.map((part) => `(${part})`).join(' AND ') || 'TRUE', after, limit, params);
    }
    const { filter } = this.filterOf(query, params);
    return `SELECT doc FROM ${this.table} WHERE ${filter} ORDER BY ${orderSql(order, this.spec.key, this.place.schema)} LIMIT ${limit}`;
  }

  /** A query's conditions (organisation, where, search, cursor) as SQL, and its order. */
  private filterOf(query: Query<T>, params: Params): { filter: string; order: Order } {
    const tests = parseWhere(query.where);
    const order = orderOf(query.orderBy as readonly (readonly [string, 'asc' | 'desc'])[] | undefined, this.spec.key);
    const after = query.cursor ? decodeCursor(query.cursor, order) : null;
    const parts = ['organisation_id = $1', whereSql(tests, params, this.spec), searchSql(query.search, params)];
    if (after) parts.push(afterSql(order, this.spec.key, this.place.schema, after, params));
    return { filter: parts.map((part) => `(${part})`).join(' AND '), order };
  }
}

/**
 * A condition on records found by their keys, tested on each record found rather than used to find them: a scalar
 * subquery over the row's own columns, which no index can serve. Written plainly, a condition such as `status =
 * 'sending'` matches a partial index (`messages_status`), and a planner whose statistics are older than the campaign
 * scans every entry that index ever held for the value (the versions a dispatch moved on stay in it until vacuum)
 * instead of looking the keys up: the cost of each call then grew with the messages already sent.
 */
function keyedCondition(condition: string, table: string): string {
  if (condition === 'TRUE') return condition;
  return `(SELECT ${condition} FROM (SELECT ${table}.key AS key, ${table}.doc AS doc) AS current)`;
}
