import * as z from 'zod';

/** An opaque identifier assigned by the backend. */
export const Id = z.string().min(1).max(128);
export type Id = z.infer<typeof Id>;

/** An instant as an ISO 8601 string with offset (`2026-11-23T09:30:00.000Z`): plain, serialisable data. */
export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** A calendar month, `YYYY-MM`, the unit usage is reported in. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month as YYYY-MM');
export type Month = z.infer<typeof Month>;

/** Money in integer minor units (cents, pence): never floating point. */
export const MinorUnits = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export type MinorUnits = z.infer<typeof MinorUnits>;

/** A 1-based line of an imported file. */
export const FileLine = z.number().int().positive();

/** A short free-text field (names, labels). */
export const Name = z.string().trim().min(1).max(200);

/** The body of an SMS or chat message: not empty, at most 10 parts' worth of text in the worst case and then some. */
export const MessageBody = z.string().min(1, 'The message is empty').max(1600, 'The message is longer than 1600 characters');

/** The most items one page of a list holds: a larger `limit` is refused. */
export const MAX_PAGE_SIZE = 500;

/** The longest cursor a list takes: a longer one is refused before anything is read. */
export const MAX_CURSOR_LENGTH = 512;

/**
 * Asks for one page of a list. Cursors are opaque strings returned by the previous page. Every list method of the
 * backend parses its query with this schema or one extending it: a `limit` outside 1 to `MAX_PAGE_SIZE`, or not a
 * whole number, and a cursor longer than `MAX_CURSOR_LENGTH` are a `ValidationError` on `limit` or `cursor`.
 */
export const PageRequest = z.object({
  cursor: z.string().max(MAX_CURSOR_LENGTH, `A cursor is at most ${MAX_CURSOR_LENGTH} characters`).optional(),
  limit: z
    .number()
    .int('The page size is a whole number')
    .min(1, 'A page holds at least 1 item')
    .max(MAX_PAGE_SIZE, `A page holds at most ${MAX_PAGE_SIZE} items`)
    .optional(),
});
export type PageRequest = z.infer<typeof PageRequest>;

/** One page of a list narrowed by free text (names, numbers...). */
export const SearchQuery = PageRequest.extend({ query: z.string().max(100).optional() });
export type SearchQuery = z.input<typeof SearchQuery>;

/** The default page size when a request does not name one. */
export const DEFAULT_PAGE_SIZE = 50;

/** One page of a list; `nextCursor` is null on the last page. `total` is given where it is cheap to know. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** The zod schema of a page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nonnegative().optional() });
}
