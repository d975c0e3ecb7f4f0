import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRecipients } from '../../src/csv.js';
import type { ParsedRecipients, RecipientsProgress } from '../../src/csv.js';

export type RecipientFileStatus = 'idle' | 'reading' | 'ready' | 'error';

export interface RecipientFileOptions {
  /** The country numbers without a country code are read in, asked for at each read. */
  defaultCountry: () => string | undefined;
}

/**
 * Reads a dropped or chosen recipient file with `parseRecipients` in the page, with progress, and keeps what it
 * found: a file can be read again with another phone column, and a read can be stopped (a newer read or `reset()`
 * drops an older one). Pair it with FilePickerController and the import-report.ts helpers.
 *
 * @example
 * private readonly file = new RecipientFileController(this, { defaultCountry: () => this.defaultCountry });
 * private readonly picker = new FilePickerController(this, { onFile: (file) => void this.file.read(file) });
 * render() { return this.file.status === 'ready' ? renderRecipientPreview(this.localize, this.file.parsed!) : ...; }
 */
export class RecipientFileController implements ReactiveController {
  status: RecipientFileStatus = 'idle';
  file: File | null = null;
  progress: RecipientsProgress | null = null;
  parsed: ParsedRecipients | null = null;
  error: unknown = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RecipientFileOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Reads a file (again, with another phone column when `phoneColumn` is given). Resolves when done or dropped. */
  async read(file: File, phoneColumn?: string): Promise<void> {
    this.stop();
    const abort = new AbortController();
    this.abort = abort;
    this.file = file;
    this.status = 'reading';
    this.progress = { lines: 0, fraction: 0 };
    this.parsed = null;
    this.error = null;
    this.host.requestUpdate();
    try {
      const parsed = await parseRecipients(file, {
        defaultCountry: this.options.defaultCountry(),
        phoneColumn,
        signal: abort.signal,
        onProgress: (progress) => {
          if (abort.signal.aborted) return;
          this.progress = progress;
          this.host.requestUpdate();
        },
      });
      if (abort.signal.aborted) return;
      this.parsed = parsed;
      this.status = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    } finally {
      if (this.abort === abort) this.abort = null;
    }
    this.host.requestUpdate();
  }

  /** Forgets the file (and stops reading it). */
  reset(): void {
    this.stop();
    this.status = 'idle';
    this.file = null;
    this.progress = null;
    this.parsed = null;
    this.error = null;
    this.host.requestUpdate();
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
  }
}
