import { StateError } from '../../src/errors/state-error.js';
import { type Driver, ORGANISATION_SETTING } from './driver.js';
import { type MemberIndexSpec, memberIndexSql } from './member-index.js';
import { field, fieldText, type Names, sortColumns, tableOf } from './schema.js';

/** One step of the schema: its SQL for a schema's names, applied once, in order, in the transaction that opens. */
export interface Migration {
  version: number;
  name: string;
  sql(names: Names): string;
}

/** A collection's table as migration 1 made it: the fields indexed by value, by array element, and for an order. */
interface TableSpec {
  collection: string;
  /** B-tree on `(organisation_id, doc->>'field')`, without the values listed (a partial index). */
  byValue?: Record<string, readonly string[]>;
  /** GIN on `doc->'field'`: `$contains` and `$overlaps` on an array field. */
  byElement?: readonly string[];
  /** B-tree on `(organisation_id[, doc->>'equal'], order of 'field', key)`: pages in that order (the field descending
   * and the key ascending when `descending`; all of it either way otherwise), read off the index. */
  ordered?: readonly { name: string; equal?: string; field: string; descending: boolean }[];
}

/**
 * Version 1's tables, written out (not read from `COLLECTIONS`, which may change): a later collection or index is a
 * later migration. A test checks that every collection of the port has its table and indexes.
 */
const V1_TABLES: readonly TableSpec[] = [
  { collection: 'departments' },
  { collection: 'extensions', byValue: { departmentId: [] } },
  { collection: 'users', byValue: { departmentId: [] } },
  { collection: 'numbers', byValue: { e164: [] } },
  { collection: 'contacts', byValue: { ownerId: [] } },
  {
    collection: 'conversations', byValue: { threadKey: [], numberId: [] }, byElement: ['audience'],
    ordered: [{ name: 'inbox', field: 'updatedAt', descending: true }],
  },
  { collection: 'conversationStates', byValue: { userId: [], conversationId: [] } },
  {
    collection: 'messages', byValue: { conversationId: [], providerId: [], status: ['sent', 'delivered', 'received'] },
    ordered: [{ name: 'thread', equal: 'conversationId', field: 'createdAt', descending: false }],
  },
  { collection: 'campaigns', byValue: { status: [] } },
  {
    collection: 'campaignRecipients', byValue: { campaignId: [], messageId: [], state: ['sent', 'delivered'] },
    ordered: [{ name: 'position', equal: 'campaignId', field: 'index', descending: false }],
  },
  { collection: 'uploads' },
  { collection: 'uploadRecipients', byValue: { uploadId: [] } },
  { collection: 'lists' },
  { collection: 'listEntries', byValue: { listId: [] }, ordered: [{ name: 'added', equal: 'listId', field: 'createdAt', descending: false }] },
  { collection: 'blocklist', byValue: { source: [] } },
  { collection: 'blocklistAudit', byValue: { e164: [] } },
  { collection: 'templates', byValue: { ownerId: [] } },
  { collection: 'keywords', byValue: { keyword: [] } },
  { collection: 'usage', byValue: { month: [] } },
  { collection: 'sendCounts' },
  { collection: 'settings' },
  { collection: 'supportAccess' },
  { collection: 'organisations', byValue: { status: [] } },
  { collection: 'addresses', byValue: { organisationId: [] } },
  { collection: 'operators' },
  { collection: 'idempotencyKeys', byValue: { expiresAt: [] } },
];

/** Version 2's tables: what instances over one database share besides the records (see `store.signals`). */
const V2_TABLES: readonly TableSpec[] = [
  { collection: 'counters', byValue: { expiresAt: [] } },
  { collection: 'relayedEvents', byValue: { expiresAt: [] } },
];

/**
 * Version 3's member index (see member-index.ts): the conversations whose audience holds a member, newest first, for
 * the inbox; the GIN index on `audience` stays for counts and other orders.
 */
const V4_MEMBER_INDEXES: readonly MemberIndexSpec[] = [
  { collection: 'conversations', field: 'audience', order: { field: 'updatedAt', descending: true } },
];

/** Creates a role unless it exists, also when another database or instance creates it at the same moment. */
function createRole(role: string): string {
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE "${role}" NOLOGIN; END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
GRANT "${role}" TO CURRENT_USER;`;
}

function tableSql({ schema, app, across }: Names, spec: TableSpec): string {
  const table = tableOf(spec.collection);
  const qualified = `${schema}.${table}`;
  const organisation = `current_setting('${ORGANISATION_SETTING}', true)`;
  const lines = [
    `CREATE TABLE ${qualified} (organisation_id text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (organisation_id, key));`,
    `ALTER TABLE ${qualified} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY organisation ON ${qualified} TO "${app}" USING (organisation_id = ${organisation}) WITH CHECK (organisation_id = ${organisation});`,
    `CREATE POLICY across ON ${qualified} FOR SELECT TO "${across}" USING (true);`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${qualified} TO "${app}";`,
    `GRANT SELECT ON ${qualified} TO "${across}";`,
  ];
  for (const [name, left] of Object.entries(spec.byValue ?? {})) {
    const partial = left.length > 0 ? ` WHERE ${fieldText(name)} NOT IN (${left.map((value) => `'${value}'`).join(', ')})` : '';
    lines.push(`${valueIndexSql(qualified, table, name)}${partial};`);
  }
  for (const name of spec.byElement ?? []) lines.push(`CREATE INDEX ${table}_${tableOf(name)} ON ${qualified} USING gin ((${field(name)}));`);
  for (const order of spec.ordered ?? []) lines.push(`${orderedIndexSql(schema, qualified, table, order)};`);
  return lines.join('\n');
}

