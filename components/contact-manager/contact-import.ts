import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ParsedRecipients } from '../../src/csv.js';
import type { ContactImportRow, ContactScope } from '../../src/model/contact.js';
import { CONTACT_IMPORT_MAX_ROWS, CONTACT_MAX_NUMBERS } from '../../src/model/contact-limits.js';
import { renderColumnChoice, renderFileStep, renderImportPanel, renderSendStep, renderSentReport, type ImportPanelOptions } from '../internal/import-panel.js';
import { problemsOfParsed, type ImportCount, type ImportProblem } from '../internal/import-report.js';
import type { LocalizeController } from '../internal/localize.js';
import { SentImportController, type SentImportHooks } from '../internal/sent-import.js';
import type { ContactManagerTerms } from './contact-manager.terms.js';

type Localize = LocalizeController<ContactManagerTerms>;

/** The columns of a contact besides its number, each found by its header (in a few languages) and changeable. */
const COLUMNS = {
  name: /^(name|full ?name|contact|contact ?name|display ?name|nom|nombre|nome|naam)$/i,
  label: /^(label|type|phone ?type|number ?type|kind|libell[eé]|etiqueta)$/i,
  company: /^(company|organi[sz]ation|business|employer|soci[eé]t[eé]|entreprise|empresa|firma)$/i,
  email: /^(e-?mail|e-?mail ?address|courriel|correo)$/i,
} as const;
type ColumnKind = keyof typeof COLUMNS;
const KINDS = Object.keys(COLUMNS) as ColumnKind[];
const COLUMN_TERMS = { name: 'nameColumn', label: 'labelColumn', company: 'companyColumn', email: 'emailColumn' } as const;

/** The report's sentences for the backend's refusals of a row. */
const PROBLEM_TERMS: Readonly<Record<string, keyof ContactManagerTerms>> = {
  'contact.name_missing': 'problemNameMissing',
  'contact.name_too_long': 'problemNameTooLong',
  'contact.label_too_long': 'problemLabelTooLong',
  'contact.company_too_long': 'problemCompanyTooLong',
  'contact.email_invalid': 'problemEmailInvalid',
  'contact.too_many_numbers': 'problemTooManyNumbers',
};

export interface ContactImportOptions extends ImportPanelOptions<Localize>, SentImportHooks<ContactImportOutcome> {
  /** The scope the contacts go to: shared (administrators) or the user's own. */
  scope: () => ContactScope;
}

export interface ContactImportOutcome {
  fileName: string;
  added: number;
  updated: number;
  /** Rows of the file with no valid number, and rows the backend refused. */
  invalid: number;
  duplicates: number;
  /** Everything not imported, by line. */
  problems: ImportProblem[];
}

/**
 * Rows in calls of at most `CONTACT_IMPORT_MAX_ROWS`, the rows of one name in one call (so that a contact is made
 * once, with all its numbers).
 */
