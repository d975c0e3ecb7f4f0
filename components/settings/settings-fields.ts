import { html, nothing, type TemplateResult } from 'lit';
import { countSegments } from '../../src/segments.js';
import type { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import type { LocalizeController } from '../internal/localize.js';
import '../segment-counter/sms-segment-counter.js';
import { ANSWER_MAX_LENGTH } from './settings-draft.js';
import type { SettingsTerms } from './settings.terms.js';

/** Region codes that name no country: numbers cannot be read in them. */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);

/** The name of a country in a language ("Australia"), or undefined when the code names no country. */
export function countryName(code: string, lang: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || NOT_COUNTRIES.has(upper)) return undefined;
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'none' }).of(upper);
  } catch {
    return undefined;
  }
}

const currencies = new Map<string, Array<{ code: string; name: string }>>();

/** The currencies the browser knows, with their names in a language ("AUD – Australian Dollar"), `current` included. */
export function currencyOptions(lang: string, current: string): Array<{ code: string; name: string }> {
  let list = currencies.get(lang);
  if (!list) {
    const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'currency' });
    } catch {
      names = undefined;
    }
    list = codes.map((code) => ({ code, name: names?.of(code) ?? code }));
    currencies.set(lang, list);
  }
  return list.some((option) => option.code === current) ? list : [{ code: current, name: current }, ...list];
}

/** What a settings field needs to render: its id (also its part), its label, and the hint or error under it. */
export interface FieldFrame {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  readOnly: boolean;
}

/** The hint or error under a field, spoken politely when it changes. */
function message(frame: FieldFrame): TemplateResult {
  return html`<span id="${frame.id}-message" part="${frame.id}-message" class=${frame.error ? 'field-error' : 'hint'} aria-live="polite">${frame.error ?? frame.hint}</span>`;
}

/** A one-line text field of the settings (read-only for a user), its hint or error under it. */
export function renderTextField(
  frame: FieldFrame,
  options: { value: string; onInput: (value: string) => void; inputmode?: string; unit?: string; classes?: string; maxlength?: number },
): TemplateResult {
  const input = html`<input
    id=${frame.id}
    class="input ${options.classes ?? ''}"
    part=${frame.id}
    autocomplete="off"
    spellcheck="false"
    inputmode=${options.inputmode ?? nothing}
    maxlength=${options.maxlength ?? nothing}
    ?readonly=${frame.readOnly}
    .value=${options.value}
    aria-invalid=${frame.error ? 'true' : 'false'}
    aria-describedby="${frame.id}-message"
    @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
  />`;
  return html`<div class="field">
    <label for=${frame.id}>${frame.label}</label>
    ${options.unit ? html`<span class="with-unit">${input}<span class="unit">${options.unit}</span></span>` : input} ${message(frame)}
  </div>`;
}

/** A choice among fixed options (disabled for a user, who may only read it). */
export function renderSelectField(frame: FieldFrame, options: { value: string; choices: Array<{ value: string; text: string }>; onChange: (value: string) => void }): TemplateResult {
  return html`<div class="field">
    <label for=${frame.id}>${frame.label}</label>
    <select
      id=${frame.id}
      class="input"
      part=${frame.id}
      ?disabled=${frame.readOnly}
      aria-describedby="${frame.id}-message"
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
    >
      ${options.choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === options.value}>${choice.text}</option>`)}
    </select>
    ${message(frame)}
  </div>`;
}

/**
 * An automatic answer: its text (empty: none is sent) with the segment counter of `<sms-segment-counter>`, which
 * also offers GSM-safe replacements; a user reads the text and its parts.
 */
export function renderAnswerField(
  frame: FieldFrame,
  options: { value: string; localize: LocalizeController<SettingsTerms>; onInput: (value: string) => void },
): TemplateResult {
  const { value, localize } = options;
  const empty = value.trim() === '';
  return html`<div class="field answer">
    <label for=${frame.id}>${frame.label}</label>
    <textarea
      id=${frame.id}
      class="input grow"
      part=${frame.id}
      rows="3"
      maxlength=${ANSWER_MAX_LENGTH}
      ?readonly=${frame.readOnly}
      .value=${value}
      aria-invalid=${frame.error ? 'true' : 'false'}
      aria-describedby="${frame.id}-message"
      @input=${(event: Event) => options.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${empty
      ? nothing
      : frame.readOnly
        ? html`<span class="hint parts" part="answer-parts">${localize.term('answerParts', countSegments(value).segments)}</span>`
        : html`<sms-segment-counter
            part="answer-counter"
            compact
            .text=${value}
            @sms-gsm-replace=${(event: SmsGsmReplaceEvent) => options.onInput(event.detail.text)}
          ></sms-segment-counter>`}
    ${message({ ...frame, hint: empty ? localize.term('answerEmpty') : frame.hint })}
  </div>`;
}
