/**
 * pbx-sms/adapters/postgres-store: the `Store` port in PostgreSQL, embedded (PGlite, the default: a data folder, no
 * server) or on a server (node-postgres) for many instances over one database. Node only; `@electric-sql/pglite` or
 * `pg` is loaded when a store opens on it.
 * @packageDocumentation
 */
export { createPostgresStore } from './store.js';
export type { PostgresStore } from './store.js';
export { PostgresStoreOptions } from './options.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
export type { Migration } from './migrations.js';
