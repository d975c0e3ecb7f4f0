import type { SmsClient } from '../../src/client.js';
import type { Extension } from '../../src/model/directory.js';
import type { SmsNumber } from '../../src/model/number.js';
import { readAll } from '../internal/read-all.js';

/** The organisation's extensions, by number (every role may read them). */
export function readExtensions(client: SmsClient): Promise<Extension[]> {
  return readAll((cursor, limit) => client.directory.extensions({ cursor, limit }));
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
    readAll((cursor, limit) => client.numbers.list({ cursor, limit })),
  ]);
  const holders = new Map<string, SmsNumber>();
  for (const number of numbers) for (const extensionId of number.extensionIds) holders.set(extensionId, number);
  return { extensions, holders };
}
