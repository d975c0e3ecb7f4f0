// `npm run test:types`, after `npm run build`: the built package's types as portals use them. tsc compiles a React
// page of pbx-sms/react, the JSX tags of pbx-sms/types/jsx (test/types/*.tsx) and an import of pbx-sms/translations/fr
// (test/types/translations.ts), vue-tsc a Vue single-file component typed by pbx-sms/types/vue (test/types/vue).
// Each file also misuses a prop, an event or a term in a line marked as an expected error, so that types that stop
// checking anything fail the run.
import { existsSync } from 'node:fs';
import { run } from './run.mjs';

const checks = [
  ['React, JSX and translations (tsc)', 'node_modules/typescript/bin/tsc', ['-p', 'test/types/tsconfig.json']],
  ['Vue (vue-tsc)', 'node_modules/vue-tsc/bin/vue-tsc.js', ['-p', 'test/types/vue/tsconfig.json']],
];

if (!existsSync('dist/react/index.d.ts') || !existsSync('dist/types/vue.d.ts')) {
  console.error('test:types checks the built package: run `npm run build` first.');
  process.exit(1);
}
for (const [name, bin, args] of checks) {
  const started = Date.now();
  const code = await run(process.execPath, [bin, ...args]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`✗ ${name} (${seconds} s)`);
    process.exit(code);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
