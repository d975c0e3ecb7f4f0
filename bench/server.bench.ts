/**
 * The REST server under load, beside the local engine, in one run (`npm run bench -- server`):
 * - sends: `POST /v1/messages` from CONNECTIONS (50) connections for SECONDS (10) with autocannon, each request with a
 *   bearer token of the server's own `jwtAuthenticator` and an `Idempotency-Key` of its own (as the HTTP backend sends
 *   them; keys kept in the backend's store, as `npm start` keeps them): sends per second and p50/p99 latency on the
 *   memory store, on PGlite (a data folder) and on PostgreSQL (aims on the memory store: 2,000/s, p99 50 ms). Beside
 *   each, the local backend's own figure: the same sends called directly on the engine by as many concurrent callers
 *   for as long, in a process of its own. Each row also gives the CPU time the serving process spent per send (the
 *   server's, or the engine's), which a machine loaded by others disturbs less than the rates, and over HTTP the CPU
 *   time per send of this process, which makes the load on the same machine.
 * - events: LISTENERS (1,000) Server-Sent Events clients on `GET /v1/events`, each its own user (so the default cap of
 *   10 streams per user holds), receive one broadcast (an administrator creates a global contact: `contact.changed`
 *   reaches every user), ROUNDS (5) times after one warm-up: p50/p99 of the delay from the POST to each client's
 *   receipt (aim: p99 250 ms), on the memory store.
 * - upload: a recipient file of each size in UPLOAD_ROWS (100,000 and 1,000,000 rows, CSV) sent as it is to
 *   `POST /v1/lists/{id}/file-imports` and imported into a predefined list, on PostgreSQL: the time, and the serving
 *   process's peak RSS against its RSS before. The server streams the body into the import, so the peak should not grow
 *   with the file: the two sizes side by side show it.
 * The server runs in a child process and the load comes from this one, so that the two do not share a core's time.
 * PostgreSQL is the server `DATABASE_URL` names, or a throwaway one (scripts/test-postgres.mjs). `CASES` picks cases
 * (`memory,pglite,postgres,events,upload`); `CPU_PROF=<folder>` writes a CPU profile of each child process there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a JavaScript module without types.
import autocannon from 'autocannon';
import { createRestServer, jwtAuthenticator, mintToken } from '../adapters/rest-server/index.js';
import { type Principal, createLocalBackend, createSmsClient, demoMobile } from '../src/index.js';
// @ts-expect-error: a JavaScript module without types.
import { startTestPostgres } from '../scripts/test-postgres.mjs';
import { sendingDesk } from '../test/fixtures/bulk-campaign.js';
import { generateRecipientsCsv } from '../test/fixtures/recipients-csv.js';
import { type BenchEngine, bareCarrier, openStore } from './stores.js';
import { compiledBench, table } from './support.js';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 10);
const LISTENERS = Number(process.env.LISTENERS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
/** Distinct recipients the sends cycle through (each a conversation of the sender's number). */
const PEERS = 1000;
/** Which cases run: any of memory, pglite, postgres (sends on that store), events and upload. */
const CASES = (process.env.CASES ?? 'memory,pglite,postgres,events,upload').split(',');
/** The sizes of the recipient files the upload case sends, in rows. */
const UPLOAD_ROWS = (process.env.UPLOAD_ROWS ?? '100000,1000000').split(',').map(Number);
/** How long one upload may take (the server's own limit for a file is 10 minutes). */
const UPLOAD_TIMEOUT_MS = 600_000;
const BODY = 'Your appointment is confirmed for 10:30 tomorrow.';
const SECRET = 'a-bench-secret-of-at-least-32-bytes!';
const ISSUER = 'https://portal.bench';
const AUDIENCE = 'pbx-sms';
/** How long a child may take to open its store and say it is ready (PGlite on a loaded machine takes minutes). */
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 30_000;
const EVENT_TIMEOUT_MS = 30_000;
/** How long autocannon waits for one answer, in seconds (PGlite serves one query at a time: 50 sends queue). */
const REQUEST_TIMEOUT_S = 30;

type Engine = BenchEngine;

