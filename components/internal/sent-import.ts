import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FilePickerController } from './file-picker.js';
import type { ImportProblem } from './import-report.js';
import { RecipientFileController } from './recipient-file.js';
import { renderError } from './states.js';

/** What the element is told around an import, and how it words an error. */
export interface SentImportHooks<Outcome> {
  /** Live events are held back while it runs. */
  started: () => void;
  /** The list reloads once at the end. */
  finished: (outcome: Outcome) => void;
  describe: (error: unknown) => string;
}

/**
 * The state of an import panel whose rows are sent in several calls (the blocklist's, the contacts'): the file read
 * in the page and its picker, the rows sent so far while importing, the outcome, an error, and a stop when the element
 * leaves the page. A subclass reads the file (`read`, choosing its columns), sends it and renders the panel with the
 * import-panel.ts helpers (`renderSendStep`, `renderSentReport`).
 */
export abstract class SentImportController<Outcome extends { problems: ImportProblem[] }> implements ReactiveController {
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

  /**
   * Sends the rows call after call (`send` adds each answer to the outcome) while the progress counts them; at the end
   * the problems are in line order and the file is forgotten. A failure is shown above the panel, with the outcome
   * so far when `partial` says anything was imported before it.
   */
  protected async sendChunks<Row>(
    outcome: Outcome,
    chunks: readonly (readonly Row[])[],
    send: (chunk: readonly Row[]) => Promise<void>,
    hooks: SentImportHooks<Outcome> & { partial: () => boolean },
  ): Promise<void> {
    this.cancelled = false;
    this.importError = null;
    this.sent = 0;
    hooks.started();
    this.host.requestUpdate();
    try {
      for (const chunk of chunks) {
        if (this.cancelled) break;
        await send(chunk);
        this.sent += chunk.length;
        this.host.requestUpdate();
      }
      outcome.problems.sort((a, b) => a.line - b.line);
      this.outcome = outcome;
      this.file.reset();
    } catch (error) {
      this.importError = hooks.describe(error);
      if (hooks.partial()) this.outcome = outcome;
    } finally {
      this.sent = null;
      hooks.finished(outcome);
      this.host.requestUpdate();
    }
  }

  /** The panel's content: the last error, then the outcome once imported, else the step the file is at. */
  protected renderContent(): TemplateResult {
    return html`${this.importError ? renderError(this.importError) : nothing} ${this.outcome ? this.renderOutcome(this.outcome) : this.renderStep()}`;
  }

  protected abstract renderStep(): TemplateResult;

  protected abstract renderOutcome(outcome: Outcome): TemplateResult;

  /** Reads a file (again, with another phone column), and chooses its other columns. */
  protected abstract read(file: File, phoneColumn?: string): Promise<void>;

  protected abstract forgetColumns(): void;
}