export function chunkByName(rows: readonly ContactImportRow[], size = CONTACT_IMPORT_MAX_ROWS): ContactImportRow[][] {
  const groups = new Map<string, ContactImportRow[]>();
  for (const row of rows) {
    const key = row.name.trim().toLocaleLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const chunks: ContactImportRow[][] = [];
  let chunk: ContactImportRow[] = [];
  for (const group of groups.values()) {
    if (chunk.length > 0 && chunk.length + group.length > size) {
      chunks.push(chunk);
      chunk = [];
    }
    // A name with more rows than a call takes has more than a contact holds: its extra rows are refused anyway.
    chunk.push(...group.slice(0, size));
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The import panel of `<sms-contact-manager>`: read a CSV or XLSX file in the page (`parseRecipients`), choose its
 * phone, name, label, company and e-mail columns, check the problems by line, then import in calls with a progress
 * bar, and report the contacts added and updated and the rows left out by line, as the list manager does.
 */
export class ContactImportController extends SentImportController<ContactImportOutcome> {
  private columns: Record<ColumnKind, string | null> = { name: null, label: null, company: null, email: null };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ContactImportOptions,
  ) {
    super(host, options.defaultCountry);
  }

  protected forgetColumns(): void {
    this.columns = { name: null, label: null, company: null, email: null };
  }

  protected async read(file: File, phoneColumn?: string): Promise<void> {
    this.outcome = null;
    this.importError = null;
    await this.file.read(file, phoneColumn);
    const parsed = this.file.parsed;
    if (!parsed) return;
    const others = parsed.columns.filter((column) => column !== parsed.phoneColumn);
    for (const kind of KINDS) {
      const chosen = this.columns[kind];
      if (!chosen || !others.includes(chosen)) this.columns[kind] = others.find((column) => COLUMNS[kind].test(column.trim())) ?? null;
    }
    // A file without a "name" header: its first other column holds the names.
    this.columns.name ??= others.find((column) => !KINDS.some((kind) => this.columns[kind] === column)) ?? null;
    this.host.requestUpdate();
  }

  private rowsOf(parsed: ParsedRecipients): ContactImportRow[] {
    const value = (fields: Record<string, string>, kind: ColumnKind) => {
      const column = this.columns[kind];
      return column ? (fields[column] ?? '').trim().slice(0, 1000) : '';
    };
    return parsed.recipients.map(({ e164, fields, line }) => {
      const row: ContactImportRow = { line, e164, name: value(fields, 'name') };
      for (const kind of ['label', 'company', 'email'] as const) {
        const text = value(fields, kind);
        if (text) row[kind] = text;
      }
      return row;
    });
  }

  private problem(line: number, value: string, code: string, message: string): ImportProblem {
    const key = PROBLEM_TERMS[code];
    return { line, value, code, message: key ? this.options.localize.term(key, CONTACT_MAX_NUMBERS) : message };
  }

  private async run(): Promise<void> {
    const { parsed, file } = this.file;
    const client = this.options.client();
    if (!parsed || !file || !client || this.busy) return;
    const rows = this.rowsOf(parsed);
    const outcome: ContactImportOutcome = {
      fileName: file.name, added: 0, updated: 0, invalid: parsed.stats.errors, duplicates: parsed.stats.duplicates, problems: problemsOfParsed(parsed),
    };
    await this.sendChunks(
      outcome,
      chunkByName(rows),
      async (chunk) => {
        const result = await client.contacts.import({ scope: this.options.scope(), rows: [...chunk] });
        outcome.added += result.added;
        outcome.updated += result.updated;
        outcome.invalid += result.errors.length;
        for (const { line, value, code, message } of result.errors) outcome.problems.push(this.problem(line, value, code, message));
      },
      { ...this.options, partial: () => outcome.added + outcome.updated > 0 },
    );
  }

  render(onClose: () => void): TemplateResult {
    const { localize } = this.options;
    const title = localize.term(this.options.scope() === 'global' ? 'importTitleGlobal' : 'importTitlePersonal');
    return renderImportPanel(
      { title, closeLabel: localize.term('closeImport'), onClose, closeDisabled: this.busy },
      this.renderContent(),
    );
  }

  protected renderStep(): TemplateResult {
    const { localize, describe } = this.options;
    const { file, picker } = this;
    if (file.status === 'ready' && file.parsed) return this.renderReady(file.parsed, file.file!);
    return renderFileStep(localize, { file, picker, hint: localize.term('importHint'), label: localize.term('importFile'), describe });
  }

  private renderReady(parsed: ParsedRecipients, file: File): TemplateResult {
    const { localize } = this.options;
    const others = parsed.columns.filter((column) => column !== parsed.phoneColumn);
    const columns = others.length === 0
      ? nothing
      : KINDS.map((kind) =>
          renderColumnChoice({
            id: `${kind}-column`,
            part: 'column-choice',
            label: localize.term(COLUMN_TERMS[kind]),
            noneLabel: localize.term('noColumn'),
            columns: others,
            value: this.columns[kind],
            disabled: this.busy,
            onChange: (column) => {
              this.columns[kind] = column;
              this.host.requestUpdate();
            },
          }),
        );
    return renderSendStep(localize, {
      parsed,
      fileName: file.name,
      sent: this.sent,
      progressLabel: localize.term('importingProgress', localize.number(this.sent ?? 0), localize.number(parsed.stats.recipients)),
      importLabel: localize.term('importContactsButton', parsed.stats.recipients),
      resetLabel: localize.term('chooseAnotherFile'),
      columns,
      onPhoneColumn: (column) => void this.read(file, column),
      onImport: () => void this.run(),
      onReset: () => this.reset(),
    });
  }

  protected renderOutcome(outcome: ContactImportOutcome): TemplateResult {
    const { localize } = this.options;
    const counts: ImportCount[] = [
      { text: localize.term('contactImportAdded', outcome.added), tone: 'ok' },
      { text: localize.term('contactImportUpdated', outcome.updated) },
    ];
    if (outcome.invalid > 0) counts.push({ text: localize.term('importInvalid', outcome.invalid), tone: 'danger' });
    if (outcome.duplicates > 0) counts.push({ text: localize.term('importDuplicates', outcome.duplicates), tone: 'warning' });
    const { fileName, problems } = outcome;
    return renderSentReport(localize, { fileName, counts, problems, againLabel: localize.term('chooseAnotherFile'), onAgain: () => this.reset() });
  }
}
