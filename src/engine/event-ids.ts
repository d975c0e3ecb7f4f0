/** Event ids count from here (2024-01-01T00:00:00Z), so that they stay safe integers until 2093. */
const EPOCH = Date.UTC(2024, 0, 1);
/** Ids per ms of the clock: an instance's tag in the low bits, and room for 64 events per ms before it borrows the next. */
const PER_MS = 4096;
/** Instances told apart in an id's low bits. */
export const INSTANCE_TAGS = 64;

/**
 * Live event ids that order events across the instances over one store, so that a subscriber resuming with
 * `Last-Event-ID` on another instance than the one it was listening to gets what it missed and nothing twice.
 *
 * An id is a hybrid logical clock: `(ms since 2024 × 64 + a count within that ms) × 64 + the instance's tag`. It never
 * goes below one more than any id the instance has emitted or received from another (`observe`), so that whatever an
 * instance emits sorts after everything it has delivered, whatever the clocks of the instances say; the tag (0-63,
 * numbered by the store as instances start) keeps two instances' ids apart. Ids of events raised at the same moment on
 * two instances are ordered arbitrarily between them; each instance delivers and replays in the order it received.
 */
export class EventIds {
  /** The last logical time used or seen: `ms since 2024 × 64 + count`. */
  private last = 0;

  constructor(private readonly now: () => number, private tag = 0) {}

  /** Sets the instance's tag once the store has numbered it (0 until then). */
  setTag(tag: number): void {
    this.tag = ((tag % INSTANCE_TAGS) + INSTANCE_TAGS) % INSTANCE_TAGS;
  }

  /** The next id for an event raised here. */
  next(): number {
    const physical = Math.max(0, this.now() - EPOCH) * (PER_MS / INSTANCE_TAGS);
    this.last = Math.max(physical, this.last + 1);
    return this.last * INSTANCE_TAGS + this.tag;
  }

  /** Takes note of an id raised by another instance: what this one raises next sorts after it. */
  observe(id: number): void {
    if (Number.isSafeInteger(id) && id > 0) this.last = Math.max(this.last, Math.floor(id / INSTANCE_TAGS));
  }
}
