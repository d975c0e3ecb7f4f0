import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/localize.js';
import type { CampaignEditorTerms } from './campaign-editor.terms.js';
import type { CampaignForm } from './campaign-form.js';
import { describeTimeZone, fromLocalInput, toLocalInput } from './schedule.js';

type Localize = LocalizeController<CampaignEditorTerms>;

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

export interface ScheduleFieldOptions {
  localize: Localize;
  form: CampaignForm;
  issue: { id: string; message: string } | null;
  set: <K extends keyof CampaignForm>(key: K, value: CampaignForm[K]) => void;
}

/** "When": now, or at a date and time in the page's time zone, which it names, with the day it falls on. */
export function renderScheduleField({ localize, form, issue, set }: ScheduleFieldOptions): TemplateResult {
  const at = form.when === 'later' ? fromLocalInput(form.scheduledAt) : null;
  const zone = form.when === 'later' ? describeTimeZone(localize.lang, at ? new Date(at) : new Date()) : null;
  const onInput = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    if (value !== form.scheduledAt) set('scheduledAt', value);
  };
  return html`<fieldset class="section" part="schedule">
    <legend>${localize.term('when')}</legend>
    <div class="choices">
      ${(['now', 'later'] as const).map(
        (when) => html`<label class="choice">
          <input type="radio" name="when" value=${when} .checked=${form.when === when} @change=${() => set('when', when)} />
          ${localize.term(when === 'now' ? 'sendNow' : 'sendLater')}
        </label>`,
      )}
    </div>
    ${form.when === 'later'
      ? html`<div class="field">
          <label for="scheduled-at">${localize.term('scheduleAt')}</label>
          <input
            id="scheduled-at"
            class="input"
            part="scheduled-at"
            type="datetime-local"
            min=${toLocalInput(Date.now())}
            .value=${form.scheduledAt}
            aria-invalid=${issue ? 'true' : 'false'}
            aria-describedby=${issue ? `time-zone ${issue.id}` : 'time-zone'}
            @input=${onInput}
            @change=${onInput}
          />
          <p class="hint" id="time-zone" part="time-zone">${localize.term('timeZone', zone!.name, zone!.offset)}</p>
          ${at ? html`<p class="hint">${localize.term('sendsOn', localize.date(at, DATE_TIME))}</p>` : nothing}
        </div>`
      : nothing}
    ${issue ? html`<p class="field-error" id=${issue.id}>${issue.message}</p>` : nothing}
  </fieldset>`;
}
