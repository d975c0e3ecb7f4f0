/**
 * parseRecipients on a generated 1M-row CSV, against a plain pipeline: papaparse (header: true) + libphonenumber-js
 * `parsePhoneNumber` per row (the same `max` metadata) + a Set to drop duplicates.
 *
 * The CSV is generated in memory with a fixed seed (AU, GB and US numbers; 10% invalid, 5% duplicates; a name and a
 * store column), written once to a temporary file, and each pipeline runs in its own child process that reads it,
 * so neither one's garbage or heap shows in the other's memory figures. The children run this file bundled by
 * esbuild (as tsup ships the library) under plain Node, so the TypeScript loader's ~35 MB is in neither figure.
 * Default country AU: AU numbers come in national and international forms, GB and US ones in international forms
 * ('+' or AU's 0011 prefix), as a file of an AU business holds them. Peak RSS is the larger of
 * process.memoryUsage().rss sampled every 10 ms (while the event loop turns: parseRecipients yields) and the
 * process's own high-water mark (process.resourceUsage().maxRSS, which also covers the baseline's one long
 * synchronous call). Aim: 1M rows in at most 12 s and at most 400 MB peak RSS on the 2-core machine.
 *
 * Run: `npm run bench -- parse-recipients` (ROWS=100000 for a quick run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const TARGET_SECONDS = 12;
const TARGET_RSS_MB = 400;

// --- the data ---------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run reads the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kai', 'Lena', 'Mo', 'Nia'];
const STORES = ['Newtown', 'Camden, London', 'Hoboken', 'Perth CBD', 'Fitzroy', 'Soho "West"'];

/** A CSV of `rows` records: name, mobile, store. Numbers valid by construction (ranges checked against the metadata). */
export function generateCsv(rows: number, seed = 20240601): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const digits = (count: number): string => {
    let out = '';
    for (let index = 0; index < count; index++) out += Math.floor(next() * 10);
    return out;
  };
  const written: string[] = [];
  const number = (): string => {
    const country = next();
    if (country < 0.6) {
      // AU mobiles 040-043 and 046 (wholly assigned ranges), national and international forms.
      const n = pick(['0', '1', '2', '3', '6']) + digits(7);
      const form = Math.floor(next() * 5);
      if (form === 0) return `04${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`;
      if (form === 1) return `04${n}`;
      if (form === 2) return `+61 4${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`;
      if (form === 3) return `+614${n}`;
      return `0011 61 4${n}`;
    }
    if (country < 0.8) {
      // GB mobiles 074x and 078x.
      const n = pick(['4', '8']) + digits(8);
      const form = Math.floor(next() * 3);
      if (form === 0) return `+44 7${n.slice(0, 3)} ${n.slice(3)}`;
      if (form === 1) return `+44 (0)7${n.slice(0, 3)} ${n.slice(3)}`;
      return `0011 44 7${n}`;
    }
    // US numbers in a few area codes, exchange 2-9.
    const n = pick(['212', '415', '646', '303', '312']) + (2 + Math.floor(next() * 8)) + digits(6);
    const form = Math.floor(next() * 3);
    if (form === 0) return `+1 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    if (form === 1) return `+1-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
    return `0011 1 ${n}`;
  };
  const invalid = (): string =>
    pick([`04${digits(4)}`, `+61 5${digits(8)}`, `0412 345 678 9${digits(3)}`, 'n/a', '', `+44 7${digits(3)}`, `(02) ${digits(2)}`]);
  const chunks: string[] = ['name,mobile,store'];
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    const roll = next();
    let mobile: string;
    if (roll < 0.1) mobile = invalid();
    else if (roll < 0.15 && written.length > 0) mobile = pick(written);
    else {
      mobile = number();
      if (written.length < 100_000) written.push(mobile);
      else written[Math.floor(next() * written.length)] = mobile;
    }
    const store = pick(STORES);
    chunk += `\r\n${pick(NAMES)} ${String.fromCharCode(65 + (row % 26))}.,${mobile},${store.includes(',') || store.includes('"') ? `"${store.replace(/"/g, '""')}"` : store}`;
    if (row % 1000 === 999) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  chunks.push(chunk + '\r\n');
  return chunks.join('');
}

