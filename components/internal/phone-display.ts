import type { ReactiveControllerHost } from 'lit';
import { lazy, LoadOnConnectController } from './lazy.js';

/** The phone module (libphonenumber-js and its metadata), loaded once for the page. */
const phoneModule = lazy(() => import('./phone.js'));

/** Country calling codes of one and two digits (ITU-T E.164); all others have three. */
const CALLING_CODE = /^\+(?:[17]|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|\d{3})/;

/**
 * An E.164 number grouped for reading without the numbering plans: the calling code, then groups of three digits
 * and a last group of up to four. Anything else comes back unchanged.
 *
 * @example
 * groupE164('+61412345678') // '+61 412 345 678'
 * groupE164('+12125550123') // '+1 212 555 0123'
 */
export function groupE164(e164: string): string {
  const code = /^\+\d{6,15}$/.test(e164) ? CALLING_CODE.exec(e164)?.[0] : undefined;
  if (!code) return e164;
  const digits = e164.slice(code.length);
  const groups = [code];
  let at = 0;
  for (; digits.length - at > 4; at += 3) groups.push(digits.slice(at, at + 3));
  groups.push(digits.slice(at));
  return groups.join(' ');
}

/**
 * Phone numbers for display in an element that shows them from its first render, without shipping the phone
 * module (libphonenumber-js and its metadata) in the element's own bundle: the module starts loading when the
 * first such element connects, in parallel with the element's first data, and every element using the controller
 * updates once it is there. Until then `ready` is false (show the loading state rather than numbers that would
 * change form), and `display` groups the E.164 digits (`groupE164`). Should the module fail to load, `ready`
 * turns true all the same and numbers stay grouped.
 *
 * @example
 * private readonly phone = new PhoneDisplayController(this);
 * render() { return this.phone.ready ? html`${this.phone.display(e164, 'AU')}` : renderLoading('Loading…'); }
 */
export class PhoneDisplayController extends LoadOnConnectController<typeof import('./phone.js')> {
  constructor(host: ReactiveControllerHost) {
    super(host, phoneModule);
  }

  /** `displayPhone` of components/internal/phone.ts once loaded (national at home, else international). */
  display(e164: string, homeCountry: string | undefined): string {
    const phone = this.module.value;
    return phone ? phone.displayPhone(e164, homeCountry) : groupE164(e164);
  }
}
