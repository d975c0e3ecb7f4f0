import * as z from 'zod';
import { E164 } from './e164.js';
import { FileLine, Id, PageRequest, SearchQuery, Timestamp } from './common.js';

export const BLOCKLIST_SOURCES = ['manual', 'opt-out', 'import'] as const;
export const BlocklistSource = z.enum(BLOCKLIST_SOURCES);
export type BlocklistSource = z.infer<typeof BlocklistSource>;

/**
 * A number that bulk sends skip. Direct messages still go unless the `blockDirectSends` setting says otherwise.
 * An opt-out entry comes from a STOP-type reply and carries that message; START removes it, never a manual one.
 */
export const BlocklistEntry = z.object({
  e164: E164,
  source: BlocklistSource,
  reason: z.string().max(500),
  /** The user who added it, or `system` for an opt-out. */
  addedBy: z.string(),
  /** That user's name when they added it (null for `system` or a user the directory does not know). */
  addedByName: z.string().nullable().optional(),
  addedAt: Timestamp,
  /** For an opt-out: the message that triggered it. */
  message: z.string().nullable(),
});
export type BlocklistEntry = z.infer<typeof BlocklistEntry>;

export const BlocklistAdd = z.object({
  e164: z.string().min(1).max(40),
  reason: z.string().trim().max(500).optional(),
});
export type BlocklistAdd = z.input<typeof BlocklistAdd>;

/** Most numbers one `blocklist.import` call takes, as `check`: a longer file goes in several calls. */
export const BLOCKLIST_IMPORT_MAX_ENTRIES = 1000;

/**
 * What `blocklist.import` takes: up to 1000 rows, each a number (up to 40 characters), an optional reason (up to 500)
 * and its line in the file.
 */
export const BlocklistImport = z.object({
  entries: z.array(BlocklistAdd.extend({ line: FileLine })).max(BLOCKLIST_IMPORT_MAX_ENTRIES),
});
export type BlocklistImport = z.input<typeof BlocklistImport>;

export const BlocklistQuery = SearchQuery.extend({ source: BlocklistSource.optional() });
export type BlocklistQuery = z.input<typeof BlocklistQuery>;

/** The audit trail of one number (as typed, read in the default country), or of all. */
export const BlocklistHistoryQuery = PageRequest.extend({ e164: z.string().min(1).max(40).optional() });
export type BlocklistHistoryQuery = z.input<typeof BlocklistHistoryQuery>;

/** The audit trail: every addition and removal, who did it, when, from where and why. */
export const BlocklistAudit = z.object({
  id: Id,
  e164: E164,
  action: z.enum(['added', 'removed']),
  source: BlocklistSource,
  by: z.string(),
  /** That user's name at the time (null for `system` or a user the directory does not know). */
  byName: z.string().nullable().optional(),
  at: Timestamp,
  reason: z.string(),
  message: z.string().nullable(),
});
export type BlocklistAudit = z.infer<typeof BlocklistAudit>;

export const BlocklistImportResult = z.object({
  added: z.number().int().nonnegative(),
  existing: z.number().int().nonnegative(),
  errors: z.array(z.object({ line: z.number().int().positive(), value: z.string(), code: z.string(), message: z.string() })),
});
export type BlocklistImportResult = z.infer<typeof BlocklistImportResult>;
