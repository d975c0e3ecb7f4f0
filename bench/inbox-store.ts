/**
 * The inbox bench's stores (`npm run bench -- postgres`, case `inbox`): the memory store, the Postgres store on a PGlite
 * of the bench's own or on a pool of its own (so that it can seed with SQL as the database's owner), recording the
 * statements the store sends while asked to, and running one of them with `EXPLAIN (ANALYZE)`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createPostgresStore } from '../adapters/postgres-store/index.js';
import type { Store } from '../src/ports/store.js';
import type { RawQuery } from './inbox-seed.js';

export interface InboxStore {
  store: Store;
  /** SQL as the database's owner; null for the memory store. */
  raw: RawQuery | null;
  /** The statements (with their context, as sent) the store sent while `recording`. */
  recorded: string[];
  recording: boolean;
  /** Runs a statement the store sent with `EXPLAIN (ANALYZE, BUFFERS)`, as the store's role: the plan's lines. */
  explain(sent: string): Promise<string[]>;
  /** Frees what the case opened (after `store.close()`). */
  dispose(): Promise<void>;
}

/** A statement as the store sends it (`<context>; <statement>`), its statement explained. */
function explained(sent: string): string {
  const split = sent.indexOf('; ');
  return `${sent.slice(0, split)}; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sent.slice(split + 2)}`;
}

function planOf(rows: Record<string, unknown>[]): string[] {
  return rows.map((row) => String(row['QUERY PLAN']));
}

/** Wraps `object[method]` so that each text it is called with while `into.recording` lands in `into.recorded`. */
function record<O extends object>(object: O, method: keyof O & string, into: InboxStore): void {
  const original = (object[method] as (...args: unknown[]) => unknown).bind(object);
  (object as Record<string, unknown>)[method] = (text: unknown, ...rest: unknown[]) => {
    if (into.recording && typeof text === 'string') into.recorded.push(text);
    return original(text, ...rest);
  };
}

/** The case's store on `engine`, in schema `schema` (PostgreSQL: on the server at `url`). */
export async function openInboxStore(engine: 'memory' | 'pglite' | 'postgres', schema: string, url: string): Promise<InboxStore> {
  // The memory store, unless a Postgres one replaces it below.
  const opened: InboxStore = {
    store: createMemoryStore(), raw: null, recorded: [], recording: false, explain: async () => [], dispose: async () => {},
  };
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-pglite-'));
    const db = await PGlite.create(dataDir);
    record(db, 'exec', opened);
    opened.raw = (text, params) => db.query<Record<string, unknown>>(text, params);
    opened.explain = async (sent) => planOf((await db.exec(explained(sent))).at(-1)!.rows);
    opened.dispose = async () => {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    };
    opened.store = await createPostgresStore({ pglite: db, schema });
  } else if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 20 });
    record(pool, 'query', opened);
    opened.raw = (text, params) => pool.query(text, params);
    opened.explain = async (sent) => planOf(((await pool.query(explained(sent))) as unknown as pg.QueryResult[]).at(-1)!.rows);
    opened.dispose = async () => {
      await pool.query(`DROP SCHEMA ${schema} CASCADE; DROP OWNED BY ${schema}_app, ${schema}_across; DROP ROLE ${schema}_app; DROP ROLE ${schema}_across;`);
      await pool.end();
    };
    opened.store = await createPostgresStore({ pool, schema });
  }
  return opened;
}
