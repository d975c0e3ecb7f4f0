import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { SmsClient } from '../../src/client.js';
import { toGsmSafe } from '../../src/gsm-safe.js';
import type { Template, TemplateCreate } from '../../src/model/template.js';
import { renderTemplate } from '../../src/template.js';
import type { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import '../segment-counter/sms-segment-counter.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { insertAsTyped, replaceAsTyped } from '../internal/text-box.js';
import type { TemplateManagerTerms } from './template-manager.terms.js';

/** The longest template body the backend keeps (`Template.body`). */
export const TEMPLATE_BODY_MAX = 1600;
const NAME_MAX = 200;

/** A template with its merge fields filled from sample values; a field without one shows as `[field]`. */
export function previewTemplate(body: string, samples: Readonly<Record<string, string>>): { text: string; unfilled: string[] } {
  const result = renderTemplate(body, samples, { fallback: (field) => `[${field}]` });
  return result.ok ? { text: result.text, unfilled: result.fallbacks } : { text: body, unfilled: result.missing };
}

export interface TemplateFormOptions {
  localize: LocalizeController<TemplateManagerTerms>;
  client: () => SmsClient | undefined;
  /** The merge fields offered to insert, without braces. */
  fields: () => readonly string[];
  /** The values the preview fills the merge fields with. */
  samples: () => Readonly<Record<string, string>>;
  form: FormDialogController;
  notice: NoticeController;
  /** After a template was added, saved or copied. */
  saved: (template: Template) => void;
}

type Mode = 'add' | 'edit' | 'view';

/**
 * The add, edit and view dialog of `<sms-template-manager>`: the name, the message with the merge fields to insert at
 * the caret, a live preview with sample values and its segment counter. A user opening a global template sees it
 * read-only, with the choice of copying it to their own templates.
 */
export class TemplateFormController {
  private mode: Mode = 'add';
  private editing: Template | null = null;
  private name = '';
  private body = '';
  /** The form was submitted: the errors of empty fields show. */
  private touched = false;
  private readonly textarea = createRef<HTMLTextAreaElement>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TemplateFormOptions,
  ) {}

  /** Opens the dialog to add a template: global for an administrator, personal for a user. */
  openAdd(): void {
    const { localize } = this.options;
    this.prepare('add', null);
    const global = this.options.client()?.principal.role === 'admin';
    void this.options.form.open({
      title: localize.term(global ? 'addTemplateTitleGlobal' : 'addTemplateTitlePersonal'),
      submitLabel: localize.term('addTemplateButton'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  /** Opens a template: to edit when the user may change it, else to read (and copy). */
  open(template: Template, editable: boolean): void {
    const { localize } = this.options;
    this.prepare(editable ? 'edit' : 'view', template);
    void this.options.form.open({
      title: localize.term(editable ? 'editTemplateTitle' : 'viewTemplateTitle', template.name),
      submitLabel: localize.term(editable ? 'save' : 'copyTemplateButton'),
      cancelLabel: localize.term(editable ? 'cancel' : 'close'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  private prepare(mode: Mode, template: Template | null): void {
    this.mode = mode;
    this.editing = template;
    this.name = template?.name ?? '';
    this.body = template?.body ?? '';
    this.touched = false;
    this.host.requestUpdate();
  }

  // --- checks ---

  private nameError(): string | null {
    return this.touched && this.name.trim() === '' ? this.options.localize.term('templateNameRequired') : null;
  }

  private bodyError(): string | null {
    const { localize } = this.options;
    if (this.body.length > TEMPLATE_BODY_MAX) return localize.term('templateBodyTooLong', TEMPLATE_BODY_MAX);
    return this.touched && this.body.trim() === '' ? localize.term('templateBodyRequired') : null;
  }

  // --- saving ---

  private async submit(): Promise<boolean> {
    const client = this.options.client();
    const { localize } = this.options;
    this.touched = true;
    this.host.requestUpdate();
    if (!client || this.nameError() || this.bodyError()) {
      await this.host.updateComplete;
      (this.host as unknown as HTMLElement).shadowRoot?.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
      return false;
    }
    const input = { name: this.name.trim(), body: this.body };
    let template: Template;
    if (this.mode === 'edit' && this.editing) {
      template = await client.templates.update(this.editing.id, input);
    } else {
      const scope: TemplateCreate['scope'] = this.mode === 'add' && client.principal.role === 'admin' ? 'global' : 'personal';
      template = await client.templates.create({ scope, ...input });
    }
    const said = this.mode === 'edit' ? 'templateSaved' : this.mode === 'view' ? 'templateCopied' : 'templateAdded';
    this.options.notice.say(localize.term(said, template.name));
    this.options.saved(template);
    return true;
  }

  // --- rendering ---

  private update(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  private renderBody(): TemplateResult {
    const readonly = this.mode === 'view';
    return html`${readonly ? html`<p class="hint view-hint">${this.options.localize.term('viewTemplateHint')}</p>` : nothing}
      ${this.renderName(readonly)} ${this.renderMessage(readonly)} ${readonly ? nothing : this.renderFields()} ${this.renderPreview()}`;
  }

  private renderName(readonly: boolean): TemplateResult {
    const { localize } = this.options;
    const error = this.nameError();
    return html`<div class="field">
      <label for="template-name">${localize.term('templateName')}</label>
      <input
        id="template-name"
        class="input"
        part="name-input"
        maxlength=${NAME_MAX}
        autocomplete="off"
        ?readonly=${readonly}
        .value=${this.name}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="template-name-message"
        @input=${(event: Event) => this.update(() => (this.name = (event.target as HTMLInputElement).value))}
      />
      <span id="template-name-message" class=${error ? 'field-error' : 'hint'}>${error ?? localize.term('templateNameHint')}</span>
    </div>`;
  }

  private renderMessage(readonly: boolean): TemplateResult {
    const { localize } = this.options;
    const error = this.bodyError();
    return html`<div class="field">
      <label for="template-body">${localize.term('templateBody')}</label>
      <textarea
        ${ref(this.textarea)}
        id="template-body"
        class="input"
        part="body-input"
        dir="auto"
        rows="5"
        maxlength=${TEMPLATE_BODY_MAX}
        ?readonly=${readonly}
        .value=${this.body}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="template-body-message"
        @input=${(event: Event) => this.update(() => (this.body = (event.target as HTMLTextAreaElement).value))}
      ></textarea>
      <span id="template-body-message" class=${error ? 'field-error' : 'hint'}>${error ?? localize.term('templateBodyHint')}</span>
    </div>`;
  }

  /** The merge fields, each a button that puts `{{field}}` at the caret of the message. */
  private renderFields(): TemplateResult {
    const { localize } = this.options;
    return html`<div class="merge-fields" part="merge-fields" role="group" aria-labelledby="merge-fields-label">
      <span id="merge-fields-label" class="hint">${localize.term('insertMergeField')}</span>
      ${this.options.fields().map((field) => {
        const token = `{{${field}}}`;
        return html`<button
          type="button"
          class="button chip"
          part="merge-field"
          aria-label=${localize.term('insertMergeFieldButton', token)}
          @click=${() => this.textarea.value && insertAsTyped(this.textarea.value, token)}
        >
          ${token}
        </button>`;
      })}
    </div>`;
  }

  /** The message as a recipient would read it, and the parts it takes (measured on that text). */
  private renderPreview(): TemplateResult {
    const { localize } = this.options;
    const preview = previewTemplate(this.body, this.options.samples());
    return html`<div class="preview" part="preview" role="group" aria-labelledby="template-preview-label">
      <span id="template-preview-label" class="hint">${localize.term('templatePreviewLabel')}</span>
      ${this.body === ''
        ? html`<p class="hint">${localize.term('templatePreviewEmpty')}</p>`
        : html`<p class="preview-text" part="preview-text" dir="auto">${preview.text}</p>`}
      ${preview.unfilled.length > 0 ? html`<p class="hint" part="preview-unfilled">${localize.term('templateNoSample', preview.unfilled.join(', '))}</p>` : nothing}
      <sms-segment-counter part="segment-counter" compact .text=${preview.text} @sms-gsm-replace=${(event: SmsGsmReplaceEvent) => this.replaceNonGsm(event)}></sms-segment-counter>
    </div>`;
  }

  /** The counter measures the preview: its GSM-safe replacement is applied to the message, merge fields kept. */
  private replaceNonGsm(event: SmsGsmReplaceEvent): void {
    const textarea = this.textarea.value;
    if (this.mode === 'view' || !textarea) return;
    replaceAsTyped(textarea, toGsmSafe(this.body).text);
  }
}
