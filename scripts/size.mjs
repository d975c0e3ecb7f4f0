// `npm run size`: checks the size budgets of scripts/size-budgets.json on what a portal ships, and fails when one
// is exceeded (CI runs it through `npm test`).
//
// Each budget's entries are bundled with Lit the way dist/ is built (ESM, code splitting, and the CSS of css``
// templates minified by the plugin tsup.config.ts uses, scripts/css-templates.mjs), minified for the browser
// (ES2022), in memory. Per budget it prints, minified and gzipped:
// - first load: the entries' own chunks plus every chunk they import statically, transitively: what must arrive
//   before the elements render. The budget's `kB` applies to it.
// - total: that plus every chunk loaded on demand with `import()` (dialogs, notification signals, the phone
//   module, the composer...), transitively. The budget's optional `totalKB` applies to it.
// Each set is gzipped as one stream (the chunks concatenated), as the figure was: how the chunks are cut
// depends on the portal's own bundler, and per-file gzip would count esbuild's cuts rather than the code.
// Phone metadata (libphonenumber-js/metadata.*.json) is left out: see the budgets file.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyCssTemplates } from './css-templates.mjs';

const { budgets } = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));

const excludePhoneMetadata = {
  name: 'exclude-phone-metadata',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^libphonenumber-js\/(metadata\.\w+\.json|(min|max|mobile)\/metadata)$/ }, (args) => ({ path: args.path, namespace: 'excluded' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'excluded' }, () => ({ contents: 'export default {}', loader: 'js' }));
  },
};

/** Bundles `entries` with code splitting, in memory; returns the sizes of the first load and of the total. */
async function measure(entries) {
  const result = await build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    conditions: ['production'],
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    plugins: [minifyCssTemplates, excludePhoneMetadata],
    logLevel: 'silent',
  });
  const { outputs } = result.metafile;
  const code = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const wanted = new Set(entries.map((entry) => resolve(entry)));
  const entryChunks = Object.keys(outputs).filter((path) => outputs[path].entryPoint && wanted.has(resolve(outputs[path].entryPoint)));
  if (entryChunks.length !== entries.length) throw new Error(`size: no chunk found for some of ${entries.join(', ')}`);
  /** The entry chunks and every chunk they reach through imports of these kinds, gzipped together. */
  const reach = (kinds) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const next of outputs[path].imports) if (kinds.includes(next.kind)) visit(next.path);
    };
    entryChunks.forEach(visit);
    const bytes = Buffer.concat([...seen].map((path) => code.get(resolve(path))));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, files: seen.size };
  };
  return { first: reach(['import-statement']), total: reach(['import-statement', 'dynamic-import']) };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let failed = 0;
const rows = [];
for (const budget of budgets) {
  const limits = `${budget.kB} kB` + (budget.totalKB === undefined ? '' : ` / ${budget.totalKB} kB`);
  const missing = budget.entries.filter((entry) => !existsSync(entry));
  if (missing.length > 0) {
    rows.push({ bundle: budget.name, 'budget (first / total, gz)': limits, result: `missing ${missing.join(', ')}` });
    failed += 1;
    continue;
  }
  const { first, total } = await measure(budget.entries);
  const over = [];
  if (first.gzip > budget.kB * 1024) over.push('first load');
  if (budget.totalKB !== undefined && total.gzip > budget.totalKB * 1024) over.push('total');
  if (over.length > 0) failed += 1;
  rows.push({
    bundle: budget.name,
    'first load (min / gz)': `${kB(first.raw)} / ${kB(first.gzip)}`,
    'total (min / gz)': `${kB(total.raw)} / ${kB(total.gzip)}`,
    files: `${first.files} + ${total.files - first.files} lazy`,
    'budget (first / total, gz)': limits,
    result: over.length === 0 ? 'ok' : `OVER BUDGET (${over.join(', ')})`,
  });
}
console.table(rows);
if (failed > 0) {
  console.error(`${failed} size budget(s) not met.`);
  process.exit(1);
}
