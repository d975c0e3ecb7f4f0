import { html, render } from 'lit';
import type { SmsSendEvent } from '../../components/index.js';
import '../../components/composer/sms-composer.js';
import { demoClient } from '../backend.js';
import type { DemoSection } from './section.js';

const SAMPLES: ReadonlyArray<[label: string, text: string]> = [
  ['Short', 'Your code is 4321.'],
  ['Curly quotes', '“Your order’s on its way” – track it here… thanks!'],
  ['Cyrillic + emoji', 'Привет! Ваш заказ готов 🎉'],
  ['Three parts', 'Your technician will arrive between 8 and 10 am tomorrow. '.repeat(7).trim()],
];

/** The composer on its own: Chloe, who has two numbers, writes to any number (picker, counter, templates, schedule). */
export const composerSection: DemoSection = {
  id: 'composer',
  title: 'Composer',
  async mount(panel) {
    const client = await demoClient('chloe');
    let to = '0400 111 222';
    let value = '';
    const sent: string[] = [];

    const draw = () =>
      render(
        html`
          <p>Chloe Martin has two numbers (Support and After hours): she picks the one to send from.</p>
          <div class="card composer">
            <label for="composer-to">To</label>
            <input id="composer-to" .value=${to} @input=${(event: Event) => ((to = (event.target as HTMLInputElement).value), draw())} />
            <sms-composer
              .client=${client}
              .to=${to}
              .value=${value}
              max-segments="3"
              @input=${(event: Event) => (value = (event.composedPath()[0] as HTMLTextAreaElement).value ?? value)}
              @sms-send=${(event: SmsSendEvent) => {
                const { message } = event.detail;
                sent.unshift(`${message.status}: ${message.from} → ${message.to} “${message.body}”`);
                value = '';
                draw();
              }}
            ></sms-composer>
            <div class="samples" role="group" aria-label="Sample messages">
              ${SAMPLES.map(([label, sample]) => html`<button type="button" @click=${() => ((value = sample), draw())}>${label}</button>`)}
            </div>
          </div>
          <h2>Sent</h2>
          <ul aria-live="polite">${sent.map((line) => html`<li>${line}</li>`)}</ul>
        `,
        panel,
      );
    draw();
  },
};
