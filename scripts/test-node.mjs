// Node tests: every *.test.ts under test/node (core, engine, adapters), through tsx.
// Node 20's test runner does not expand globs, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

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
process.exit(await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]));
