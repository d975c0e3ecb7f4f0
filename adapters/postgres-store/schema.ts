import type { CollectionName } from '../../src/ports/store.js';

/** The names a store's schema gives its tables and roles. */
export interface Names {
  /** The schema, quoted for SQL. */
  schema: string;
  /** The role the store's statements run as: row-level security shows it the organisation it set, only. */
  app: string;
  /** The role `across()` reads through: its policies show every organisation, for reading only. */
  across: string;
}

export function namesOf(schema: string): Names {
  return { schema: `"${schema}"`, app: `${schema}_app`, across: `${schema}_across` };
}

/** A collection's table: its name in snake case (`campaignRecipients` → `campaign_recipients`). */
export function tableOf(collection: CollectionName | string): string {
  return collection.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A field of a record's document, as jsonb (`doc->'field'`). Field names are quoted literals, never parameters, so that expression indexes match. */
export function field(name: string, document = 'doc'): string {
  return `${document}->${quote(name)}`;
}

/** A field of a record's document, as text (`doc->>'field'`; JSON null and a missing field are SQL NULL). */
export function fieldText(name: string, document = 'doc'): string {
  return `(${document}->>${quote(name)})`;
}

function quote(text: string): string {
  if (text.includes('\0')) throw new TypeError('A field name cannot hold a NUL character.');
  return `'${text.replaceAll("'", "''")}'`;
}

/** One column of a value's place in the store's order. */
export interface SortColumn {
  sql: string;
  /** Compared in the "C" collation (byte order), whatever the database's. */
  binary: boolean;
}

/**
 * A value's place in the store's order, as three columns that never hold NULL: its type's rank (booleans, numbers,
 * strings, arrays and objects, then null and missing last), its number (booleans as 0 and 1), its text (in the "C"
 * collation, byte order). Ordering by the three, then the key, is the memory store's order; an index on the same
 * expressions serves it. The functions are created in the schema (migration 1).
 */
export function sortColumns(schema: string, value: string): SortColumn[] {
  return [
    { sql: `${schema}.ord_rank(${value})`, binary: false },
    { sql: `${schema}.ord_num(${value})`, binary: false },
    { sql: `${schema}.ord_text(${value})`, binary: true },
  ];
}

/** A sort column as an expression of a query. */
export function sortExpression(column: SortColumn): string {
  return column.binary ? `${column.sql} COLLATE "C"` : column.sql;
}