interface Figure {
  what: string;
  engine: Engine;
  sends?: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time of the process that handles the sends (the engine's, or the server's), per send, in µs. */
  cpuPerSend?: number;
  /** CPU time of the process that makes the load (this one, autocannon), per send, in µs (over HTTP). */
  loadCpuPerSend?: number;
  failed?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** The engine over the store, with the sending desk (the user `sender` and a number) and LISTENERS users besides. */
async function openEngine(engine: Engine, listeners: number) {
  const { store, dispose } = await openStore(engine, `bench_server_${process.pid}`);
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const desk = await sendingDesk(backend);
  for (let index = 0; index < listeners; index++) await desk.admin.directory.createUser({ id: listenerId(index), name: `Listener ${index}`, role: 'user' });
  return {
    backend, store, sender: desk.principal,
    async close() {
      await backend.close();
      await store.close();
      await dispose();
    },
  };
}

const listenerId = (index: number) => `listener-${index}`;
const send = (index: number) => ({ channel: 'sms' as const, to: demoMobile(index % PEERS), body: BODY });

/** Child: CONNECTIONS callers send directly on the engine for SECONDS; prints the figure. */
async function local(engine: Engine): Promise<Figure> {
  const opened = await openEngine(engine, 0);
  const user = createSmsClient({ backend: opened.backend, principal: opened.sender });
  for (let index = 0; index < 200; index++) await user.messages.send(send(index));
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < until) {
      const at = performance.now();
      await user.messages.send(send(next++));
      latencies.push(performance.now() - at);
    }
  }));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await opened.close();
  latencies.sort((a, b) => a - b);
  return {
    what: 'send, engine called directly', engine, sends: latencies.length, perSecond: (latencies.length / ms) * 1000, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99),
    cpuPerSend: (used.user + used.system) / latencies.length,
  };
}

/**
 * Child: serves the engine over the store on 127.0.0.1 until its stdin ends; prints its URL first, then answers each
 * `cpu` line of its stdin with the CPU time it has used, in µs.
 */
async function serve(engine: Engine, listeners: number): Promise<void> {
  const opened = await openEngine(engine, listeners);
  const server = createRestServer({
    backend: opened.backend,
    authenticate: jwtAuthenticator({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE }),
    idempotency: { store: opened.store },
  });
  const listening = await server.listen({ port: 0, hostname: '127.0.0.1' });
  // The peak RSS since it was last asked for, sampled every 5 ms (`process.memoryUsage.rss()`: the cheap call).
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  console.log(JSON.stringify({ url: listening.url, sender: opened.sender }));
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    if (line === 'cpu') {
      const used = process.cpuUsage();
      console.log(String(used.user + used.system));
    }
    if (line === 'memory') {
      const rss = process.memoryUsage.rss();
      console.log(JSON.stringify({ rss, peak: Math.max(peak, rss) }));
      peak = rss;
    }
  });
  await new Promise((resolve) => commands.once('close', resolve));
  clearInterval(sampler);
  await withTimeout(listening.close(), STOP_TIMEOUT_MS, 'Closing the server');
  await opened.close();
}

interface Child {
  process: ChildProcess;
  /** The first line it printed. */
  line: string;
  exited: Promise<number | null>;
  /** The CPU time the child has used, in µs (a server child only). */
  cpu(): Promise<number>;
  /** Its RSS now and its peak since the last call, in bytes (a server child only). */
  memory(): Promise<{ rss: number; peak: number }>;
}

/** This bench compiled to JavaScript, which the children run from (see `compiledBench`). */
let compiled: Promise<string> | null = null;

/**
 * Runs this file in a child process with `args`, compiled to JavaScript as a server runs in production (through tsx,
 * every function would also be renamed as it is made); resolves to the child and the first line it prints.
 */
