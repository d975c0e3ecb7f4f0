// `npm run size`: bundles each budgeted entry set with Lit (minified, browser, ES2022), gzips it, and fails when
// a budget in scripts/size-budgets.json is exceeded. Phone metadata is left out (see the budgets file).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const { budgets } = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));

const excludePhoneMetadata = {
  name: 'exclude-phone-metadata',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^libphonenumber-js\/(metadata\.\w+\.json|(min|max|mobile)\/metadata)$/ }, (args) => ({ path: args.path, namespace: 'excluded' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'excluded' }, () => ({ contents: 'export default {}', loader: 'js' }));
  },
};

async function measure(entries) {
  const contents = entries.map((entry) => `import ${JSON.stringify(`./${entry}`)};`).join('\n');
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions: ['production'],
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    plugins: [excludePhoneMetadata],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

let failed = 0;
const rows = [];
for (const budget of budgets) {
  const missing = budget.entries.filter((entry) => !existsSync(entry));
  if (missing.length > 0) {
    rows.push({ bundle: budget.name, minified: '-', gzipped: '-', budget: `${budget.kB} kB`, result: `missing ${missing.join(', ')}` });
    failed += 1;
    continue;
  }
  const { raw, gzip } = await measure(budget.entries);
  const ok = gzip <= budget.kB * 1024;
  if (!ok) failed += 1;
  rows.push({ bundle: budget.name, minified: `${(raw / 1024).toFixed(1)} kB`, gzipped: `${(gzip / 1024).toFixed(1)} kB`, budget: `${budget.kB} kB`, result: ok ? 'ok' : 'OVER BUDGET' });
}
console.table(rows);
if (failed > 0) {
  console.error(`${failed} size budget(s) not met.`);
  process.exit(1);
}
