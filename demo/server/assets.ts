import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The demo page's files: demo/*.html and the portal's bundle, built from the source tree in memory. */
export interface DemoAssets {
  /** The file or bundle for a GET of `path`, or null when there is none. */
  serve(path: string): Promise<Response | null>;
  close(): Promise<void>;
}

const demoDir = resolve(fileURLToPath(new URL('..', import.meta.url)));
const rootDir = resolve(demoDir, '..');

/**
 * Serves demo/ and bundles demo/main.ts with esbuild, rebuilt incrementally on each load of the page so that a
 * change to the elements shows on reload. A build error shows on the page.
 */
export async function createDemoAssets(): Promise<DemoAssets> {
  const bundler = await esbuild.context({
    absWorkingDir: rootDir,
    entryPoints: { main: 'demo/main.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    tsconfig: 'tsconfig.json',
    sourcemap: 'inline',
    write: false,
    outdir: 'demo/out',
    logLevel: 'silent',
  });

  async function bundle(): Promise<string> {
    try {
      const result = await bundler.rebuild();
      return result.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
    } catch (error) {
      const messages = await esbuild.formatMessages((error as esbuild.BuildFailure).errors ?? [], { kind: 'error', color: false });
      const text = messages.join('\n') || String(error);
      console.error(text);
      return `const pre = document.createElement('pre'); pre.style.cssText = 'color:#b3261e;white-space:pre-wrap';
pre.textContent = ${JSON.stringify(`Demo build failed:\n${text}`)}; document.body.prepend(pre);`;
    }
  }

  return {
    async serve(path) {
      const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (path === '/main.js') return new Response(await bundle(), { headers: { ...headers, 'content-type': TYPES['.js']! } });
      const file = resolve(demoDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
      // Only the page's own files: not the server's sources, nothing outside demo/.
      if (!file.startsWith(demoDir + sep) || file.includes(`${sep}server${sep}`) || !(extname(file) in TYPES)) return null;
      try {
        return new Response(await readFile(file), { headers: { ...headers, 'content-type': TYPES[extname(file)]! } });
      } catch {
        return null;
      }
    },
    close: () => bundler.dispose(),
  };
}
