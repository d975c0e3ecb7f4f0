/**
 * The first line of each E.164 number seen, for finding duplicates among a million rows. A Map of strings would
 * hold ~35 bytes per entry on the JS heap and rehash it as it grows; E.164 has at most 15 digits, which a double
 * holds exactly, so this open-addressing table keeps numbers in a Float64Array and lines in an Int32Array
 * (12 bytes per slot, off the JS heap, no garbage).
 */
export class NumberIndex {
  private keys = new Float64Array(1 << 12);
  private lines = new Int32Array(1 << 12);
  private count = 0;

  /** The line recorded for `e164` ('+' and digits), or 0 when it is new, in which case `line` is recorded. */
  firstLineOrAdd(e164: string, line: number): number {
    const key = digitsValue(e164);
    const mask = this.keys.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.lines[slot]!;
      if (found === 0) {
        this.keys[slot] = key;
        this.lines[slot] = line;
        if (++this.count * 2 > this.keys.length) this.grow();
        return 0;
      }
    }
  }

  private grow(): void {
    const keys = this.keys;
    const lines = this.lines;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (key === 0) continue;
      let slot = hash(key) & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.lines[slot] = lines[index]!;
    }
  }
}

/** The digits after '+' as a number (exact: at most 15 digits). */
function digitsValue(e164: string): number {
  let value = 0;
  for (let index = 1; index < e164.length; index++) value = value * 10 + (e164.charCodeAt(index) - 48);
  return value;
}

/** Mixes both 32-bit halves of the number into a slot index. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) ^ (low >>> 16);
}
