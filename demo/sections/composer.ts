import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsSendEvent } from '../../components/index.js';
import '../../components/composer/sms-composer.js';
import '../../components/template-manager/sms-template-manager.js';
import type { DemoTerm } from '../terms.js';
import type { DemoSection } from './section.js';

const SAMPLES: ReadonlyArray<[label: DemoTerm, text: string]> = [
  ['sampleShort', 'Your code is 4321.'],
  ['sampleQuotes', '“Your order’s on its way” – track it here… thanks!'],
  ['sampleUnicode', 'Привет! Ваш заказ готов 🎉'],
  ['sampleLong', 'Your technician will arrive between 8 and 10 am tomorrow. '.repeat(7).trim()],
];

/** The merge fields the demo's template managers offer: those the composer fills, and the demo's reminder's date. */
export const MERGE_FIELDS = 'first_name last_name name phone date';

let to = '0400 111 222';
let value = '';
const sent: { id: string; line: string }[] = [];

/**
 * The composer on its own, as a portal embeds it beside its own fields: number picker, counter, templates, schedule;
 * below it, a user's templates (what the composer's templates dialog offers, which follows their changes live).
 */
export const composerSection: DemoSection = {
  id: 'composer',
  title: 'composer',
  render: (context) => html`
    <p class="hint">${context.t('composerHint')}</p>
    <div class="card composer">
      <label class="field">
        <span>${context.t('to')}</span>
        <input
          class="input"
          .value=${to}
          @input=${(event: Event) => {
            to = (event.target as HTMLInputElement).value;
            context.redraw();
          }}
        />
      </label>
      <sms-composer
        .client=${context.client}
        .to=${to}
        .value=${value}
        max-segments="3"
        default-country="AU"
        scheme=${ifDefined(context.scheme)}
        @input=${(event: Event) => (value = (event.composedPath()[0] as HTMLTextAreaElement).value ?? value)}
        @sms-send=${(event: SmsSendEvent) => {
          const { message } = event.detail;
          sent.unshift({ id: message.id, line: `${message.from} → ${message.to}: “${message.body}”` });
          sent.length = Math.min(sent.length, 20);
          value = '';
          context.redraw();
        }}
      ></sms-composer>
      <div class="actions" role="group" aria-label=${context.t('samples')}>
        ${SAMPLES.map(([label, sample]) => html`<button type="button" class="button chip" @click=${() => ((value = sample), context.redraw())}>${context.t(label)}</button>`)}
      </div>
    </div>
    <h2>${context.t('sent')}</h2>
    ${sent.length === 0
      ? html`<p class="hint">${context.t('nothingSent')}</p>`
      : html`<ul class="sent" aria-live="polite">${sent.map((entry) => html`<li>${entry.line}</li>`)}</ul>`}
    ${context.client.principal.role === 'user'
      ? html`<sms-template-manager class="card" .client=${context.client} merge-fields=${MERGE_FIELDS} scheme=${ifDefined(context.scheme)}></sms-template-manager>`
      : nothing}
  `,
};
