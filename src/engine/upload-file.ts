/**
 * `campaigns.uploadFile`: a recipient file read as a stream (`readRecipientFile`) into an upload, a chunk of 1,000 rows
 * at a time (one multi-row insert each), its rows kept by position in file order as `createUpload` keeps them: valid,
 * invalid (with the reason) and duplicate (with the line it repeats). The upload's record is written last, so an upload
 * that fails midway is never seen; its rows written so far are deleted again.
 */
import type { RecipientFileInput, Upload } from '../model/index.js';
import type { UploadRecipientRecord } from '../ports/store.js';
import { readRecipientFile } from '../recipients/stream.js';
import type { EngineContext } from './context.js';
import { uploadRowId } from './ids.js';

type Row = Omit<UploadRecipientRecord, 'id' | 'index' | 'uploadId'>;

export async function uploadRecipientFile(ctx: EngineContext, ownerId: string, input: RecipientFileInput): Promise<Upload> {
  const { defaultCountry } = await ctx.settings();
  const { maxBytes, maxUnpackedBytes } = ctx.recipientFiles;
  const id = ctx.id('upl');
  const name = input.fileName ?? input.file.name ?? 'recipients.csv';
  let index = 0;
  let summary;
  try {
    summary = await readRecipientFile(
      input.file,
      { defaultCountry, phoneColumn: input.phoneColumn, format: input.format, fileName: name, maxBytes, maxUnpackedBytes, onProgress: input.onProgress },
      async (chunk) => {
        const rows: Row[] = [
          ...chunk.recipients.map((row) => ({ e164: row.e164, fields: row.fields, line: row.line, state: 'valid' as const, error: null })),
          ...chunk.errors.map((row) => ({ e164: row.value, fields: {}, line: row.line, state: 'invalid' as const, error: row.message })),
          ...chunk.duplicates.map((row) => ({ e164: row.e164, fields: {}, line: row.line, state: 'duplicate' as const, error: `Same number as line ${row.firstLine}` })),
        ].sort((a, b) => a.line - b.line);
        if (rows.length === 0) return;
        await ctx.db.uploadRecipients.insertMany(rows.map((row) => ({ ...row, id: uploadRowId(id, index), uploadId: id, index: index++ })));
      },
    );
  } catch (error) {
    if (index > 0) await ctx.db.uploadRecipients.deleteMany({ uploadId: id });
    throw error;
  }
  const { stats } = summary;
  const upload: Upload = {
    id, ownerId, name, columns: summary.columns, phoneColumn: summary.phoneColumn,
    stats: { recipients: stats.recipients, errors: stats.errors, duplicates: stats.duplicates }, createdAt: ctx.nowIso(),
  };
  await ctx.db.uploads.insert(upload);
  return upload;
}
