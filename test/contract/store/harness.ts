import type { Store, StoreScope } from '../../../src/ports/store.js';

export interface StoreContractOptions {
  /** Names the implementation in the test report. */
  name: string;
  /** A fresh, empty store for each test. */
  create(): Store | Promise<Store>;
  /** Frees what a store holds after its test (after `close()`), such as dropping its database. */
  cleanup?(store: Store): void | Promise<void>;
}

/** The organisation the suite's sections work in, unless they test scopes themselves. */
export const SUITE_SCOPE = 'org-a';

/**
 * Runs `test` on a fresh store, then closes and cleans it up whatever happens. `test` gets the store's scope
 * `SUITE_SCOPE` (most sections work in one organisation) and the whole store (for the sections about scopes).
 */
export type WithStore = (test: (store: StoreScope, whole: Store) => Promise<void>) => Promise<void>;

/**
 * The runner the suite's sections share.
 *
 * @example
 * const withStore = storeRunner({ name: 'memory', create: () => createMemoryStore() });
 * it('counts', () => withStore(async (store) => assert.equal(await store.collection('lists').count(), 0)));
 */
export function storeRunner(options: StoreContractOptions): WithStore {
  return async (test) => {
    const store = await options.create();
    try {
      await test(store.scope(SUITE_SCOPE), store);
    } finally {
      await store.close();
      await options.cleanup?.(store);
    }
  };
}
