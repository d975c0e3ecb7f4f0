/**
 * Line breaks of any style for papaparse, which ends records at one style only. A lone CR becomes an LF (the same
 * length, so every position in the text stays where it was) and papaparse is told '\n': LF and CR lines end there,
 * a CRLF line leaves its CR at the end of its last cell, and a quoted field's lone CRs are put back afterwards.
 */

/** A CR that is not the first half of a CRLF. */
const LONE_CR = /\r(?!\n)/;
const LONE_CRS = /\r(?!\n)/g;

/** True when the text holds a CR that is not followed by an LF. */
export function hasLoneCr(text: string): boolean {
  return LONE_CR.test(text);
}

/** The text with each lone CR turned into an LF: the same length, and every line break now ends in an LF. */
export function loneCrsToLf(text: string): string {
  return text.replace(LONE_CRS, '\n');
}

/** Drops the CR a CRLF leaves at the end of a record's last cell (no other cell can end in a CR once lone ones are LFs). */
export function dropCrlfRemainder(cells: string[]): void {
  const last = cells.length - 1;
  const cell = cells[last];
  if (cell !== undefined && cell.charCodeAt(cell.length - 1) === 13) cells[last] = cell.slice(0, -1);
}

/**
 * Puts back the lone CRs of the original text inside a record's cells, read from the text after `loneCrsToLf`. The
 * record spans `from` to `to` of `original`; the LFs in its cells, in order, are its line breaks but the last, in order.
 */
export function restoreLoneCrs(cells: string[], original: string, from: number, to: number): void {
  if (!cells.some((cell) => cell.includes('\n'))) return;
  const breaks: string[] = [];
  for (let index = from; index < to; index++) {
    const code = original.charCodeAt(index);
    if (code === 10) breaks.push('\n');
    else if (code === 13 && original.charCodeAt(index + 1) !== 10) breaks.push('\r');
  }
  let next = 0;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    if (cell.includes('\n')) cells[index] = cell.replace(/\n/g, () => breaks[next++] ?? '\n');
  }
}
