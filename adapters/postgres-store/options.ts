import * as z from 'zod';
import { ValidationError } from '../../src/errors/validation-error.js';

/** A PostgreSQL identifier the store names its schema (and, from it, its roles) with. */
const SchemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,40}$/, 'a lowercase SQL identifier of at most 41 characters');

const Common = {
  /**
   * The PostgreSQL schema that holds the store's tables; its roles are named after it (`<schema>_app`,
   * `<schema>_across`), so that several schemas coexist in one cluster.
   * @default 'pbx_sms'
   */
  schema: SchemaName.default('pbx_sms'),
};

/** Something with the shape of a node-postgres `Pool` (the caller's, which the store never ends). */
const PoolLike = z.custom<import('pg').Pool>((value) => typeof value === 'object' && value !== null && typeof (value as { connect?: unknown }).connect === 'function', 'a node-postgres Pool');
/** Something with the shape of an open PGlite instance (the caller's, which the store never closes). */
const PGliteLike = z.custom<import('@electric-sql/pglite').PGlite>((value) => typeof value === 'object' && value !== null && typeof (value as { transaction?: unknown }).transaction === 'function', 'an open PGlite instance');

/**
 * Where the store keeps its data: one of
 * - `{ dataDir }`: embedded PostgreSQL (PGlite, WebAssembly) in a folder, or `'memory://'` for tests;
 * - `{ connectionString }`: a PostgreSQL server through node-postgres (a pool the store opens and ends);
 * - `{ pool }`: a node-postgres `Pool` of the caller's;
 * - `{ pglite }`: a PGlite instance of the caller's (tests share one and give each store its own `schema`).
 */
export const PostgresStoreOptions = z.union([
  z.object({
    /** PGlite's data folder (created if missing), or `'memory://'`. */
    dataDir: z.string().min(1),
    ...Common,
  }),
  z.object({
    /** A PostgreSQL URL, such as `process.env.DATABASE_URL`. */
    connectionString: z.string().min(1),
    /**
     * Connections the store's pool opens at most.
     * @default 10
     */
    poolSize: z.number().int().min(1).max(1000).default(10),
    ...Common,
  }),
  z.object({ pool: PoolLike, ...Common }),
  z.object({ pglite: PGliteLike, ...Common }),
]);
export type PostgresStoreOptions = z.input<typeof PostgresStoreOptions>;
export type ParsedOptions = z.output<typeof PostgresStoreOptions>;

/** The options, checked: a `ValidationError` on `options.<field>` says what is wrong. */
export function parseOptions(options: unknown): ParsedOptions {
  const parsed = PostgresStoreOptions.safeParse(options);
  if (parsed.success) return parsed.data;
  const schemaIssue = parsed.error.issues.flatMap((issue) => ('errors' in issue ? (issue.errors as z.core.$ZodIssue[][]).flat() : [issue])).find((issue) => issue.path[0] === 'schema');
  if (schemaIssue) throw new ValidationError(`The schema option must be ${schemaIssue.message}.`, { field: 'options.schema', value: (options as { schema?: unknown }).schema });
  throw new ValidationError('createPostgresStore needs one of { dataDir }, { connectionString }, { pool } or { pglite }.', { field: 'options' });
}
