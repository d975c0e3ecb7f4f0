import type { Order, Tuple } from '../memory-store/order.js';
import type { Test } from '../memory-store/where.js';
import { ORGANISATION_SETTING } from './driver.js';
import { field, type Names, sortColumns, sortExpression, tableOf } from './schema.js';
import type { Params } from './where.js';

/**
 * A member index: each string member of an array field of a collection (a conversation's `audience`) as a row of a
 * table of its own, `(organisation_id, member, key)` with the record's place in one order (the three sort columns of
 * `order.field`, see `sortColumns`), and a B-tree on `(organisation_id, member, place, key)`. Triggers on the
 * collection's table keep it, in the statement that writes the record, whichever method of the port wrote it.
 *
 * Why a table of members, and not the GIN index alone or per-member lookups on the collection's own table: an inbox
 * asks for the newest 50 of the conversations whose `audience` overlaps the user's principals (their numbers, `user:`
 * id, `number:*` for an administrator). GIN finds the matching rows but not in order: a number that sees 100k
 * conversations costs a scan and a sort of 100k rows (348 ms at p95). The ordered inbox index, filtered by audience,
 * is fast only while the user sees most of the organisation, and reads it all for a user who sees little of it. A
 * B-tree cannot index the elements of an array in its own table, except one expression per position, which only holds
 * while arrays stay short. Here each member's records are read in order straight off the B-tree, one branch per
 * member of the query, stopping after a page, and the branches merge: about a page of index entries per member,
 * whatever the size of the organisation.
 */
export interface MemberIndexSpec {
  collection: string;
  /** The array field whose string members are indexed. */
  field: string;
  /** The order the index serves: this field (then the key ascending). */
  order: { field: string; descending: boolean };
}

/** The member table of a spec: `<table>_<field>_members`. */
export function memberTableOf(spec: MemberIndexSpec): string {
  return `${tableOf(spec.collection)}_${tableOf(spec.field)}_members`;
}

/** The rows of `source` (a relation with `organisation_id`, `key` and `doc`) as member rows, for an INSERT. */
function membersOf(schema: string, spec: MemberIndexSpec, source: string, condition = 'TRUE'): string {
  const array = field(spec.field, 'source.doc');
  const [rank, num, text] = sortColumns(schema, field(spec.order.field, 'source.doc')).map((column) => column.sql);
  return `SELECT DISTINCT source.organisation_id, element.value #>> '{}', source.key, ${rank}, ${num}, ${text}
  FROM ${source} AS source CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END) AS element(value)
  WHERE jsonb_typeof(element.value) = 'string' AND ${condition}`;
}

/**
 * The SQL that creates a member index over an existing table (a migration's): the table, its B-tree, row-level
 * security as on every table, the triggers, and the members of the records already there.
 */
export function memberIndexSql({ schema, app, across }: Names, spec: MemberIndexSpec): string {
  const records = `${schema}.${tableOf(spec.collection)}`;
  const name = memberTableOf(spec);
  const members = `${schema}.${name}`;
  const organisation = `current_setting('${ORGANISATION_SETTING}', true)`;
  const direction = spec.order.descending ? ' DESC' : '';
  // A record's members change when its array or its place in the order does; any other change leaves them.
  const same = (a: string, b: string) =>
    `${b}.organisation_id = ${a}.organisation_id AND ${b}.key = ${a}.key AND ${field(spec.field, `${b}.doc`)} IS NOT DISTINCT FROM ${field(spec.field, `${a}.doc`)}
      AND ${field(spec.order.field, `${b}.doc`)} IS NOT DISTINCT FROM ${field(spec.order.field, `${a}.doc`)}`;
  const insert = `INSERT INTO ${members} (organisation_id, member, key, ord_rank, ord_num, ord_text)`;
  return `CREATE TABLE ${members} (
  organisation_id text COLLATE "C" NOT NULL, member text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL,
  ord_rank smallint NOT NULL, ord_num numeric NOT NULL, ord_text text COLLATE "C" NOT NULL,
  PRIMARY KEY (organisation_id, key, member));
CREATE INDEX ${name}_order ON ${members} (organisation_id, member, ord_rank${direction}, ord_num${direction}, ord_text${direction}, key);
CREATE FUNCTION ${schema}.${name}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${insert} ${membersOf(schema, spec, 'new_rows')};
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM ${members} AS stale USING old_rows AS before_row
      WHERE stale.organisation_id = before_row.organisation_id AND stale.key = before_row.key
        AND NOT EXISTS (SELECT 1 FROM new_rows AS after_row WHERE ${same('before_row', 'after_row')});
    ${insert} ${membersOf(schema, spec, 'new_rows', `NOT EXISTS (SELECT 1 FROM old_rows AS before_row WHERE ${same('source', 'before_row')})`)};
  ELSE
    DELETE FROM ${members} AS stale USING old_rows AS before_row WHERE stale.organisation_id = before_row.organisation_id AND stale.key = before_row.key;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ${name}_insert AFTER INSERT ON ${records} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.${name}_sync();
CREATE TRIGGER ${name}_update AFTER UPDATE ON ${records} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.${name}_sync();
CREATE TRIGGER ${name}_delete AFTER DELETE ON ${records} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.${name}_sync();
ALTER TABLE ${records} NO FORCE ROW LEVEL SECURITY;
${insert} ${membersOf(schema, spec, records)};
ALTER TABLE ${records} FORCE ROW LEVEL SECURITY;
ALTER TABLE ${members} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY organisation ON ${members} TO "${app}" USING (organisation_id = ${organisation}) WITH CHECK (organisation_id = ${organisation});
CREATE POLICY across ON ${members} FOR SELECT TO "${across}" USING (true);
GRANT SELECT, INSERT, DELETE ON ${members} TO "${app}";
GRANT SELECT ON ${members} TO "${across}";`;
}

