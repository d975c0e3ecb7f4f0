/**
 * The Postgres store beside the memory store, in one run (`npm run bench -- postgres`):
 * - dispatch: a campaign of RECIPIENTS (100k) through the local engine to a zero-latency carrier without a rate
 *   limit, on the memory store, on PGlite (a data folder) and on PostgreSQL: recipients per second and peak RSS
 *   (aims: 10,000/s on PostgreSQL, 3,000/s on PGlite, 400 MB);
 * - import: a file of IMPORT_ROWS (1M) rows imported into a predefined list, two ways: `importFile`, the file on disk
 *   (`fs.openAsBlob`) read as a stream by `lists.importFile`; and `import`, the baseline, parsed whole with
 *   `parseRecipients` and sent as rows to `lists.import`: seconds end to end and peak RSS (aims: 60 s, 400 MB), and
 *   the streamed path's ratios to the baseline on the same store;
 * - instances: dispatch of RECIPIENTS by one engine instance, then by two, each in a process of its own over one
 *   PostgreSQL (bench/dispatch-instance.ts): recipients per second from the campaign's start to its completion, the
 *   two instances' as a ratio of the one's (aim: no slower), and the largest instance's peak RSS;
 * - inbox: the newest 50 conversations of a user, with unread counts (`conversations.list`), in an organisation of
 *   INBOX_CONVERSATIONS (100k) conversations and INBOX_MESSAGES (1M) messages (bench/inbox-seed.ts), on the memory
 *   store, PGlite and PostgreSQL: p50 and p95 (aim: 20 ms at p95 on PostgreSQL), and the `EXPLAIN ANALYZE` of the
 *   conversations statement the store sent for the page.
 * Dispatch also counts the round trips to the database per 1,000 recipients, by statement, and the time waited for
 * each kind (`TRACE=1` prints its pace as it goes), and the CPU time per recipient of the instance and, when the
 * bench started it, of the PostgreSQL server: the ceiling that CPU sets on this machine is printed beside the figure.
 * On PGlite and PostgreSQL its campaign is set up beforehand by another process, and the dispatching process opens the
 * store as an instance restarting does.
 * Each figure is taken in a child process of its own, so that peak RSS is that case's alone, run from this bench
 * compiled to JavaScript as an instance runs in production (not through tsx, which adds some 50 MB). `CASES` picks cases
 * (`dispatch,import,importFile,inbox,instances`), `ENGINES` the stores (`memory,pglite,postgres`). PostgreSQL is the
 * server `DATABASE_URL` names, or a throwaway one (scripts/test-postgres.mjs, default durability settings).
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Principal, type SmsBackend, createLocalBackend, createSmsClient, parseRecipients } from '../src/index.js';
import { DEFAULT_ORGANISATION_ID } from '../src/model/index.js';
import type { Store } from '../src/ports/store.js';
// @ts-expect-error: a JavaScript module without types.
import { startTestPostgres } from '../scripts/test-postgres.mjs';
import { generateRecipientsCsv } from '../test/fixtures/recipients-csv.js';
import { createBulkCampaign, sendingDesk } from '../test/fixtures/bulk-campaign.js';
import { type BenchEngine, bareCarrier, openStore } from './stores.js';
import { checkSeeded, type InboxShape, seedThroughStore, seedWithSql } from './inbox-seed.js';
import { openInboxStore } from './inbox-store.js';
import { childOutput, compiledBench, gc, mb, measure, rate, table } from './support.js';
import { StatementCount } from './statement-count.js';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? 1_000_000);
const INBOX_CONVERSATIONS = Number(process.env.INBOX_CONVERSATIONS ?? 100_000);
const INBOX_MESSAGES = Number(process.env.INBOX_MESSAGES ?? 1_000_000);
/** SMS numbers the inbox's conversations are spread over; the bench user has the first, and sees 1 in INBOX_NUMBERS of them. */
const INBOX_NUMBERS = Number(process.env.INBOX_NUMBERS ?? 10);
const INBOX_PAGES = 200;
const CASE_TIMEOUT_MS = 20 * 60_000;

