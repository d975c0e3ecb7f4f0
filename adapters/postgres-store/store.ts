import { ValidationError } from '../../src/errors/validation-error.js';
import {
  type Collection, COLLECTIONS, type CollectionName, type CrossCollection, type CrossQuery, type Located, MAX_QUERY_LIMIT, type Store,
  type StoreRecords, type StoreScope,
} from '../../src/ports/store.js';
import { orderOf } from '../memory-store/order.js';
import { parseWhere } from '../memory-store/where.js';
import { PostgresCollection } from './collection.js';
import type { Driver } from './driver.js';
import { openSignals, type PostgresSignals } from './signals.js';
import { migrate } from './migrations.js';
import { parseOptions, type PostgresStoreOptions } from './options.js';
import { pgDriver, openPool } from './pg-driver.js';
import { openPglite, pgliteDriver } from './pglite-driver.js';
import { orderSql } from './order.js';
import { TableStatistics } from './statistics.js';
import { namesOf, type Names, tableOf } from './schema.js';
import { Params, whereSql } from './where.js';

/** The Postgres store: a `Store` whose `close()` ends what it opened (its PGlite or its pool, not the caller's). */
export interface PostgresStore extends Store {
  /** The schema's version after opening (the code's latest migration). */
  readonly schemaVersion: number;
}

async function driverOf(options: ReturnType<typeof parseOptions>): Promise<Driver> {
  if ('dataDir' in options) return openPglite(options.dataDir);
  if ('connectionString' in options) return openPool(options.connectionString, options.poolSize);
  if ('pool' in options) return pgDriver(options.pool, false);
  return pgliteDriver(options.pglite, false);
}

/** Deletes an organisation's records from every table in one statement; how many. */
function clearSql(names: Names): string {
  const tables = (Object.keys(COLLECTIONS) as CollectionName[]).map((name, index) => ({ cte: `gone_${index}`, table: `${names.schema}.${tableOf(name)}` }));
  return `WITH ${tables.map(({ cte, table }) => `${cte} AS (DELETE FROM ${table} WHERE organisation_id = $1 RETURNING 1)`).join(', ')}
    SELECT (${tables.map(({ cte }) => `(SELECT count(*) FROM ${cte})`).join(' + ')})::integer AS count`;
}

/**
 * A `Store` in PostgreSQL: embedded (PGlite, in a data folder: no server to run) or on a server (node-postgres),
 * for one instance or many over one database. Opening creates or migrates its schema (under an advisory lock, so
 * that instances starting together migrate once) and refuses a schema newer than this code.
 *
 * Each organisation's records are rows keyed by `(organisation_id, key)`; every statement names the organisation,
 * and row-level security, forced on every table, lets the store's role see only the organisation its transaction set.
 *
 * @example
 * const store = await createPostgresStore({ dataDir: './data' }); // PGlite
 * const shared = await createPostgresStore({ connectionString: process.env.DATABASE_URL! }); // PostgreSQL
 * const backend = createLocalBackend({ store, carrier });
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const parsed = parseOptions(options);
  const names = namesOf(parsed.schema);
  const driver = await driverOf(parsed);
  let schemaVersion: number;
  try {
    schemaVersion = await migrate(driver, parsed.schema, names);
  } catch (error) {
    await driver.close();
    throw error;
  }
  const clear = clearSql(names);
  const statistics = new TableStatistics(driver);
  let signals: PostgresSignals;
  try {
    signals = await openSignals(driver, parsed.schema);
  } catch (error) {
    await driver.close();
    throw error;
  }

  function collectionOf<K extends CollectionName>(organisationId: string, name: K): Collection<StoreRecords[K]> {
    const spec = COLLECTIONS[name];
    if (!spec) throw new ValidationError(`There is no collection named "${String(name)}".`, { field: 'collection', value: name });
    return new PostgresCollection<StoreRecords[K]>({
      driver, schema: names.schema, table: `${names.schema}.${tableOf(name)}`, spec: { name, key: spec.key }, context: { role: names.app, organisation: organisationId },
      statistics,
    });
  }

  function scope(organisationId: string): StoreScope {
    if (typeof organisationId !== 'string' || organisationId === '') {
      throw new ValidationError('A store scope needs an organisation id.', { field: 'organisationId', value: organisationId });
    }
    return {
      organisationId,
      collection: (name) => collectionOf(organisationId, name),
      async clear() {
        const rows = await driver.statement<{ count: number }>({ role: names.app, organisation: organisationId }, clear, [organisationId]);
        return rows[0]!.count;
      },
    };
  }

  function across<K extends CollectionName>(name: K): CrossCollection<StoreRecords[K]> {
    const spec = COLLECTIONS[name];
    return {
      async find(query: CrossQuery<StoreRecords[K]> = {}) {
        const limit = query.limit ?? 50;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
          throw new ValidationError(`A limit is 1 to ${MAX_QUERY_LIMIT}.`, { field: 'limit', value: limit });
        }
        const params = new Params();
        const condition = whereSql(parseWhere(query.where), params, spec);
        const order = orderOf(query.orderBy as readonly (readonly [string, 'asc' | 'desc'])[] | undefined, spec.key);
        const rows = await driver.statement<{ organisation_id: string; doc: StoreRecords[K] }>(
          { role: names.across, organisation: null },
          `SELECT organisation_id, doc FROM ${names.schema}.${tableOf(name)} WHERE ${condition}
           ORDER BY ${orderSql(order, spec.key, names.schema)}, organisation_id COLLATE "C" LIMIT ${limit}`,
          params.values,
        );
        return rows.map((row): Located<StoreRecords[K]> => ({ organisationId: row.organisation_id, record: row.doc }));
      },
    };
  }

  return {
    schemaVersion,
    scope,
    across,
    signals,
    async close() {
      await statistics.close();
      await signals.close();
      await driver.close();
    },
  };
}
