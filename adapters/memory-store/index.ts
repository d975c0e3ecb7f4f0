/**
 * pbx-sms/adapters/memory-store: the `Store` port in memory, for tests, benchmarks, the demo and Storybook.
 * Runs in browsers and in Node.
 * @packageDocumentation
 */
export { createMemoryStore } from './store.js';
export type { MemoryScopeSnapshot, MemoryStore, MemoryStoreOptions, MemoryStoreSnapshot } from './store.js';
