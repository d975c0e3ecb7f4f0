interface Entry<T> {
  due: number;
  seq: number;
  item: T;
}

/** A min-heap of items by due time; items due at the same time come out in the order they went in. */
export class EventQueue<T> {
  private readonly heap: Array<Entry<T>> = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The earliest due time, or Infinity when empty. */
  nextDue(): number {
    return this.heap[0]?.due ?? Infinity;
  }

  peek(): T | undefined {
    return this.heap[0]?.item;
  }

  push(due: number, item: T): void {
    const heap = this.heap;
    const entry = { due, seq: this.seq++, item };
    let index = heap.push(entry) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  /** Removes and returns the earliest item with its due time. */
  pop(): { due: number; item: T } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
