import { css, html, nothing, type TemplateResult } from 'lit';
import { toCsv } from '../../src/csv.js';
import { looksLikePhone } from '../../src/phone/search.js';
import type { FileProgress, ParsedRecipients, RecipientsProgress } from '../../src/csv.js';
import { columnLabel } from './column-label.js';
import { downloadText } from './download.js';
import { listErrorTerms } from './error-terms.js';
import type { Terms } from './localize.js';
import { phoneProblemKey, phoneProblemTerms } from './phone-terms.js';

/**
 * The texts of the import report, the progress bar and the file preview, and the errors of lists and files
 * (`listErrorTerms`). Elements that import recipient files spread them into their terms:
 * `{ ...commonTerms, ...importReportTerms, ...own }`.
 */
export const importReportTerms = {
  ...phoneProblemTerms,
  ...listErrorTerms,
  importReading: 'Reading {0}…',
  importLinesRead: { one: '# line read', other: '# lines read' },
  importCancel: 'Stop reading',
  importSending: 'Sending {0}…',
  importSent: '{0} sent',
  importSummary: 'Summary',
  importRecipients: { one: '# valid number', other: '# valid numbers' },
  importInvalid: { one: '# invalid row', other: '# invalid rows' },
  importDuplicates: { one: '# duplicate', other: '# duplicates' },
  importBlanks: { one: '# blank line', other: '# blank lines' },
  importProblemsCaption: 'Rows that will not be imported',
  importSavedProblemsCaption: 'Rows that were not imported',
  importLine: 'Line',
  importValue: 'Value',
  importProblem: 'Problem',
  importDuplicateOf: 'Same number as line {0}.',
  importFieldsInvalid: 'A column holds a value that is too long.',
  importNoProblems: 'Every row can be imported.',
  importProblemsShown: 'Showing the first {0} of {1} problems.',
  importDownloadProblems: 'Download the problems (CSV)',
  importPreviewCaption: 'First rows of the file',
  importEmptyValue: '(empty)',
} satisfies Terms;

export type ImportReportTerms = typeof importReportTerms;

