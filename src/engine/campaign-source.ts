import { NotFoundError } from '../errors/not-found-error.js';
import { StateError } from '../errors/state-error.js';
import type { CampaignRecipients } from '../model/index.js';
import { nextTask } from './clock.js';
import type { EngineContext } from './context.js';
import { uploadRowId } from './ids.js';

/** One row of a campaign's recipient source. */
export interface SourceRow {
  index: number;
  e164: string;
  fields: Record<string, string>;
  line: number | null;
  state: 'valid' | 'invalid' | 'duplicate';
  error: string | null;
}

const PAGE = 2000;

/** The merge-field columns a recipient source offers. */
export async function sourceColumns(ctx: EngineContext, source: CampaignRecipients): Promise<string[]> {
  if ('listId' in source) {
    const list = await ctx.db.lists.get(source.listId);
    if (!list) throw new NotFoundError('list', source.listId);
    return list.columns;
  }
  const upload = await ctx.db.uploads.get(source.uploadId);
  if (!upload) throw new NotFoundError('upload', source.uploadId);
  return upload.columns.filter((column) => column !== upload.phoneColumn);
}

/**
 * Walks a predefined list or an uploaded file, page by page, in a stable order. The host gets a turn between pages: a
 * memory store answers at once, and estimating or copying 100k rows must not be one task of most of a second.
 */
export async function* sourceRows(ctx: EngineContext, source: CampaignRecipients): AsyncGenerator<SourceRow[]> {
  let cursor: string | undefined;
  if ('listId' in source) {
    let index = 0;
    do {
      const page = await ctx.db.listEntries.find({ where: { listId: source.listId }, orderBy: [['createdAt', 'asc']], cursor, limit: PAGE });
      yield page.items.map((entry) => ({ index: index++, e164: entry.e164, fields: entry.fields, line: null, state: 'valid' as const, error: null }));
      cursor = page.nextCursor ?? undefined;
      if (cursor) await nextTask();
    } while (cursor);
    return;
  }
  // An upload's rows are keyed by position (`uploadRowId`): read page by page by key, with no sorted index to build.
  const upload = await ctx.db.uploads.get(source.uploadId);
  const total = upload ? upload.stats.recipients + upload.stats.errors + upload.stats.duplicates : 0;
  for (let start = 0; start < total; start += PAGE) {
    const ids = Array.from({ length: Math.min(PAGE, total - start) }, (_, offset) => uploadRowId(source.uploadId, start + offset));
    const rows = await ctx.db.uploadRecipients.getMany(ids);
    if (rows.length !== ids.length) throw new StateError('The uploaded file is incomplete: upload it again.', { resource: 'upload', state: 'incomplete' });
    // In the keys' order (the Store contract), so in position order. The store's copies go as they are: a row holds
    // what a source row does (and its id and upload, which go unread).
    yield rows;
    if (start + PAGE < total) await nextTask();
  }
}
