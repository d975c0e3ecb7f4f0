import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createPostgresStore, SCHEMA_VERSION } from '../../adapters/postgres-store/index.js';
import { isStateError } from '../../src/errors/state-error.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import { COLLECTIONS, type CollectionName } from '../../src/ports/store.js';
import { runStoreContract } from '../contract/store.contract.js';
import { at, blocked, conversation, keys, mobile, recipients } from '../contract/store/fixtures.js';
import { ENGINES, freshSchema, schemasOn } from '../fixtures/postgres.js';

const tableOf = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

for (const engine of ENGINES) {
  const schemas = schemasOn(engine);
  const label = engine === 'pglite' ? 'PGlite' : 'PostgreSQL server';

  runStoreContract({
    name: `postgres (${label})`,
    create: () => schemas.open(),
    cleanup: (store) => schemas.drop(store as unknown as { schema: string }),
  });

  describe(`postgres store on ${label}`, () => {
    /** Runs `test` on a fresh store, dropping its schema after. */
    async function withStore(test: (store: Awaited<ReturnType<typeof schemas.open>>) => Promise<void>): Promise<void> {
      const store = await schemas.open();
      try {
        await test(store);
      } finally {
        await store.close();
        await schemas.drop(store);
      }
    }

    it('analyses a table its writes filled, so that a batch of keys is read through the primary key alone', () =>
      withStore(async (store) => {
        const collection = store.scope('acme').collection('campaignRecipients');
        const all = recipients(5000);
        for (let start = 0; start < all.length; start += 1000) await collection.insertMany(all.slice(start, start + 1000));
        // The statistics are taken in the background (PGlite has no autovacuum; a server's comes after a minute): wait
        // for them, a while at most.
        const rows = async () => (await schemas.admin.query<{ rows: number }>(
          `SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = '"${store.schema}".campaign_recipients'::regclass`,
        ))[0]!.rows;
        let counted = await rows();
        for (let attempt = 0; attempt < 100 && counted < 4000; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          counted = await rows();
        }
        assert.ok(counted >= 4000 && counted <= 6000, `the table's statistics count ${counted} rows`);
        const keys = all.slice(2000, 2256).map((record) => `"${record.id}"`).join(',');
        const plan = (await schemas.admin.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT key, doc FROM "${store.schema}".campaign_recipients WHERE organisation_id = 'acme' AND key = ANY('{${keys}}'::text[])`,
        )).map((row) => row['QUERY PLAN']).join('\n');
        assert.deepEqual([...new Set(plan.match(/campaign_recipients_\w+/g))], ['campaign_recipients_pkey'], plan.slice(0, 300));
        assert.deepEqual((await collection.getMany(all.slice(10, 13).map((record) => record.id))).map((record) => record.index), [10, 11, 12]);
      }));

    it('keeps organisations apart by its query filter alone, with row-level security off', () =>
      withStore(async (store) => {
        await store.scope('acme').collection('blocklist').insert(blocked(1, { reason: 'acme' }));
        await store.scope('globex').collection('blocklist').insertMany([blocked(1, { reason: 'globex' }), blocked(2)]);
        await schemas.admin.query(`ALTER TABLE "${store.schema}".blocklist NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
        const acme = store.scope('acme').collection('blocklist');
        assert.equal(await acme.count(), 1);
        assert.deepEqual((await acme.find()).items.map((entry) => entry.reason), ['acme']);
        assert.equal((await acme.get(mobile(1)))?.reason, 'acme');
        assert.equal(await acme.get(mobile(2)), null);
        assert.equal(await acme.deleteMany({}), 1);
        assert.equal(await store.scope('globex').collection('blocklist').count(), 2);
      }));

    it('shows the application role nothing without the organisation set, and only that organisation with it (row-level security)', () =>
      withStore(async (store) => {
        await store.scope('acme').collection('blocklist').insert(blocked(1));
        await store.scope('globex').collection('blocklist').insertMany([blocked(1), blocked(2)]);
        const app = `${store.schema}_app`;
        const across = `${store.schema}_across`;
        const as = async (role: string, organisation: string | null, statement: string) =>
          (await schemas.admin.asRole<{ organisation_id: string }>(store.schema, role, organisation, statement)).map((row) => row.organisation_id);
        // No filter on the organisation in these statements: only the policies stand between the role and the rows.
        assert.deepEqual(await as(app, null, 'SELECT organisation_id FROM blocklist ORDER BY 1'), []);
        assert.deepEqual(await as(app, 'globex', 'SELECT organisation_id FROM blocklist ORDER BY 1'), ['globex', 'globex']);
        assert.deepEqual(await as(app, 'acme', 'SELECT organisation_id FROM blocklist ORDER BY 1'), ['acme']);
        assert.deepEqual(await as(across, null, 'SELECT organisation_id FROM blocklist ORDER BY 1'), ['acme', 'globex', 'globex']);
        // Nor can it change another organisation's rows, or write one for it; the role that reads across writes nothing.
        assert.deepEqual(await as(app, 'acme', `UPDATE blocklist SET doc = '{}' RETURNING organisation_id`), ['acme']);
        assert.deepEqual(await as(app, 'acme', `DELETE FROM blocklist RETURNING organisation_id`), ['acme']);
        await assert.rejects(as(app, 'acme', `INSERT INTO blocklist VALUES ('globex', 'x', '{}') RETURNING organisation_id`), /row-level security/);
        await assert.rejects(as(across, null, 'DELETE FROM blocklist RETURNING organisation_id'), /permission denied/);
        assert.equal(await store.scope('globex').collection('blocklist').count(), 2);
      }));

    it('has a table for every collection of the port, with an index on each field COLLECTIONS names', () =>
      withStore(async (store) => {
        const indexes = await schemas.admin.query<{ tablename: string; indexdef: string }>('SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1', [store.schema]);
        for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
          const table = tableOf(name);
          const defs = indexes.filter((index) => index.tablename === table).map((index) => index.indexdef);
          assert.ok(defs.some((def) => /PRIMARY KEY|_pkey/.test(def) || /\(organisation_id, key\)/.test(def)), `${name}: a primary key`);
          for (const field of COLLECTIONS[name].indexes) assert.ok(defs.some((def) => def.includes(`'${field}'`)), `${name}: an index on ${field}`);
        }
        const tables = await schemas.admin.query<{ relname: string; rls: boolean }>(
          `SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity AS rls FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`, [store.schema],
        );
        for (const name of Object.keys(COLLECTIONS)) assert.ok(tables.some((table) => table.relname === tableOf(name)), `a table for ${name}`);
        assert.deepEqual(tables.filter((table) => !table.rls).map((table) => table.relname), [], 'row-level security enabled and forced on every table');
      }));

    it('refuses a schema newer than the code, naming both versions, and leaves it as it is', async () => {
      const store = await schemas.open();
      try {
        await store.scope('acme').collection('campaignRecipients').insertMany(recipients(3));
        await schemas.admin.query(`INSERT INTO "${store.schema}".schema_migrations (version, name) VALUES ($1, 'from the future')`, [SCHEMA_VERSION + 41]);
        const refused = await schemas.open(store.schema).then(() => null, (error: unknown) => error);
        assert.ok(isStateError(refused), `expected a StateError, got ${String(refused)}`);
        assert.match((refused as Error).message, new RegExp(`version ${SCHEMA_VERSION + 41}.*version ${SCHEMA_VERSION}\\b`));
        assert.equal(await store.scope('acme').collection('campaignRecipients').count(), 3);
      } finally {
        await store.close();
        await schemas.drop(store);
      }
    });

    it('indexes the conversations already stored when migration 4 adds the inbox member index', async () => {
      const store = await schemas.open();
      try {
        const conversations = store.scope('acme').collection('conversations');
        await conversations.insertMany([
          conversation('a', { audience: ['number:n1', 'number:*'], updatedAt: at(1) }),
          conversation('b', { audience: ['user:u1', 'user:u2'], updatedAt: at(3) }),
          conversation('c', { audience: ['number:n2', 'number:*'], updatedAt: at(2) }),
        ]);
        await store.scope('globex').collection('conversations').insert(conversation('d', { audience: ['user:u1'], updatedAt: at(4) }));
        // The schema as version 3 left it, holding these conversations; opening it again runs migration 4.
        await schemas.admin.query(`DROP TABLE "${store.schema}".conversations_audience_members`);
        await schemas.admin.query(`DROP FUNCTION "${store.schema}".conversations_audience_members_sync() CASCADE`);
        await schemas.admin.query(`DELETE FROM "${store.schema}".schema_migrations WHERE version = 4`);
        const again = await schemas.open(store.schema);
        const inbox = (organisation: string, members: string[]) =>
          again.scope(organisation).collection('conversations').find({ where: { audience: { $overlaps: members } }, orderBy: [['updatedAt', 'desc']] });
        try {
          assert.deepEqual(keys((await inbox('acme', ['number:*', 'user:u1'])).items), ['b', 'c', 'a']);
          assert.deepEqual(keys((await inbox('globex', ['user:u1'])).items), ['d']);
        } finally {
          await again.close();
        }
      } finally {
        await store.close();
        await schemas.drop(store);
      }
    });

    it('opens an existing schema without migrating it again', async () => {
      const store = await schemas.open();
      try {
        await store.scope('acme').collection('blocklist').insert(blocked(1));
        const again = await schemas.open(store.schema);
        assert.equal((await again.scope('acme').collection('blocklist').get(mobile(1)))?.e164, mobile(1));
        await again.close();
        const versions = await schemas.admin.query<{ version: number }>(`SELECT version FROM "${store.schema}".schema_migrations ORDER BY version`);
        assert.deepEqual(versions.map((row) => row.version), Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1));
      } finally {
        await store.close();
        await schemas.drop(store);
      }
    });
  });
}

