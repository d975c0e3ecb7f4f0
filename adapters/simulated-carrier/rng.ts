/** A seeded source of randomness: the same seed gives the same sequence, in every JavaScript engine. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, 2^32). */
  uint32(): number;
  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** One of `items`, each as likely. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A mulberry32 generator: 32 bits of state, fast, and good enough for simulation (not for secrets). A string seed is
 * hashed first.
 *
 * @example
 * const rng = createRng(42);
 * rng.chance(0.05); // the same answer on every run
 */
export function createRng(seed: number | string): Rng {
  return new Mulberry32(typeof seed === 'number' ? seed >>> 0 : hash32(seed));
}

/** A class rather than closures: the carrier makes one per message, so it must cost next to nothing. */
class Mulberry32 implements Rng {
  constructor(private state: number) {}

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.uint32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * A 32-bit hash of the parts (FNV-1a over their text, then a finalising mix), for seeds and ids.
 *
 * @example
 * hash32('seed', 7) === hash32('seed', 7) // true
 */
export function hash32(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'string' ? part : String(part);
    for (let index = 0; index <= text.length; index++) {
      hash ^= index < text.length ? text.charCodeAt(index) : 0;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
