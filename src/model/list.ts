import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, Name, SearchQuery, Timestamp, FileLine } from './common.js';

/** Most merge fields (extra CSV columns) an entry or a list import carries. */
export const MAX_MERGE_FIELDS = 100;

/**
 * Extra CSV columns of an entry, kept as merge fields: `{ first_name: 'Ann' }`. At most 100, each named in up to 100
 * characters and holding up to 1000.
 */
export const MergeFields = z
  .record(z.string().max(100), z.string().max(1000))
  .refine((fields) => Object.keys(fields).length <= MAX_MERGE_FIELDS, `At most ${MAX_MERGE_FIELDS} merge fields`);
export type MergeFields = z.infer<typeof MergeFields>;

/** Refused rows a file import's report lists by line (`lists.importFile`); `refused` counts them all. */
export const MAX_REPORTED_ERRORS = 1000;

export const ListImportReport = z.object({
  at: Timestamp,
  fileName: z.string(),
  added: z.number().int().nonnegative(),
  /** Already in the list (same number): fields updated. */
  updated: z.number().int().nonnegative(),
  errors: z.array(z.object({ line: z.number().int().positive(), value: z.string(), code: z.string(), message: z.string() })),
  /**
   * Refused rows in all, when a file import refused more than its report lists (the first `MAX_REPORTED_ERRORS`);
   * left out, `errors` lists every one.
   */
  refused: z.number().int().nonnegative().optional(),
  duplicates: z.number().int().nonnegative(),
});
export type ListImportReport = z.infer<typeof ListImportReport>;

/** A predefined list of recipients for campaigns. Entries are paged separately: lists can be large. */
export const PredefinedList = z.object({
  id: Id,
  name: Name,
  departmentId: Id.nullable(),
  /** Merge-field columns its entries carry. */
  columns: z.array(z.string()),
  entryCount: z.number().int().nonnegative(),
  lastImport: ListImportReport.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PredefinedList = z.infer<typeof PredefinedList>;

export const ListEntry = z.object({
  id: Id,
  listId: Id,
  e164: E164,
  fields: MergeFields,
  createdAt: Timestamp,
});
export type ListEntry = z.infer<typeof ListEntry>;

export const ListEntryInput = z.object({ e164: z.string().min(1).max(40), fields: MergeFields.optional() });
export type ListEntryInput = z.input<typeof ListEntryInput>;

/** `query` matches an entry's number or merge-field values. */
export const ListEntryQuery = SearchQuery;
export type ListEntryQuery = SearchQuery;

/** Most rows one `lists.import` call takes: a whole file (the list manager sends it in one call), as a campaign upload. */
export const LIST_IMPORT_MAX_ROWS = 1_000_000;

/** A row the file reader refused, as `parseRecipients` reports it; kept in the import's report. */
const RefusedRow = z.object({ line: FileLine, value: z.string().max(1000), code: z.string().max(100), message: z.string().max(2000) });

/**
 * What `lists.import` takes: the rows `parseRecipients` read from a file. Bounds: a file name of up to 255 characters;
 * up to 100 columns named in up to 100 characters; up to 1,000,000 entries (a number of up to 40 characters, its
 * merge fields as `MergeFields` bounds them, its line) and as many refused rows (value up to 1000 characters, message
 * up to 2000); the duplicates counted, not listed.
 */
export const ListImportInput = z.object({
  fileName: z.string().max(255),
  columns: z.array(z.string().max(100)).max(MAX_MERGE_FIELDS),
  entries: z.array(z.object({ e164: ListEntryInput.shape.e164, fields: MergeFields, line: FileLine })).max(LIST_IMPORT_MAX_ROWS),
  errors: z.array(RefusedRow).max(LIST_IMPORT_MAX_ROWS),
  duplicates: z.number().int().nonnegative().max(LIST_IMPORT_MAX_ROWS),
});
export type ListImportInput = z.input<typeof ListImportInput>;
