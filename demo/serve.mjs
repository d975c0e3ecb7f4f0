// `npm start`: serves demo/ on 127.0.0.1 and bundles demo/main.ts (from the source tree) in memory with esbuild,
// rebuilt incrementally on each page load. Port: PORT, else 5173, else any free one. Prints its URL.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const demoDir = resolve(fileURLToPath(new URL('.', import.meta.url)));
const rootDir = resolve(demoDir, '..');
const host = '127.0.0.1';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

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

/** The bundle, or a module that shows the build errors on the page. */
async function bundle() {
  try {
    const result = await bundler.rebuild();
    return { status: 200, body: result.outputFiles.find((file) => file.path.endsWith('.js')).text };
  } catch (error) {
    const messages = await esbuild.formatMessages(error.errors ?? [], { kind: 'error', color: false });
    const text = messages.join('\n') || String(error);
    console.error(text);
    const show = `const pre = document.createElement('pre'); pre.style.cssText = 'color:#b3261e;white-space:pre-wrap';
pre.textContent = ${JSON.stringify(`Demo build failed:\n${text}`)}; document.body.prepend(pre);`;
    return { status: 200, body: show };
  }
}

async function handle(request, response) {
  const path = decodeURIComponent(new URL(request.url ?? '/', `http://${host}`).pathname);
  if (path === '/main.js') {
    const { status, body } = await bundle();
    response.writeHead(status, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
    response.end(body);
    return;
  }
  const file = resolve(demoDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (!file.startsWith(demoDir + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
  }
}

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});

function listen(port) {
  return new Promise((resolvePort, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePort(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const wanted = Number(process.env.PORT) || 5173;
let port;
try {
  port = await listen(wanted);
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  port = await listen(0);
  console.log(`Port ${wanted} is taken; using a free one.`);
}
console.log(`pbx-sms demo: http://${host}:${port}/`);

function stop() {
  server.close();
  void bundler.dispose().finally(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
