import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { CampaignRecipients, PredefinedList, Upload } from '../../src/model/index.js';
import { describeError } from '../internal/error-text.js';
import { FilePickerController } from '../internal/file-picker.js';
import { FileSend } from '../internal/file-send.js';
import {
  problemsOfParsed,
  renderImportCounts,
  renderImportProblems,
  renderImportProgress,
  renderRecipientPreview,
  type ImportProblem,
} from '../internal/import-report.js';
import type { LocalizeController } from '../internal/localize.js';
import { RecipientFileController } from '../internal/recipient-file.js';
import { BlocklistCheckController } from './blocklist-check.js';
import type { CampaignEditorTerms } from './campaign-editor.terms.js';

type Localize = LocalizeController<CampaignEditorTerms>;

export type RecipientMode = 'list' | 'file';

export interface RecipientSourceOptions {
  localize: Localize;
  getClient: () => SmsClient | undefined;
  defaultCountry: () => string | undefined;
  /** Called when the recipients change (a list chosen, a file read): the editor drops its summary. */
  changed: () => void;
}

/**
 * The recipients of a campaign being edited: a predefined list, or a CSV/XLSX file read in the page (progress,
 * preview, phone column, invalid rows by line, duplicates) and checked against the blocklist before anything is
 * saved; the file is uploaded only when the campaign is saved: as it is when the backend reads files
 * (`client.campaigns.uploadFile`), else as its parsed rows (`client.campaigns.createUpload`).
 */
