/** The most sends kept waiting for a status callback to name them; past it, the oldest is forgotten (it stays unknown). */
export const MAX_UNKNOWN_SENDS = 10_000;

interface Entry {
  /** The SID a status callback gave, if one came while the send was in flight. */
  sid: string | null;
  /** Set once the send's fate is unknown: settles its `send`. */
  resolve: ((answer: { providerId: string }) => void) | null;
}

/**
 * Sends in flight and sends whose fate is unknown (the request went, no usable answer came), by the engine's message
 * id. An unknown send's `send` does not settle, so the engine holds the message as `unknown` and never sends it
 * again; a status callback that carries the message id (`ref`), before or after, settles it with the provider's SID,
 * which the engine takes as the answer (late or not).
 */
export class SendsInFlight {
  private readonly entries = new Map<string, Entry>();
  private waiting = 0;

  /** A send of `messageId` starts. */
  begin(messageId: string): void {
    this.end(messageId);
    this.entries.set(messageId, { sid: null, resolve: null });
  }

  /** The send was answered (accepted or refused): nothing waits for it any more. */
  end(messageId: string): void {
    const entry = this.entries.get(messageId);
    if (!entry) return;
    if (entry.resolve) this.waiting--;
    this.entries.delete(messageId);
  }

  /** The send's fate is unknown: a promise that settles only when (or if) a status callback names it. */
  unknown(messageId: string): Promise<{ providerId: string }> {
    const entry = this.entries.get(messageId);
    if (entry?.sid) {
      this.end(messageId);
      return Promise.resolve({ providerId: entry.sid });
    }
    return new Promise((resolve) => {
      this.end(messageId);
      if (this.waiting >= MAX_UNKNOWN_SENDS) this.forgetOldestWaiting();
      this.entries.set(messageId, { sid: null, resolve });
      this.waiting++;
    });
  }

  /** A status callback names `messageId` with its SID: settles the send if its fate was unknown. */
  named(messageId: string, sid: string): void {
    const entry = this.entries.get(messageId);
    if (!entry) return;
    if (!entry.resolve) {
      entry.sid = sid;
      return;
    }
    const { resolve } = entry;
    this.end(messageId);
    resolve({ providerId: sid });
  }

  private forgetOldestWaiting(): void {
    for (const [messageId, entry] of this.entries) {
      if (entry.resolve) {
        this.end(messageId);
        return;
      }
    }
  }
}