describe('postgres store on a PostgreSQL server: instances opening together', () => {
  it('applies the migrations once when two stores open the same new schema at the same moment', async () => {
    const server = schemasOn('server');
    const schema = freshSchema('race');
    // Created beforehand, empty (as a database administrator may create it), so that nothing but the lock orders them.
    await server.admin.query(`CREATE SCHEMA "${schema}"`);
    const [first, second] = await Promise.all([
      createPostgresStore({ connectionString: server.url!, schema, poolSize: 2 }),
      createPostgresStore({ connectionString: server.url!, schema, poolSize: 2 }),
    ]);
    try {
      const versions = await server.admin.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
      assert.deepEqual(versions.map((row) => row.version), Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1));
      await first.scope('acme').collection('blocklist').insert(blocked(1));
      assert.equal((await second.scope('acme').collection('blocklist').get(mobile(1)))?.e164, mobile(1));
    } finally {
      await first.close();
      await second.close();
      await server.drop({ schema });
    }
  });
});

describe('postgres store on a PostgreSQL server: signals between instances', () => {
  it('hands a signal one store publishes to the subscribers of another over the same schema, and of no other schema', async () => {
    const server = schemasOn('server');
    const schema = freshSchema('signals');
    const other = freshSchema('signals');
    const [publisher, listener, stranger] = await Promise.all([
      createPostgresStore({ connectionString: server.url!, schema, poolSize: 2 }),
      createPostgresStore({ connectionString: server.url!, schema, poolSize: 2 }),
      createPostgresStore({ connectionString: server.url!, schema: other, poolSize: 2 }),
    ]);
    try {
      const heard: string[] = [];
      const strangers: string[] = [];
      listener.signals!.subscribe('campaigns', (payload) => heard.push(payload));
      stranger.signals!.subscribe('campaigns', (payload) => strangers.push(payload));
      for (const payload of ['started c1', 'stopped c1', 'é'.repeat(3000)]) await publisher.signals!.publish('campaigns', payload);
      const deadline = Date.now() + 10_000;
      while (heard.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(heard, ['started c1', 'stopped c1', 'é'.repeat(3000)]);
      assert.deepEqual(strangers, []);
    } finally {
      await Promise.all([publisher.close(), listener.close(), stranger.close()]);
      await server.drop({ schema });
      await server.drop({ schema: other });
    }
  });
});

describe('postgres store on PGlite in a folder', () => {
  it('keeps its records when closed and opened again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pbx-sms-pglite-'));
    try {
      const store = await createPostgresStore({ dataDir });
      await store.scope('acme').collection('campaignRecipients').insertMany(recipients(5));
      await store.scope('acme').collection('blocklist').insert(blocked(1));
      await store.close();
      const reopened = await createPostgresStore({ dataDir });
      assert.equal(await reopened.scope('acme').collection('campaignRecipients').count(), 5);
      assert.equal((await reopened.scope('acme').collection('blocklist').get(mobile(1)))?.e164, mobile(1));
      assert.equal(reopened.schemaVersion, SCHEMA_VERSION);
      await reopened.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses options it cannot use with a ValidationError', async () => {
    await assert.rejects(createPostgresStore({} as never), (error) => isValidationError(error) && error.field === 'options');
    await assert.rejects(createPostgresStore({ dataDir: 'memory://', schema: 'Bad-Name' }), (error) => isValidationError(error) && error.field === 'options.schema');
  });
});

describe('postgres store without its engine installed', () => {
  it('names the package to install when PGlite or node-postgres is missing', () => {
    // A child process in which neither package resolves, as for a user who installed neither.
    const hook = `data:text/javascript,${encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === '@electric-sql/pglite' || specifier === 'pg') {
          const error = new Error('Cannot find package ' + specifier);
          error.code = 'ERR_MODULE_NOT_FOUND';
          throw error;
        }
        return next(specifier, context);
      }`)}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const script = `
      import { createPostgresStore } from './adapters/postgres-store/index.ts';
      for (const options of [{ dataDir: 'memory://' }, { connectionString: 'postgresql://127.0.0.1:1/none' }]) {
        await createPostgresStore(options).then(() => console.log('opened'), (error) => console.log(error.message));
      }`;
    const child = spawnSync(process.execPath, ['--import', register, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    const [pglite, pgMessage] = child.stdout.trim().split('\n');
    assert.match(pglite ?? '', /createPostgresStore\(\{ dataDir \}\) needs the package "@electric-sql\/pglite".*npm install @electric-sql\/pglite/);
    assert.match(pgMessage ?? '', /createPostgresStore\(\{ connectionString \}\) needs the package "pg".*npm install pg/);
  });
});
