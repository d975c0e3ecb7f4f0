/**
 * The embedded default backend: an in-memory store, a simulated carrier and a seeded demo organisation, in the
 * browser or in Node. `npm start`, Storybook and the examples run on it.
 * @packageDocumentation
 */
export { createDemoBackend, createDemoSeed, openDemoBackend, openDemoEngine, writeDemoSeed } from './demo-backend.js';
export type { DemoBackend, DemoBackendOptions, DemoEngine, DemoSeed } from './demo-backend.js';
