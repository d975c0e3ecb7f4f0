import type { Driver } from './driver.js';

/** Rows written to a table before its first `ANALYZE` by this store, and at least before each later one. */
const MIN_ROWS = 1_000;
/** Rows written, as a share of the rows the last `ANALYZE` counted, before the next: a table half as big again. */
const SHARE = 0.5;
/**
 * The statistics target of these analyses: a sample of 300 × 10 rows, a tenth of the server's default, is enough to
 * tell how many rows a table holds and how they spread over organisations and states, at a tenth of the cost.
 * Autovacuum still analyses with the server's own target when it comes round.
 */
const TARGET = 10;

/**
 * Keeps the planner's statistics of the store's tables fresh as the store writes them: once a table has had MIN_ROWS
 * rows written, and then half as many rows again as it last held, the store runs `ANALYZE` on it, in the background,
 * one table at a time.
 *
 * Without statistics, PostgreSQL takes an organisation's rows for 0.5% of a table, and a batch of keys (`getMany`,
 * `updateEach`) is then read through a scan of the whole organisation rather than the primary key: a campaign of
 * 100,000 recipients, copied moments before, was read and marked a few hundred at a time, each time over all 100,000.
 * A server's autovacuum analyses a table only after its next nap (a minute by default), and PGlite runs no
 * autovacuum at all: the store analyses what it changed itself, as a bulk load should be followed by `ANALYZE`.
 *
 * `ANALYZE` runs as the connection's own user, who created the tables on opening (a user that does not own them gets
 * a warning from the server, and the statistics stay to autovacuum). It takes a lock that lets reads and writes go on.
 */
export class TableStatistics {
  /** Rows written since the table's last `ANALYZE` here, by table. */
  private readonly written = new Map<string, number>();
  /** The rows each table held at its last `ANALYZE` here. */
  private readonly analysed = new Map<string, number>();
  /** Tables due, in the order they became due. */
  private readonly due = new Set<string>();
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly driver: Driver) {}

  /** Counts rows written to `table` (qualified and quoted); analyses it in the background once enough have been. */
  wrote(table: string, rows: number): void {
    if (rows <= 0 || this.closed) return;
    const written = (this.written.get(table) ?? 0) + rows;
    this.written.set(table, written);
    if (written < Math.max(MIN_ROWS, (this.analysed.get(table) ?? 0) * SHARE) || this.due.has(table)) return;
    this.due.add(table);
    this.running ??= this.drain();
  }

  /** Resolves once no `ANALYZE` is under way; none starts after it. */
  async close(): Promise<void> {
    this.closed = true;
    this.due.clear();
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (const table of this.due) {
        if (this.closed) break;
        this.due.delete(table);
        this.written.set(table, 0);
        try {
          const rows = await this.driver.transaction(null, async (sql) => {
            await sql.query(`SELECT set_config('default_statistics_target', '${TARGET}', true)`);
            await sql.query(`ANALYZE ${table}`);
            return sql.query<{ rows: number }>(`SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = $1::regclass`, [table]);
          });
          this.analysed.set(table, Number(rows[0]?.rows ?? 0));
        } catch {
          // Statistics are a help, not a duty: a failed `ANALYZE` (the connection lost, the store closing) waits for the
          // table's next writes, or for autovacuum.
        }
      }
    } finally {
      this.running = null;
    }
  }
}
