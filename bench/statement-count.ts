/**
 * Counts the round trips a store makes to its database, by kind of statement (`INSERT messages`, `UPDATE
 * campaign_recipients`...), for the postgres bench: a node-postgres pool or a PGlite instance wrapped so that every
 * call that reaches the database is counted once (a transaction's statements each, a one-round-trip statement once).
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** Round trips by kind. */
export class StatementCount {
  readonly byKind = new Map<string, number>();
  /** Milliseconds from each round trip's call to its answer, by kind. */
  readonly msByKind = new Map<string, number>();
  total = 0;

  /** Counts one round trip of this SQL (its last statement names the kind: the first ones set the role). */
  add(sql: string): string {
    this.total += 1;
    const kind = kindOf(sql);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    return kind;
  }

  /** Adds the time a round trip of `kind` took. */
  took(kind: string, ms: number): void {
    this.msByKind.set(kind, (this.msByKind.get(kind) ?? 0) + ms);
  }

  reset(): void {
    this.total = 0;
    this.byKind.clear();
    this.msByKind.clear();
  }

  /** Milliseconds spent waiting for each kind of round trip per `per` units of work, the longest first. */
  timeSummary(units: number, per = 1000): Record<string, number> {
    const scale = per / units;
    return Object.fromEntries([...this.msByKind].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => [kind, Math.round(ms * scale)]));
  }

  /** The kinds and their counts per `per` units of work, the most frequent first. */
  summary(units: number, per = 1000): { total: number; kinds: Record<string, number> } {
    const scale = per / units;
    const kinds = [...this.byKind].sort((a, b) => b[1] - a[1]).map(([kind, count]) => [kind, Math.round(count * scale * 10) / 10] as const);
    return { total: Math.round(this.total * scale * 10) / 10, kinds: Object.fromEntries(kinds) };
  }
}

function kindOf(sql: string): string {
  const statements = sql.split(/;\s*(?=SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|COMMIT|ROLLBACK)/i);
  const last = statements[statements.length - 1]!.trim();
  const verb = /^\w+/.exec(last)?.[0]?.toUpperCase() ?? '?';
  const table = /(?:FROM|INTO|UPDATE)\s+"?\w+"?\.(\w+)/i.exec(last)?.[1] ?? '';
  return `${verb} ${table}`.trim();
}

type Method = (...args: unknown[]) => unknown;

/**
 * `target` with the methods `counted` counting the SQL of their first argument before they run, and the methods of
 * `wrapped` replaced by what each makes of the original (bound to `target`).
 */
function counting<T extends object>(target: T, counted: readonly string[], count: StatementCount, wrapped: Record<string, (method: Method) => Method> = {}): T {
  return new Proxy(target, {
    get(inner, key) {
      const member = Reflect.get(inner, key) as unknown;
      if (typeof member !== 'function' || typeof key !== 'string') return member;
      const method = (member as Method).bind(inner);
      if (wrapped[key]) return wrapped[key](method);
      if (!counted.includes(key)) return method;
      return (...args: unknown[]) => {
        const kind = count.add(textOf(args[0]));
        const started = performance.now();
        const result = method(...args);
        if (result instanceof Promise) void result.finally(() => count.took(kind, performance.now() - started)).catch(() => {});
        return result;
      };
    },
  });
}

/**
 * A node-postgres pool whose round trips are counted: its one-statement queries (`pool.query`), and the queries of the
 * clients it lends for transactions (`pool.connect()`, as the store's driver calls it).
 */
export function countedPool(pool: pg.Pool, count: StatementCount): pg.Pool {
  return counting(pool, ['query'], count, {
    connect: (connect) => async () => counting((await connect()) as pg.PoolClient, ['query'], count),
  });
}

/** A PGlite instance whose statements (`exec`, `query`, and those of its transactions) are counted. */
export function countedPglite(db: PGlite, count: StatementCount): PGlite {
  return counting(db, ['exec', 'query'], count, {
    transaction: (transaction) => (work) => transaction((tx: object) => {
      count.add('BEGIN');
      return (work as Method)(counting(tx, ['exec', 'query'], count));
    }),
  });
}

function textOf(config: unknown): string {
  return typeof config === 'string' ? config : String((config as { text?: unknown })?.text ?? '');
}
