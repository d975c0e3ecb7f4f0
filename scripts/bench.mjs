// `npm run bench`: runs every bench/*.bench.ts in its own Node process (so memory figures do not mix),
// or only those whose name contains an argument: `npm run bench -- segments`.
import { readdirSync } from 'node:fs';
import { run } from './run.mjs';

const filter = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filter.length === 0 || filter.some((part) => name.includes(part)))
  .sort();
if (files.length === 0) {
  console.error('No benchmark matched.');
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const code = await run(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', `bench/${file}`]);
  if (code !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
