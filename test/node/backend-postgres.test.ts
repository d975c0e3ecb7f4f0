import { runBackendContract } from '../contract/backend.contract.js';
import { schemasOn } from '../fixtures/postgres.js';
import { createLocalFixture } from '../fixtures/local-backend.js';

// PGlite only for now: on a PostgreSQL server (a pool of connections running the engine's store calls side by side)
// the crash tests and a dispatch timing test do not pass yet.
const schemas = schemasOn('pglite');
// One schema for the file (in a `memory://` PGlite closed after it), emptied after each test: its tests run one at
// a time, and migrating a schema per test would cost more than most tests. (The store's suite migrates one per test.)
let shared: ReturnType<typeof schemas.open> | null = null;

runBackendContract({
  name: 'local engine + postgres store (PGlite) + simulated carrier, manual clock',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  async createBackend(options = {}) {
    const store = await (shared ??= schemas.open());
    const fixture = await createLocalFixture(options.carrier, { store });
    const close = fixture.close.bind(fixture);
    return Object.assign(fixture, {
      async close() {
        try {
          await close();
        } finally {
          await schemas.empty(store);
        }
      },
    });
  },
});
