import { html, nothing, type TemplateResult } from 'lit';
import { ALPHA_TAG_MAX_LENGTH, validateAlphaTag } from '../../src/alpha-tag.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import type { LocalizeController } from '../internal/localize.js';
import { formatPhone } from '../internal/phone.js';
import type { CampaignEditorTerms } from './campaign-editor.terms.js';
import type { CampaignForm } from './campaign-form.js';

type Localize = LocalizeController<CampaignEditorTerms>;

/** What the alpha tag typed so far is worth: nothing yet, invalid (and why), or valid and allowed or not. */
export type AlphaTagStatus =
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'allowed'; tag: string }
  | { kind: 'not-allowed'; tag: string };

/**
 * Checks an alpha tag as it is typed (`validateAlphaTag`), then against the tags the department may use.
 *
 * @example
 * alphaTagStatus(localize, '1Hotel', ['ACME']) // { kind: 'invalid', message: 'An alpha tag cannot start with a digit.' }
 */
export function alphaTagStatus(localize: Localize, tag: string, allowed: readonly string[]): AlphaTagStatus {
  if (tag.trim() === '') return { kind: 'empty' };
  const check = validateAlphaTag(tag);
  if (check.ok) return allowed.includes(check.tag) ? { kind: 'allowed', tag: check.tag } : { kind: 'not-allowed', tag: check.tag };
  switch (check.code) {
    case 'alpha_tag.invalid_character':
      return { kind: 'invalid', message: localize.term('alphaTagInvalidCharacter', check.character ?? '') };
    case 'alpha_tag.too_long':
      return { kind: 'invalid', message: localize.term('alphaTagTooLong', ALPHA_TAG_MAX_LENGTH, [...tag.trim()].length) };
    case 'alpha_tag.leading_digit':
      return { kind: 'invalid', message: localize.term('alphaTagLeadingDigit') };
    case 'alpha_tag.no_letter':
      return { kind: 'invalid', message: localize.term('alphaTagNoLetter') };
    default:
      return { kind: 'invalid', message: localize.term('alphaTagEmpty') };
  }
}

export interface SenderFieldOptions {
  localize: Localize;
  form: CampaignForm;
  capabilities: SendCapabilities;
  /** The problem the backend reported for the sender, if any. */
  issue: string | undefined;
  set: <K extends keyof CampaignForm>(key: K, value: CampaignForm[K]) => void;
}

/** "Send from": one of the user's SMS numbers, or an alpha tag checked as it is typed. */
export function renderSenderField({ localize, form, capabilities, issue, set }: SenderFieldOptions): TemplateResult {
  const status = form.senderType === 'alpha' ? alphaTagStatus(localize, form.alphaTag, capabilities.alphaTags) : null;
  const invalid = status?.kind === 'invalid';
  const describedBy = ['sender-note', issue ? 'sender-issue' : ''].filter(Boolean).join(' ');
  return html`<fieldset class="section" part="sender">
    <legend>${localize.term('sendFrom')}</legend>
    <div class="choices">
      ${(['number', 'alpha'] as const).map(
        (type) => html`<label class="choice">
          <input type="radio" name="sender-type" value=${type} .checked=${form.senderType === type} @change=${() => set('senderType', type)} />
          ${localize.term(type === 'number' ? 'senderNumber' : 'senderAlpha')}
        </label>`,
      )}
    </div>
    ${form.senderType === 'number'
      ? html`<div class="field">
          <label for="sender-number">${localize.term('smsNumber')}</label>
          <select
            id="sender-number"
            class="input"
            part="number-select"
            aria-invalid=${issue ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @change=${(event: Event) => set('numberId', (event.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${form.numberId === ''}>${localize.term('chooseNumber')}</option>
            ${capabilities.numbers.map(
              (number) => html`<option value=${number.id} ?selected=${number.id === form.numberId}>${number.label} (${formatPhone(number.e164)})</option>`,
            )}
          </select>
          <p class="hint" id="sender-note">${capabilities.numbers.length === 0 ? localize.term('noNumbers') : nothing}</p>
        </div>`
      : html`<div class="field">
          <label for="alpha-tag">${localize.term('alphaTag')}</label>
          <input
            id="alpha-tag"
            class="input"
            part="alpha-tag"
            list="alpha-tags"
            autocomplete="off"
            spellcheck="false"
            maxlength="40"
            .value=${form.alphaTag}
            aria-invalid=${invalid || issue ? 'true' : 'false'}
            aria-describedby=${`alpha-hint ${describedBy}`}
            @input=${(event: Event) => set('alphaTag', (event.target as HTMLInputElement).value)}
          />
          <datalist id="alpha-tags">${capabilities.alphaTags.map((tag) => html`<option value=${tag}></option>`)}</datalist>
          <p class="hint" id="alpha-hint">
            ${localize.term('alphaTagHint')}
            ${capabilities.alphaTags.length > 0
              ? localize.term('alphaTagSuggestions', capabilities.alphaTags.join(', '))
              : localize.term('noAlphaTags')}
          </p>
          <p id="sender-note" class=${status?.kind === 'invalid' ? 'field-error' : status?.kind === 'not-allowed' ? 'field-warning' : 'field-ok'} aria-live="polite">
            ${status?.kind === 'invalid'
              ? status.message
              : status?.kind === 'allowed'
                ? localize.term('alphaTagAllowed', status.tag)
                : status?.kind === 'not-allowed'
                  ? localize.term('alphaTagNotAllowed', status.tag)
                  : nothing}
          </p>
        </div>`}
    ${issue ? html`<p class="field-error" id="sender-issue">${issue}</p>` : nothing}
  </fieldset>`;
}
