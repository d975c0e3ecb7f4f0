import type { ListEntry } from '../model/index.js';
import type { ListEntryRecord } from '../ports/store.js';

/** The key of a list's entry: one per number in a list. */
export function entryKey(listId: string, e164: string): string {
  return `${listId}:${e164}`;
}

/** What an entry is found by: its number and merge-field values, lower case. */
export function searchText(e164: string, fields: Record<string, string>): string {
  return [e164, ...Object.values(fields)].join(' ').toLowerCase();
}

export function toEntry({ text: _text, ...entry }: ListEntryRecord): ListEntry {
  return entry;
}