type Engine = BenchEngine;
interface Figure {
  case: string;
  engine: Engine;
  seconds: number;
  perSecond?: number;
  peakRss: number;
  p50?: number;
  p95?: number;
  /** The store's query alone (the inbox): p50 and p95. */
  query?: { p50: number; p95: number };
  explain?: string;
  /** CPU time per recipient in µs (dispatch): the instance's, and the database server's when it runs here. */
  cpu?: { instance: number; database?: number };
  /** Round trips to the database per 1,000 recipients, in all and by kind of statement (dispatch). */
  statements?: { total: number; kinds: Record<string, number>; ms: Record<string, number> };
}

/** CPU per recipient: the instance's, and the server's when known. */
function cpuText(cpu: NonNullable<Figure['cpu']>): string {
  return cpu.database === undefined ? `${cpu.instance.toFixed(0)} µs` : `${cpu.instance.toFixed(0)} + server ${cpu.database.toFixed(0)} µs`;
}

/**
 * What the CPU per recipient says: PGlite's is the instance's (the database runs on its thread); a PostgreSQL server
 * running here shares the machine's cores with the instance, which caps dispatch at cores ÷ their CPU per recipient.
 */
function ceilingText(name: string, engine: Engine, cpu: NonNullable<Figure['cpu']>): string {
  if (engine === 'pglite') return `${name} (pglite): ${cpu.instance.toFixed(0)} µs of CPU per recipient, the database's included (it runs on the instance's thread).`;
  if (cpu.database === undefined) return `${name} (${engine}): the instance used ${cpu.instance.toFixed(0)} µs of CPU per recipient; the server's is not known (DATABASE_URL).`;
  const total = cpu.instance + cpu.database;
  const cores = availableParallelism();
  return `${name} (${engine}): ${total.toFixed(0)} µs of CPU per recipient, ${cpu.database.toFixed(0)} µs of them the server's (${((cpu.database / total) * 100).toFixed(0)}%): ` +
    `on this machine's ${cores} cores, server and instance together, at most ${rate((cores * 1e6) / total, 1000)}.`;
}

