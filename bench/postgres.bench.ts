/**
 * The Postgres store beside the memory store, in one run (`npm run bench -- postgres`):
 * - dispatch: a campaign of RECIPIENTS (100k) through the local engine to a zero-latency carrier without a rate
 *   limit, on the memory store, on PGlite (a data folder) and on PostgreSQL: recipients per second and peak RSS
 *   (aims: 10,000/s on PostgreSQL, 3,000/s on PGlite, 400 MB);
 * - import: a file of IMPORT_ROWS (1M) rows imported into a predefined list, two ways: `importFile`, the file on disk
 *   (`fs.openAsBlob`) read as a stream by `lists.importFile`; and `import`, the baseline, parsed whole with
 *   `parseRecipients` and sent as rows to `lists.import`: seconds end to end and peak RSS (aims: 60 s, 400 MB), and
 *   the streamed path's ratios to the baseline on the same store;
 * - inbox: the newest 50 conversations of a user, with unread counts (`conversations.list`), in an organisation of
 *   INBOX_CONVERSATIONS (100k) conversations and INBOX_MESSAGES (1M) messages on PostgreSQL: p50 and p95 (aim: 20 ms
 *   at p95), and the `EXPLAIN ANALYZE` of the conversations query it runs.
 * Each figure is taken in a child process of its own, so that peak RSS is that case's alone. PostgreSQL is the
 * server `DATABASE_URL` names, or a throwaway one (scripts/test-postgres.mjs, default durability settings).
 */
import { spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPostgresStore } from '../adapters/postgres-store/index.js';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { type Carrier, createLocalBackend, demoMobile, parseRecipients } from '../src/index.js';
import { DEFAULT_ORGANISATION_ID } from '../src/model/index.js';
import type { Store } from '../src/ports/store.js';
// @ts-expect-error: a JavaScript module without types.
import { startTestPostgres } from '../scripts/test-postgres.mjs';
import { generateRecipientsCsv } from '../test/fixtures/recipients-csv.js';
import { sendingDesk } from '../test/fixtures/bulk-campaign.js';
import { gc, mb, measure, rate, table } from './support.js';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? 1_000_000);
const INBOX_CONVERSATIONS = Number(process.env.INBOX_CONVERSATIONS ?? 100_000);
const INBOX_MESSAGES = Number(process.env.INBOX_MESSAGES ?? 1_000_000);
const INBOX_PAGES = 200;
const CASE_TIMEOUT_MS = 20 * 60_000;

type Engine = 'memory' | 'pglite' | 'postgres';
interface Figure {
  case: string;
  engine: Engine;
  seconds: number;
  perSecond?: number;
  peakRss: number;
  p50?: number;
  p95?: number;
  explain?: string;
}

