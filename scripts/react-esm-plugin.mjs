// A web-test-runner plugin that serves React to the browser tests as ES modules (test/browser/react). React ships
// CommonJS only, whose entry picks its build by `process.env.NODE_ENV`: esbuild bundles react, react-dom and
// react-dom/client once, together (one copy of React, its production build), and `react`, `react-dom` and
// `react-dom/client` are served as small modules re-exporting that bundle's exports by name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const BUNDLE = '/__react-esm__/bundle.js';
/** Each module served, the name it has in the bundle, and its production build (whose export names it re-exports). */
const MODULES = {
  react: { binding: 'React', production: 'react/cjs/react.production.js' },
  'react-dom': { binding: 'ReactDOM', production: 'react-dom/cjs/react-dom.production.js' },
  'react-dom/client': { binding: 'ReactDOMClient', production: 'react-dom/cjs/react-dom-client.production.js' },
};

let bundled;
function bundle() {
  bundled ??= build({
    stdin: {
      contents: [
        ...Object.entries(MODULES).map(([source, { binding }]) => `import ${binding} from '${source}';`),
        `export { ${Object.values(MODULES).map(({ binding }) => binding).join(', ')} };`,
      ].join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundled;
}

function reexports(source) {
  const { binding, production } = MODULES[source];
  const [, packageName, file] = /^((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(production);
  // Its exports as the production build assigns them (`exports.createElement = ...`), read without running it.
  const text = readFileSync(join(dirname(require.resolve(`${packageName}/package.json`)), file), 'utf8');
  const names = [...new Set([...text.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)].map((match) => match[1]))];
  if (names.length === 0) throw new Error(`react-esm plugin: ${production} no longer assigns its exports as exports.NAME`);
  return `import { ${binding} as module } from '${BUNDLE}';\nexport default module;\nexport const { ${names.join(', ')} } = module;\n`;
}

export function reactEsmPlugin() {
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return Object.hasOwn(MODULES, source) ? `/__react-esm__/${source}.js` : undefined;
    },
    async serve(context) {
      if (context.path === BUNDLE) return { body: await bundle(), type: 'js' };
      const source = /^\/__react-esm__\/(.+)\.js$/.exec(context.path)?.[1];
      return source && Object.hasOwn(MODULES, source) ? { body: reexports(source), type: 'js' } : undefined;
    },
  };
}
