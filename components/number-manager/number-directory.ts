import type { SmsClient } from '../../src/client.js';
import type { Page } from '../../src/model/common.js';
import type { Extension } from '../../src/model/directory.js';
import type { SmsNumber } from '../../src/model/number.js';

/** Rows read per call, and the most pages read: 10,000 extensions or numbers, beyond any PBX this serves. */
const PAGE = 500;
const MAX_PAGES = 20;

/** Every item of a paged listing, page after page (bounded). */
async function readAll<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await read(cursor);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** The organisation's extensions, by number (every role may read them). */
export function readExtensions(client: SmsClient): Promise<Extension[]> {
  return readAll((cursor) => client.directory.extensions({ cursor, limit: PAGE }));
}

/**
 * Who holds what, read when an administrator opens a number's form: every extension, and for each the number in
 * service it holds (an extension holds at most one), so that the form says which number a chosen extension would
 * leave before anything is saved.
 */
export interface Assignments {
  extensions: Extension[];
  /** Extension id → the number in service it holds. */
  holders: Map<string, SmsNumber>;
}

export async function readAssignments(client: SmsClient): Promise<Assignments> {
  const [extensions, numbers] = await Promise.all([
    readExtensions(client),
    readAll((cursor) => client.numbers.list({ cursor, limit: PAGE })),
  ]);
  const holders = new Map<string, SmsNumber>();
  for (const number of numbers) for (const extensionId of number.extensionIds) holders.set(extensionId, number);
  return { extensions, holders };
}
