import type { Message } from '../../src/model/message.js';

/** One row of the thread: a day separator, a message, or the top edge (older messages loading, or the start). */
export type ThreadRow =
  | { kind: 'day'; key: string; time: string }
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'older' | 'start'; key: string };

/** The local calendar day of an instant, as a stable key: "2026-11-23". */
export function localDay(time: string | number | Date): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The rows of a thread from its loaded messages, newest first (as pages arrive): oldest at the top, a day separator
 * before the first message of each local day, and the top edge.
 */
export function threadRows(newestFirst: readonly Message[], hasOlder: boolean): ThreadRow[] {
  const rows: ThreadRow[] = [hasOlder ? { kind: 'older', key: 'edge:older' } : { kind: 'start', key: 'edge:start' }];
  let day = '';
  for (let position = newestFirst.length - 1; position >= 0; position--) {
    const message = newestFirst[position]!;
    const messageDay = localDay(message.createdAt);
    if (messageDay !== day) {
      day = messageDay;
      rows.push({ kind: 'day', key: `day:${messageDay}`, time: message.createdAt });
    }
    rows.push({ kind: 'message', key: message.id, message });
  }
  return rows;
}

/**
 * Whether the message of row `index` is on another channel than the message before it (than the conversation's own
 * channel, shown in the header, for the first one): only there does a bubble name its channel.
 */
export function channelChanges(rows: readonly ThreadRow[], index: number, channel: Message['channel'] | undefined): boolean {
  const row = rows[index];
  if (row?.kind !== 'message') return false;
  for (let before = index - 1; before >= 0; before--) {
    const previous = rows[before]!;
    if (previous.kind === 'message') return previous.message.channel !== row.message.channel;
  }
  return row.message.channel !== channel;
}

/** Compares two messages by thread order: newer first (creation time, then id). */
function newer(a: Message, b: Message): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/**
 * Puts a message into a newest-first list: replaces the one with its id (unless the stored one is more recent),
 * or inserts it in order. A message older than everything loaded is left for its page when more pages exist.
 * Returns the new list, or null when nothing changed, and whether the message was new.
 */
export function upsertMessage(newestFirst: readonly Message[], message: Message, hasOlder: boolean): { items: Message[]; added: boolean } | null {
  const existing = newestFirst.findIndex((candidate) => candidate.id === message.id);
  if (existing >= 0) {
    if (newestFirst[existing]!.updatedAt > message.updatedAt) return null;
    const items = newestFirst.slice();
    items[existing] = message;
    return { items, added: false };
  }
  const at = newestFirst.findIndex((candidate) => newer(message, candidate));
  if (at < 0 && hasOlder) return null;
  const items = newestFirst.slice();
  items.splice(at < 0 ? items.length : at, 0, message);
  return { items, added: true };
}
