import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ParsedRecipients } from '../../src/csv.js';
import { renderColumnChoice, renderFileStep, renderImportPanel, renderSendStep, renderSentReport, type ImportPanelOptions } from '../internal/import-panel.js';
import { problemsOfParsed, type ImportCount, type ImportProblem } from '../internal/import-report.js';
import type { LocalizeController } from '../internal/localize.js';
import { SentImportController, type SentImportHooks } from '../internal/sent-import.js';
import type { BlocklistManagerTerms } from './blocklist-manager.terms.js';

type Localize = LocalizeController<BlocklistManagerTerms>;

/** Numbers sent per `client.blocklist.import` call: progress between calls, and no huge request. */
const CHUNK = 500;
/** Longest reason the blocklist keeps. */
const REASON_MAX = 500;
const REASON_HEADER = /^(reason|raison|motif|grund|note|notes|comment|comments)$/i;

export interface BlocklistImportOptions extends ImportPanelOptions<Localize>, SentImportHooks<BlocklistImportOutcome> {
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
export class BlocklistImportController extends SentImportController<BlocklistImportOutcome> {
  private reasonColumn: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: BlocklistImportOptions,
  ) {
    super(host, options.defaultCountry);
  }

  protected forgetColumns(): void {
    this.reasonColumn = null;
  }

  protected async read(file: File, phoneColumn?: string): Promise<void> {
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
    const chunks: (typeof entries)[] = [];
    for (let start = 0; start < entries.length; start += CHUNK) chunks.push(entries.slice(start, start + CHUNK));
    await this.sendChunks(
      outcome,
      chunks,
      async (chunk) => {
        const result = await client.blocklist.import({ entries: [...chunk] });
        outcome.added += result.added;
        outcome.existing += result.existing;
        outcome.refused += result.errors.length;
        for (const { line, value, code, message } of result.errors) outcome.problems.push({ line, value, code, message });
      },
      { ...this.options, partial: () => outcome.added + outcome.existing > 0 },
    );
  }

  render(onClose: () => void): TemplateResult {
    const { localize } = this.options;
    return renderImportPanel(
      { title: localize.term('blocklistImportTitle'), closeLabel: localize.term('closeImport'), onClose, closeDisabled: this.busy },
      this.renderContent(),
    );
  }

  protected renderStep(): TemplateResult {
    const { localize, describe } = this.options;
    const { file, picker } = this;
    if (file.status === 'ready' && file.parsed) return this.renderReady(file.parsed, file.file!);
    return renderFileStep(localize, { file, picker, hint: localize.term('blocklistImportHint'), label: localize.term('blocklistImportFile'), describe });
  }

  private renderReady(parsed: ParsedRecipients, file: File): TemplateResult {
    const { localize } = this.options;
    const others = parsed.columns.filter((column) => column !== parsed.phoneColumn);
    const total = parsed.stats.recipients;
    return renderSendStep(localize, {
      parsed,
      fileName: file.name,
      sent: this.sent,
      progressLabel: localize.term('blocklistImportingProgress', localize.number(this.sent ?? 0), localize.number(total)),
      importLabel: localize.term('blocklistImportNumbers', total),
      resetLabel: localize.term('chooseAnotherFile'),
      columns:
        others.length > 0
          ? renderColumnChoice({
              id: 'reason-column',
              part: 'reason-column',
              label: localize.term('reasonColumn'),
              noneLabel: localize.term('noReasonColumn'),
              columns: others,
              value: this.reasonColumn,
              disabled: this.busy,
              onChange: (column) => {
                this.reasonColumn = column;
                this.host.requestUpdate();
              },
            })
          : nothing,
      onPhoneColumn: (column) => void this.read(file, column),
      onImport: () => void this.run(),
      onReset: () => this.reset(),
    });
  }

  protected renderOutcome(outcome: BlocklistImportOutcome): TemplateResult {
    const { localize } = this.options;
    const counts: ImportCount[] = [
      { text: localize.term('importAdded', outcome.added), tone: 'ok' },
      { text: localize.term('importExisting', outcome.existing) },
    ];
    if (outcome.refused > 0) counts.push({ text: localize.term('importErrors', outcome.refused), tone: 'danger' });
    if (outcome.invalid > 0) counts.push({ text: localize.term('importInvalid', outcome.invalid), tone: 'danger' });
    if (outcome.duplicates > 0) counts.push({ text: localize.term('importDuplicates', outcome.duplicates), tone: 'warning' });
    const { fileName, problems } = outcome;
    return renderSentReport(localize, { fileName, counts, problems, againLabel: localize.term('chooseAnotherFile'), onAgain: () => this.reset() });
  }
}
