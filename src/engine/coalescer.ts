/**
 * Gathers the items added within one turn of the microtask queue and hands them to `write` together; items added
 * while a write is under way go in the next one, so writes never overlap and keep the items' order. No timer is
 * involved: an item waits only for the answers that came with it and for the write before it.
 *
 * Dispatch records the provider ids a carrier returns with one, so that a window of answers that come together costs
 * one store call, while answers that come one by one are each recorded at once.
 *
 * @example
 * const ids = new Coalescer<string>(async (batch) => {
 *   await recipients.updateEach(batch.map((id) => [id, { state: 'sent' }]));
 * });
 * ids.add('a'); ids.add('b'); // one write of both
 * await ids.idle();
 */
export class Coalescer<T> {
  private pending: T[] = [];
  private settles: (() => void)[] = [];
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  /**
   * Adds an item to the next write. The promise resolves once the write that holds it is over, whether it succeeded
   * or not (`idle()` reports a failure): a caller may wait for its own item without handling another's error.
   */
  add(item: T): Promise<void> {
    this.pending.push(item);
    const written = new Promise<void>((resolve) => this.settles.push(resolve));
    this.running ??= this.drain();
    return written;
  }

  /** Resolves once every item added is written; rejects with the error of a write that failed (its items are lost). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure) throw this.failure.error;
  }

  private async drain(): Promise<void> {
    try {
      // The rest of this turn's items come first.
      await undefined;
      while (this.pending.length > 0 && !this.failure) {
        const settles = this.settles.splice(0);
        try {
          await this.write(this.pending.splice(0));
        } finally {
          for (const settle of settles) settle();
        }
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.running = null;
      // Items added after a failure are never written: their callers wait no longer.
      for (const settle of this.settles.splice(0)) settle();
    }
  }
}
