/**
 * CSV records with the physical line each starts on, read window by window with papaparse's core parser so that a
 * large file is parsed in slices small enough to yield between (and without holding every row at once). CRLF, LF and
 * CR each end a line, mixed in one file as they come (see line-breaks.ts); inside a quoted field they are kept as written.
 *
 * papaparse is loaded on first use (dynamic import): code that never reads a file does not carry it.
 */
import type * as PapaTypes from 'papaparse';
import { dropCrlfRemainder, hasLoneCr, loneCrsToLf, restoreLoneCrs } from './line-breaks.js';

type Papa = typeof PapaTypes;

/** Called for each record: its cells, the 1-based line it starts on, and whether a quote was left open. */
export type RowSink = (cells: string[], line: number, unclosedQuote: boolean) => void;

/** Delimiters recognised when guessing. */
const DELIMITERS = [',', ';', '\t', '|'];

let papa: Promise<Papa> | undefined;

/** papaparse, imported once. */
export function loadPapa(): Promise<Papa> {
  papa ??= import('papaparse').then((module) => ((module as { default?: Papa }).default ?? module) as Papa);
  return papa;
}

/** The delimiter of a CSV text, guessed by papaparse from its first rows (their line breaks all made LFs). */
export function detectDelimiter(Papa: Papa, text: string): string {
  const sample = text.slice(0, 64 * 1024).replace(/\r\n?/g, '\n');
  const { meta } = Papa.parse<string[]>(sample, { preview: 50, newline: '\n', delimitersToGuess: DELIMITERS, skipEmptyLines: true });
  return DELIMITERS.includes(meta.delimiter) ? meta.delimiter : ',';
}

/**
 * Reads records from CSV text a window at a time. The text is whole from the start, or, with `{ more: true }` (see
 * `CsvStreamReader`), comes in parts: a record cut by the end of the text so far waits for the rest.
 */
export class CsvRowReader {
  protected offset = 0;
  protected done = false;
  // Line counting: `line` is the line at `scanned`; CRLF, CR and LF each end one line.
  private line = 1;
  protected scanned = 0;
  private afterCr = false;
  /** True once the text is whole (see `CsvStreamReader`). */
  protected complete: boolean;

  constructor(
    private readonly Papa: Papa,
    protected text: string,
    private readonly delimiter: string,
    options: { more?: boolean } = {},
  ) {
    this.complete = !options.more;
  }

  /** Share of the text read, 0 to 1. */
  get fraction(): number {
    return this.text.length === 0 ? 1 : this.offset / this.text.length;
  }

  /**
   * Reads the whole records found in the next `size` characters (more when one record is longer) and hands each to
   * `onRow`. Returns false once the text is exhausted, or, while more may come, when no whole record is left in it.
   */
  read(size: number, onRow: RowSink): boolean {
    const text = this.text;
    // While more may come, a CR at the end may be the first half of a CRLF: it waits for what follows.
    const available = !this.complete && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    for (let window = size; !this.done; window *= 2) {
      let end = Math.min(available, this.offset + window);
      // A CRLF is one line break: a window never ends between its two halves.
      if (text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++;
      const last = end === text.length && this.complete;
      const slice = text.slice(this.offset, end);
      const loneCrs = hasLoneCr(slice);
      let start = this.offset;
      const parser = new this.Papa.Parser({
        delimiter: this.delimiter,
        newline: '\n',
        quoteChar: '"',
        // The core parser hands each record wrapped in a one-element array.
        step: (result: PapaTypes.ParseStepResult<string[][]>) => {
          const rowStart = start;
          start = result.meta.cursor;
          // Text ending with a line break: papaparse reports one more, empty record after it. There is no such line.
          if (rowStart >= text.length) return;
          const unclosed = result.errors.some((error) => error.code === 'MissingQuotes');
          const cells = result.data[0] ?? [''];
          dropCrlfRemainder(cells);
          if (loneCrs) restoreLoneCrs(cells, text, rowStart, start);
          onRow(cells, this.lineAt(rowStart), unclosed);
        },
      });
      // Lone CRs become LFs of the same length: papaparse's positions are the text's.
      parser.parse(loneCrs ? loneCrsToLf(slice) : slice, this.offset, !last);
      if (last) this.done = true;
      if (start > this.offset || last) {
        this.offset = last ? text.length : start;
        return !this.done;
      }
      // No whole record in the text so far: wait for more.
      if (end >= available) return false;
      // No whole record in the window: a record (a long quoted field) spans it; read a bigger window.
    }
    return false;
  }

  /** The 1-based line of a position, counting forward from the last position asked. */
  protected lineAt(position: number): number {
    const text = this.text;
    let line = this.line;
    let afterCr = this.afterCr;
    for (let index = this.scanned; index < position; index++) {
      const code = text.charCodeAt(index);
      if (code === 10) {
        if (!afterCr) line++;
        afterCr = false;
      } else if (code === 13) {
        line++;
        afterCr = true;
      } else {
        afterCr = false;
      }
    }
    this.line = line;
    this.afterCr = afterCr;
    this.scanned = position;
    return line;
  }
}

/**
 * Every record of a CSV text with its line, at once: for tests and small inputs.
 *
 * @example
 * await readCsvRows('a,b\r\n"x\ny",2\r\n') // [{ cells: ['a', 'b'], line: 1 }, { cells: ['x\ny', '2'], line: 2 }]
 */
export async function readCsvRows(text: string): Promise<{ cells: string[]; line: number; unclosedQuote: boolean }[]> {
  const Papa = await loadPapa();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const reader = new CsvRowReader(Papa, body, detectDelimiter(Papa, body));
  const rows: { cells: string[]; line: number; unclosedQuote: boolean }[] = [];
  while (reader.read(64 * 1024, (cells, line, unclosedQuote) => rows.push({ cells, line, unclosedQuote })));
  return rows;
}
