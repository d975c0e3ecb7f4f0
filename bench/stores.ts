/** What the benches run the engine over: a store of each engine, and a carrier that costs nothing. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createPostgresStore } from '../adapters/postgres-store/index.js';
import type { Carrier } from '../src/index.js';
import type { Store } from '../src/ports/store.js';

/** The memory store, PGlite in a folder of its own, or PostgreSQL at `BENCH_DATABASE_URL`. */
export type BenchEngine = 'memory' | 'pglite' | 'postgres';

/** A store of the engine, and how to free it (PostgreSQL: in `schema`, dropped with its roles afterwards). */
export async function openStore(engine: BenchEngine, schema: string): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (engine === 'memory') return { store: createMemoryStore(), dispose: async () => {} };
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-pglite-'));
    const store = await createPostgresStore({ dataDir });
    return { store, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.BENCH_DATABASE_URL!;
  const store = await createPostgresStore({ connectionString: url, schema, poolSize: 20 });
  return {
    store,
    async dispose() {
      const client = new pg.Client(url);
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE; DROP OWNED BY ${schema}_app, ${schema}_across; DROP ROLE ${schema}_app; DROP ROLE ${schema}_across;`);
      await client.end();
    },
  };
}

/** A carrier that answers every send at once and reports nothing. */
export function bareCarrier(): Carrier {
  let sequence = 0;
  return { capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 }, send: () => Promise.resolve({ providerId: `SM${(sequence++).toString(16)}` }), connect: () => () => {} };
}
