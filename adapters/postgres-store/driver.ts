/**
 * What the store needs of a database connection, whichever engine runs it: transactions, in which statements run
 * as a role and for an organisation. PGlite and node-postgres each implement it (pglite-driver.ts, pg-driver.ts).
 */

/** One transaction's statements. */
export interface Sql {
  /** Runs one statement with `$1…` parameters; resolves to its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** Who the statements of a transaction run as: a role and, for the application role, an organisation. */
export interface Context {
  role: string;
  /** Read by the row-level security policies (`pbx_sms.organisation`); null for the role that reads across. */
  organisation: string | null;
}

export interface Driver {
  /**
   * Runs `work` in one transaction, as `context` says (`SET LOCAL ROLE` and the organisation setting, both undone at
   * its end), and commits; rolls back and rethrows when `work` throws. A transaction the server gave up on for a
   * deadlock or a serialisation failure is run again, a few times.
   */
  transaction<T>(context: Context | null, work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Frees what the store opened (not what the caller gave it). */
  close(): Promise<void>;
}

/** The setting the row-level security policies compare `organisation_id` with. */
export const ORGANISATION_SETTING = 'pbx_sms.organisation';

/** SQLSTATEs after which a transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

/** Runs `attempt` again when the server aborted it for a deadlock or a serialisation failure. */
export async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

/** A string as an SQL literal (standard_conforming_strings, as every supported server has it). */
export function literal(text: string): string {
  if (text.includes('\0')) throw new TypeError('SQL text cannot hold a NUL character.');
  return `'${text.replaceAll("'", "''")}'`;
}
