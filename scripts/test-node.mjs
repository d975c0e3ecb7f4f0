// Node tests: every *.test.ts under test/node (core, engine, adapters), through tsx.
// Node 20's test runner does not expand globs, so the files are listed here.
// The Postgres store's tests need a PostgreSQL server: unless PBX_SMS_TEST_DATABASE_URL names one, a throwaway
// server (scripts/test-postgres.mjs) runs for the length of the tests and is stopped however they end.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { run } from './run.mjs';
import { startTestPostgres } from './test-postgres.mjs';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv.slice(2);
const files = find('test/node')
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();
if (files.length === 0) {
  console.error('No node test files matched.');
  process.exit(1);
}

let server = null;
if (!process.env.PBX_SMS_TEST_DATABASE_URL) {
  const started = Date.now();
  // Tests may lose what a crash of this server loses: it syncs nothing to disk.
  server = await startTestPostgres({ flags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] });
  console.log(`PostgreSQL for the tests at ${server.url.replace(/:[^:@/]*@/, ':***@')} (${Date.now() - started} ms)`);
}
const stop = async () => {
  await server?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stop();
    process.exit(130);
  });
}

// Two files at a time even on two cores: the longest files (the backend contract over HTTP and over PGlite) wait on
// sockets and the database as much as they compute. PBX_SMS_TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env.PBX_SMS_TEST_CONCURRENCY) || Math.max(2, availableParallelism());

let code = 1;
try {
  code = await run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
    env: { ...process.env, ...(server && { PBX_SMS_TEST_DATABASE_URL: server.url }) },
  });
} finally {
  await stop();
}
process.exit(code);
