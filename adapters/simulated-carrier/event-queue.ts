/** The items due at one time, in the order they went in; `head` is the next one out. */
interface Slot<T> {
  items: (T | undefined)[];
  head: number;
}

/**
 * A queue of items by due time; items due at the same time come out in the order they went in. Items are kept in a
 * list per due time, and only the distinct due times are kept in a min-heap: a carrier schedules hundreds of reports
 * for the same millisecond, so a push is mostly an append, and the heap stays as small as the spread of due times.
 */
export class EventQueue<T> {
  private readonly slots = new Map<number, Slot<T>>();
  /** The distinct due times that have a slot, as a binary min-heap. */
  private readonly times: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The earliest due time, or Infinity when empty. */
  nextDue(): number {
    return this.times[0] ?? Infinity;
  }

  peek(): T | undefined {
    const due = this.times[0];
    if (due === undefined) return undefined;
    const slot = this.slots.get(due)!;
    return slot.items[slot.head];
  }

  push(due: number, item: T): void {
    const slot = this.slots.get(due);
    if (slot) slot.items.push(item);
    else {
      this.slots.set(due, { items: [item], head: 0 });
      this.pushTime(due);
    }
    this.count++;
  }

  /** Removes and returns the earliest item with its due time. */
  pop(): { due: number; item: T } | undefined {
    const due = this.times[0];
    if (due === undefined) return undefined;
    const slot = this.slots.get(due)!;
    const item = slot.items[slot.head] as T;
    slot.items[slot.head] = undefined;
    slot.head++;
    if (slot.head === slot.items.length) {
      this.slots.delete(due);
      this.popTime();
    }
    this.count--;
    return { due, item };
  }

  private pushTime(due: number): void {
    const times = this.times;
    let index = times.push(due) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (times[parent]! <= due) break;
      times[index] = times[parent]!;
      index = parent;
    }
    times[index] = due;
  }

  private popTime(): void {
    const times = this.times;
    const last = times.pop()!;
    if (times.length === 0) return;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= times.length) break;
      const right = left + 1;
      const child = right < times.length && times[right]! < times[left]! ? right : left;
      if (times[child]! >= last) break;
      times[index] = times[child]!;
      index = child;
    }
    times[index] = last;
  }
}
