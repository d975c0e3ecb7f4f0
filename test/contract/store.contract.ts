import { describe } from 'node:test';
import { atomicTests } from './store/atomic.js';
import { copyTests } from './store/copies.js';
import { type StoreContractOptions, storeRunner } from './store/harness.js';
import { inboxTests } from './store/inbox.js';
import { pagingTests } from './store/paging.js';
import { propertyTests } from './store/properties.js';
import { queryTests } from './store/queries.js';
import { scopeTests } from './store/scopes.js';
import { signalTests } from './store/signals.js';
import { writeTests } from './store/writes.js';

export type { StoreContractOptions } from './store/harness.js';

/**
 * What any `Store` must do, whichever database is under it: each organisation's records apart (scopes), reads across
 * them, reads and writes by key, the atomic operations dispatch
 * relies on (conditional update, the batch claim `insertManyIfAbsent`, `updateEach`, `updateMany`, `increment`), every
 * query operator, search, order and keyset pagination, copies in and out, every collection of `COLLECTIONS`, `find`
 * against a model, the inbox's `$overlaps` newest first through every kind of write, and the signals between instances when the store has them (`Store.signals`).
 * An adapter's test file calls this with a factory of fresh, empty stores.
 *
 * Orders the suite relies on: numbers by value, strings in a binary collation (the suite only orders lowercase
 * letters and digits, so a locale collation agrees), null after every value ascending and before them descending.
 *
 * @example
 * runStoreContract({ name: 'memory', create: () => createMemoryStore() });
 */
export function runStoreContract(options: StoreContractOptions): void {
  describe(`Store contract: ${options.name}`, () => {
    const withStore = storeRunner(options);
    writeTests(withStore);
    atomicTests(withStore);
    queryTests(withStore);
    pagingTests(withStore);
    inboxTests(withStore);
    copyTests(withStore);
    propertyTests(withStore);
    scopeTests(withStore);
    signalTests(withStore);
  });
}
