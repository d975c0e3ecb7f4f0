/**
 * `lists.importFile`: a recipient file read as a stream (`readRecipientFile`) into a list, a chunk of 1,000 rows at a
 * time: one multi-row insert of the chunk's new numbers (`insertManyIfAbsent`: numbers already in the list are found
 * by the same statement), one multi-row update of the others' fields (`updateEach`). Duplicates in the file are told
 * by the reader (it keeps the numbers seen, not the rows); only the chunk at hand and the report are held.
 */
import { MAX_MERGE_FIELDS, MAX_REPORTED_ERRORS, type ListImportReport, type PredefinedList, type RecipientFileInput } from '../model/index.js';
import type { ListEntryRecord } from '../ports/store.js';
import { readRecipientFile } from '../recipients/stream.js';
import type { Recipient } from '../recipients/types.js';
import type { EngineContext } from './context.js';
import { entryKey, searchText } from './list-entries.js';

/** The bounds of `MergeFields`, checked per row: a row beyond them is refused, not the file. */
const MAX_FIELD_NAME = 100;
const MAX_FIELD_VALUE = 1000;

/** Why a row's merge fields do not fit `MergeFields`, or null when they do. */
function fieldsProblem(fields: Record<string, string>): string | null {
  let count = 0;
  for (const name in fields) {
    if (++count > MAX_MERGE_FIELDS) return `The row has more than ${MAX_MERGE_FIELDS} columns besides the number.`;
    if (name.length > MAX_FIELD_NAME) return `The column "${name.slice(0, 40)}…" is named in more than ${MAX_FIELD_NAME} characters.`;
    if (fields[name]!.length > MAX_FIELD_VALUE) return `The column "${name}" holds more than ${MAX_FIELD_VALUE} characters.`;
  }
  return null;
}

/**
 * Reads the file into the list and returns the report and the merge-field columns found. When reading fails midway
 * (the file broke off, the store failed), the entries this import added are deleted again and the error is thrown;
 * entries it updated keep their new fields.
 */
export async function importListFile(
  ctx: EngineContext,
  list: PredefinedList,
  input: RecipientFileInput,
): Promise<{ report: ListImportReport; columns: string[] }> {
  const { defaultCountry } = await ctx.settings();
  const { maxBytes, maxUnpackedBytes } = ctx.recipientFiles;
  const at = ctx.nowIso();
  const fileName = input.fileName ?? input.file.name ?? 'recipients.csv';
  const report: ListImportReport = { at, fileName, added: 0, updated: 0, errors: [], duplicates: 0 };
  let refused = 0;
  const refuse = (error: ListImportReport['errors'][number]): void => {
    refused += 1;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
  };
  // Every entry of one import is stamped with its time: a failed import's additions are found by it.
  const record = ({ e164, fields }: Recipient): ListEntryRecord => ({ id: entryKey(list.id, e164), listId: list.id, e164, fields, text: searchText(e164, fields), createdAt: at });

  let summary;
  try {
    summary = await readRecipientFile(
      input.file,
      { defaultCountry, phoneColumn: input.phoneColumn, format: input.format, fileName, maxBytes, maxUnpackedBytes, onProgress: input.onProgress },
      async (chunk) => {
        for (const { line, value, code, message } of chunk.errors) refuse({ line, value, code, message });
        report.duplicates += chunk.duplicates.length;
        const records: ListEntryRecord[] = [];
        for (const recipient of chunk.recipients) {
          const problem = fieldsProblem(recipient.fields);
          if (problem) refuse({ line: recipient.line, value: recipient.e164, code: 'fields.too_large', message: problem });
          else records.push(record(recipient));
        }
        if (records.length === 0) return;
        const added = new Set(await ctx.db.listEntries.insertManyIfAbsent(records));
        const updates = records.filter((entry) => !added.has(entry.id)).map((entry) => [entry.id, { fields: entry.fields, text: entry.text }] as const);
        if (updates.length > 0) await ctx.db.listEntries.updateEach(updates);
        report.added += added.size;
        report.updated += updates.length;
      },
    );
  } catch (error) {
    if (report.added > 0) await ctx.db.listEntries.deleteMany({ listId: list.id, createdAt: at });
    throw error;
  }
  if (refused > report.errors.length) report.refused = refused;
  report.errors.sort((a, b) => a.line - b.line);
  return { report, columns: summary.columns.filter((column) => column !== summary.phoneColumn) };
}
