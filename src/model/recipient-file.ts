import * as z from 'zod';
import type { FileProgress, RecipientFile } from '../recipients/types.js';

export type { FileProgress };

/** A File, a Blob, or anything else with a `size` in bytes and a `stream()` of them (Node: `fs.openAsBlob(path)`). */
const FileBody = z.custom<RecipientFile>(
  (value) => typeof value === 'object' && value !== null && Number.isSafeInteger((value as RecipientFile).size) && (value as RecipientFile).size >= 0
    && typeof (value as RecipientFile).stream === 'function',
  'A File or Blob (a size and a stream of bytes)',
);

/**
 * How a recipient file sent as it is (`lists.importFile`, `campaigns.uploadFile`) is read, besides its bytes: over
 * HTTP these travel in the query string and the file is the request body. `fileName` (up to 255 characters) names the
 * report or the upload, the file's own name when left out; `phoneColumn` (a header, up to 100 characters) picks the
 * column numbers are read from, found as `parseRecipients` finds it when left out; `format` is sniffed when left out
 * (a ZIP archive is XLSX, anything else CSV).
 */
export const RecipientFileFields = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
  phoneColumn: z.string().min(1).max(100).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});
export type RecipientFileFields = z.input<typeof RecipientFileFields>;

/** A function called with the file's progress; never sent anywhere, and an error it throws is ignored. */
const ProgressCallback = z.custom<(progress: FileProgress) => void>((value) => typeof value === 'function', 'A function of the progress');

/**
 * A recipient file sent as it is, to be read as a stream by the backend. `onProgress` is called as the backend takes
 * the file, about once for each hundredth of it and once at its end.
 */
export const RecipientFileInput = RecipientFileFields.extend({ file: FileBody, onProgress: ProgressCallback.optional() });
export type RecipientFileInput = z.input<typeof RecipientFileInput>;
