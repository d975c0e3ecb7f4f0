import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import type { Template } from '../../src/model/index.js';
import { renderTemplate, templateFields } from '../../src/template.js';
import type { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import { MESSAGE_MAX_LENGTH } from '../internal/error-text.js';
import type { LocalizeController } from '../internal/localize.js';
import type { CampaignEditorTerms } from './campaign-editor.terms.js';

type Localize = LocalizeController<CampaignEditorTerms>;

/** The most parts a campaign message should have: the counter warns above it. */
const WARN_ABOVE_SEGMENTS = 10;

export interface MessageFieldOptions {
  localize: Localize;
  body: string;
  /** The text box, for the caret (merge fields go where it is). */
  textarea: Ref<HTMLTextAreaElement>;
  templates: readonly Template[];
  /** The recipients' columns: the merge fields offered. */
  columns: readonly string[];
  /** The first recipient's fields, for the preview. */
  sample: Readonly<Record<string, string>> | null;
  /** The problem the backend reported for the message, if any. */
  issue: { id: string; message: string } | null;
  /** The text as typed. */
  onInput: (text: string) => void;
  /** The text replaced for the user (the GSM-safe version), as if typed. */
  replace: (text: string) => void;
  applyTemplate: (select: HTMLSelectElement) => void;
  insertField: (field: string) => void;
}

/**
 * "Message": the text (it grows with what is written) with its segment counter, a warning for merge fields the
 * recipients have no column for, the templates, the merge fields to insert, and a preview for the first recipient.
 */
export function renderMessageField(options: MessageFieldOptions): TemplateResult {
  const { localize, body, columns, sample, issue } = options;
  const fields = templateFields(body);
  const known = new Set(columns.map((column) => column.toLowerCase()));
  const unknown = columns.length > 0 ? fields.filter((field) => !known.has(field.toLowerCase())) : [];
  const preview = fields.length > 0 && sample ? renderTemplate(body, sample, { fallback: (name) => `[${name}]` }) : null;
  const describedBy = [issue?.id, unknown.length > 0 ? 'unknown-fields' : ''].filter(Boolean).join(' ');
  return html`<fieldset class="section" part="message">
    <legend>${localize.term('message')}</legend>
    <div class="field">
      <label for="body" class="sms-visually-hidden">${localize.term('messageText')}</label>
      <textarea
        ${ref(options.textarea)}
        id="body"
        class="input grow body"
        part="body"
        dir="auto"
        rows="4"
        maxlength=${MESSAGE_MAX_LENGTH}
        .value=${body}
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(event: Event) => options.onInput((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <sms-segment-counter
        part="segment-counter"
        compact
        max-segments=${WARN_ABOVE_SEGMENTS}
        .text=${body}
        @sms-gsm-replace=${(event: SmsGsmReplaceEvent) => options.replace(event.detail.text)}
      ></sms-segment-counter>
      ${issue ? html`<p class="field-error" id=${issue.id}>${issue.message}</p>` : nothing}
      ${unknown.length > 0 ? html`<p class="field-warning" id="unknown-fields">${localize.term('unknownFields', unknown.join(', '))}</p>` : nothing}
    </div>
    ${options.templates.length > 0
      ? html`<div class="field">
          <label for="template">${localize.term('useTemplate')}</label>
          <select id="template" class="input" part="template-select" @change=${(event: Event) => options.applyTemplate(event.target as HTMLSelectElement)}>
            <option value="">${localize.term('chooseTemplate')}</option>
            ${options.templates.map((template) => html`<option value=${template.id}>${template.name}</option>`)}
          </select>
        </div>`
      : nothing}
    ${columns.length > 0
      ? html`<div class="merge-fields" part="merge-fields" role="group" aria-label=${localize.term('insertField')}>
          <span class="hint" aria-hidden="true">${localize.term('insertField')}</span>
          ${columns.map(
            (column) => html`<button type="button" class="button chip" title=${localize.term('insertFieldButton', column)} @click=${() => options.insertField(column)}>
              {{${column}}}
            </button>`,
          )}
        </div>`
      : html`<p class="hint">${localize.term('mergeFieldsAfterRecipients')}</p>`}
    ${preview?.ok
      ? html`<div class="preview" part="preview">
          <span class="hint">${localize.term('previewFor')}</span>
          <p class="preview-text" dir="auto">${preview.text}</p>
        </div>`
      : nothing}
  </fieldset>`;
}
