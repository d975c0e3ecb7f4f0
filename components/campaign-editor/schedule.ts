/**
 * Dates for the schedule field: `<input type="datetime-local">` speaks local wall-clock time without a zone
 * ("2026-11-24T09:30"), the backend ISO 8601 instants. The page's time zone is the one in between, and the editor
 * shows it.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * An instant as the value of a `datetime-local` input, in the page's time zone, to the minute.
 *
 * @example
 * toLocalInput(new Date(2026, 10, 24, 9, 30)) // '2026-11-24T09:30'
 */
export function toLocalInput(value: Date | string | number): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instant a `datetime-local` value names in the page's time zone, as ISO 8601, or null when it is not one.
 *
 * @example
 * fromLocalInput('2026-11-24T09:30') // '2026-11-23T22:30:00.000Z' in Australia/Sydney
 */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

let zoneName: string | undefined;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

export interface TimeZoneDescription {
  /** The IANA name, e.g. `Australia/Sydney`, or the offset where the browser does not know one. */
  name: string;
  /** The offset at `at`, localised: `GMT+11:00`, `UTC+11`. */
  offset: string;
}

/**
 * The page's time zone and its offset at an instant (offsets move with daylight saving), in a language.
 *
 * @example
 * describeTimeZone('en', new Date()) // { name: 'Australia/Sydney', offset: 'GMT+11:00' }
 */
export function describeTimeZone(lang: string, at: Date = new Date()): TimeZoneDescription {
  // Intl formatters are slow to build (milliseconds each): one per language, kept.
  zoneName ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  const name = zoneName;
  let offset = '';
  try {
    let format = offsetFormats.get(lang);
    if (!format) offsetFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { timeZoneName: 'longOffset' })));
    offset = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    const minutes = -at.getTimezoneOffset();
    offset = `UTC${minutes >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  }
  return { name: name || offset, offset };
}