/** A query a member index serves: the members to look up, and the query's other conditions. */
export interface MemberLookup {
  spec: MemberIndexSpec;
  members: readonly string[];
  rest: Test[];
}

/**
 * Whether a member index serves a query: a condition `$overlaps` (strings) or `$contains` (a string) on its field,
 * and the query's order exactly the index's (its field, then the key ascending).
 */
export function memberLookupOf(specs: readonly MemberIndexSpec[], collection: string, tests: readonly Test[], order: Order, key: string): MemberLookup | null {
  if (order.fields.length !== 2 || order.fields[1] !== key || order.descending[1]) return null;
  for (const spec of specs) {
    if (spec.collection !== collection || order.fields[0] !== spec.order.field || order.descending[0] !== spec.order.descending) continue;
    const test = tests.find((candidate) => candidate.field === spec.field);
    let members: readonly unknown[] | null = null;
    if (test?.op === 'overlaps') members = test.values;
    else if (test?.op === 'contains') members = [test.value];
    if (!members || members.length === 0 || !members.every((member) => typeof member === 'string')) continue;
    return { spec, members: [...new Set(members as string[])], rest: tests.filter((other) => other !== test) };
  }
  return null;
}

/** Where a member query reads: the schema, the collection's table and the organisation's placeholder. */
export interface MemberPlace {
  /** The schema, quoted. */
  schema: string;
  /** The collection's table, qualified and quoted. */
  table: string;
}

/**
 * The keyset condition on a member row `m` after a cursor's place: the three sort columns as a row comparison (an
 * index bound), the key ascending among ties.
 */
function memberAfterSql(schema: string, spec: MemberIndexSpec, tuple: Tuple, params: Params): string {
  const values = sortColumns(schema, params.json(tuple[0])).map(sortExpression).join(', ');
  const key = params.add(String(tuple[1]), '::text');
  const columns = '(m.ord_rank, m.ord_num, m.ord_text)';
  const [before, strictly] = spec.order.descending ? ['<=', '<'] : ['>=', '>'];
  return `${columns} ${before} (${values}) AND (${columns} ${strictly} (${values}) OR m.key > ${key})`;
}

/**
 * The records of one page through a member index: per member, its first `limit` records in the order (that match the
 * other conditions, `filter`, on the record's row), read off the index; then the union of the branches (a record
 * of several members once) in the order, its first `limit`. Every record of the page is among the first `limit` of
 * each of its members, so the page is exactly the query's.
 */
export function memberFindSql(place: MemberPlace, lookup: MemberLookup, filter: string, after: Tuple | null, limit: number, params: Params): string {
  const { schema, table } = place;
  const members = `${schema}.${memberTableOf(lookup.spec)}`;
  const direction = lookup.spec.order.descending ? ' DESC' : '';
  const order = (alias: string) => `${alias}.ord_rank${direction}, ${alias}.ord_num${direction}, ${alias}.ord_text${direction}, ${alias}.key`;
  const conditions = [after ? memberAfterSql(schema, lookup.spec, after, params) : 'TRUE'];
  // Unqualified names inside EXISTS are the record's row (`key`, `doc`), as `filter` expects.
  if (filter !== 'TRUE') conditions.push(`EXISTS (SELECT 1 FROM ${table} WHERE organisation_id = m.organisation_id AND key = m.key AND ${filter})`);
  const branches = lookup.members.map((member) =>
    `(SELECT m.key, m.ord_rank, m.ord_num, m.ord_text FROM ${members} AS m WHERE m.organisation_id = $1 AND m.member = ${params.add(member)}
      AND ${conditions.join(' AND ')} ORDER BY ${order('m')} LIMIT ${limit})`);
  return `SELECT record.doc FROM (${branches.join(' UNION ')}) AS hit JOIN ${table} AS record ON record.organisation_id = $1 AND record.key = hit.key
    ORDER BY ${order('hit')} LIMIT ${limit}`;
}
