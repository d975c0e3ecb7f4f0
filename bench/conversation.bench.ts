/**
 * `<sms-conversation>` on a 10,000-message thread, in Chromium: time to first render, DOM nodes, and time to load
 * an older page (with how far the view moved meanwhile), against a baseline that puts every message in the DOM.
 *
 * Serves bench/conversation-page.ts (bundled in memory with esbuild) on 127.0.0.1 and drives Debian's Chromium with
 * playwright-core. RUNS (default 5) fresh elements are timed; medians are shown.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: a plain ES module of the scripts, without types.
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.mjs';
import { table } from './support.js';

const RUNS = Number(process.env.RUNS ?? 5);
const PAGE_SIZE = Number(process.env.PAGE_SIZE ?? 50);
const TIMEOUT_MS = 120_000;

interface BenchApi {
  seed(): Promise<number>;
  open(pageSize: number): Promise<{ ms: number; nodes: number; messages: number }>;
  loadOlder(): Promise<{ ms: number; jump: number }>;
  loadAll(): Promise<{ ms: number; loaded: number; nodes: number[] }>;
  naive(): Promise<{ ms: number; nodes: number }>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: ['bench/conversation-page.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    conditions: ['production'],
    tsconfig: 'tsconfig.json',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

function serve(script: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loading</title></head><body style="margin:0;font-family:system-ui,sans-serif"><script type="module" src="/page.js"></script></body></html>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<void> {
  const script = await bundle();
  const server = await serve(script);
  let browser: Browser | undefined;
  const watchdog = setTimeout(() => {
    console.error(`The benchmark did not finish within ${TIMEOUT_MS / 1000} s.`);
    process.exit(1);
  }, TIMEOUT_MS);
  try {
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = <K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>) =>
      page.evaluate(({ name, args }) => (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[name]!(...args), { name, args }) as ReturnType<BenchApi[K]>;

    const seedMs = await call('seed');
    const opens: Awaited<ReturnType<BenchApi['open']>>[] = [];
    const olders: Awaited<ReturnType<BenchApi['loadOlder']>>[] = [];
    for (let run = 0; run < RUNS; run++) {
      opens.push(await call('open', PAGE_SIZE));
      olders.push(await call('loadOlder'));
    }
    await call('open', 500);
    const all = await call('loadAll');
    const naive: Awaited<ReturnType<BenchApi['naive']>>[] = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) naive.push(await call('naive'));

    const firstRender = median(opens.map((open) => open.ms));
    const nodes = median(opens.map((open) => open.nodes));
    const older = median(olders.map((load) => load.ms));
    const naiveRender = median(naive.map((run) => run.ms));
    const naiveNodes = naive[0]!.nodes;
    console.log(`10,000-message thread, pages of ${PAGE_SIZE}, ${RUNS} runs (medians); seeding the demo backend took ${ms(seedMs)}.`);
    table([
      { figure: 'time to first render', value: ms(firstRender), 'vs every message in the DOM': `${(firstRender / naiveRender).toFixed(3)}×` },
      { figure: 'DOM nodes (shadow roots included)', value: nodes, 'vs every message in the DOM': `${(nodes / naiveNodes).toFixed(3)}×` },
      { figure: 'time to load an older page', value: ms(older), 'vs every message in the DOM': '-' },
      { figure: 'view movement while it loads', value: `${Math.max(...olders.map((load) => load.jump)).toFixed(1)} px`, 'vs every message in the DOM': '-' },
      { figure: 'all 10,000 loaded (pages of 500)', value: ms(all.ms), 'vs every message in the DOM': '-' },
      { figure: 'DOM nodes with all loaded (top, middle, bottom)', value: all.nodes.join(', '), 'vs every message in the DOM': `${(Math.max(...all.nodes) / naiveNodes).toFixed(3)}×` },
      { figure: 'baseline: every message in the DOM, first render', value: ms(naiveRender), 'vs every message in the DOM': '1×' },
      { figure: 'baseline: DOM nodes', value: naiveNodes, 'vs every message in the DOM': '1×' },
    ]);
    if (all.loaded !== 10_000) throw new Error(`Expected 10,000 messages loaded, got ${all.loaded}`);
  } finally {
    clearTimeout(watchdog);
    await browser?.close();
    server.close();
  }
}

await main();
