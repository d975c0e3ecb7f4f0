/** What the benches run the engine over: a store of each engine, and a carrier that costs nothing. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createPostgresStore } from '../adapters/postgres-store/index.js';
import { pgliteOptions } from '../adapters/postgres-store/pglite-driver.js';
import type { Store } from '../src/ports/store.js';
import { StatementCount, countedPglite, countedPool } from './statement-count.js';

/** The memory store, PGlite in a folder of its own, or PostgreSQL at `BENCH_DATABASE_URL`. */
export type BenchEngine = 'memory' | 'pglite' | 'postgres';

/**
 * A store of the engine, and how to free it (PostgreSQL: in `schema`, dropped with its roles afterwards); its round
 * trips to the database are counted in `count`. PGlite opens `BENCH_PGLITE_DIR` when set (a folder another process
 * created, as an instance restarting does: initdb leaves memory behind in the process that ran it).
 */
export async function openStore(engine: BenchEngine, schema: string, count = new StatementCount()): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (engine === 'memory') return { store: createMemoryStore(), dispose: async () => {} };
  if (engine === 'pglite') {
    const dataDir = process.env.BENCH_PGLITE_DIR ?? (await mkdtemp(join(tmpdir(), 'pbx-sms-bench-pglite-')));
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(dataDir, pgliteOptions(PGlite.defaultStartParams));
    const store = await createPostgresStore({ pglite: countedPglite(pglite, count) });
    return {
      store,
      async dispose() {
        await pglite.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.BENCH_DATABASE_URL!;
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  const store = await createPostgresStore({ pool: countedPool(pool, count), schema });
  return {
    store,
    async dispose() {
      await pool.end();
      const client = new pg.Client(url);
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE; DROP OWNED BY ${schema}_app, ${schema}_across; DROP ROLE ${schema}_app; DROP ROLE ${schema}_across;`);
      await client.end();
    },
  };
}

export { bareCarrier } from '../test/fixtures/bare-carrier.js';
