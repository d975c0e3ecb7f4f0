import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { SmsClient } from '../../src/client.js';
import type { Conversation } from '../../src/model/conversation.js';
import type { SmsEventMap } from '../../src/model/events.js';
import type { Template } from '../../src/model/template.js';
import { renderTemplate } from '../../src/template.js';
import { describeError } from '../internal/error-text.js';
import type { LocalizeController } from '../internal/localize.js';
import { renderError, renderLoading } from '../internal/states.js';
import { withTemplateChange } from '../internal/template-change.js';
import type { ComposerTerms } from './composer.terms.js';

export interface TemplatePickerOptions {
  localize: LocalizeController<ComposerTerms>;
  client: () => SmsClient | undefined;
  /** The conversation written in: its contact's names and number fill the merge fields. */
  conversation: () => Conversation | undefined;
  /** Inserts the chosen template's text at the caret and selects `placeholder` (the first field left to fill). */
  insert: (text: string, placeholder: string | undefined) => void;
}

/** The values merge fields are filled from: the contact's names and number. */
function mergeValues(conversation: Conversation | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  const name = conversation?.contact?.name;
  if (name) {
    const [first = '', ...rest] = name.trim().split(/\s+/);
    const last = rest.join(' ');
    Object.assign(values, { name, first_name: first, last_name: last, firstName: first, lastName: last });
  }
  if (conversation?.channel === 'sms') values.phone = conversation.peer;
  return values;
}

/**
 * The templates dialog of `<sms-composer>`: the user's templates, a preview with the merge fields filled in, and
 * Insert. Loaded on demand, when the user first opens it; then it follows template changes made elsewhere (`apply`).
 * Render `render()` in the element's template.
 */
export class TemplatePicker {
  private templates: Template[] | null = null;
  private error: unknown = null;
  private chosenId: string | null = null;
  private readonly dialog = createRef<HTMLDialogElement>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TemplatePickerOptions,
  ) {}

  /** Opens the dialog, loads the templates the first time, and puts the focus on the first one. */
  async open(): Promise<void> {
    this.choose(null);
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    dialog?.showModal();
    if (this.templates === null) await this.load();
    await this.host.updateComplete;
    // The list arrives after the dialog opened: start on its first template.
    if (dialog?.open) dialog.querySelector<HTMLElement>('input[type="radio"]')?.focus();
  }

  /** A template changed elsewhere: the list, once read, follows (a removed template chosen is chosen no more). */
  apply(change: SmsEventMap['template.changed']): void {
    if (this.templates === null) return;
    this.templates = withTemplateChange(this.templates, change, true);
    if (change.action === 'removed' && change.template.id === this.chosenId) this.chosenId = null;
    this.host.requestUpdate();
  }

  private choose(id: string | null): void {
    this.chosenId = id;
    this.host.requestUpdate();
  }

  private async load(): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    this.error = null;
    try {
      this.templates = (await client.templates.list({ limit: 200 })).items;
    } catch (error) {
      this.error = error;
    }
    this.host.requestUpdate();
  }

  private preview(template: Template): { text: string; missing: string[] } {
    const result = renderTemplate(template.body, mergeValues(this.options.conversation()), { fallback: (field) => `[${field}]` });
    return result.ok ? { text: result.text, missing: result.fallbacks } : { text: template.body, missing: result.missing };
  }

  private insert(template: Template): void {
    this.dialog.value?.close();
    const { text, missing } = this.preview(template);
    this.options.insert(text, missing[0] === undefined ? undefined : `[${missing[0]}]`);
  }

  render(): TemplateResult {
    const { localize } = this.options;
    const chosen = this.templates?.find((template) => template.id === this.chosenId);
    const preview = chosen ? this.preview(chosen) : null;
    let list: TemplateResult;
    if (this.error) {
      list = renderError(describeError(this.error, localize).message, { label: localize.term('retry'), onRetry: () => void this.load() });
    } else if (this.templates === null) {
      list = renderLoading(localize.term('loading'));
    } else if (this.templates.length === 0) {
      list = html`<p class="hint">${localize.term('templatesEmpty')}</p>`;
    } else {
      list = html`<fieldset class="template-list">
        <legend class="sms-visually-hidden">${localize.term('templateChoose')}</legend>
        ${this.templates.map(
          (template) => html`<label class="template-option">
            <input type="radio" name="template" .checked=${template.id === this.chosenId} @change=${() => this.choose(template.id)} />
            <span class="template-name">${template.name}</span>
            <span class="badge">${localize.term(template.scope === 'personal' ? 'templatePersonal' : 'templateGlobal')}</span>
          </label>`,
        )}
      </fieldset>`;
    }
    return html`<dialog ${ref(this.dialog)} part="templates-dialog" aria-labelledby="templates-title" @close=${() => this.choose(null)}>
      <h2 id="templates-title" class="dialog-title">${localize.term('templatesTitle')}</h2>
      ${list}
      ${preview
        ? html`<div part="template-preview" class="template-preview">
            <span class="label">${localize.term('templatePreview')}</span>
            <p class="preview-text">${preview.text}</p>
            ${preview.missing.length > 0 ? html`<p class="missing">${localize.term('templateMissing', preview.missing.join(', '))}</p>` : nothing}
          </div>`
        : nothing}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.dialog.value?.close()}>${localize.term('cancel')}</button>
        <button type="button" class="button primary" ?disabled=${!chosen} @click=${() => chosen && this.insert(chosen)}>${localize.term('insert')}</button>
      </div>
    </dialog>`;
  }
}
