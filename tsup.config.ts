import { readdirSync, existsSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { minifyCssTemplates } from './scripts/css-templates.mjs';

/**
 * One entry per public subpath: `.`, `./components`, `./components/sms-*`, `./react`, `./react/sms-*`, `./adapters/*`.
 * react/ is generated from custom-elements.json by `npm run analyze`, which `npm run build` runs first.
 */
function entries(): Record<string, string> {
  const entry: Record<string, string> = {
    index: 'src/index.ts',
    'components/index': 'components/index.ts',
    'components/define': 'components/define.ts',
  };
  for (const dir of readdirSync('components', { withFileTypes: true })) {
    if (!dir.isDirectory() || ['internal', 'events'].includes(dir.name)) continue;
    const file = `components/${dir.name}/sms-${dir.name}.ts`;
    if (existsSync(file)) entry[`components/sms-${dir.name}`] = file;
  }
  for (const file of readdirSync('react')) {
    if (file.endsWith('.ts')) entry[`react/${file.slice(0, -3)}`] = `react/${file}`;
  }
  for (const dir of readdirSync('adapters', { withFileTypes: true })) {
    const file = `adapters/${dir.name}/index.ts`;
    if (dir.isDirectory() && existsSync(file)) entry[`adapters/${dir.name}`] = file;
  }
  return entry;
}

/**
 * Keeps each element's registration in its own `dist/components/sms-NAME.js`, the files `sideEffects` names.
 * Without this, `define.ts` and `sms-NAME.ts` share the registration code, code splitting moves it into a
 * `chunk-*.js`, and a bundler that honours `sideEffects` drops it: the element is never defined. So `index.ts`
 * imports `./define.js`, and `define.ts` imports `./sms-NAME.js`, as the built files, not as bundled code. The same
 * for the React wrappers: `react/index.ts` re-exports `./sms-NAME.js` as built, so that each wrapper's code stays in
 * its own `dist/react/sms-NAME.js` (not in a chunk beside dist/components), where its import of the element's
 * registration, `../components/sms-NAME.js`, is right.
 */
const registrationImportsStayEntries: Plugin = {
  name: 'registration-imports-stay-entries',
  setup(build) {
    build.onResolve({ filter: /^\.\/(?:define|[a-z0-9-]+\/sms-[a-z0-9-]+)\.js$/ }, (args) => {
      if (!/[\\/]components[\\/](?:index|define)\.ts$/.test(args.importer)) return undefined;
      return { path: `./${args.path.split('/').pop()}`, external: true };
    });
    build.onResolve({ filter: /^\.\/sms-[a-z0-9-]+\.js$/ }, (args) => {
      if (!/[\\/]react[\\/]index\.ts$/.test(args.importer)) return undefined;
      return { path: args.path, external: true };
    });
    build.onResolve({ filter: /^\.\.\/components\/[a-z0-9-]+\/sms-[a-z0-9-]+\.js$/ }, (args) => {
      if (!/[\\/]react[\\/]sms-[a-z0-9-]+\.ts$/.test(args.importer)) return undefined;
      return { path: `../components/${args.path.split('/').pop()}`, external: true };
    });
  },
};

export default defineConfig({
  entry: entries(),
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  outDir: 'dist',
  external: [/^node:/],
  // The CSS of css`` templates ships minified; scripts/size.mjs measures it through the same plugin.
  esbuildPlugins: [registrationImportsStayEntries, minifyCssTemplates],
});
