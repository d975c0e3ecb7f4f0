import { ValidationError } from '../../src/errors/validation-error.js';
import { type Collection, COLLECTIONS, type CollectionName, type Store, type StoreRecords } from '../../src/ports/store.js';
import { MemoryCollection } from './collection.js';

/** Records per collection, as plain JSON: what `exportSnapshot()` gives and the `snapshot` option takes. */
export type MemoryStoreSnapshot = { [K in CollectionName]?: StoreRecords[K][] };

export interface MemoryStoreOptions {
  /**
   * Records to start with, such as an earlier `exportSnapshot()` (a conflicting key throws `StoreConflictError`).
   * @default no records
   */
  snapshot?: MemoryStoreSnapshot;
}

/** The memory store: a `Store`, plus a snapshot of everything it holds. */
export interface MemoryStore extends Store {
  /** Every record of every collection that holds any, as plain JSON (copies). */
  exportSnapshot(): MemoryStoreSnapshot;
}

/**
 * A `Store` in memory, for tests, benchmarks, the demo and Storybook. It runs in browsers and in Node, answers
 * queries from hash indexes on the fields `COLLECTIONS` lists and from sorted views kept per order queried, and holds
 * its records until it is garbage-collected: `close()` keeps them, so that a new engine can open the same store
 * (which is how crash recovery is tested).
 *
 * @example
 * const store = createMemoryStore();
 * await store.collection('blocklist').insert({ e164: '+61412345678', source: 'manual', reason: '', addedBy: 'u1', addedAt: now, message: null });
 * const page = await store.collection('blocklist').find({ orderBy: [['addedAt', 'desc']], limit: 20 });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const collections = new Map<CollectionName, MemoryCollection<unknown>>();

  function collection<K extends CollectionName>(name: K): MemoryCollection<StoreRecords[K]> {
    let found = collections.get(name);
    if (!found) {
      const spec = COLLECTIONS[name];
      if (!spec) throw new ValidationError(`There is no collection named "${String(name)}".`, { field: 'collection', value: name });
      found = new MemoryCollection({ name, key: spec.key, indexes: spec.indexes, unindexed: 'unindexed' in spec ? spec.unindexed : undefined });
      collections.set(name, found);
    }
    return found as MemoryCollection<StoreRecords[K]>;
  }

  const store: MemoryStore = {
    collection: collection as <K extends CollectionName>(name: K) => Collection<StoreRecords[K]>,
    async close() {},
    exportSnapshot() {
      const snapshot: Record<string, unknown[]> = {};
      for (const [name, found] of collections) {
        const records = found.all();
        if (records.length > 0) snapshot[name] = records;
      }
      return snapshot as MemoryStoreSnapshot;
    },
  };
  const { snapshot } = options;
  if (snapshot) for (const name of Object.keys(snapshot) as CollectionName[]) collection(name).insertAll(snapshot[name] ?? []);
  return store;
}