export class RecipientSourceController implements ReactiveController {
  mode: RecipientMode = 'list';
  listId = '';
  lists: PredefinedList[] = [];
  /** The upload a saved draft already uses, until another file is chosen. */
  existingUpload: Upload | null = null;
  /** The merge fields of the list's first entry, for the message preview. */
  listSample: Record<string, string> | null = null;
  readonly file: RecipientFileController;
  readonly blocklist: BlocklistCheckController;
  private readonly picker: FilePickerController;
  /** The file last uploaded, so that saving twice uploads once. */
  private uploaded: { parsed: object; id: string } | null = null;
  /** The file itself while a save sends it (`campaigns.uploadFile`). */
  private readonly sending: FileSend;
  private sampleGeneration = 0;
  private problemCache: { parsed: object; blocked: object | null; problems: ImportProblem[] } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RecipientSourceOptions,
  ) {
    host.addController(this);
    this.sending = new FileSend(host);
    this.file = new RecipientFileController(host, { defaultCountry: options.defaultCountry });
    this.blocklist = new BlocklistCheckController(host);
    this.picker = new FilePickerController(host, { onFile: (file) => void this.read(file) });
  }

  hostConnected(): void {}

  /** Starts again from a campaign's recipients (or none). */
  reset(lists: PredefinedList[], recipients: CampaignRecipients | null, upload: Upload | null): void {
    this.lists = lists;
    this.file.reset();
    this.blocklist.reset();
    this.uploaded = null;
    this.existingUpload = upload;
    this.listSample = null;
    if (recipients && 'uploadId' in recipients) {
      this.mode = 'file';
      this.listId = '';
    } else {
      this.mode = lists.length === 0 && !recipients ? 'file' : 'list';
      this.listId = recipients?.listId ?? '';
      void this.loadListSample();
    }
    this.host.requestUpdate();
  }

  /** The merge-field columns of the chosen recipients (the phone column left out). */
  get columns(): string[] {
    if (this.mode === 'list') return this.lists.find((list) => list.id === this.listId)?.columns ?? [];
    const parsed = this.file.parsed;
    if (parsed) return parsed.columns.filter((column) => column !== parsed.phoneColumn);
    const upload = this.existingUpload;
    return upload ? upload.columns.filter((column) => column !== upload.phoneColumn) : [];
  }

  /** The merge fields of the first recipient, for a preview of the message. */
  get sample(): Record<string, string> | null {
    if (this.mode === 'list') return this.listSample;
    return this.file.parsed?.recipients[0]?.fields ?? null;
  }

  /** True while a file is read or checked: saving waits for the report. */
  get busy(): boolean {
    return this.file.status === 'reading' || this.blocklist.checking;
  }

  /** The recipients as they are saved: the list, the uploaded file (uploading it now if needed), or null. */
  async prepare(client: SmsClient): Promise<CampaignRecipients | null> {
    if (this.mode === 'list') return this.listId ? { listId: this.listId } : null;
    const parsed = this.file.parsed;
    const file = this.file.file;
    if (!parsed || !file) return this.existingUpload ? { uploadId: this.existingUpload.id } : null;
    if (this.uploaded?.parsed !== parsed) {
      // A backend that reads files itself is sent the file as it is (over HTTP: the file, not a body of every row).
      const name = file.name.slice(0, 255) || 'recipients.csv';
      const upload = client.campaigns.uploadFile
        ? await this.sending.run(file.name, (onProgress) => client.campaigns.uploadFile!({ file, fileName: name, phoneColumn: parsed.phoneColumn ?? undefined, onProgress }))
        : await client.campaigns.createUpload({
          name,
          columns: parsed.columns,
          phoneColumn: parsed.phoneColumn,
          recipients: parsed.recipients,
          errors: parsed.errors,
          duplicates: parsed.duplicates,
        });
      this.uploaded = { parsed, id: upload.id };
    }
    return { uploadId: this.uploaded.id };
  }

  setMode(mode: RecipientMode): void {
    this.mode = mode;
    this.options.changed();
    this.host.requestUpdate();
  }

  setList(listId: string): void {
    this.listId = listId;
    this.options.changed();
    void this.loadListSample();
    this.host.requestUpdate();
  }

  private async loadListSample(): Promise<void> {
    const generation = ++this.sampleGeneration;
    this.listSample = null;
    const client = this.options.getClient();
    if (!client || !this.listId) return;
    try {
      const page = await client.lists.entries(this.listId, { limit: 1 });
      if (generation === this.sampleGeneration) this.listSample = page.items[0]?.fields ?? null;
    } catch {
      // The preview is a convenience: without it the message shows no sample.
    }
    this.host.requestUpdate();
  }

  /** Reads a file (again with another phone column), then checks its numbers against the blocklist. */
  private async read(file: File, phoneColumn?: string): Promise<void> {
    this.blocklist.reset();
    this.options.changed();
    await this.file.read(file, phoneColumn);
    const client = this.options.getClient();
    if (this.file.status !== 'ready' || this.file.file !== file || !client) return;
    await this.blocklist.check(client, this.file.parsed!.recipients);
  }

  /** Invalid rows, duplicates and blocked numbers by line; kept until the file or the check changes. */
  private problems(): ImportProblem[] {
    const parsed = this.file.parsed!;
    const cached = this.problemCache;
    if (cached && cached.parsed === parsed && cached.blocked === this.blocklist.blocked) return cached.problems;
    const problems = this.collectProblems();
    this.problemCache = { parsed, blocked: this.blocklist.blocked, problems };
    return problems;
  }

  private collectProblems(): ImportProblem[] {
    const parsed = this.file.parsed!;
    const blocked = (this.blocklist.blocked ?? []).map(({ line, e164 }) => ({
      line,
      value: e164,
      code: 'blocked',
      message: this.options.localize.term('blockedProblem'),
    }));
    const problems = problemsOfParsed(parsed);
    return blocked.length === 0 ? problems : [...problems, ...blocked].sort((a, b) => a.line - b.line);
  }

  render(issue: { id: string; message: string } | null): TemplateResult {
    const { localize } = this.options;
    return html`<fieldset class="section" part="recipients" aria-describedby=${issue ? issue.id : nothing}>
      <legend>${localize.term('recipients')}</legend>
      <div class="choices">
        ${(['list', 'file'] as const).map(
          (mode) => html`<label class="choice">
            <input
              type="radio"
              name="recipients-mode"
              value=${mode}
              .checked=${this.mode === mode}
              @change=${() => this.setMode(mode)}
            />
            ${localize.term(mode === 'list' ? 'recipientsList' : 'recipientsFile')}
          </label>`,
        )}
      </div>
      ${this.mode === 'list' ? this.renderList(issue) : this.renderFile()}
      ${issue ? html`<p class="field-error" id=${issue.id}>${issue.message}</p>` : nothing}
    </fieldset>`;
  }

  private renderList(issue: { id: string } | null): TemplateResult {
    const { localize } = this.options;
    if (this.lists.length === 0) return html`<p class="hint">${localize.term('noLists')}</p>`;
    return html`<div class="field">
      <label for="list">${localize.term('predefinedList')}</label>
      <select
        id="list"
        class="input"
        part="list-select"
        aria-invalid=${issue ? 'true' : 'false'}
        @change=${(event: Event) => this.setList((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this.listId === ''}>${localize.term('chooseList')}</option>
        ${this.lists.map(
          (list) => html`<option value=${list.id} ?selected=${list.id === this.listId}>${localize.term('listOption', list.entryCount, list.name)}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderFile(): TemplateResult {
    const { localize } = this.options;
    const { file } = this;
    const hasFile = file.file !== null || this.existingUpload !== null;
    return html`
      ${file.file === null && this.existingUpload
        ? html`<p class="uploaded" part="uploaded-file">
            ${localize.term('uploadedFile', this.existingUpload.stats.recipients, this.existingUpload.name)}
          </p>`
        : nothing}
      ${this.picker.render({
        prompt: localize.term('dropFile'),
        buttonLabel: localize.term(hasFile ? 'chooseAnotherFile' : 'chooseFile'),
        label: localize.term('recipientFile'),
      })}
      ${file.status === 'reading'
        ? renderImportProgress(localize, { fileName: file.file?.name ?? '', progress: file.progress, onCancel: () => file.reset() })
        : nothing}
      ${file.status === 'error'
        ? html`<p class="field-error" role="alert">${localize.term('fileUnreadable', describeError(file.error, localize).message)}</p>`
        : nothing}
      ${file.status === 'ready' ? this.renderReport() : nothing}
      ${this.sending.render(localize)}
    `;
  }

  private renderReport(): TemplateResult {
    const { localize } = this.options;
    const parsed = this.file.parsed!;
    const { blocklist } = this;
    if (blocklist.blocked === null && !blocklist.error) {
      // Read, not yet checked against the blocklist: the report waits for the check.
      const { done, total } = blocklist.progress ?? { done: 0, total: parsed.recipients.length };
      const label = localize.term('checkingBlocklist', localize.number(done), localize.number(total));
      return html`<div class="import-progress" part="blocklist-progress">
        <span id="blocklist-progress-label">${label}</span>
        <progress max=${Math.max(total, 1)} .value=${done} aria-labelledby="blocklist-progress-label"></progress>
      </div>`;
    }
    const blocked = blocklist.blocked?.length ?? 0;
    const counts: { text: string; tone?: 'ok' | 'warning' | 'danger' }[] = [
      { text: localize.term('importRecipients', parsed.stats.recipients - blocked), tone: 'ok' },
    ];
    if (parsed.stats.errors > 0) counts.push({ text: localize.term('importInvalid', parsed.stats.errors), tone: 'danger' });
    if (parsed.stats.duplicates > 0) counts.push({ text: localize.term('importDuplicates', parsed.stats.duplicates), tone: 'warning' });
    if (blocked > 0) counts.push({ text: localize.term('fileBlocked', blocked), tone: 'warning' });
    if (parsed.stats.blanks > 0) counts.push({ text: localize.term('importBlanks', parsed.stats.blanks) });
    const fileName = this.file.file?.name ?? '';
    return html`<section class="report" part="file-report" aria-labelledby="report-title">
      <h3 id="report-title" class="report-title"><bdi>${fileName}</bdi></h3>
      ${renderImportCounts(localize.term('importSummary'), counts)}
      ${blocklist.error
        ? html`<p class="field-error" role="alert">${localize.term('blocklistCheckFailed', describeError(blocklist.error, localize).message)}</p>`
        : nothing}
      ${parsed.columns.length > 1
        ? html`<div class="field">
            <label for="phone-column">${localize.term('phoneColumn')}</label>
            <select
              id="phone-column"
              class="input"
              part="phone-column"
              @change=${(event: Event) => void this.read(this.file.file!, (event.target as HTMLSelectElement).value)}
            >
              ${parsed.columns.map((column) => html`<option value=${column} ?selected=${column === parsed.phoneColumn}>${column}</option>`)}
            </select>
          </div>`
        : nothing}
      ${parsed.stats.recipients === 0 ? html`<p class="field-error">${localize.term('noRecipientsInFile')}</p>` : nothing}
      ${renderRecipientPreview(localize, parsed)}
      ${renderImportProblems(localize, this.problems(), { caption: localize.term('fileProblemsCaption'), fileName })}
    </section>`;
  }
}
