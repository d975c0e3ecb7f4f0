import type { Clock } from '../../src/ports/carrier.js';
import type { ConcatInfo } from './udh.js';

interface Pending {
  texts: Array<string | undefined>;
  received: number;
  timer: unknown;
}

/**
 * Puts the parts of concatenated inbound messages back together, whatever order they come in; a part that comes twice
 * counts once. Bounded: a message whose parts do not all arrive within `timeoutMs` of its first is dropped, and so is
 * the oldest pending one when `maxMessages` are pending; each drop is counted in `dropped`.
 */
export class Reassembler {
  private readonly pending = new Map<string, Pending>();
  /** Incomplete messages dropped so far. */
  dropped = 0;

  constructor(
    private readonly options: { timeoutMs: number; maxMessages: number },
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a part of the message that `sender` (its address and ours, as the caller keys them) sent with `concat`:
   * returns the whole text once the last part is in, else null.
   */
  add(sender: string, concat: ConcatInfo, text: string): string | null {
    const key = `${sender}\u0000${concat.reference}\u0000${concat.total}`;
    let entry = this.pending.get(key);
    if (!entry) {
      if (this.pending.size >= this.options.maxMessages) this.drop(this.pending.keys().next().value!);
      entry = { texts: new Array(concat.total), received: 0, timer: this.clock.setTimeout(() => this.drop(key), this.options.timeoutMs) };
      this.pending.set(key, entry);
    }
    if (entry.texts[concat.sequence - 1] !== undefined) return null;
    entry.texts[concat.sequence - 1] = text;
    entry.received += 1;
    if (entry.received < concat.total) return null;
    this.clock.clearTimeout(entry.timer);
    this.pending.delete(key);
    return entry.texts.join('');
  }

  /** Messages waiting for parts. */
  get size(): number {
    return this.pending.size;
  }

  /** Forgets every pending message (the carrier closes), without counting them as dropped. */
  clear(): void {
    for (const entry of this.pending.values()) this.clock.clearTimeout(entry.timer);
    this.pending.clear();
  }

  private drop(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.clock.clearTimeout(entry.timer);
    this.pending.delete(key);
    this.dropped += 1;
  }
}
