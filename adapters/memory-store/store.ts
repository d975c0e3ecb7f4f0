import { ValidationError } from '../../src/errors/validation-error.js';
import {
  type Collection, COLLECTIONS, type CollectionName, type CrossCollection, type CrossQuery, MAX_QUERY_LIMIT, type Store, type StoreRecords,
  type StoreScope,
} from '../../src/ports/store.js';
import { MemoryCollection } from './collection.js';
import { compareTuples, orderOf, tupleOf } from './order.js';
import { createMemorySignals } from './signals.js';

/** Records per collection, as plain JSON. */
export type MemoryScopeSnapshot = { [K in CollectionName]?: StoreRecords[K][] };

/** Records per organisation (scope) and collection, as plain JSON: what `exportSnapshot()` gives and `snapshot` takes. */
export type MemoryStoreSnapshot = Record<string, MemoryScopeSnapshot>;

export interface MemoryStoreOptions {
  /**
   * Records to start with, such as an earlier `exportSnapshot()` (a conflicting key throws `StoreConflictError`).
   * @default no records
   */
  snapshot?: MemoryStoreSnapshot;
}

/** The memory store: a `Store`, plus a snapshot of everything it holds. */
export interface MemoryStore extends Store {
  /** Every record of every collection that holds any, per organisation, as plain JSON (copies). */
  exportSnapshot(): MemoryStoreSnapshot;
}

type Collections = Map<CollectionName, MemoryCollection<unknown>>;

/**
 * A `Store` in memory, for tests, benchmarks, the demo and Storybook. It runs in browsers and in Node, keeps each
 * organisation's records apart (a set of collections per scope, so that a scope's queries never look at another's
 * records), answers queries from hash indexes on the fields `COLLECTIONS` lists and from sorted views kept per order
 * queried, and holds its records until it is garbage-collected: `close()` keeps them, so that a new engine can open
 * the same store (which is how crash recovery is tested). Its `signals` are in-process: engines over the same memory
 * store object are instances over one database, and share their work and live events.
 *
 * @example
 * const store = createMemoryStore();
 * const acme = store.scope('acme');
 * await acme.collection('blocklist').insert({ e164: '+61412345678', source: 'manual', reason: '', addedBy: 'u1', addedAt: now, message: null });
 * const page = await acme.collection('blocklist').find({ orderBy: [['addedAt', 'desc']], limit: 20 });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const scopes = new Map<string, Collections>();

  function collectionOf<K extends CollectionName>(collections: Collections, name: K): MemoryCollection<StoreRecords[K]> {
    let found = collections.get(name);
    if (!found) {
      const spec = COLLECTIONS[name];
      if (!spec) throw new ValidationError(`There is no collection named "${String(name)}".`, { field: 'collection', value: name });
      found = new MemoryCollection({ name, key: spec.key, indexes: spec.indexes, unindexed: 'unindexed' in spec ? spec.unindexed : undefined });
      collections.set(name, found);
    }
    return found as MemoryCollection<StoreRecords[K]>;
  }

  function collectionsOf(organisationId: string): Collections {
    if (typeof organisationId !== 'string' || organisationId === '') {
      throw new ValidationError('A store scope needs an organisation id.', { field: 'organisationId', value: organisationId });
    }
    let collections = scopes.get(organisationId);
    if (!collections) scopes.set(organisationId, (collections = new Map()));
    return collections;
  }

  function scope(organisationId: string): StoreScope {
    const collections = collectionsOf(organisationId);
    return {
      organisationId,
      collection: <K extends CollectionName>(name: K) => collectionOf(collections, name) as Collection<StoreRecords[K]>,
      async clear() {
        let removed = 0;
        for (const found of collections.values()) removed += await found.count();
        collections.clear();
        scopes.delete(organisationId);
        return removed;
      },
    };
  }

  function across<K extends CollectionName>(name: K): CrossCollection<StoreRecords[K]> {
    return {
      async find(query: CrossQuery<StoreRecords[K]> = {}) {
        const limit = query.limit ?? 50;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
          throw new ValidationError(`A limit is 1 to ${MAX_QUERY_LIMIT}.`, { field: 'limit', value: limit });
        }
        const key = COLLECTIONS[name].key;
        const order = orderOf(query.orderBy as readonly (readonly [string, 'asc' | 'desc'])[] | undefined, key);
        const found: { organisationId: string; record: StoreRecords[K]; tuple: unknown[] }[] = [];
        for (const [organisationId, collections] of scopes) {
          const page = await collectionOf(collections, name).find({ ...query, limit });
          for (const record of page.items) found.push({ organisationId, record, tuple: tupleOf(record as object, order) });
        }
        found.sort((a, b) => compareTuples(a.tuple, b.tuple, order) || (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0));
        return found.slice(0, limit).map(({ organisationId, record }) => ({ organisationId, record }));
      },
    };
  }

  const store: MemoryStore = {
    scope,
    across,
    signals: createMemorySignals(),
    async close() {},
    exportSnapshot() {
      const snapshot: MemoryStoreSnapshot = {};
      for (const [organisationId, collections] of scopes) {
        const scoped: Record<string, unknown[]> = {};
        for (const [name, found] of collections) {
          const records = found.all();
          if (records.length > 0) scoped[name] = records;
        }
        if (Object.keys(scoped).length > 0) snapshot[organisationId] = scoped as MemoryScopeSnapshot;
      }
      return snapshot;
    },
  };
  for (const [organisationId, scoped] of Object.entries(options.snapshot ?? {})) {
    const collections = collectionsOf(organisationId);
    for (const name of Object.keys(scoped) as CollectionName[]) collectionOf(collections, name).insertAll(scoped[name] ?? []);
  }
  return store;
}
