import type { Pool, PoolClient } from 'pg';
import { contextSql, type Driver, inlineParams, retrying, type Sql } from './driver.js';
import { loadPeer } from './load.js';

function sqlOf(client: PoolClient): Sql {
  return {
    async query<R>(text: string, params?: readonly unknown[]) {
      return (await client.query(text, params as unknown[] | undefined)).rows as R[];
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

/**
 * A driver over a node-postgres pool: each transaction on a connection of its own, so that instances and callers
 * run side by side; the transaction's role and organisation go with `BEGIN` in one round trip.
 */
export function pgDriver(pool: Pool, owned: boolean): Driver {
  return {
    transaction(context, work) {
      return retrying(async () => {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query(context ? `BEGIN; ${contextSql(context)}` : 'BEGIN');
          try {
            const result = await work(sqlOf(client));
            await client.query('COMMIT');
            return result;
          } catch (error) {
            await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
            throw error;
          }
        } finally {
          client.release(broken);
        }
      });
    },
    statement<R>(context: Parameters<Driver['statement']>[0], text: string, params: readonly unknown[]) {
      const sql = `${contextSql(context)}; ${inlineParams(text, params)}`;
      return retrying(async () => {
        const results = (await pool.query(sql)) as unknown as { rows: R[] }[];
        return results[results.length - 1]!.rows;
      });
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, onMessage) => listenOn(pool, channel, onMessage),
    async close() {
      if (owned) await pool.end();
    },
  };
}

/** How long a listening connection that broke waits before it connects again. */
const RELISTEN_MS = 1000;

/**
 * LISTEN on a connection of the pool held for the purpose; when it breaks, another is taken (after `RELISTEN_MS`)
 * until the listener is stopped. What is notified meanwhile is lost, as LISTEN/NOTIFY has it.
 */
async function listenOn(pool: Pool, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  let client: PoolClient | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function connect(): Promise<void> {
    const taken = await pool.connect();
    taken.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    taken.on('error', (error) => {
      if (client !== taken) return;
      client = null;
      taken.release(error);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), RELISTEN_MS);
    });
    await taken.query(`LISTEN ${channel}`);
    client = taken;
  }

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const held = client;
    client = null;
    if (!held) return;
    await held.query(`UNLISTEN ${channel}`).catch(() => undefined);
    held.release();
  };
}

/** Opens a pool on a PostgreSQL URL, loading node-postgres on first use. */
export async function openPool(connectionString: string, max: number): Promise<Driver> {
  const pg = await loadPeer('pg', () => import('pg'), 'createPostgresStore({ connectionString })');
  const Pool = pg.default?.Pool ?? (pg as unknown as { Pool: typeof import('pg').Pool }).Pool;
  return pgDriver(new Pool({ connectionString, max }), true);
}