/** What the report helpers need of an element's LocalizeController. */
export interface ImportReportLocalize {
  term(key: keyof ImportReportTerms & string, ...args: Array<string | number>): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** A row that will not be (or was not) imported: an invalid number, a bad row, or a duplicate of an earlier line. */
export interface ImportProblem {
  line: number;
  /** The value as written in the file. */
  value: string;
  /** A stable code (`phone.too_short`, `duplicate`...): the text shown is translated from it where possible. */
  code: string;
  /** The sentence from the source, shown for codes without a term. */
  message: string;
  /** For a duplicate: the line of the first row with the number. */
  firstLine?: number;
}

/** Rows shown in the problems table; the rest are counted and can be downloaded. */
const SHOWN_PROBLEMS = 100;

/**
 * The problems of a parsed file, invalid rows and duplicates together, in line order.
 *
 * @example
 * const problems = problemsOfParsed(await parseRecipients(file, { defaultCountry: 'AU' }));
 */
export function problemsOfParsed(parsed: Pick<ParsedRecipients, 'errors' | 'duplicates'>): ImportProblem[] {
  const problems: ImportProblem[] = parsed.errors.map(({ line, value, code, message }) => ({ line, value, code, message }));
  for (const { line, e164, firstLine } of parsed.duplicates) problems.push({ line, value: e164, code: 'duplicate', message: '', firstLine });
  return problems.sort((a, b) => a.line - b.line);
}

/** The text for a problem in the element's language. */
export function problemText(localize: ImportReportLocalize, problem: ImportProblem): string {
  if (problem.code === 'duplicate') return localize.term('importDuplicateOf', localize.number(problem.firstLine ?? 0));
  if (problem.code === 'fields.invalid') return localize.term('importFieldsInvalid');
  const key = phoneProblemKey(problem.code);
  return key ? localize.term(key) : problem.message;
}

/** A progress bar while a file is read: how far, how many lines, and a button that stops reading. */
export function renderImportProgress(
  localize: ImportReportLocalize,
  options: { fileName: string; progress: RecipientsProgress | null; onCancel?: () => void },
): TemplateResult {
  const { progress } = options;
  const label = localize.term('importReading', options.fileName);
  return html`<div part="import-progress" class="import-progress">
    <span class="import-progress-label" id="import-progress-label">${label}</span>
    <progress
      max="1"
      .value=${progress?.fraction ?? 0}
      aria-labelledby="import-progress-label"
      aria-valuetext=${localize.number(progress?.fraction ?? 0, { style: 'percent' })}
    ></progress>
    <span class="import-progress-lines">${localize.term('importLinesRead', progress?.lines ?? 0)}</span>
    ${options.onCancel
      ? html`<button type="button" class="button quiet" part="import-cancel" @click=${options.onCancel}>${localize.term('importCancel')}</button>`
      : nothing}
  </div>`;
}

/**
 * The progress of a file being sent to a backend that reads it (`lists.importFile`, `campaigns.uploadFile`): the share
 * of its bytes the backend has taken, as a bar and a percentage. Before the first report the bar is indeterminate.
 */
export function renderSendProgress(localize: ImportReportLocalize, options: { fileName: string; progress: FileProgress | null }): TemplateResult {
  const { progress } = options;
  const fraction = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : null;
  const percent = fraction === null ? '' : localize.number(fraction, { style: 'percent' });
  return html`<div part="send-progress" class="import-progress" role="status">
    <span class="import-progress-label" id="send-progress-label">${localize.term('importSending', options.fileName)}</span>
    ${fraction === null
      ? html`<progress aria-labelledby="send-progress-label"></progress>`
      : html`<progress max="1" .value=${fraction} aria-labelledby="send-progress-label" aria-valuetext=${percent}></progress>`}
    <span class="import-progress-lines">${fraction === null ? nothing : localize.term('importSent', percent)}</span>
  </div>`;
}

/** One count of a report, with its tone: valid (ok), duplicates (warning), invalid (danger). */
export interface ImportCount {
  text: string;
  tone?: 'ok' | 'warning' | 'danger';
}

/** Counts as a list of badges: "240 valid numbers · 3 invalid rows · 1 duplicate". Zero counts can be left out by the caller. */
export function renderImportCounts(label: string, counts: readonly ImportCount[]): TemplateResult {
  return html`<ul part="import-counts" class="import-counts" aria-label=${label}>
    ${counts.map(({ text, tone }) => html`<li class="import-count ${tone ?? ''}">${text}</li>`)}
  </ul>`;
}

/**
 * The problems by line in a table (the first 100), with a download of them all as CSV. Values are text, never markup.
 */
export function renderImportProblems(
  localize: ImportReportLocalize,
  problems: readonly ImportProblem[],
  options: { caption: string; fileName: string },
): TemplateResult {
  if (problems.length === 0) return html`<p part="import-problems" class="import-none">${localize.term('importNoProblems')}</p>`;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const download = () =>
    downloadText(
      `${options.fileName.replace(/\.[^.]*$/, '')}-problems.csv`,
      toCsv(
        problems.map((problem) => ({ line: problem.line, value: problem.value, problem: problemText(localize, problem) })),
        [
          { key: 'line', header: localize.term('importLine') },
          { key: 'value', header: localize.term('importValue') },
          { key: 'problem', header: localize.term('importProblem') },
        ],
      ),
    );
  return html`<div part="import-problems" class="import-problems">
    <div class="import-table-scroll" role="region" tabindex="0" aria-label=${options.caption}>
      <table class="table import-table">
        <caption>${options.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${localize.term('importLine')}</th>
            <th scope="col">${localize.term('importValue')}</th>
            <th scope="col">${localize.term('importProblem')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (problem) => html`<tr>
              <td class="import-line">${localize.number(problem.line)}</td>
              <td class=${looksLikePhone(problem.value) ? 'import-value import-number' : 'import-value'}>${problem.value === '' ? html`<span class="import-empty">${localize.term('importEmptyValue')}</span>` : html`<bdi>${problem.value}</bdi>`}</td>
              <td>${problemText(localize, problem)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="import-problems-footer">
      ${problems.length > shown.length
        ? html`<span>${localize.term('importProblemsShown', localize.number(shown.length), localize.number(problems.length))}</span>`
        : nothing}
      <button type="button" class="button quiet" part="import-download-problems" @click=${download}>${localize.term('importDownloadProblems')}</button>
    </div>
  </div>`;
}

/**
 * The first rows of a parsed file: the phone column (as read into E.164, on one line) and the other columns,
 * headed by their names as `options.label` shows them (by default `columnLabel`: keys humanised, other names as written).
 */
export function renderRecipientPreview(
  localize: ImportReportLocalize,
  parsed: Pick<ParsedRecipients, 'recipients' | 'columns' | 'phoneColumn'>,
  options: { rows?: number; label?: (column: string) => string } = {},
): TemplateResult | typeof nothing {
  const label = options.label ?? columnLabel;
  const recipients = parsed.recipients.slice(0, options.rows ?? 5);
  if (recipients.length === 0) return nothing;
  const others = parsed.columns.filter((column) => column !== parsed.phoneColumn);
  return html`<div class="import-table-scroll" part="import-preview" role="region" tabindex="0" aria-label=${localize.term('importPreviewCaption')}>
    <table class="table import-table">
      <caption>${localize.term('importPreviewCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${localize.term('importLine')}</th>
          <th scope="col" class="import-phone-column"><bdi>${label(parsed.phoneColumn ?? '')}</bdi></th>
          ${others.map((column) => html`<th scope="col"><bdi>${label(column)}</bdi></th>`)}
        </tr>
      </thead>
      <tbody>
        ${recipients.map(
          (recipient) => html`<tr>
            <td class="import-line">${localize.number(recipient.line)}</td>
            <td class="import-phone-column"><bdi dir="ltr">${recipient.e164}</bdi></td>
            ${others.map((column) => html`<td><bdi>${recipient.fields[column] ?? ''}</bdi></td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The report, the progress bar and the preview. */
const reportStyles = css`
  .import-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
  }
  .import-progress progress {
    flex: 1 1 12rem;
    accent-color: var(--_accent);
  }
  .import-progress-lines {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .import-counts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2) var(--_spacing);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .import-count {
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-variant-numeric: tabular-nums;
  }
  .import-count.ok {
    color: var(--_success);
    border-color: currentColor;
  }
  .import-count.warning {
    color: var(--_warning);
    background: var(--_warning-surface);
    border-color: currentColor;
  }
  .import-count.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  .import-table-scroll {
    max-height: var(--sms-import-table-max-height, 16rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .import-table caption {
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    font-weight: 600;
    text-align: start;
  }
  .import-table th {
    position: sticky;
    top: 0;
    background: var(--_surface);
  }
  /* Words stay whole (a narrow table scrolls sideways); only a word longer than a line breaks. */
  .import-table td {
    overflow-wrap: break-word;
  }
  /* A number never breaks across lines: the table scrolls sideways instead. */
  .import-line,
  .import-phone-column,
  .import-number {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .import-empty {
    color: var(--_text-muted);
    font-style: italic;
  }
  .import-problems {
    display: grid;
    gap: calc(var(--_spacing) / 2);
  }
  .import-problems-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_spacing);
    color: var(--_text-muted);
  }
  .import-none {
    margin: 0;
    color: var(--_success);
  }
`;

/** The drop zone of FilePickerController, as the import panels show it. Part of importReportStyles. */
const dropZoneStyles = css`
  .drop-zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) * 3) var(--_spacing);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text-muted);
    text-align: center;
    transition: border-color var(--_duration), background-color var(--_duration);
  }
  .drop-zone.dragging {
    border-color: var(--_accent);
    background: var(--_surface-alt);
  }
  .drop-zone .button {
    color: var(--_text);
  }
  .drop-zone label:focus-within {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** Styles for the helpers above and the drop zone; add to `static styles` after controlStyles. */
export const importReportStyles = [reportStyles, dropZoneStyles];
