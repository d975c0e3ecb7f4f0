import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface TextFieldOptions {
  /** The input's id, unique in the element's shadow root; its message is `${id}-message`. */
  id: string;
  /** The input's part. */
  part: string;
  label: string;
  value: string;
  /** Shown under the field while nothing is wrong. */
  hint: string;
  error: string | null;
  /** Something to know about a value accepted all the same (a landline), shown instead of the hint. */
  warning?: string | null;
  maxLength?: number;
  type?: 'email' | 'tel';
  /** `numeric` for a whole number typed on a phone's digit pad, `tel` for a phone number. */
  inputMode?: 'numeric' | 'tel';
  /** The input's classes. Default: `input`. */
  classes?: string;
  onInput: (value: string) => void;
}

/**
 * A labelled one-line text field of a form dialog (a name, an id, a cap, a name typed to confirm, an e-mail, a phone
 * number): checked as typed, its hint, warning or error under it, read with the field and spoken politely,
 * `aria-invalid` when in error so that a refused submit can focus it.
 *
 * @example
 * renderTextField({ id: 'organisation-name', part: 'name-input', label: 'Name', value, hint, error, maxLength: 200, onInput: (v) => (this.name = v) })
 */
export function renderTextField(options: TextFieldOptions): TemplateResult {
  const { id, error } = options;
  const warning = error ? null : options.warning;
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    <input
      id=${id}
      class=${options.classes ?? 'input'}
      part=${options.part}
      type=${ifDefined(options.type)}
      inputmode=${ifDefined(options.inputMode)}
      maxlength=${ifDefined(options.maxLength)}
      autocomplete="off"
      spellcheck="false"
      .value=${options.value}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby="${id}-message"
      @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
    />
    <span id="${id}-message" class=${error ? 'field-error' : warning ? 'field-warning' : 'hint'} aria-live="polite">${error ?? warning ?? options.hint}</span>
  </div>`;
}
