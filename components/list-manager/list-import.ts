import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import { recipientsTemplateCsv } from '../../src/csv.js';
import type { ListImportReport, PredefinedList } from '../../src/model/list.js';
import { downloadText } from '../internal/download.js';
import { FilePickerController } from '../internal/file-picker.js';
import {
  problemsOfParsed,
  renderImportCounts,
  renderImportProblems,
  renderImportProgress,
  renderRecipientPreview,
  type ImportCount,
  type ImportProblem,
} from '../internal/import-report.js';
import type { LocalizeController } from '../internal/localize.js';
import { RecipientFileController } from '../internal/recipient-file.js';
import { renderError } from '../internal/states.js';
import type { ListManagerTerms } from './list-manager.terms.js';

type Localize = LocalizeController<ListManagerTerms>;

export interface ListImportOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  defaultCountry: () => string | undefined;
  describe: (error: unknown) => string;
  /** Called with the saved report once the entries are in the list. */
  imported: (report: ListImportReport) => Promise<void>;
}

/** The saved report of an import (a list's `lastImport`): counts, and the rows that were left out by line. */
export function renderSavedReport(localize: Localize, report: ListImportReport): TemplateResult {
  const counts: ImportCount[] = [
    { text: localize.term('importAdded', report.added), tone: 'ok' },
    { text: localize.term('importUpdated', report.updated) },
  ];
  if (report.errors.length > 0) counts.push({ text: localize.term('importInvalid', report.errors.length), tone: 'danger' });
  if (report.duplicates > 0) counts.push({ text: localize.term('importDuplicates', report.duplicates), tone: 'warning' });
  const problems: ImportProblem[] = report.errors.map(({ line, value, code, message }) => ({ line, value, code, message }));
  return html`<div class="saved-report" part="import-report">
    ${renderImportCounts(localize.term('importSummary'), counts)}
    ${problems.length > 0
      ? renderImportProblems(localize, problems, { caption: localize.term('importSavedProblemsCaption'), fileName: report.fileName })
      : nothing}
  </div>`;
}

/**
 * The "import a file" panel of `<sms-list-manager>`: drop or choose a CSV or XLSX file, read it in the page with a
 * progress bar, check the preview, the phone column and the problems by line, then import; the list's saved report
 * is shown at the end.
 */
export class ListImportController implements ReactiveController {
  importing = false;
  result: ListImportReport | null = null;
  private importError: string | null = null;
  private readonly file: RecipientFileController;
  private readonly picker: FilePickerController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListImportOptions,
  ) {
    host.addController(this);
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
      const report = await client.lists.import(list.id, {
        fileName: file.name,
        columns: parsed.columns.filter((column) => column !== parsed.phoneColumn),
        entries: parsed.recipients.map(({ e164, fields, line }) => ({ e164, fields, line })),
        errors: parsed.errors.map(({ line, value, code, message }) => ({ line, value, code, message })),
        duplicates: parsed.duplicates.length,
      });
      this.result = report;
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
    return html`<section part="import" class="import" aria-labelledby="import-title">
      <div class="import-header">
        <h3 id="import-title">${localize.term('listImportTitle', list.name)}</h3>
        <button type="button" class="button quiet" part="import-close" @click=${onClose}>${localize.term('backToNumbers')}</button>
      </div>
      ${this.result ? this.renderDone(list, onClose) : this.renderStep(list)}
    </section>`;
  }

  private renderStep(list: PredefinedList): TemplateResult {
    const { localize } = this.options;
    const { file } = this;
    if (file.status === 'reading') {
      return renderImportProgress(localize, { fileName: file.file?.name ?? '', progress: file.progress, onCancel: () => this.file.reset() });
    }
    if (file.status === 'ready' && file.parsed) return this.renderReady(list);
    return html`
      <p class="hint">${localize.term('listImportHint')}</p>
      ${file.status === 'error' ? renderError(this.options.describe(file.error)) : nothing}
      ${this.picker.render({ prompt: localize.term('dropFile'), buttonLabel: localize.term('chooseFile'), label: localize.term('listImportFile') })}
      <div class="toolbar">
        <button type="button" class="button quiet" part="template-button" @click=${() => downloadText('recipients-template.csv', recipientsTemplateCsv())}>
          ${localize.term('downloadTemplate')}
        </button>
      </div>
    `;
  }

  private renderReady(list: PredefinedList): TemplateResult {
    const { localize } = this.options;
    const parsed = this.file.parsed!;
    const file = this.file.file!;
    const problems = problemsOfParsed(parsed);
    const counts: ImportCount[] = [{ text: localize.term('importRecipients', parsed.stats.recipients), tone: 'ok' }];
    if (parsed.stats.errors > 0) counts.push({ text: localize.term('importInvalid', parsed.stats.errors), tone: 'danger' });
    if (parsed.stats.duplicates > 0) counts.push({ text: localize.term('importDuplicates', parsed.stats.duplicates), tone: 'warning' });
    if (parsed.stats.blanks > 0) counts.push({ text: localize.term('importBlanks', parsed.stats.blanks) });
    return html`<div class="import-ready">
      <p class="import-file"><bdi>${file.name}</bdi></p>
      ${parsed.columns.length > 1
        ? html`<div class="field inline-field">
            <label for="phone-column">${localize.term('filePhoneColumn')}</label>
            <select
              id="phone-column"
              class="input"
              part="phone-column"
              @change=${(event: Event) => void this.file.read(file, (event.target as HTMLSelectElement).value)}
            >
              ${parsed.columns.map((column) => html`<option .value=${column} ?selected=${column === parsed.phoneColumn}>${column}</option>`)}
            </select>
          </div>`
        : nothing}
      ${renderImportCounts(localize.term('importSummary'), counts)}
      ${renderRecipientPreview(localize, parsed)}
      ${renderImportProblems(localize, problems, { caption: localize.term('importProblemsCaption'), fileName: file.name })}
      ${this.importError ? renderError(this.importError) : nothing}
      <div class="toolbar">
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
    </div>`;
  }

  private renderDone(list: PredefinedList, onClose: () => void): TemplateResult {
    const { localize } = this.options;
    const report = list.lastImport ?? this.result!;
    return html`<div class="import-done" role="status">
      <h4>${localize.term('importDone')}</h4>
      <p class="hint"><bdi>${report.fileName}</bdi></p>
    </div>
    ${renderSavedReport(localize, report)}
    <div class="toolbar">
      <button type="button" class="button primary" part="import-finish" @click=${onClose}>${localize.term('backToNumbers')}</button>
      <button type="button" class="button" part="import-again" @click=${() => this.reset()}>${localize.term('chooseAnotherFile')}</button>
    </div>`;
  }
}
