import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type DemoSeed, createDemoSeed, writeDemoSeed } from '../../adapters/demo/index.js';
import { createPostgresStore } from '../../adapters/postgres-store/index.js';
import { SYSTEM_SCOPE, type Store } from '../../src/ports/store.js';
import type { ServerEnv } from './env.js';

/** The server's store, where it is, and whether this start seeded it. */
export interface Storage {
  store: Store;
  /** Where the data lives, for the start-up message (never the password of a URL). */
  where: string;
  /** Who is who in the records this start seeded; null when the store held them already. */
  seeded: Omit<DemoSeed, 'snapshot'> | null;
}

/** The demo's organisations, as the server seeds them on its first start. */
export const DEMO_SEED_OPTIONS = { largeThread: 2000, secondOrganisation: true } as const;

/**
 * Opens the store (PostgreSQL at `DATABASE_URL`, else PGlite under `PBX_SMS_DATA`) and seeds the demo organisations
 * on the first start only: when no organisation is stored yet.
 */
export async function openStorage(env: ServerEnv, log: (line: string) => void): Promise<Storage> {
  let store: Store;
  let where: string;
  if (env.DATABASE_URL) {
    store = await createPostgresStore({ connectionString: env.DATABASE_URL });
    where = withoutPassword(env.DATABASE_URL);
  } else {
    const dataDir = resolve(env.PBX_SMS_DATA);
    await mkdir(dataDir, { recursive: true });
    store = await createPostgresStore({ dataDir });
    where = `${dataDir} (embedded PostgreSQL)`;
  }
  const organisations = await store.scope(SYSTEM_SCOPE).collection('organisations').count();
  if (organisations > 0) return { store, where, seeded: null };
  log('First start: seeding the demo organisations (a week of history)…');
  const { snapshot, ...seeded } = await createDemoSeed(DEMO_SEED_OPTIONS);
  await writeSeed(store, snapshot);
  return { store, where, seeded };
}

/**
 * Writes the seed, the organisations' own records first and the system records (which mark the store as seeded) last,
 * after clearing what an interrupted first start may have left in those organisations.
 */
async function writeSeed(store: Store, snapshot: DemoSeed['snapshot']): Promise<void> {
  const { [SYSTEM_SCOPE]: system, ...organisations } = snapshot;
  for (const organisationId of Object.keys(organisations)) await store.scope(organisationId).clear();
  await writeDemoSeed(store, { snapshot: organisations });
  if (system) await writeDemoSeed(store, { snapshot: { [SYSTEM_SCOPE]: system } });
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL server at DATABASE_URL';
  }
}