// --- the two pipelines, each run in a child process ----------------------------------------------------------------

interface Figures {
  name: string;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  startRssMb: number;
  recipients: number;
  duplicates: number;
  errors: number;
}

async function runChild(which: string, file: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let sampled = startRss;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  let counts: { recipients: number; duplicates: number; errors: number };
  if (which === 'parseRecipients') {
    const { parseRecipients } = await import('../src/csv.js');
    const result = await parseRecipients(text, { defaultCountry: 'AU' });
    counts = { recipients: result.stats.recipients, duplicates: result.stats.duplicates, errors: result.stats.errors };
  } else {
    const { default: Papa } = await import('papaparse');
    const { parsePhoneNumber } = await import('libphonenumber-js/max');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const seen = new Set<string>();
    const recipients: { e164: string; fields: Record<string, string> }[] = [];
    let duplicates = 0;
    let errors = 0;
    for (const row of parsed.data) {
      try {
        const phone = parsePhoneNumber(row.mobile ?? '', 'AU');
        if (!phone.isValid()) throw new Error('invalid');
        if (seen.has(phone.number)) duplicates++;
        else {
          seen.add(phone.number);
          recipients.push({ e164: phone.number, fields: row });
        }
      } catch {
        errors++;
      }
    }
    counts = { recipients: recipients.length, duplicates, errors };
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const peak = Math.max(sampled, process.resourceUsage().maxRSS * 1024);
  const figures: Figures = {
    name: which,
    seconds,
    rowsPerSecond: ROWS / seconds,
    peakRssMb: peak / 2 ** 20,
    startRssMb: startRss / 2 ** 20,
    ...counts,
  };
  process.stdout.write(JSON.stringify(figures));
}

/** This file bundled for plain Node, dependencies left to node_modules (so the bundle lives inside the project). */
async function bundleSelf(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(process.cwd(), 'node_modules', '.cache', 'pbx-sms-bench', 'parse-recipients.mjs');
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

function spawnPipeline(bundle: string, which: string, file: string): Figures {
  const child = spawnSync(process.execPath, ['--expose-gc', bundle, 'child', which, file], {
    encoding: 'utf8',
    env: { ...process.env, ROWS: String(ROWS) },
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${which} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Figures;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'child') return runChild(process.argv[3]!, process.argv[4]!);
  const generated = performance.now();
  const csv = generateCsv(ROWS);
  const dir = mkdtempSync(join(tmpdir(), 'pbx-sms-bench-'));
  const file = join(dir, 'recipients.csv');
  writeFileSync(file, csv);
  console.log(
    `${ROWS.toLocaleString('en')} rows, ${(csv.length / 2 ** 20).toFixed(1)} MB of CSV, generated in ` +
      `${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );
  try {
    const bundle = await bundleSelf();
    const ours = spawnPipeline(bundle, 'parseRecipients', file);
    const baseline = spawnPipeline(bundle, 'baseline', file);
    const rows = [ours, baseline].map((f) => ({
      pipeline: f.name,
      'wall s': f.seconds.toFixed(2),
      'rows/s': Math.round(f.rowsPerSecond).toLocaleString('en'),
      'peak RSS MB': f.peakRssMb.toFixed(0),
      'RSS before MB': f.startRssMb.toFixed(0),
      recipients: f.recipients,
      duplicates: f.duplicates,
      errors: f.errors,
    }));
    console.table(rows);
    console.log(`speed: parseRecipients is ${(ours.rowsPerSecond / baseline.rowsPerSecond).toFixed(2)}x the baseline`);
    console.log(`peak RSS: parseRecipients uses ${(ours.peakRssMb / baseline.peakRssMb).toFixed(2)}x the baseline's`);
    const meets = ours.seconds <= TARGET_SECONDS * (ROWS / 1_000_000) && ours.peakRssMb <= TARGET_RSS_MB;
    console.log(`aim (${TARGET_SECONDS} s and ${TARGET_RSS_MB} MB per 1M rows): ${meets ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
