/** Small helpers shared by the benchmarks: timing, memory, tables, a sending desk. */

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Samples RSS every few ms while `work` runs; returns its result, wall time and peak RSS. The sample is
 * `process.memoryUsage.rss()`, not `process.memoryUsage()`, which also walks the heap's spaces: every 5 ms that took
 * 1.5% of a dispatch's CPU away from the work measured.
 */
export async function measure<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    return { result, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage.rss()), cpuMs: (used.user + used.system) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
}

export function table(rows: Record<string, string | number>[]): void {
  console.table(rows);
}

/**
 * A bench module compiled to one JavaScript file (esbuild; packages stay imports), under node_modules/.cache so that
 * they resolve: a case run from it measures an instance as it runs in production, without tsx's loader and its
 * worker thread (about 50 MB of RSS, and the CPU of compiling each module as it loads). Resolves to the file's path.
 */
export async function compiledBench(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const { basename, join } = await import('node:path');
  const outfile = join(process.cwd(), 'node_modules', '.cache', 'pbx-sms-bench', basename(entry).replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

/**
 * Runs a child process of a bench (`node` with `args`), stderr shown, stdout kept; resolves to the last line it
 * printed once it exits with 0, rejects naming `what` when it fails or outlives `timeoutMs` (it is then killed).
 */
export async function childOutput(args: readonly string[], env: NodeJS.ProcessEnv, what: string, timeoutMs: number): Promise<string> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out.trim().split('\n').pop() ?? '');
      else reject(new Error(`${what} failed (exit ${code}).`));
    });
  });
}
