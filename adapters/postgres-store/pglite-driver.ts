import type { PGlite, Transaction } from '@electric-sql/pglite';
import { type Context, contextSql, type Driver, inlineParams, ORGANISATION_SETTING, type Sql } from './driver.js';
import { loadPeer } from './load.js';

function sqlOf(tx: Transaction): Sql {
  return {
    async query<R>(text: string, params?: readonly unknown[]) {
      return (await tx.query<R>(text, params as unknown[] | undefined)).rows;
    },
    async exec(text: string) {
      await tx.exec(text);
    },
  };
}

/**
 * A driver over one PGlite instance. PGlite is one connection: its `transaction()` holds it for the whole
 * transaction, so transactions (of every store sharing the instance) run one after another.
 */
export function pgliteDriver(db: PGlite, owned: boolean): Driver {
  return {
    transaction(context, work) {
      return db.transaction(async (tx) => {
        if (context) await tx.query('SELECT set_config($1, $2, true), set_config($3, $4, true)', ['role', context.role, ORGANISATION_SETTING, context.organisation ?? '']);
        return work(sqlOf(tx));
      });
    },
    async statement<R>(context: Context, text: string, params: readonly unknown[]) {
      const results = await db.exec(`${contextSql(context)}; ${inlineParams(text, params)}`);
      return (results[results.length - 1]?.rows ?? []) as R[];
    },
    async notify(channel, payload) {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, onMessage) {
      const stop = await db.listen(channel, onMessage);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      if (owned && !db.closed) await db.close();
    },
  };
}

/**
 * PGlite's buffer cache. PostgreSQL's default (128 MB) is for a server with memory of its own; PGlite's lives in the
 * instance's process, allocated whole at start, so it is a quarter of that: the files' pages stay in the operating
 * system's cache besides.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** The options the store opens PGlite with: PGlite's own start parameters, with a smaller buffer cache. */
export function pgliteOptions(defaultStartParams: readonly string[]): { startParams: string[] } {
  return { startParams: [...defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] };
}

/** Opens PGlite on a data folder (or `memory://`), loading the package on first use. */
export async function openPglite(dataDir: string): Promise<Driver> {
  const { PGlite } = await loadPeer('@electric-sql/pglite', () => import('@electric-sql/pglite'), 'createPostgresStore({ dataDir })');
  const db = await PGlite.create(dataDir, pgliteOptions(PGlite.defaultStartParams));
  return pgliteDriver(db, true);
}

export type { Context };
