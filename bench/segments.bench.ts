// countSegments against the `sms-segments-calculator` package (the baseline) on the same 100k generated messages:
// first identical results (encoding and segment count) on every message, then messages/s for each and the ratio.
//
// The baseline splits text into grapheme clusters and keeps a cluster whole across parts, whereas carriers (and
// countSegments) keep only a surrogate pair whole. The two agree whenever every cluster is a single code point, so
// the generator uses single-code-point emoji and no combining marks, ZWJ sequences, skin tones or flags.
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSegments } from '../src/segments.js';

const MESSAGES = 100_000;
const SEED = 0x5e9e47;

/** mulberry32: a small deterministic PRNG. */
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

const GSM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     .,!?;:\'"-()@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤%&*+/<=>¡ÄÖÑÜ§¿äöñüà\n'];
const EXTENSION = [...'€[]{}^~|\\\f'];
const EMOJI = [...'😀😂😍🎉👍🙏🔥💬📞🚀✅❌⭐☎'];
const CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ'];
const ARABIC = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];

/** Messages of 1 to ~500 code points: plain GSM, GSM with extension characters, and text with emoji, Cyrillic or Arabic. */
function generate(count: number): string[] {
  const next = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const messages: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = 1 + Math.floor(next() ** 2 * 500);
    const kind = next();
    // Share of "foreign" characters: none (plain GSM), extension characters, emoji, Cyrillic, Arabic.
    const extra = kind < 0.4 ? null : kind < 0.6 ? EXTENSION : kind < 0.75 ? EMOJI : kind < 0.9 ? CYRILLIC : ARABIC;
    const rate = extra === CYRILLIC || extra === ARABIC ? 0.8 : 0.03;
    let text = '';
    for (let char = 0; char < length; char++) text += extra !== null && next() < rate ? pick(extra) : pick(GSM);
    if (kind >= 0.97) text = text.replace(/\n/g, '\r\n');
    messages.push(text);
  }
  return messages;
}

function runOurs(messages: readonly string[]): number {
  let total = 0;
  for (const message of messages) total += countSegments(message).segments;
  return total;
}

function runBaseline(messages: readonly string[]): number {
  let total = 0;
  for (const message of messages) total += new SegmentedMessage(message).segmentsCount;
  return total;
}

function time(run: (messages: readonly string[]) => number, messages: readonly string[], rounds: number, earlier: number[] = []): Timing {
  const times = [...earlier];
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    globalThis.gc?.();
    const start = performance.now();
    checksum = run(messages);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]!, rounds: times.length, checksum };
}

interface Timing {
  best: number;
  median: number;
  rounds: number;
  checksum: number;
}

const messages = generate(MESSAGES);
const totalUnits = messages.reduce((sum, message) => sum + message.length, 0);
console.log(`${MESSAGES} messages, ${totalUnits} UTF-16 units, seed ${SEED.toString(16)}`);

// The baseline needs about a millisecond a message (its segments re-add their sizes at every character), so its
// first timed round is also the pass that collects its results; BENCH_BASELINE_ROUNDS adds rounds (default 2 in all).
const baselineRounds = Math.max(1, Number(process.env.BENCH_BASELINE_ROUNDS ?? 2));
const theirEncodings: string[] = new Array(MESSAGES);
const theirSegments = new Int32Array(MESSAGES);
globalThis.gc?.();
const collectStart = performance.now();
for (let index = 0; index < MESSAGES; index++) {
  const theirs = new SegmentedMessage(messages[index]!);
  theirEncodings[index] = theirs.encodingName;
  theirSegments[index] = theirs.segmentsCount;
}
const collectTime = performance.now() - collectStart;

// Correctness: the same encoding and segment count on every message (this also warms countSegments up).
let mismatches = 0;
const encodings = { 'GSM-7': 0, 'UCS-2': 0 };
const segmentHistogram = new Map<number, number>();
messages.forEach((message, index) => {
  const ours = countSegments(message);
  encodings[ours.encoding] += 1;
  segmentHistogram.set(ours.segments, (segmentHistogram.get(ours.segments) ?? 0) + 1);
  if (ours.encoding !== theirEncodings[index] || ours.segments !== theirSegments[index]) {
    if (mismatches < 5) console.log('mismatch', JSON.stringify(message), ours, theirEncodings[index], theirSegments[index]);
    mismatches += 1;
  }
});
const histogram = [...segmentHistogram].sort((a, b) => a[0] - b[0]).map(([segments, count]) => `${segments}:${count}`).join(' ');
console.log(`mix: GSM-7 ${encodings['GSM-7']}, UCS-2 ${encodings['UCS-2']}; parts ${histogram}`);
console.log(`mismatches (encoding or segment count): ${mismatches} of ${MESSAGES}`);

// Speed: warm-up, then best and median of several rounds.
runOurs(messages);
const ours = time(runOurs, messages, 15);
const baseline = time(runBaseline, messages, baselineRounds - 1, [collectTime]);
if (baselineRounds > 1 && ours.checksum !== baseline.checksum) console.log(`checksums differ: ${ours.checksum} vs ${baseline.checksum}`);

const rows = [
  ['countSegments', ours],
  ['sms-segments-calculator (baseline)', baseline],
] as const;
const perSecond = (ms: number): number => Math.round((MESSAGES / ms) * 1000);
console.log('\n| implementation | rounds | best ms | median ms | messages/s (best) | messages/s (median) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, result] of rows) {
  console.log(`| ${name} | ${result.rounds} | ${result.best.toFixed(1)} | ${result.median.toFixed(1)} | ${perSecond(result.best).toLocaleString('en')} | ${perSecond(result.median).toLocaleString('en')} |`);
}
console.log(`\nratio vs baseline: ${(baseline.best / ours.best).toFixed(0)}× (best), ${(baseline.median / ours.median).toFixed(0)}× (median)`);
if (mismatches > 0) process.exitCode = 1;
