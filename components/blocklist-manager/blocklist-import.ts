import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ParsedRecipients } from '../../src/csv.js';
import { columnLabel } from '../internal/column-label.js';
import { FilePickerController } from '../internal/file-picker.js';
import { renderFileReport, renderFileStep, renderImportDone, renderImportPanel, renderPhoneColumn, renderSavedReport, type ImportPanelOptions } from '../internal/import-panel.js';
import { problemsOfParsed, type ImportCount, type ImportProblem } from '../internal/import-report.js';
import type { LocalizeController } from '../internal/localize.js';
import { RecipientFileController } from '../internal/recipient-file.js';
import { renderError } from '../internal/states.js';
import type { BlocklistManagerTerms } from './blocklist-manager.terms.js';

type Localize = LocalizeController<BlocklistManagerTerms>;

/** Numbers sent per `client.blocklist.import` call: progress between calls, and no huge request. */
const CHUNK = 500;
/** Longest reason the blocklist keeps. */
const REASON_MAX = 500;
const REASON_HEADER = /^(reason|raison|motif|grund|note|notes|comment|comments)$/i;

export interface BlocklistImportOptions extends ImportPanelOptions<Localize> {
  /** Around the import: live events are held back while it runs, and the list reloads once at the end. */
  started: () => void;
  finished: (result: BlocklistImportOutcome) => void;
}

export interface BlocklistImportOutcome {
  fileName: string;
  added: number;
  existing: number;
  /** Rows refused by the backend. */
  refused: number;
  /** Rows of the file with no valid number, and repeated numbers: not sent. */
  invalid: number;
  duplicates: number;
  /** Everything not blocked, by line: invalid rows and duplicates of the file, and rows the backend refused. */
  problems: ImportProblem[];
}

/**
 * The import panel of `<sms-blocklist-manager>`: read a CSV or XLSX file in the page (`parseRecipients`), choose the
 * phone and reason columns, check the problems by line, then block the numbers in chunks with a progress bar and
 * show what was added, what was already blocked and what was refused, by line.
 */
