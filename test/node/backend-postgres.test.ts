import { after } from 'node:test';
import { runBackendContract } from '../contract/backend.contract.js';
import { schemasOn } from '../fixtures/postgres.js';
import { createLocalFixture } from '../fixtures/local-backend.js';

// PGlite only for now: on a PostgreSQL server (a pool of connections running the engine's store calls side by side)
// the crash tests and a dispatch timing test do not pass yet.
const schemas = schemasOn('pglite');
// One schema for the file, emptied after each test: its tests run one at a time, and migrating a schema per test
// would cost more than most tests. (The store's own suite migrates a fresh schema for each.)
let shared: ReturnType<typeof schemas.open> | null = null;
after(async () => {
  if (shared) await schemas.drop(await shared);
});

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
