import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { recipientsTemplateCsv } from '../../src/csv.js';
import type { ListImportReport, PredefinedList } from '../../src/model/list.js';
import { downloadText } from '../internal/download.js';
import { FilePickerController } from '../internal/file-picker.js';
import { renderFileReport, renderFileStep, renderImportDone, renderImportPanel, renderPhoneColumn, renderSavedReport, type ImportPanelOptions } from '../internal/import-panel.js';
import { FileSend } from '../internal/file-send.js';
import { problemsOfParsed, type ImportCount, type ImportProblem } from '../internal/import-report.js';
import type { LocalizeController } from '../internal/localize.js';
import { RecipientFileController } from '../internal/recipient-file.js';
import { renderError } from '../internal/states.js';
import type { ListManagerTerms } from './list-manager.terms.js';

type Localize = LocalizeController<ListManagerTerms>;

export interface ListImportOptions extends ImportPanelOptions<Localize> {
  /** Called with the saved report once the entries are in the list. */
  imported: (report: ListImportReport) => Promise<void>;
}

/**
 * The saved report of an import (a list's `lastImport`): counts, and the rows that were left out by line, with
 * `duplicates` (the duplicate rows the file's preview listed, which the saved report only counts) among them. A report
 * that lists only the first refused rows counts them all (`refused`).
 */
export function renderListReport(localize: Localize, report: ListImportReport, duplicates: readonly ImportProblem[] = []): TemplateResult {
  const counts: ImportCount[] = [
    { text: localize.term('importAdded', report.added), tone: 'ok' },
    { text: localize.term('importUpdated', report.updated) },
  ];
  const refused = report.refused ?? report.errors.length;
  if (refused > 0) counts.push({ text: localize.term('importInvalid', refused), tone: 'danger' });
  if (report.duplicates > 0) counts.push({ text: localize.term('importDuplicates', report.duplicates), tone: 'warning' });
  const problems = [...report.errors.map(({ line, value, code, message }) => ({ line, value, code, message })), ...duplicates].sort((a, b) => a.line - b.line);
  return renderSavedReport(localize, report.fileName, counts, problems);
}

/**
 * The "import a file" panel of `<sms-list-manager>`: drop or choose a CSV or XLSX file, read it in the page with a
 * progress bar, check the preview, the phone column and the problems by line, then import: the file itself when the
 * backend reads files (`lists.importFile`), else its parsed rows; the list's saved report is shown at the end.
 */
export class ListImportController implements ReactiveController {
  importing = false;
  /** The file itself while it is sent (`lists.importFile`). */
  private readonly sending: FileSend;
  result: ListImportReport | null = null;
  /** The duplicate rows of the file imported, by line, for its report. */
  private duplicates: ImportProblem[] = [];
  private importError: string | null = null;
  private readonly file: RecipientFileController;
  private readonly picker: FilePickerController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListImportOptions,
  ) {
    host.addController(this);
    this.sending = new FileSend(host);
    this.file = new RecipientFileController(host, { defaultCountry: options.defaultCountry });
    this.picker = new FilePickerController(host, {
      onFile: (file) => {
        this.result = null;
        this.importError = null;
        void this.file.read(file);
      },
    });
  }

  hostConnected(): void {}

  /** Back to the start: no file, no result. */
  reset(): void {
    this.file.reset();
    this.result = null;
    this.duplicates = [];
    this.importError = null;
    this.importing = false;
    this.host.requestUpdate();
  }

  private async run(list: PredefinedList): Promise<void> {
    const { parsed, file } = this.file;
    const client = this.options.client();
    if (!parsed || !file || !client || this.importing) return;
    this.importing = true;
    this.importError = null;
    this.host.requestUpdate();
    try {
      // A backend that reads files itself is sent the file as it is (over HTTP: the file, not a body of every row).
      const { importFile } = client.lists;
      const report = importFile
        ? await this.sending.run(file.name, (onProgress) => importFile(list.id, { file, fileName: file.name.slice(0, 255) || undefined, phoneColumn: parsed.phoneColumn ?? undefined, onProgress }))
        : await client.lists.import(list.id, {
          fileName: file.name,
          columns: parsed.columns.filter((column) => column !== parsed.phoneColumn),
          entries: parsed.recipients.map(({ e164, fields, line }) => ({ e164, fields, line })),
          errors: parsed.errors.map(({ line, value, code, message }) => ({ line, value, code, message })),
          duplicates: parsed.duplicates.length,
        });
      this.result = report;
      this.duplicates = problemsOfParsed({ errors: [], duplicates: parsed.duplicates });
      this.file.reset();
      await this.options.imported(report);
    } catch (error) {
      this.importError = this.options.describe(error);
    } finally {
      this.importing = false;
      this.host.requestUpdate();
    }
  }

  render(list: PredefinedList, onClose: () => void): TemplateResult {
    const { localize } = this.options;
    // Once imported, the report ends with "Back to the numbers": the panel's own close would say it twice.
    return renderImportPanel(
      { title: localize.term('listImportTitle', list.name), closeLabel: localize.term('backToNumbers'), onClose, closeHidden: this.result !== null },
      this.result ? this.renderDone(list, onClose) : this.renderStep(list),
    );
  }

  private renderStep(list: PredefinedList): TemplateResult {
    const { localize, describe } = this.options;
    const { file, picker } = this;
    if (file.status === 'ready' && file.parsed) return this.renderReady(list);
    return renderFileStep(localize, {
      file,
      picker,
      hint: localize.term('listImportHint'),
      label: localize.term('listImportFile'),
      describe,
      after: html`<div class="toolbar">
        <button type="button" class="button quiet" part="template-button" @click=${() => downloadText('recipients-template.csv', recipientsTemplateCsv())}>
          ${localize.term('downloadTemplate')}
        </button>
      </div>`,
    });
  }

  private renderReady(list: PredefinedList): TemplateResult {
    const { localize } = this.options;
    const parsed = this.file.parsed!;
    const file = this.file.file!;
    return html`<div class="import-ready">
      <p class="import-file"><bdi>${file.name}</bdi></p>
      ${renderPhoneColumn(localize, parsed, { fieldClass: 'inline-field', onChange: (column) => void this.file.read(file, column) })}
      ${renderFileReport(localize, parsed, file.name)}
      ${this.importError ? renderError(this.importError) : nothing}
      <div class="toolbar import-actions">
        <button
          type="button"
          class="button primary"
          part="import-button"
          ?disabled=${parsed.stats.recipients === 0 || this.importing}
          aria-busy=${this.importing ? 'true' : 'false'}
          @click=${() => void this.run(list)}
        >
          ${this.importing ? localize.term('importing') : localize.term('listImportNumbers', parsed.stats.recipients)}
        </button>
        <button type="button" class="button" part="import-reset" ?disabled=${this.importing} @click=${() => this.reset()}>
          ${localize.term('chooseAnotherFile')}
        </button>
      </div>
      ${this.sending.render(localize)}
    </div>`;
  }

  private renderDone(list: PredefinedList, onClose: () => void): TemplateResult {
    const { localize } = this.options;
    const report = list.lastImport ?? this.result!;
    return html`${renderImportDone(localize, report.fileName)} ${renderListReport(localize, report, this.duplicates)}
      <div class="toolbar import-actions">
        <button type="button" class="button primary" part="import-finish" @click=${onClose}>${localize.term('backToNumbers')}</button>
        <button type="button" class="button" part="import-again" @click=${() => this.reset()}>${localize.term('chooseAnotherFile')}</button>
      </div>`;
  }
}
