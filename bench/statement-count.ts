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
  total = 0;

  /** Counts one round trip of this SQL (its last statement names the kind: the first ones set the role). */
  add(sql: string): void {
    this.total += 1;
    const kind = kindOf(sql);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }

  reset(): void {
    this.total = 0;
    this.byKind.clear();
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

/**
 * A node-postgres pool whose round trips are counted: its one-statement queries (`pool.query`), and the queries of the
 * clients it lends for transactions (`pool.connect()`, as the store's driver calls it).
 */
export function countedPool(pool: pg.Pool, count: StatementCount): pg.Pool {
  return new Proxy(pool, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (name === 'query') {
        return (...args: unknown[]) => {
          count.add(textOf(args[0]));
          return (value as (...args: unknown[]) => unknown).apply(target, args);
        };
      }
      if (name === 'connect') {
        return async () => {
          const client = await target.connect();
          return new Proxy(client, {
            get(inner, key) {
              const member = Reflect.get(inner, key) as unknown;
              if (key === 'query') {
                return (...args: unknown[]) => {
                  count.add(textOf(args[0]));
                  return (member as (...args: unknown[]) => unknown).apply(inner, args);
                };
              }
              return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(inner) : member;
            },
          });
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A PGlite instance whose statements (`exec`, `query`, and those of its transactions) are counted. */
export function countedPglite(db: PGlite, count: StatementCount): PGlite {
  return new Proxy(db, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (typeof value !== 'function') return value;
      if (name === 'exec' || name === 'query') {
        return (text: string, ...rest: unknown[]) => {
          count.add(text);
          return (value as (...args: unknown[]) => unknown).call(target, text, ...rest);
        };
      }
      if (name === 'transaction') {
        return (work: (tx: unknown) => Promise<unknown>) => (value as (work: unknown) => Promise<unknown>).call(target, (tx: { query: (...args: unknown[]) => unknown }) => {
          count.add('BEGIN');
          const counted = new Proxy(tx, {
            get(inner, key) {
              const member = Reflect.get(inner, key) as unknown;
              if (key === 'query' || key === 'exec') {
                return (text: string, ...rest: unknown[]) => {
                  count.add(text);
                  return (member as (...args: unknown[]) => unknown).call(inner, text, ...rest);
                };
              }
              return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(inner) : member;
            },
          });
          return work(counted);
        });
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

function textOf(config: unknown): string {
  return typeof config === 'string' ? config : String((config as { text?: unknown })?.text ?? '');
}
