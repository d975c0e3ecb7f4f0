/** How the reading or sending of a recipient file tells its progress. */
import type { FileProgress } from './types.js';

/**
 * Tells `onProgress` the bytes taken when they reach the next hundredth of the file (at least 64 KiB on), and at its
 * end; an error it throws is ignored: progress never stops a read or an upload.
 */
export function progressTeller(totalBytes: number, onProgress: (progress: FileProgress) => void): (bytes: number) => void {
  const step = Math.max(PROGRESS_MIN_STEP, Math.ceil(totalBytes / 100));
  let next = Math.min(step, totalBytes);
  return (bytes) => {
    if (bytes < next) return;
    next = bytes >= totalBytes ? Infinity : Math.min(bytes + step, totalBytes);
    try {
      onProgress({ bytes, totalBytes });
    } catch {
      // A caller's display failing is not the file's problem.
    }
  };
}

/** The fewest bytes between two calls of a read's `onProgress`. */
const PROGRESS_MIN_STEP = 64 * 1024;
