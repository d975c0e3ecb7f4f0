import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, Name, SearchQuery, Timestamp } from './common.js';

/** Extra CSV columns of an entry, kept as merge fields: `{ first_name: 'Ann' }`. */
export const MergeFields = z.record(z.string().max(100), z.string().max(1000));
export type MergeFields = z.infer<typeof MergeFields>;

export const ListImportReport = z.object({
  at: Timestamp,
  fileName: z.string(),
  added: z.number().int().nonnegative(),
  /** Already in the list (same number): fields updated. */
  updated: z.number().int().nonnegative(),
  errors: z.array(z.object({ line: z.number().int().positive(), value: z.string(), code: z.string(), message: z.string() })),
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