/** The B-tree of a field's values (`<table>_<field>`), without its end. */
function valueIndexSql(qualified: string, table: string, name: string): string {
  return `CREATE INDEX ${table}_${tableOf(name)} ON ${qualified} (organisation_id, ${fieldText(name)})`;
}

/** The B-tree of an order (`<table>_<name>`), without its end. */
function orderedIndexSql(schema: string, qualified: string, table: string, order: NonNullable<TableSpec['ordered']>[number]): string {
  const direction = order.descending ? ' DESC' : '';
  const columns = [
    'organisation_id',
    ...(order.equal ? [fieldText(order.equal)] : []),
    ...sortColumns(schema, field(order.field)).map((column) => `(${column.sql})${column.binary ? ' COLLATE "C"' : ''}${direction}`),
    'key',
  ];
  return `CREATE INDEX ${table}_${order.name} ON ${qualified} (${columns.join(', ')})`;
}

/**
 * Version 3: the indexes of fields that a campaign's messages and recipients hold null (a campaign message has no
 * conversation, and no provider id while it is being sent; a recipient marked sent keeps no message id) leave those
 * records out, as no query looks records up by a null there. A campaign message then enters two indexes when claimed
 * and two when marked sent, rather than five each time.
 */
function partialIndexesSql({ schema }: Names): string {
  const messages = `${schema}.${tableOf('messages')}`;
  const recipients = `${schema}.${tableOf('campaignRecipients')}`;
  const present = (name: string) => ` WHERE ${fieldText(name)} IS NOT NULL;`;
  return [
    `DROP INDEX ${schema}.messages_conversation_id, ${schema}.messages_provider_id, ${schema}.messages_thread, ${schema}.campaign_recipients_message_id;`,
    valueIndexSql(messages, 'messages', 'conversationId') + present('conversationId'),
    valueIndexSql(messages, 'messages', 'providerId') + present('providerId'),
    orderedIndexSql(schema, messages, 'messages', { name: 'thread', equal: 'conversationId', field: 'createdAt', descending: false }) + present('conversationId'),
    valueIndexSql(recipients, 'campaign_recipients', 'messageId') + present('messageId'),
  ].join('\n');
}

/** The schema's migrations, in order. The last one's version is the version this code needs. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'collections, order functions, row-level security',
    sql: (names) => [
      createRole(names.app),
      createRole(names.across),
      `GRANT USAGE ON SCHEMA ${names.schema} TO "${names.app}", "${names.across}";`,
      `CREATE FUNCTION ${names.schema}.ord_rank(value jsonb) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE jsonb_typeof(value) WHEN 'boolean' THEN 0 WHEN 'number' THEN 1 WHEN 'string' THEN 2 WHEN 'array' THEN 3 WHEN 'object' THEN 3 ELSE 4 END)::smallint $$;`,
      `CREATE FUNCTION ${names.schema}.ord_num(value jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof(value) WHEN 'number' THEN value::numeric WHEN 'boolean' THEN (CASE WHEN value::boolean THEN 1 ELSE 0 END)::numeric ELSE 0::numeric END $$;`,
      `CREATE FUNCTION ${names.schema}.ord_text(value jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof(value) WHEN 'string' THEN value #>> '{}' WHEN 'array' THEN value::text WHEN 'object' THEN value::text ELSE '' END $$;`,
      ...V1_TABLES.map((spec) => tableSql(names, spec)),
    ].join('\n'),
  },
  {
    version: 2,
    name: 'counters and relayed events, for instances sharing one database',
    sql: (names) => V2_TABLES.map((spec) => tableSql(names, spec)).join('\n'),
  },
  {
    version: 3,
    name: 'indexes of conversation, provider id and message id leave out the nulls of campaign messages and recipients',
    sql: partialIndexesSql,
  },
  {
    version: 4,
    name: 'conversations_audience_members: the inbox, newest first per member of the audience',
    sql: (names) => V4_MEMBER_INDEXES.map((spec) => memberIndexSql(names, spec)).join('\n'),
  },
];

/** The member indexes the schema has at this code's version, which queries may read through. */
export const MEMBER_INDEXES: readonly MemberIndexSpec[] = [...V4_MEMBER_INDEXES];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The advisory lock migrations take: one per schema name, so that stores of other schemas open meanwhile. */
function lockKey(schema: string): string {
  return `pbx-sms:migrate:${schema}`;
}

/**
 * Brings the schema to this code's version, in one transaction under an advisory lock: two instances opening
 * together apply each migration once (the second waits, then finds nothing to do). A schema newer than this code is
 * refused (a `StateError` naming both versions) and left as it is.
 */
export async function migrate(driver: Driver, schemaName: string, names: Names, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  return driver.transaction(null, async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(schemaName)]);
    await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${names.schema};
CREATE TABLE IF NOT EXISTS ${names.schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`);
    const [row] = await sql.query<{ version: number }>(`SELECT coalesce(max(version), 0)::integer AS version FROM ${names.schema}.schema_migrations`);
    const current = row?.version ?? 0;
    if (current > latest) {
      throw new StateError(
        `The database schema "${schemaName}" is at version ${current}, newer than version ${latest} that this pbx-sms knows: run a pbx-sms at least as new as the one that migrated it.`,
        { resource: 'database schema', state: `version ${current}`, code: 'store.schema_newer' },
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await sql.exec(migration.sql(names));
      await sql.query(`INSERT INTO ${names.schema}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    return Math.max(current, latest);
  });
}
