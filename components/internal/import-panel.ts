import { html, nothing, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { ParsedRecipients } from '../../src/csv.js';
import { columnLabel } from './column-label.js';
import type { FilePickerController } from './file-picker.js';
import {
  problemsOfParsed,
  renderImportCounts,
  renderImportProblems,
  renderImportProgress,
  renderRecipientPreview,
  type ImportCount,
  type ImportProblem,
  type ImportReportTerms,
} from './import-report.js';
import type { RecipientFileController } from './recipient-file.js';
import { renderError } from './states.js';

/** What the import panel needs of an element's LocalizeController. */
export interface ImportPanelLocalize {
  term(
    key: (keyof ImportReportTerms & string) | 'dropFile' | 'chooseFile' | 'filePhoneColumn' | 'importDone',
    ...args: Array<string | number>
  ): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** What an element gives the controller of its import panel. */
export interface ImportPanelOptions<L extends ImportPanelLocalize> {
  localize: L;
  client: () => SmsClient | undefined;
  /** The country numbers without a country code are read in. */
  defaultCountry: () => string | undefined;
  describe: (error: unknown) => string;
}

/**
 * The import panel of the manager elements (`part="import"`): its title, a close button (left out with `closeHidden`,
 * for a step whose own actions close the panel) and the step shown.
 *
 * @example
 * renderImportPanel({ title: 'Import numbers', closeLabel: 'Close', onClose }, this.renderStep())
 */
export function renderImportPanel(
  options: { title: string; closeLabel: string; onClose: () => void; closeDisabled?: boolean; closeHidden?: boolean },
  body: unknown,
): TemplateResult {
  return html`<section part="import" class="import" aria-labelledby="import-title">
    <div class="import-header">
      <h3 id="import-title">${options.title}</h3>
      ${options.closeHidden
        ? nothing
        : html`<button type="button" class="button quiet" part="import-close" ?disabled=${options.closeDisabled ?? false} @click=${options.onClose}>
            ${options.closeLabel}
          </button>`}
    </div>
    ${body}
  </section>`;
}

/**
 * The step before a file is read: the reading progress while it is read, else the hint, the reason the last file
 * could not be read, the drop zone and file button, and `after` (more actions).
 *
 * @example
 * if (file.status === 'ready') return this.renderReady();
 * return renderFileStep(localize, { file, picker, hint: localize.term('listImportHint'), label: localize.term('listImportFile'), describe });
 */
export function renderFileStep(
  localize: ImportPanelLocalize,
  options: { file: RecipientFileController; picker: FilePickerController; hint: string; label: string; describe: (error: unknown) => string; after?: unknown },
): TemplateResult {
  const { file } = options;
  if (file.status === 'reading') {
    return renderImportProgress(localize, { fileName: file.file?.name ?? '', progress: file.progress, onCancel: () => file.reset() });
  }
  return html`
    <p class="hint">${options.hint}</p>
    ${file.status === 'error' ? renderError(options.describe(file.error)) : nothing}
    ${options.picker.render({ prompt: localize.term('dropFile'), buttonLabel: localize.term('chooseFile'), label: options.label })}
    ${options.after ?? nothing}
  `;
}

/**
 * What a file read holds, before it is imported: its counts (valid numbers, invalid rows, duplicates, blank lines),
 * its first rows, and the rows that will not be imported, by line.
 *
 * @example
 * html`<div class="import-ready">${renderFileReport(localize, parsed, file.name)} ...</div>`
 */
export function renderFileReport(localize: ImportPanelLocalize, parsed: ParsedRecipients, fileName: string): TemplateResult {
  const { stats } = parsed;
  const counts: ImportCount[] = [{ text: localize.term('importRecipients', stats.recipients), tone: 'ok' }];
  if (stats.errors > 0) counts.push({ text: localize.term('importInvalid', stats.errors), tone: 'danger' });
  if (stats.duplicates > 0) counts.push({ text: localize.term('importDuplicates', stats.duplicates), tone: 'warning' });
  if (stats.blanks > 0) counts.push({ text: localize.term('importBlanks', stats.blanks) });
  return html`
    ${renderImportCounts(localize.term('importSummary'), counts)}
    ${renderRecipientPreview(localize, parsed)}
    ${renderImportProblems(localize, problemsOfParsed(parsed), { caption: localize.term('importProblemsCaption'), fileName })}
  `;
}

/**
 * The choice of the phone column (`part="phone-column"`) when the file has more than one column; nothing otherwise.
 *
 * @example
 * renderPhoneColumn(localize, parsed, { onChange: (column) => void this.file.read(file, column) })
 */
export function renderPhoneColumn(
  localize: ImportPanelLocalize,
  parsed: Pick<ParsedRecipients, 'columns' | 'phoneColumn'>,
  options: { onChange: (column: string) => void; disabled?: boolean; fieldClass?: string },
): TemplateResult | typeof nothing {
  if (parsed.columns.length <= 1) return nothing;
  return html`<div class=${options.fieldClass ? `field ${options.fieldClass}` : 'field'}>
    <label for="phone-column">${localize.term('filePhoneColumn')}</label>
    <select
      id="phone-column"
      class="input"
      part="phone-column"
      ?disabled=${options.disabled ?? false}
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
    >
      ${parsed.columns.map((column) => html`<option .value=${column} ?selected=${column === parsed.phoneColumn}>${columnLabel(column)}</option>`)}
    </select>
  </div>`;
}

/**
 * "Import finished" and the file's name, spoken (`role="status"`); the report follows it.
 *
 * @example
 * html`${renderImportDone(localize, report.fileName)}${renderSavedReport(localize, report.fileName, counts, problems)}`
 */
export function renderImportDone(localize: ImportPanelLocalize, fileName: string): TemplateResult {
  return html`<div class="import-done" role="status">
    <h4>${localize.term('importDone')}</h4>
    <p class="hint"><bdi>${fileName}</bdi></p>
  </div>`;
}

/**
 * The report of an import: its counts, and the rows that were left out, by line (`part="import-report"`).
 *
 * @example
 * renderSavedReport(localize, report.fileName, counts, problems)
 */
export function renderSavedReport(localize: ImportPanelLocalize, fileName: string, counts: readonly ImportCount[], problems: readonly ImportProblem[]): TemplateResult {
  return html`<div class="saved-report" part="import-report">
    ${renderImportCounts(localize.term('importSummary'), counts)}
    ${problems.length > 0 ? renderImportProblems(localize, problems, { caption: localize.term('importSavedProblemsCaption'), fileName }) : nothing}
  </div>`;
}

/**
 * The choice of a column of the file for one kind of value (a reason, a name...), with "None" first
 * (`part` on the select).
 *
 * @example
 * renderColumnChoice({ id: 'reason-column', part: 'reason-column', label: 'Reason column', noneLabel: 'None', columns, value, onChange })
 */
export function renderColumnChoice(options: {
  id: string;
  part: string;
  label: string;
  noneLabel: string;
  columns: readonly string[];
  value: string | null;
  disabled?: boolean;
  onChange: (column: string | null) => void;
}): TemplateResult {
  const { value } = options;
  return html`<div class="field">
    <label for=${options.id}>${options.label}</label>
    <select
      id=${options.id}
      class="input"
      part=${options.part}
      ?disabled=${options.disabled ?? false}
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value || null)}
    >
      <option value="" ?selected=${value === null}>${options.noneLabel}</option>
      ${options.columns.map((column) => html`<option .value=${column} ?selected=${column === value}>${columnLabel(column)}</option>`)}
    </select>
  </div>`;
}

/**
 * The step of an import sent in several calls once its file is read: the file's name, the phone column and `columns`
 * (more choices), what the file holds, the progress while its rows are sent (`sent` of them), and the import and
 * "choose another file" buttons.
 *
 * @example
 * renderSendStep(localize, { parsed, fileName: file.name, sent: this.sent, progressLabel, importLabel, resetLabel,
 *   columns: html`...`, onPhoneColumn: (column) => void this.read(file, column), onImport: () => void this.run(), onReset: () => this.reset() })
 */
export function renderSendStep(
  localize: ImportPanelLocalize,
  options: {
    parsed: ParsedRecipients;
    fileName: string;
    /** Rows sent so far while importing; null when not importing. */
    sent: number | null;
    progressLabel: string;
    importLabel: string;
    resetLabel: string;
    columns?: unknown;
    onPhoneColumn: (column: string) => void;
    onImport: () => void;
    onReset: () => void;
  },
): TemplateResult {
  const { parsed, sent } = options;
  const busy = sent !== null;
  const total = parsed.stats.recipients;
  return html`<div class="import-ready">
    <p class="import-file"><bdi>${options.fileName}</bdi></p>
    <div class="import-columns">
      ${renderPhoneColumn(localize, parsed, { disabled: busy, onChange: options.onPhoneColumn })} ${options.columns ?? nothing}
    </div>
    ${renderFileReport(localize, parsed, options.fileName)}
    ${busy
      ? html`<div class="import-progress" part="import-progress">
          <span id="import-sending-label">${options.progressLabel}</span>
          <progress max=${total} .value=${sent} aria-labelledby="import-sending-label"></progress>
        </div>`
      : nothing}
    <div class="toolbar import-actions">
      <button type="button" class="button primary" part="import-button" ?disabled=${total === 0 || busy} aria-busy=${busy ? 'true' : 'false'} @click=${options.onImport}>
        ${options.importLabel}
      </button>
      <button type="button" class="button" part="import-reset" ?disabled=${busy} @click=${options.onReset}>${options.resetLabel}</button>
    </div>
  </div>`;
}

/**
 * The end of an import sent in several calls: "Import finished", its report (counts, and the rows left out by line)
 * and a button to import another file.
 *
 * @example
 * renderSentReport(localize, { fileName, counts, problems, againLabel: 'Choose another file', onAgain: () => this.reset() })
 */
export function renderSentReport(
  localize: ImportPanelLocalize,
  options: { fileName: string; counts: readonly ImportCount[]; problems: readonly ImportProblem[]; againLabel: string; onAgain: () => void },
): TemplateResult {
  return html`${renderImportDone(localize, options.fileName)} ${renderSavedReport(localize, options.fileName, options.counts, options.problems)}
    <div class="toolbar">
      <button type="button" class="button" part="import-again" @click=${options.onAgain}>${options.againLabel}</button>
    </div>`;
}
