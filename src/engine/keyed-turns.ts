/**
 * Turns taken one at a time under each key, in the order they were asked for: the engine hands the messages of one
 * conversation to the carrier this way, each after the carrier has answered the one before it. Holds an entry only
 * for a key with a turn taken or waiting.
 *
 * @example
 * const turns = new KeyedTurns();
 * const end = await turns.take(conversationId); // after every earlier turn of this conversation has ended
 * try { await carrier.send(sms); } finally { end(); }
 */
export class KeyedTurns {
  /** For each key, the end of its last turn asked for. */
  private readonly last = new Map<string, Promise<void>>();

  /** How many keys have a turn taken or waiting. */
  get size(): number {
    return this.last.size;
  }

  /**
   * Waits for a turn under `key`, queued at the call (before any await), and resolves with the function that ends it.
   * Ending it twice is harmless; a turn never ended holds up the key's later turns, so end it in a `finally`.
   */
  take(key: string): Promise<() => void> {
    const before = this.last.get(key);
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.last.set(key, ended);
    void ended.then(() => {
      if (this.last.get(key) === ended) this.last.delete(key);
    });
    return before ? before.then(() => end) : Promise.resolve(end);
  }
}
