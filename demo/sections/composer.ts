import { html, render } from 'lit';
import type { SmsGsmReplaceEvent } from '../../components/index.js';
import '../../components/segment-counter/sms-segment-counter.js';
import type { DemoSection } from './section.js';

const SAMPLES: ReadonlyArray<[label: string, text: string]> = [
  ['Short', 'Your code is 4321.'],
  ['Curly quotes', '“Your order’s on its way” – track it here… thanks!'],
  ['Cyrillic + emoji', 'Привет! Ваш заказ готов 🎉'],
  ['Three parts', 'Your technician will arrive between 8 and 10 am tomorrow. '.repeat(7).trim()],
];

/** A message composer sketch: a textarea with the segment counter under it. */
export const composerSection: DemoSection = {
  id: 'composer',
  title: 'Composer',
  mount(panel) {
    let text = '';
    const update = (next: string) => {
      text = next;
      draw();
    };
    const onInput = (event: Event) => update((event.target as HTMLTextAreaElement).value);
    const onReplace = (event: SmsGsmReplaceEvent) => update(event.detail.text);
    const draw = () =>
      render(
        html`
          <div class="card composer">
            <label for="composer-body">Message</label>
            <textarea id="composer-body" rows="5" .value=${text} @input=${onInput}></textarea>
            <sms-segment-counter compact max-segments="3" .text=${text} @sms-gsm-replace=${onReplace}></sms-segment-counter>
            <div class="samples" role="group" aria-label="Sample messages">
              ${SAMPLES.map(([label, sample]) => html`<button type="button" @click=${() => update(sample)}>${label}</button>`)}
            </div>
          </div>
          <h2>Full counter</h2>
          <div class="card">
            <sms-segment-counter max-segments="3" .text=${text} @sms-gsm-replace=${onReplace}></sms-segment-counter>
          </div>
        `,
        panel,
      );
    draw();
  },
};