async function child(args: string[], env: NodeJS.ProcessEnv): Promise<Child> {
  const profile = process.env.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF}`] : [];
  const script = await (compiled ??= compiledBench(fileURLToPath(import.meta.url)));
  const started = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', ...profile, script, ...args], {
    env, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: started.stdout! });
  try {
    const line = await withTimeout(new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      void exited.then((code) => reject(new Error(`${args.join(' ')} ended (exit ${code}) before saying anything.`)));
    }), START_TIMEOUT_MS + SECONDS * 1000, args.join(' '));
    const ask = async (command: string, what: string) => {
      const answer = new Promise<string>((resolve) => lines.once('line', resolve));
      started.stdin!.write(`${command}\n`);
      return withTimeout(answer, STOP_TIMEOUT_MS, what);
    };
    return {
      process: started, line, exited,
      cpu: async () => Number(await ask('cpu', 'The CPU time of the server')),
      memory: async () => JSON.parse(await ask('memory', 'The memory of the server')) as { rss: number; peak: number },
    };
  } catch (error) {
    started.kill('SIGKILL');
    throw error;
  }
}

/** Ends a child server: its stdin closes, and it is killed if it lingers. */
async function stop(server: Child): Promise<void> {
  server.process.stdin!.end();
  try {
    await withTimeout(server.exited, STOP_TIMEOUT_MS + 5000, 'Stopping the server');
  } catch (error) {
    server.process.kill('SIGKILL');
    throw error;
  }
}

/** Parent: autocannon's POST /v1/messages against a child server over the store. */
async function overHttp(engine: Engine, env: NodeJS.ProcessEnv): Promise<Figure> {
  const server = await child(['serve', engine, '0'], env);
  try {
    const { url, sender } = JSON.parse(server.line) as { url: string; sender: Principal };
    const token = await mintToken({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, principal: sender, expiresIn: 3600 });
    let sequence = 0;
    const request = {
      method: 'POST',
      path: '/v1/messages',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (raw: { headers: Record<string, string>; body?: string }) => {
        const index = sequence++;
        raw.headers = { ...raw.headers, 'idempotency-key': `bench-${process.pid}-${index}` };
        raw.body = JSON.stringify(send(index));
        return raw;
      },
    };
    const run = (length: { duration: number } | { amount: number }) => withTimeout(
      autocannon({ url, connections: CONNECTIONS, ...length, timeout: REQUEST_TIMEOUT_S, requests: [request] }) as Promise<Cannon>,
      (SECONDS + REQUEST_TIMEOUT_S + 60) * 1000, 'autocannon',
    );
    // A warm-up of a number of sends, each answered: no backlog left on a slow store when the measured run starts.
    await run({ amount: CONNECTIONS * 4 });
    const before = await server.cpu();
    const loadBefore = process.cpuUsage();
    const result = await run({ duration: SECONDS });
    const load = process.cpuUsage(loadBefore);
    const used = (await server.cpu()) - before;
    const failed = result.non2xx + result.errors;
    const sends = result['2xx'];
    return { what: 'POST /v1/messages', engine, sends, perSecond: sends / result.duration, p50: result.latency.p50, p99: result.latency.p99, cpuPerSend: used / Math.max(1, sends), loadCpuPerSend: (load.user + load.system) / Math.max(1, sends), failed };
  } finally {
    await stop(server);
  }
}

/** What this bench reads of autocannon's result. */
interface Cannon {
  duration: number;
  '2xx': number;
  non2xx: number;
  /** Requests that failed without an answer, timeouts included. */
  errors: number;
  latency: { p50: number; p99: number };
}

/** One SSE client: resolves once the stream is open (to the function closing it); notes when each `contact.changed` arrives, by contact id. */
function listen(url: string, token: string, arrivals: Map<string, number[]>): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/v1/events`, { agent: false, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`GET /v1/events answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      let open = false;
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!open && frame.startsWith('retry:')) {
            open = true;
            resolve(() => request.destroy());
          }
          if (!frame.includes('event: contact.changed')) continue;
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          const { data: { contactId } } = JSON.parse(data!.slice(6)) as { data: { contactId: string } };
          let times = arrivals.get(contactId);
          if (!times) arrivals.set(contactId, (times = []));
          times.push(at);
        }
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** Parent: LISTENERS event streams, each its own user; an administrator's global contact reaches them ROUNDS times. */
async function broadcast(env: NodeJS.ProcessEnv): Promise<Figure> {
  const server = await child(['serve', 'memory', String(LISTENERS)], env);
  const closers: (() => void)[] = [];
  try {
    const { url } = JSON.parse(server.line) as { url: string };
    const tokenOf = (principal: Principal) => mintToken({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, principal, expiresIn: 3600 });
    const arrivals = new Map<string, number[]>();
    for (let from = 0; from < LISTENERS; from += 100) {
      const batch = Array.from({ length: Math.min(100, LISTENERS - from) }, async (_, offset) =>
        listen(url, await tokenOf({ userId: listenerId(from + offset), role: 'user' }), arrivals));
      closers.push(...(await withTimeout(Promise.all(batch), EVENT_TIMEOUT_MS, 'Opening event streams')));
    }
    const admin = await tokenOf({ userId: 'admin', role: 'admin' });
    const delays: number[] = [];
    // Round -1 warms the server up (its first views and frames run cold) and is not counted.
    for (let round = -1; round < ROUNDS; round++) {
      const sent = performance.now();
      const response = await fetch(`${url}/v1/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'global', name: `Broadcast ${round}`, numbers: [{ e164: demoMobile(5001 + round) }] }),
      });
      if (response.status !== 201) throw new Error(`POST /v1/contacts answered ${response.status}: ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      // Streams may see the event before the POST's answer: arrivals are kept by contact id as they come.
      if (!arrivals.has(id)) arrivals.set(id, []);
      const times = arrivals.get(id)!;
      const deadline = performance.now() + EVENT_TIMEOUT_MS;
      while (times.length < LISTENERS && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      if (times.length < LISTENERS) throw new Error(`Round ${round}: ${times.length} of ${LISTENERS} clients received the event.`);
      if (round >= 0) delays.push(...times.map((at) => at - sent));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    delays.sort((a, b) => a - b);
    return { what: `broadcast to ${LISTENERS} SSE clients (one user each)`, engine: 'memory', perSecond: Number.NaN, p50: percentile(delays, 0.5), p99: percentile(delays, 0.99) };
  } finally {
    for (const close of closers) close();
    await stop(server);
  }
}

/** One recipient file sent to the server: its size, how long the import took, and the server's memory meanwhile. */
interface Upload {
  rows: number;
  bytes: number;
  seconds: number;
  added: number;
  /** The serving process's RSS before the upload, and its peak during it, in bytes. */
  rssBefore: number;
  peak: number;
}

/** Sends the file at `path` as it is (POST, with its Content-Length); resolves to the answer's status and JSON. */
function postFile(url: string, path: string, bytes: number, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const answered = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const call = httpRequest(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv', 'content-length': String(bytes) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
      response.on('error', reject);
    });
    call.on('error', reject);
    createReadStream(path).on('error', reject).pipe(call);
  });
  return withTimeout(answered, UPLOAD_TIMEOUT_MS, `Sending ${path}`);
}

/** Parent: each size of UPLOAD_ROWS sent as a CSV file into a list of its own, on a server over PostgreSQL. */
async function uploads(env: NodeJS.ProcessEnv): Promise<Upload[]> {
  const folder = await mkdtemp(join(tmpdir(), 'pbx-sms-bench-upload-'));
  const server = await child(['serve', 'postgres', '0'], env);
  try {
    const { url, sender } = JSON.parse(server.line) as { url: string; sender: Principal };
    const auth = { authorization: `Bearer ${await mintToken({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, principal: sender, expiresIn: 3600 })}` };
    const figures: Upload[] = [];
    for (const rows of UPLOAD_ROWS) {
      const path = join(folder, `${rows}.csv`);
      await writeFile(path, generateRecipientsCsv({ rows }).csv);
      const { size } = await stat(path);
      const list = await fetch(`${url}/v1/lists`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Upload of ${rows}` }) });
      if (list.status !== 201) throw new Error(`POST /v1/lists answered ${list.status}: ${await list.text()}`);
      const { id } = (await list.json()) as { id: string };
      const before = await server.memory();
      const started = performance.now();
      const answer = await postFile(`${url}/v1/lists/${id}/file-imports?fileName=${rows}.csv`, path, size, auth);
      const seconds = (performance.now() - started) / 1000;
      const { peak } = await server.memory();
      if (answer.status !== 201) throw new Error(`The upload of ${rows} rows answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      figures.push({ rows, bytes: size, seconds, added: Number(answer.body.added), rssBefore: before.rss, peak });
      await rm(path);
    }
    return figures;
  } finally {
    await stop(server);
    await rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [mode, engine, listeners] = process.argv.slice(2) as ['local' | 'serve' | undefined, Engine, string];
  if (mode === 'local') {
    console.log(JSON.stringify(await local(engine)));
    return;
  }
  if (mode === 'serve') {
    await serve(engine, Number(listeners));
    return;
  }
  const external = process.env.DATABASE_URL;
  const database = external || !(CASES.includes('postgres') || CASES.includes('upload')) ? null : await startTestPostgres();
  const env = { ...process.env, BENCH_DATABASE_URL: external ?? database?.url };
  const figures: Figure[] = [];
  const sent: Upload[] = [];
  const attempt = async (work: () => Promise<Figure>) => {
    try {
      figures.push(await work());
    } catch (error) {
      console.error(String(error));
    }
  };
  try {
    for (const store of (['memory', 'pglite', 'postgres'] as const).filter((store) => CASES.includes(store))) {
      await attempt(async () => {
        const directly = await child(['local', store], env);
        await withTimeout(directly.exited, STOP_TIMEOUT_MS, 'The local bench ending');
        return JSON.parse(directly.line) as Figure;
      });
      await attempt(() => overHttp(store, env));
    }
    if (CASES.includes('events')) await attempt(() => broadcast(env));
    if (CASES.includes('upload')) sent.push(...(await uploads(env).catch((error: unknown) => (console.error(String(error)), []))));
  } finally {
    await database?.stop();
  }
  const localOf = (engine: Engine) => figures.find((figure) => figure.engine === engine && figure.what.startsWith('send, engine'));
  if (figures.length > 0) table(figures.map((figure) => ({
    what: figure.what,
    store: figure.engine,
    'per second': Number.isNaN(figure.perSecond) ? '' : Math.round(figure.perSecond).toLocaleString('en-US'),
    'p50 / p99': `${figure.p50.toFixed(1)} / ${figure.p99.toFixed(1)} ms`,
    'vs engine': figure.what === 'POST /v1/messages' && localOf(figure.engine) ? `${(figure.perSecond / localOf(figure.engine)!.perSecond).toFixed(2)}×` : '',
    'CPU per send': figure.cpuPerSend === undefined ? '' : `${Math.round(figure.cpuPerSend)} µs`,
    'CPU vs engine': figure.cpuPerSend !== undefined && figure.what === 'POST /v1/messages' && localOf(figure.engine)?.cpuPerSend ? `${(figure.cpuPerSend / localOf(figure.engine)!.cpuPerSend!).toFixed(2)}×` : '',
    'load CPU per send': figure.loadCpuPerSend === undefined ? '' : `${Math.round(figure.loadCpuPerSend)} µs`,
    failed: figure.failed ?? '',
  })));
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (sent.length > 0) {
    table(sent.map((upload) => ({
      'recipient file sent to POST /v1/lists/{id}/file-imports': `${upload.rows.toLocaleString('en-US')} rows, ${mb(upload.bytes)}`,
      store: 'postgres',
      imported: upload.added.toLocaleString('en-US'),
      time: `${upload.seconds.toFixed(1)} s`,
      'rows per second': Math.round(upload.rows / upload.seconds).toLocaleString('en-US'),
      'server RSS before / peak': `${mb(upload.rssBefore)} / ${mb(upload.peak)}`,
      'peak growth': mb(upload.peak - upload.rssBefore),
    })));
    const [smallest, largest] = [sent[0]!, sent.at(-1)!];
    if (largest.bytes > smallest.bytes) {
      const growth = (upload: Upload) => upload.peak - upload.rssBefore;
      console.log(
        `The server's peak grew by ${mb(growth(largest))} for the largest file and ${mb(growth(smallest))} for the smallest: ` +
          `${(growth(largest) / growth(smallest)).toFixed(2)}× for a file ${(largest.bytes / smallest.bytes).toFixed(1)}× as large.`,
      );
    }
  }
}

await main();
