import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileProgress } from '../../src/csv.js';
import { progressTeller } from '../../src/recipients/progress.js';
import { readRecipientFile } from '../../src/recipients/stream.js';

/** A CSV of `rows` numbers, as a file whose stream hands out `chunk` bytes at a time. */
function chunkedFile(rows: number, chunk: number) {
  const bytes = new TextEncoder().encode(`mobile\n${Array.from({ length: rows }, (_, index) => `0412${String(index).padStart(6, '0')}`).join('\n')}\n`);
  return {
    size: bytes.byteLength,
    stream: () => new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.byteLength; at += chunk) controller.enqueue(bytes.subarray(at, at + chunk));
        controller.close();
      },
    }),
  };
}

describe('the progress of a recipient file', () => {
  it('is told about once a hundredth of the file, rising, and always at its last byte', () => {
    const told: FileProgress[] = [];
    const tell = progressTeller(10_000_000, (progress) => told.push(progress));
    for (let bytes = 1000; bytes <= 10_000_000; bytes += 1000) tell(bytes);
    assert.ok(told.length >= 95 && told.length <= 101, `${told.length} calls`);
    assert.deepEqual(told.at(-1), { bytes: 10_000_000, totalBytes: 10_000_000 });
    assert.ok(told.every((progress, index) => index === 0 || progress.bytes > told[index - 1]!.bytes));
    tell(10_000_000);
    assert.equal(told.at(-1)!.bytes, 10_000_000, 'the end is told once');
    assert.equal(told.filter((progress) => progress.bytes === 10_000_000).length, 1);
  });

  it('is told at most every 64 KiB of a small file, and at its end', () => {
    const told: number[] = [];
    const tell = progressTeller(200_000, (progress) => told.push(progress.bytes));
    for (let bytes = 100; bytes <= 200_000; bytes += 100) tell(bytes);
    assert.deepEqual(told, [65_600, 131_200, 196_800, 200_000]);
  });

  it('is told as the engine reads the file, and a display that throws stops nothing', async () => {
    const file = chunkedFile(100_000, 8192);
    const told: FileProgress[] = [];
    let recipients = 0;
    const readAtChunk: number[] = [];
    const summary = await readRecipientFile(file, {
      defaultCountry: 'AU', maxBytes: 4 << 20, maxUnpackedBytes: 4 << 20, onProgress: (progress) => {
        told.push(progress);
        throw new Error('the display broke');
      },
    }, async (chunk) => {
      recipients += chunk.recipients.length;
      readAtChunk.push(told.at(-1)?.bytes ?? 0);
    });
    assert.equal(summary.stats.recipients, 100_000);
    assert.equal(recipients, 100_000);
    assert.ok(readAtChunk[0]! < file.size / 2, 'progress is told as the file is read, not at its end');
    assert.ok(told.length >= Math.floor(file.size / 65_536) && told.length <= 101, `${told.length} calls`);
    assert.deepEqual(told.at(-1), { bytes: file.size, totalBytes: file.size });
  });
});
