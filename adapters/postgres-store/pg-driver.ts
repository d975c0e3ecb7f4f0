import type { Pool, PoolClient } from 'pg';
import { type Driver, literal, ORGANISATION_SETTING, retrying, type Sql } from './driver.js';
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
          const setup = context
            ? `; SELECT set_config('role', ${literal(context.role)}, true), set_config('${ORGANISATION_SETTING}', ${literal(context.organisation ?? '')}, true)`
            : '';
          await client.query(`BEGIN${setup}`);
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
    async close() {
      if (owned) await pool.end();
    },
  };
}

/** Opens a pool on a PostgreSQL URL, loading node-postgres on first use. */
export async function openPool(connectionString: string, max: number): Promise<Driver> {
  const pg = await loadPeer('pg', () => import('pg'), 'createPostgresStore({ connectionString })');
  const Pool = pg.default?.Pool ?? (pg as unknown as { Pool: typeof import('pg').Pool }).Pool;
  return pgDriver(new Pool({ connectionString, max }), true);
}
