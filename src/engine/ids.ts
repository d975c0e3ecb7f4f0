import { host } from '../internal/host.js';

/**
 * Sortable, unique ids: time in base 36, a counter and randomness, behind a short prefix naming the kind
 * (`msg_`, `cmp_`...). Sorting ids sorts by creation within one engine.
 */
export function createIdGenerator(now: () => number): (prefix: string) => string {
  let last = 0;
  let counter = 0;
  return (prefix) => {
    const time = now();
    counter = time === last ? counter + 1 : 0;
    last = time;
    return `${prefix}_${time.toString(36).padStart(9, '0')}${counter.toString(36).padStart(3, '0')}${random(6)}`;
  };
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function random(length: number): string {
  const bytes = new Uint8Array(length);
  if (host.crypto) host.crypto.getRandomValues(bytes);
  else for (let index = 0; index < length; index++) bytes[index] = Math.floor(Math.random() * 256);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}
