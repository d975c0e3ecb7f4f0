/**
 * CSV text read as it is decoded, for a file read as a stream: only the streaming side of `CsvRowReader`, kept apart
 * so that a page reading a whole file (`parseRecipients`) does not carry it.
 */
import { CsvRowReader, type loadPapa } from './csv-rows.js';

export class CsvStreamReader extends CsvRowReader {
  constructor(Papa: Awaited<ReturnType<typeof loadPapa>>, text: string, delimiter: string) {
    super(Papa, text, delimiter, { more: true });
  }

  /** Characters not yet read into records. */
  get pending(): number {
    return this.text.length - this.offset;
  }

  /** True once every record is read. */
  get finished(): boolean {
    return this.done;
  }

  /** Adds the text that follows; what was read into records is let go. */
  append(more: string): void {
    this.lineAt(this.offset);
    this.text = this.text.slice(this.offset) + more;
    this.scanned = 0;
    this.offset = 0;
  }

  /** Nothing more will be appended. */
  finish(): void {
    this.complete = true;
  }
}
