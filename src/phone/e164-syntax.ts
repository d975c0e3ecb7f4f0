/** The shape of an E.164 number: '+', then 7 to 15 digits, the first not 0 (ITU-T E.164: at most 15 digits). */
export const E164_SYNTAX = /^\+[1-9]\d{6,14}$/;

/**
 * True when a string has the shape of an E.164 number. Syntax only: use `parsePhone` or the `E164` schema to know
 * that the number is real.
 *
 * @example
 * isE164('+61412345678') // true
 * isE164('0412 345 678') // false
 */
export function isE164(value: string): boolean {
  return typeof value === 'string' && E164_SYNTAX.test(value);
}
