import type { Order, Tuple } from '../memory-store/order.js';
import { field, sortColumns, sortExpression } from './schema.js';
import type { Params } from './where.js';

/** One column of an order in SQL: its expression and its direction. */
interface Component {
  sql: string;
  descending: boolean;
  /** Compared in the "C" collation. */
  binary: boolean;
  /** The expression of a cursor's value in this column. */
  valueOf(value: unknown, params: Params): string;
}

/**
 * An order's columns: each field's three sort columns (see `sortColumns`), the key as the `key` column (in the "C"
 * collation, like a string field's text).
 */
function componentsOf(order: Order, key: string, schema: string, table = ''): Component[][] {
  const document = table ? `${table}.doc` : 'doc';
  return order.fields.map((name, index) => {
    const descending = order.descending[index]!;
    if (name === key) return [{ sql: table ? `${table}.key` : 'key', descending, binary: true, valueOf: (value, params) => params.add(String(value), '::text') }];
    return sortColumns(schema, field(name, document)).map((column, part) => ({
      sql: sortExpression(column),
      descending,
      binary: column.binary,
      valueOf: (value: unknown, params: Params) => sortExpression(sortColumns(schema, params.json(value))[part]!),
    }));
  });
}

/** The expressions to order by, with their directions (`ORDER BY` without the words). */
export function orderSql(order: Order, key: string, schema: string, table = ''): string {
  return componentsOf(order, key, schema, table).flat().map((column) => `${column.sql}${column.descending ? ' DESC' : ''}`).join(', ');
}

/**
 * The order's expressions for a subquery's select list (`c0`, `c1`…), and the `ORDER BY` of the outer query that
 * sorts by those columns of `alias`.
 */
export function orderThrough(order: Order, key: string, schema: string, alias: string): { select: string; orderBy: string } {
  const columns = componentsOf(order, key, schema).flat();
  return {
    select: columns.map((column, index) => `${column.sql} AS c${index}`).join(', '),
    orderBy: columns.map((column, index) => `${alias}.c${index}${column.binary ? ' COLLATE "C"' : ''}${column.descending ? ' DESC' : ''}`).join(', '),
  };
}

/**
 * The condition for records after a cursor's place in the order (a keyset): a row comparison when every column runs
 * one way (an index on the columns serves it), the expanded form otherwise.
 */
export function afterSql(order: Order, key: string, schema: string, tuple: Tuple, params: Params): string {
  const columns = componentsOf(order, key, schema).flatMap((fieldColumns, index) => fieldColumns.map((column) => ({ ...column, value: column.valueOf(tuple[index], params) })));
  const descending = columns[0]!.descending;
  if (columns.every((column) => column.descending === descending)) {
    return `(${columns.map((column) => column.sql).join(', ')}) ${descending ? '<' : '>'} (${columns.map((column) => column.value).join(', ')})`;
  }
  const alternatives = columns.map((column, index) => {
    const equal = columns.slice(0, index).map((before) => `${before.sql} = ${before.value}`);
    return `(${[...equal, `${column.sql} ${column.descending ? '<' : '>'} ${column.value}`].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
}
