import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FilePickerController } from './file-picker.js';
import { RecipientFileController } from './recipient-file.js';

/**
 * The state of an import panel whose rows are sent in several calls (the blocklist's, the contacts'): the file read
 * in the page and its picker, the rows sent so far while importing, the outcome, an error, and a stop when the element
 * leaves the page. A subclass reads the file (`read`, choosing its columns), sends it and renders the panel with the
 * import-panel.ts helpers (`renderSendStep`, `renderSentReport`).
 */
export abstract class SentImportController<Outcome> implements ReactiveController {
  /** Rows sent so far while importing; null when not importing. */
  sent: number | null = null;
  outcome: Outcome | null = null;
  protected importError: string | null = null;
  /** The element left the page: the calls still to make are not made. */
  protected cancelled = false;
  protected readonly file: RecipientFileController;
  protected readonly picker: FilePickerController;

  constructor(
    protected readonly host: ReactiveControllerHost,
    defaultCountry: () => string | undefined,
  ) {
    host.addController(this);
    this.file = new RecipientFileController(host, { defaultCountry });
    this.picker = new FilePickerController(host, { onFile: (file) => void this.read(file) });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancelled = true;
  }

  get busy(): boolean {
    return this.sent !== null;
  }

  /** Back to the start: no file, no outcome, no columns chosen. */
  reset(): void {
    this.file.reset();
    this.outcome = null;
    this.importError = null;
    this.forgetColumns();
    this.host.requestUpdate();
  }

  /** Reads a file (again, with another phone column), and chooses its other columns. */
  protected abstract read(file: File, phoneColumn?: string): Promise<void>;

  protected abstract forgetColumns(): void;
}