/** The p50 and p95 of timings, in ms. */
function percentiles(times: readonly number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/** An engine over the store with one department, extension, user and number. */
async function desk(store: Store) {
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  return { backend, ...(await sendingDesk(backend)) };
}

/** The campaign the dispatch case sends: its id, and its owner. */
interface Seeded {
  campaignId: string;
  principal: Principal;
}

/** Sets up the desk and a campaign of RECIPIENTS on the engine's store, ready to start. */
async function seedCampaign(backend: SmsBackend): Promise<Seeded> {
  const { campaign, principal } = await createBulkCampaign(backend, RECIPIENTS, 'Hello {{name}}, this is a benchmark message.');
  return { campaignId: campaign.id, principal };
}

/**
 * The dispatch case: the campaign another process set up on the store (BENCH_SEEDED names the file that says which:
 * see `prepareDispatch`), or, on the memory store, one set up here first, is started and sent to its end.
 */
async function dispatch(engine: Engine): Promise<Figure> {
  const count = new StatementCount();
  const { store, dispose } = await openStore(engine, process.env.BENCH_SCHEMA ?? `bench_dispatch_${process.pid}`, count);
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const seeded = process.env.BENCH_SEEDED ? JSON.parse(await readFile(process.env.BENCH_SEEDED, 'utf8')) as Seeded : await seedCampaign(backend);
  const user = createSmsClient({ backend, principal: seeded.principal });
  const campaign = { id: seeded.campaignId };
  const done = new Promise<void>((resolve) => user.on('campaign.status', ({ campaign: changed }) => changed.status === 'completed' && resolve()));
  count.reset();
  if (process.env.TRACE) {
    const t0 = performance.now();
    let last = 0;
    user.on('campaign.progress', ({ counts }) => {
      if (counts.sent - last < RECIPIENTS / 20) return;
      last = counts.sent;
      if (process.env.TRACE === "gc") (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      console.error(`${((performance.now() - t0) / 1000).toFixed(1)} s: ${counts.sent} sent, ${count.total} statements, rss ${mb(memory.rss)} (heap ${mb(memory.heapUsed)}, array buffers ${mb(memory.arrayBuffers)})`);
    });
  }
  const { ms, peakRss, cpuMs } = await measure(async () => {
    await user.campaigns.start(campaign.id);
    await done;
  });
  const statements = { ...count.summary(RECIPIENTS), ms: count.timeSummary(RECIPIENTS) };
  const final = await user.campaigns.get(campaign.id);
  if (final.counts.sent !== RECIPIENTS) throw new Error(`Only ${final.counts.sent} of ${RECIPIENTS} were sent.`);
  await backend.close();
  await store.close();
  await dispose();
  if (process.env.BENCH_SEEDED) await rm(dirname(process.env.BENCH_SEEDED), { recursive: true, force: true });
  return { case: `dispatch ${RECIPIENTS.toLocaleString('en-US')}`, engine, seconds: ms / 1000, perSecond: (RECIPIENTS / ms) * 1000, peakRss, cpu: { instance: (cpuMs * 1000) / RECIPIENTS }, ...(engine !== 'memory' && { statements }) };
}

/**
 * The list import, parsed rows sent to `lists.import` (the baseline) or the file streamed to `lists.importFile`. The
 * file of IMPORT_ROWS rows is one the `prepare` process wrote (BENCH_IMPORT_FILE), or one written here first.
 */
async function importList(engine: Engine, how: 'rows' | 'file'): Promise<Figure> {
  const { store, dispose } = await openStore(engine, process.env.BENCH_SCHEMA ?? `bench_import_${process.pid}`);
  const { backend, user } = await desk(store);
  const prepared = process.env.BENCH_IMPORT_FILE;
  const path = prepared ?? (await writeImportFile(await mkdtemp(join(tmpdir(), 'pbx-sms-bench-import-'))));
  const csv = how === 'rows' ? await readFile(path, 'utf8') : null;
  gc();
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
  await rm(dirname(path), { recursive: true, force: true });
  const rows = IMPORT_ROWS.toLocaleString('en-US');
  return { case: how === 'file' ? `import ${rows} rows, file streamed` : `import ${rows} rows, parsed rows`, engine, seconds: ms / 1000, perSecond: (added / ms) * 1000, peakRss };
}

/** Writes the import's file of IMPORT_ROWS rows into `folder`; resolves to its path. */
async function writeImportFile(folder: string): Promise<string> {
  const path = join(folder, 'bench.csv');
  await writeFile(path, generateRecipientsCsv({ rows: IMPORT_ROWS }).csv);
  return path;
}

async function inbox(engine: Engine): Promise<Figure> {
  const schema = `bench_inbox_${process.pid}`;
  const opened = await openInboxStore(engine, schema, process.env.BENCH_DATABASE_URL!);
  const { store } = opened;
  const { backend, admin, user, number } = await desk(store);
  const others = [];
  for (let index = 1; index < INBOX_NUMBERS; index++) others.push(await admin.numbers.create({ e164: `+614800001${String(index).padStart(2, '0')}`, extensionIds: [] }));
  const shape: InboxShape = {
    organisationId: DEFAULT_ORGANISATION_ID, conversations: INBOX_CONVERSATIONS, messagesPerConversation: Math.max(1, Math.floor(INBOX_MESSAGES / INBOX_CONVERSATIONS)),
    numbers: [number, ...others], userId: 'sender',
  };
  const started = performance.now();
  if (opened.raw) await seedWithSql(opened.raw, schema, shape);
  else await seedThroughStore(store, shape);
  await checkSeeded(store, shape);
  console.error(`inbox (${engine}): seeded ${shape.conversations} conversations and ${shape.conversations * shape.messagesPerConversation} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const times: number[] = [];
  const { peakRss } = await measure(async () => {
    for (let round = 0; round < INBOX_PAGES; round++) {
      const t = performance.now();
      const page = await user.conversations.list({ limit: 50 });
      times.push(performance.now() - t);
      if (page.items.length !== 50) throw new Error(`The inbox page has ${page.items.length} conversations.`);
    }
  });
  // The store's query alone, as the engine asks it for this user (their number, their chats), without the page's views.
  const conversations = store.scope(shape.organisationId).collection('conversations');
  const audience = [`number:${number.id}`, `user:${shape.userId}`];
  const queryTimes: number[] = [];
  for (let round = 0; round < INBOX_PAGES; round++) {
    const t = performance.now();
    await conversations.find({ where: { audience: { $overlaps: audience } }, orderBy: [['updatedAt', 'desc']], limit: 50 });
    queryTimes.push(performance.now() - t);
  }
  // The plan of the statement the store sent for the page's conversations, as the store sent it.
  opened.recording = true;
  await user.conversations.list({ limit: 50 });
  opened.recording = false;
  const sent = opened.recorded.find((text) => /\.conversations\b/.test(text) && /ORDER BY/.test(text));
  const explain = sent ? (await opened.explain(sent)).join('\n') : '';
  await backend.close();
  await store.close();
  await opened.dispose();
  return {
    case: `inbox page of ${INBOX_CONVERSATIONS.toLocaleString('en-US')} conversations`, engine, seconds: times.reduce((a, b) => a + b, 0) / 1000, peakRss,
    ...percentiles(times), query: percentiles(queryTimes), explain,
  };
}

/** Two instances' dispatch beside one instance's in the same run: their rate as a ratio of its. */
function vsOneInstance(figure: Figure, figures: readonly Figure[]): string {
  const one = figures.find((other) => other.case.includes(', 1 instance '));
  return one?.perSecond && figure.perSecond ? `${(figure.perSecond / one.perSecond).toFixed(2)}× one instance` : '';
}

/** A figure beside the memory store's in the same run: its rate as a ratio, or (a page) its p95 as a ratio. */
function vsMemory(figure: Figure, memory: Figure | undefined): string {
  if (!memory || figure === memory) return '';
  if (figure.perSecond && memory.perSecond) return `${(figure.perSecond / memory.perSecond).toFixed(2)}×`;
  if (figure.p95 !== undefined && memory.p95) return `${(figure.p95 / memory.p95).toFixed(2)}× the p95`;
  return '';
}

/**
 * Dispatch of RECIPIENTS by `count` engine instances, each in a process of its own (bench/dispatch-instance.ts), over
 * one schema of the PostgreSQL server: the campaign is started once, on the first, once all are ready; the time is from
 * its start to its completion as the store records it. Peak RSS is the largest instance's.
 */
async function instances(count: number, url: string): Promise<Figure> {
  const schema = `bench_instances_${process.pid}_${count}`;
  const folder = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-instances-'));
  const child = join(fileURLToPath(new URL('.', import.meta.url)), 'dispatch-instance.ts');
  const outputs = await Promise.all(Array.from({ length: count }, (_, index) => {
    const env = { ...process.env, BENCH_DATABASE_URL: url, BENCH_SCHEMA: schema, BENCH_DIR: folder, BENCH_INSTANCES: String(count), ...(index === 0 && { BENCH_SEED: String(RECIPIENTS) }) };
    return childOutput(['--import', 'tsx', child], env, `Instance ${index + 1} of ${count}`, CASE_TIMEOUT_MS);
  }));
  const results = outputs.map((line) => JSON.parse(line) as { startedAt: number; completedAt: number; sent: number; taken: number; peakRss: number });
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`DROP SCHEMA ${schema} CASCADE; DROP OWNED BY ${schema}_app, ${schema}_across; DROP ROLE ${schema}_app; DROP ROLE ${schema}_across;`);
  await client.end();
  await rm(folder, { recursive: true, force: true });
  const taken = results.reduce((sum, result) => sum + result.taken, 0);
  if (results[0]!.sent !== RECIPIENTS || taken !== RECIPIENTS) throw new Error(`${results[0]!.sent} sent and ${taken} handed over, of ${RECIPIENTS}.`);
  const ms = results[0]!.completedAt - results[0]!.startedAt;
  return {
    case: `dispatch ${RECIPIENTS.toLocaleString('en-US')}, ${count} instance${count > 1 ? 's' : ''} (${results.map((result) => result.taken.toLocaleString('en-US')).join(' + ')})`,
    engine: 'postgres', seconds: ms / 1000, perSecond: (RECIPIENTS / ms) * 1000, peakRss: Math.max(...results.map((result) => result.peakRss)),
  };
}

const CASES = { dispatch, import: (engine: Engine) => importList(engine, 'rows'), importFile: (engine: Engine) => importList(engine, 'file'), inbox } as const;

/**
 * Sets up a case in a process of its own (`prepare`), on the store the case then opens as an instance restarting does,
 * so that the case's peak RSS is its own: not PGlite's initdb (on a new folder it leaves some 400 MB in the process that
 * ran it), nor what the bench builds in memory to set the case up (dispatch: the 100,000 recipients it uploads;
 * import: the file of a million rows it writes). Resolves to the environment that names the store and what was set up.
 */
async function prepareCase(name: keyof typeof CASES, engine: Engine, base: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const folder = await mkdtemp(join(tmpdir(), `pbx-sms-bench-${name}-`));
  const env: NodeJS.ProcessEnv = { BENCH_SCHEMA: `bench_${name.toLowerCase()}_${process.pid}_${engine}` };
  if (name === 'dispatch') env.BENCH_SEEDED = join(folder, 'seeded.json');
  else env.BENCH_IMPORT_FILE = join(folder, 'bench.csv');
  if (engine === 'pglite') env.BENCH_PGLITE_DIR = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-pglite-'));
  await childOutput(['--import', 'tsx', fileURLToPath(import.meta.url), 'prepare', engine, name], { ...base, ...env }, `Preparing ${name} on ${engine}`, CASE_TIMEOUT_MS);
  return env;
}

/**
 * The `prepare` process: opens the store (creating it), sets up the case (dispatch: the campaign, saying which; import:
 * the file), and closes the store as it is.
 */
async function prepare(engine: Engine, name: keyof typeof CASES): Promise<void> {
  const { store } = await openStore(engine, process.env.BENCH_SCHEMA!);
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  if (name === 'dispatch') await writeFile(process.env.BENCH_SEEDED!, JSON.stringify(await seedCampaign(backend)));
  else await writeImportFile(dirname(process.env.BENCH_IMPORT_FILE!));
  await backend.close();
  await store.close();
}

/** This bench compiled to JavaScript, which each case runs from (see `compiledBench`). */
let compiled: Promise<string> | null = null;

/** The throwaway PostgreSQL server the bench started, whose CPU time it reads; null for one `DATABASE_URL` names. */
let database: { cpuSeconds(): Promise<number | null> } | null = null;

/** Runs one case in a child process (so that its peak RSS is its own), from compiled JavaScript; resolves to its figure. */
async function child(name: keyof typeof CASES, engine: Engine, env: NodeJS.ProcessEnv): Promise<Figure> {
  if (name !== 'inbox' && !(name === 'dispatch' && engine === 'memory')) env = { ...env, ...(await prepareCase(name, engine, env)) };
  const script = await (compiled ??= compiledBench(fileURLToPath(import.meta.url)));
  const serverCpu = engine === 'postgres' ? await database?.cpuSeconds() : null;
  const line = await childOutput(['--expose-gc', '--max-old-space-size=4096', script, name, engine], env, `${name} on ${engine}`, CASE_TIMEOUT_MS);
  if (!line.startsWith('{')) throw new Error(`${name} on ${engine} printed no figure.`);
  const figure = JSON.parse(line) as Figure;
  // The server's CPU over the case's whole process (opening the store and dropping its schema are small beside it).
  const serverCpuAfter = serverCpu != null ? await database!.cpuSeconds() : null;
  if (figure.cpu && serverCpu != null && serverCpuAfter != null) figure.cpu.database = ((serverCpuAfter - serverCpu) * 1e6) / RECIPIENTS;
  return figure;
}

async function main(): Promise<void> {
  const [name, engine, prepared] = process.argv.slice(2) as [keyof typeof CASES | 'prepare' | undefined, Engine | undefined, keyof typeof CASES | undefined];
  if (name === 'prepare') {
    await prepare(engine!, prepared!);
    return;
  }
  if (name && engine) {
    console.log(JSON.stringify(await CASES[name](engine)));
    return;
  }
  const external = process.env.DATABASE_URL;
  const server = external ? null : await startTestPostgres();
  database = server;
  const env = { ...process.env, BENCH_DATABASE_URL: external ?? server!.url };
  const figures: Figure[] = [];
  const only = (process.env.CASES ?? 'dispatch,import,inbox,instances').split(',');
  try {
    const plan: [keyof typeof CASES, Engine][] = [
      ['dispatch', 'memory'], ['dispatch', 'pglite'], ['dispatch', 'postgres'],
      ['import', 'memory'], ['importFile', 'memory'], ['import', 'pglite'], ['importFile', 'pglite'], ['import', 'postgres'], ['importFile', 'postgres'],
      ['inbox', 'memory'], ['inbox', 'pglite'], ['inbox', 'postgres'],
    ];
    // `import` names both ways of importing.
    const engines = (process.env.ENGINES ?? 'memory,pglite,postgres').split(',');
    const chosen = plan.filter(([caseName, caseEngine]) => engines.includes(caseEngine) && (only.includes(caseName) || (caseName === 'importFile' && only.includes('import'))));
    for (const [caseName, caseEngine] of chosen) {
      try {
        figures.push(await child(caseName, caseEngine, env));
      } catch (error) {
        console.error(String(error));
      }
    }
    // One instance, then two, over one PostgreSQL (`CASES=instances`, or the default cases and `instances`).
    if (only.includes('instances')) {
      for (const count of [1, 2]) {
        try {
          figures.push(await instances(count, env.BENCH_DATABASE_URL));
        } catch (error) {
          console.error(String(error));
        }
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
    'query p50 / p95': figure.query ? `${figure.query.p50.toFixed(1)} / ${figure.query.p95.toFixed(1)} ms` : '',
    'vs memory': figure.case.includes(' instances ') ? vsOneInstance(figure, figures) : vsMemory(figure, memoryOf(figure.case)),
    'peak RSS': mb(figure.peakRss),
    'CPU per recipient': figure.cpu ? cpuText(figure.cpu) : '',
    'statements per 1,000': figure.statements ? String(figure.statements.total) : '',
    'time, RSS vs parsed rows': baselineOf(figure) ? `${(figure.seconds / baselineOf(figure)!.seconds).toFixed(2)}×, ${(figure.peakRss / baselineOf(figure)!.peakRss).toFixed(2)}×` : '',
  })));
  for (const figure of figures) {
    if (!figure.statements) continue;
    console.log(`\nStatements per 1,000 recipients, ${figure.case} (${figure.engine}): ${JSON.stringify(figure.statements.kinds)}`);
    console.log(`Milliseconds waited for them per 1,000 recipients: ${JSON.stringify(figure.statements.ms)}`);
  }
  for (const figure of figures) if (figure.cpu && figure.engine !== 'memory') console.log(`\n${ceilingText(figure.case, figure.engine, figure.cpu)}`);
  for (const figure of figures) if (figure.explain) console.log(`\nEXPLAIN of the inbox query (${figure.engine}):\n${figure.explain}`);
}

await main();