export class BlocklistImportController implements ReactiveController {
  /** Numbers sent so far while importing; null when not importing. */
  sent: number | null = null;
  outcome: BlocklistImportOutcome | null = null;
  private reasonColumn: string | null = null;
  private importError: string | null = null;
  private cancelled = false;
  private readonly file: RecipientFileController;
  private readonly picker: FilePickerController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BlocklistImportOptions,
  ) {
    host.addController(this);
    this.file = new RecipientFileController(host, { defaultCountry: options.defaultCountry });
    this.picker = new FilePickerController(host, { onFile: (file) => void this.read(file) });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancelled = true;
  }

  get busy(): boolean {
    return this.sent !== null;
  }

  reset(): void {
    this.file.reset();
    this.outcome = null;
    this.importError = null;
    this.reasonColumn = null;
    this.host.requestUpdate();
  }

  private async read(file: File, phoneColumn?: string): Promise<void> {
    this.outcome = null;
    this.importError = null;
    await this.file.read(file, phoneColumn);
    const parsed = this.file.parsed;
    if (!parsed) return;
    const others = parsed.columns.filter((column) => column !== parsed.phoneColumn);
    if (!this.reasonColumn || !others.includes(this.reasonColumn)) this.reasonColumn = others.find((column) => REASON_HEADER.test(column.trim())) ?? null;
    this.host.requestUpdate();
  }

  private entriesOf(parsed: ParsedRecipients): { e164: string; reason?: string; line: number }[] {
    const column = this.reasonColumn;
    return parsed.recipients.map(({ e164, fields, line }) => {
      const reason = column ? (fields[column] ?? '').trim().slice(0, REASON_MAX) : '';
      return reason ? { e164, reason, line } : { e164, line };
    });
  }

  private async run(): Promise<void> {
    const { parsed, file } = this.file;
    const client = this.options.client();
    if (!parsed || !file || !client || this.busy) return;
    const entries = this.entriesOf(parsed);
    const outcome: BlocklistImportOutcome = {
      fileName: file.name, added: 0, existing: 0, refused: 0, invalid: parsed.stats.errors, duplicates: parsed.stats.duplicates, problems: problemsOfParsed(parsed),
    };
    this.cancelled = false;
    this.importError = null;
    this.sent = 0;
    this.options.started();
    this.host.requestUpdate();
    try {
      for (let start = 0; start < entries.length && !this.cancelled; start += CHUNK) {
        const result = await client.blocklist.import({ entries: entries.slice(start, start + CHUNK) });
        outcome.added += result.added;
        outcome.existing += result.existing;
        outcome.refused += result.errors.length;
        for (const { line, value, code, message } of result.errors) outcome.problems.push({ line, value, code, message });
        this.sent = Math.min(entries.length, start + CHUNK);
        this.host.requestUpdate();
      }
      outcome.problems.sort((a, b) => a.line - b.line);
      this.outcome = outcome;
      this.file.reset();
    } catch (error) {
      this.importError = this.options.describe(error);
      if (outcome.added + outcome.existing > 0) this.outcome = outcome;
    } finally {
      this.sent = null;
      this.options.finished(outcome);
      this.host.requestUpdate();
    }
  }

  render(onClose: () => void): TemplateResult {
    const { localize } = this.options;
    return renderImportPanel(
      { title: localize.term('blocklistImportTitle'), closeLabel: localize.term('closeImport'), onClose, closeDisabled: this.busy },
      html`${this.importError ? renderError(this.importError) : nothing} ${this.outcome ? this.renderOutcome(this.outcome) : this.renderStep()}`,
    );
  }

  private renderStep(): TemplateResult {
    const { localize, describe } = this.options;
    const { file, picker } = this;
    if (file.status === 'ready' && file.parsed) return this.renderReady(file.parsed, file.file!);
    return renderFileStep(localize, { file, picker, hint: localize.term('blocklistImportHint'), label: localize.term('blocklistImportFile'), describe });
  }

  private renderReady(parsed: ParsedRecipients, file: File): TemplateResult {
    const { localize } = this.options;
    const others = parsed.columns.filter((column) => column !== parsed.phoneColumn);
    const total = parsed.stats.recipients;
    return html`<div class="import-ready">
      <p class="import-file"><bdi>${file.name}</bdi></p>
      <div class="import-columns">
        ${renderPhoneColumn(localize, parsed, { disabled: this.busy, onChange: (column) => void this.read(file, column) })}
        ${others.length > 0
          ? html`<div class="field">
              <label for="reason-column">${localize.term('reasonColumn')}</label>
              <select
                id="reason-column"
                class="input"
                part="reason-column"
                ?disabled=${this.busy}
                @change=${(event: Event) => {
                  this.reasonColumn = (event.target as HTMLSelectElement).value || null;
                  this.host.requestUpdate();
                }}
              >
                <option value="" ?selected=${this.reasonColumn === null}>${localize.term('noReasonColumn')}</option>
                ${others.map((column) => html`<option .value=${column} ?selected=${column === this.reasonColumn}>${columnLabel(column)}</option>`)}
              </select>
            </div>`
          : nothing}
      </div>
      ${renderFileReport(localize, parsed, file.name)}
      ${this.busy
        ? html`<div class="import-progress" part="import-progress">
            <span id="blocking-label">${localize.term('importingProgress', localize.number(this.sent ?? 0), localize.number(total))}</span>
            <progress max=${total} .value=${this.sent ?? 0} aria-labelledby="blocking-label"></progress>
          </div>`
        : nothing}
      <div class="toolbar import-actions">
        <button
          type="button"
          class="button primary"
          part="import-button"
          ?disabled=${total === 0 || this.busy}
          aria-busy=${this.busy ? 'true' : 'false'}
          @click=${() => void this.run()}
        >
          ${localize.term('blocklistImportNumbers', total)}
        </button>
        <button type="button" class="button" part="import-reset" ?disabled=${this.busy} @click=${() => this.reset()}>${localize.term('chooseAnotherFile')}</button>
      </div>
    </div>`;
  }

  private renderOutcome(outcome: BlocklistImportOutcome): TemplateResult {
    const { localize } = this.options;
    const counts: ImportCount[] = [
      { text: localize.term('importAdded', outcome.added), tone: 'ok' },
      { text: localize.term('importExisting', outcome.existing) },
    ];
    if (outcome.refused > 0) counts.push({ text: localize.term('importErrors', outcome.refused), tone: 'danger' });
    if (outcome.invalid > 0) counts.push({ text: localize.term('importInvalid', outcome.invalid), tone: 'danger' });
    if (outcome.duplicates > 0) counts.push({ text: localize.term('importDuplicates', outcome.duplicates), tone: 'warning' });
    return html`${renderImportDone(localize, outcome.fileName)} ${renderSavedReport(localize, outcome.fileName, counts, outcome.problems)}
      <div class="toolbar">
        <button type="button" class="button" part="import-again" @click=${() => this.reset()}>${localize.term('chooseAnotherFile')}</button>
      </div>`;
  }
}
