// `npm test`: everything CI checks, in order, stopping at the first failure.
import { run } from './run.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['node tests', ['run', 'test:node']],
  ['browser tests', ['run', 'test:browser']],
  ['build', ['run', 'build']],
  ['package checks (publint, attw)', ['run', 'check:package']],
  ['framework types (React, JSX, Vue)', ['run', 'test:types']],
  ['size budgets', ['run', 'size']],
  ['storybook build', ['run', 'build-storybook']],
];

for (const [name, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const code = await run(npm, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n✗ ${name} failed (exit ${code}, ${seconds} s)`);
    process.exit(code);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log('\nAll checks passed.');
