/**
 * Phone numbers for elements: `parsePhone` and `formatPhone` of src/phone.ts (free of zod, so cheap to ship), and
 * `displayPhone`, the form a number is shown in.
 */
import { formatPhone, parsePhone } from '../../src/phone.js';

export { formatPhone, parsePhone };
export type { PhoneParseResult } from '../../src/phone.js';

/**
 * A number as the user reads it: national when it belongs to `homeCountry` (the portal's default country),
 * international otherwise. Anything that is not a valid phone number comes back unchanged.
 *
 * @example
 * displayPhone('+61412345678', 'AU') // '0412 345 678'
 * displayPhone('+442079460958', 'AU') // '+44 20 7946 0958'
 */
export function displayPhone(e164: string, homeCountry: string | undefined): string {
  const read = parsePhone(e164);
  if (!read.ok) return e164;
  const home = read.country !== undefined && read.country === homeCountry?.toUpperCase();
  return formatPhone(read.e164, { style: home ? 'national' : 'international' });
}
