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