/** A store of the engine, and how to free it. */
async function openStore(engine: Engine, schema: string): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (engine === 'memory') return { store: createMemoryStore(), dispose: async () => {} };
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-pglite-'));
    const store = await createPostgresStore({ dataDir });
    return { store, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.BENCH_DATABASE_URL!;
  const store = await createPostgresStore({ connectionString: url, schema, poolSize: 20 });
  return {
    store,
    async dispose() {
      const client = new pg.Client(url);
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE; DROP OWNED BY ${schema}_app, ${schema}_across; DROP ROLE ${schema}_app; DROP ROLE ${schema}_across;`);
      await client.end();
    },
  };
}

/** A carrier that answers every send at once and reports nothing. */
function bareCarrier(): Carrier {
  let sequence = 0;
  return { capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 }, send: () => Promise.resolve({ providerId: `SM${(sequence++).toString(16)}` }), connect: () => () => {} };
}

/** An engine over the store with one department, extension, user and number. */
async function desk(store: Store) {
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  return { backend, ...(await sendingDesk(backend)) };
}

async function dispatch(engine: Engine): Promise<Figure> {
  const { store, dispose } = await openStore(engine, `bench_dispatch_${process.pid}`);
  const { backend, user, number, extension } = await desk(store);
  const recipients = Array.from({ length: RECIPIENTS }, (_, index) => ({ e164: demoMobile(index), fields: { name: `R${index}` }, line: index + 2 }));
  const upload = await user.campaigns.createUpload({ name: 'bench.csv', columns: ['phone', 'name'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
  const campaign = await user.campaigns.create({
    name: 'Bench', sender: { type: 'number', numberId: number.id }, body: 'Hello {{name}}, this is a benchmark message.', ratingExtensionId: extension.id, recipients: { uploadId: upload.id },
  });
  const done = new Promise<void>((resolve) => user.on('campaign.status', ({ campaign: changed }) => changed.status === 'completed' && resolve()));
  const { ms, peakRss } = await measure(async () => {
    await user.campaigns.start(campaign.id);
    await done;
  });
  const final = await user.campaigns.get(campaign.id);
  if (final.counts.sent !== RECIPIENTS) throw new Error(`Only ${final.counts.sent} of ${RECIPIENTS} were sent.`);
  await backend.close();
  await store.close();
  await dispose();
  return { case: `dispatch ${RECIPIENTS.toLocaleString('en-US')}`, engine, seconds: ms / 1000, perSecond: (RECIPIENTS / ms) * 1000, peakRss };
}

/** The list import, parsed rows sent to `lists.import` (the baseline) or the file streamed to `lists.importFile`. */
async function importList(engine: Engine, how: 'rows' | 'file'): Promise<Figure> {
  const { store, dispose } = await openStore(engine, `bench_import_${process.pid}`);
  const { backend, user } = await desk(store);
  const folder = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-import-'));
  const path = join(folder, 'bench.csv');
  let csv: string | null = generateRecipientsCsv({ rows: IMPORT_ROWS }).csv;
  if (how === 'file') {
    await writeFile(path, csv);
    csv = null;
    gc();
  }
  const list = await user.lists.create({ name: 'Bench' });
  let added = 0;
  const { ms, peakRss } = await measure(async () => {
    if (how === 'file') {
      added = (await user.lists.importFile!(list.id, { file: await openAsBlob(path), fileName: 'bench.csv' })).added;
      return;
    }
    const parsed = await parseRecipients(csv!, { defaultCountry: 'AU' });
    const report = await user.lists.import(list.id, {
      fileName: 'bench.csv', columns: parsed.columns.filter((column) => column !== parsed.phoneColumn),
      entries: parsed.recipients.map(({ e164, fields, line }) => ({ e164, fields, line })), errors: [], duplicates: parsed.duplicates.length,
    });
    added = report.added;
  });
  if (added < IMPORT_ROWS * 0.9) throw new Error(`Only ${added} of ${IMPORT_ROWS} rows were added.`);
  await backend.close();
  await store.close();
  await dispose();
  await rm(folder, { recursive: true, force: true });
  const rows = IMPORT_ROWS.toLocaleString('en-US');
  return { case: how === 'file' ? `import ${rows} rows, file streamed` : `import ${rows} rows, parsed rows`, engine, seconds: ms / 1000, perSecond: (added / ms) * 1000, peakRss };
}

async function inbox(engine: Engine): Promise<Figure> {
  const schema = `bench_inbox_${process.pid}`;
  const { store, dispose } = await openStore(engine, schema);
  const { backend, user, number } = await desk(store);
  const organisationId = DEFAULT_ORGANISATION_ID;
  const scope = store.scope(organisationId);
  const started = performance.now();
  const T0 = Date.parse('2025-01-01T00:00:00Z');
  const perConversation = Math.max(1, Math.floor(INBOX_MESSAGES / INBOX_CONVERSATIONS));
  for (let from = 0; from < INBOX_CONVERSATIONS; from += 2000) {
    const conversations = [];
    const states = [];
    const messages = [];
    for (let index = from; index < Math.min(from + 2000, INBOX_CONVERSATIONS); index++) {
      const id = `c_${index}`;
      const peer = demoMobile(index);
      const at = new Date(T0 + index * 60_000).toISOString();
      conversations.push({
        id, channel: 'sms' as const, numberId: number.id, peer, participants: [], audience: [`number:${number.id}`, 'number:*'], threadKey: `sms:${number.id}:${peer}`,
        alphaTag: null, keyword: null, lastMessage: { id: `m_${index}_${perConversation - 1}`, body: 'Hello', direction: 'inbound' as const, status: 'received' as const, createdAt: at }, createdAt: at, updatedAt: at,
      });
      states.push({ id: `${id}:sender`, conversationId: id, userId: 'sender', unreadCount: index % 3, muted: false, clearedAt: null, hidden: false, lastReadAt: null, updatedAt: at });
      for (let m = 0; m < perConversation; m++) {
        messages.push({
          id: `m_${index}_${m}`, conversationId: id, direction: 'inbound' as const, channel: 'sms' as const, from: peer, to: number.e164, body: 'Hello', encoding: 'GSM-7' as const, segments: 1,
          status: 'received' as const, error: null, createdAt: new Date(T0 + index * 60_000 - (perConversation - m) * 1000).toISOString(), updatedAt: at, sendAt: null, campaignId: null,
          senderId: null, numberId: number.id, providerId: `SM_${index}_${m}`,
        });
      }
    }
    await scope.collection('conversations').insertMany(conversations as never);
    await scope.collection('conversationStates').insertMany(states as never);
    for (let start = 0; start < messages.length; start += 5000) await scope.collection('messages').insertMany(messages.slice(start, start + 5000) as never);
  }
  console.error(`inbox: seeded ${INBOX_CONVERSATIONS} conversations and ${INBOX_CONVERSATIONS * perConversation} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let explain = '';
  if (engine === 'postgres') {
    const client = new pg.Client(process.env.BENCH_DATABASE_URL!);
    await client.connect();
    await client.query(`ANALYZE ${schema}.conversations; ANALYZE ${schema}.conversation_states; ANALYZE ${schema}.messages`);
    await client.end();
  }
  const times: number[] = [];
  const { peakRss } = await measure(async () => {
    for (let round = 0; round < INBOX_PAGES; round++) {
      const t = performance.now();
      const page = await user.conversations.list({ limit: 50 });
      times.push(performance.now() - t);
      if (page.items.length !== 50) throw new Error(`The inbox page has ${page.items.length} conversations.`);
    }
  });
  if (engine === 'postgres') {
    const client = new pg.Client(process.env.BENCH_DATABASE_URL!);
    await client.connect();
    await client.query('BEGIN');
    await client.query(`SELECT set_config('role', '${schema}_app', true), set_config('pbx_sms.organisation', '${organisationId}', true)`);
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT doc FROM ${schema}.conversations WHERE (organisation_id = '${organisationId}')
      AND ((jsonb_typeof(doc->'audience') = 'array' AND doc->'audience' ?| '{"number:${number.id}","user:sender"}'::text[])) AND (TRUE)
      ORDER BY ${schema}.ord_rank(doc->'updatedAt') DESC, ${schema}.ord_num(doc->'updatedAt') DESC, ${schema}.ord_text(doc->'updatedAt') COLLATE "C" DESC, key LIMIT 51`);
    await client.query('ROLLBACK');
    await client.end();
    explain = plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
  }
  times.sort((a, b) => a - b);
  await backend.close();
  await store.close();
  await dispose();
  return {
    case: `inbox page of ${INBOX_CONVERSATIONS.toLocaleString('en-US')} conversations`, engine, seconds: times.reduce((a, b) => a + b, 0) / 1000, peakRss,
    p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, explain,
  };
}

const CASES = { dispatch, import: (engine: Engine) => importList(engine, 'rows'), importFile: (engine: Engine) => importList(engine, 'file'), inbox } as const;

/** Runs one case in a child process (so that its peak RSS is its own); resolves to its figure. */
function child(name: keyof typeof CASES, engine: Engine, env: NodeJS.ProcessEnv): Promise<Figure> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), name, engine], {
      env, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    process_.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => process_.kill('SIGKILL'), CASE_TIMEOUT_MS);
    process_.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Figure);
      else reject(new Error(`${name} on ${engine} failed (exit ${code}).`));
    });
  });
}

async function main(): Promise<void> {
  const [name, engine] = process.argv.slice(2) as [keyof typeof CASES | undefined, Engine | undefined];
  if (name && engine) {
    console.log(JSON.stringify(await CASES[name](engine)));
    return;
  }
  const external = process.env.DATABASE_URL;
  const server = external ? null : await startTestPostgres();
  const env = { ...process.env, BENCH_DATABASE_URL: external ?? server!.url };
  const figures: Figure[] = [];
  const only = (process.env.CASES ?? 'dispatch,import,inbox').split(',');
  try {
    const plan: [keyof typeof CASES, Engine][] = [
      ['dispatch', 'memory'], ['dispatch', 'pglite'], ['dispatch', 'postgres'],
      ['import', 'memory'], ['importFile', 'memory'], ['import', 'pglite'], ['importFile', 'pglite'], ['import', 'postgres'], ['importFile', 'postgres'],
      ['inbox', 'memory'], ['inbox', 'postgres'],
    ];
    // `import` names both ways of importing.
    for (const [caseName, caseEngine] of plan.filter(([caseName]) => only.includes(caseName) || (caseName === 'importFile' && only.includes('import')))) {
      try {
        figures.push(await child(caseName, caseEngine, env));
      } catch (error) {
        console.error(String(error));
      }
    }
  } finally {
    await server?.stop();
  }
  const memoryOf = (caseName: string) => figures.find((figure) => figure.case === caseName && figure.engine === 'memory');
  // The streamed import beside the baseline on the same store: its time and its peak RSS as shares of the baseline's.
  const baselineOf = (figure: Figure) => figure.case.endsWith('file streamed')
    ? figures.find((other) => other.engine === figure.engine && other.case === figure.case.replace('file streamed', 'parsed rows'))
    : undefined;
  table(figures.map((figure) => ({
    case: figure.case,
    store: figure.engine,
    seconds: figure.seconds.toFixed(1),
    'per second': figure.perSecond ? rate(figure.perSecond, 1000) : '',
    'p50 / p95': figure.p50 !== undefined ? `${figure.p50.toFixed(1)} / ${figure.p95!.toFixed(1)} ms` : '',
    'vs memory': figure.perSecond && memoryOf(figure.case)?.perSecond ? `${(figure.perSecond / memoryOf(figure.case)!.perSecond!).toFixed(2)}×` : '',
    'peak RSS': mb(figure.peakRss),
    'time, RSS vs parsed rows': baselineOf(figure) ? `${(figure.seconds / baselineOf(figure)!.seconds).toFixed(2)}×, ${(figure.peakRss / baselineOf(figure)!.peakRss).toFixed(2)}×` : '',
  })));
  for (const figure of figures) if (figure.explain) console.log(`\nEXPLAIN of the inbox query (${figure.engine}):\n${figure.explain}`);
}

await main();
