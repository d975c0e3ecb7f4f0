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
  /**
   * Runs one statement as `context` says, in one round trip: the setting and the statement go together as one
   * implicit transaction (the simple query protocol), the parameters written into it as literals (`inlineParams`).
   */
  statement<R = Record<string, unknown>>(context: Context, text: string, params: readonly unknown[]): Promise<R[]>;
  /** Sends a notification on `channel` (a safe identifier), committed at once. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Listens on `channel` (a safe identifier) on a connection of its own, calling `onMessage` with each payload;
   * resolves once listening, to the function that stops it.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
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

/** The statement that sets a transaction's role and organisation (`SET LOCAL` both), as literals. */
export function contextSql(context: Context): string {
  return `SELECT set_config('role', ${literal(context.role)}, true), set_config('${ORGANISATION_SETTING}', ${literal(context.organisation ?? '')}, true)`;
}

/** A parameter as an SQL literal: text, a number, a boolean, null, or an array of them (as an array literal). */
function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('A parameter cannot be a non-finite number.');
    return `'${String(value)}'`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === null ? 'NULL' : `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`));
    return literal(`{${items.join(',')}}`);
  }
  return literal(String(value));
}

/**
 * A statement with its `$n` placeholders replaced by the parameters as literals (placeholders inside quoted text
 * and identifiers are left alone), for the one-round-trip path of `Driver.statement`.
 *
 * @example
 * inlineParams('SELECT doc FROM t WHERE key = $1', ["o'k"]); // "SELECT doc FROM t WHERE key = 'o''k'"
 */
export function inlineParams(text: string, params: readonly unknown[]): string {
  let out = '';
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      out += char;
      if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      out += char;
      continue;
    }
    if (char === '$' && /[0-9]/.test(text[index + 1] ?? '')) {
      let end = index + 1;
      while (/[0-9]/.test(text[end] ?? '')) end++;
      const position = Number(text.slice(index + 1, end));
      if (position < 1 || position > params.length) throw new RangeError(`No parameter $${position}.`);
      out += literalOf(params[position - 1]);
      index = end - 1;
      continue;
    }
    out += char;
  }
  return out;
}
