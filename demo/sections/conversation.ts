import { html, render } from 'lit';
import type { SmsCallEvent, SmsSendEvent } from '../../components/index.js';
import '../../components/conversation/sms-conversation.js';
import { demoBackend, demoClient } from '../backend.js';
import type { DemoSection } from './section.js';

const BOB = '+61412345678';
const REPLIES = ['Sounds good, thanks!', 'Can we move it to 11?', 'Is parking available on site?', 'See you Thursday 👍'];

/** Alice's conversation with Bob Smith on the shared "Sales line", with Bob texting in on demand. */
export const conversationSection: DemoSection = {
  id: 'conversation',
  title: 'Conversation',
  async mount(panel) {
    const { backend, world } = await demoBackend();
    const client = await demoClient('alice');
    const conversation = await client.conversations.open({ channel: 'sms', peer: BOB, numberId: world.numbers.sales });
    const log: string[] = [];
    let replies = 0;

    const bobTextsIn = async () => {
      const body = REPLIES[replies++ % REPLIES.length]!;
      await backend.inbound.sms({ providerId: `demo-bob-${Date.now()}`, from: BOB, to: '+61480000101', body, receivedAt: new Date().toISOString() });
    };
    const note = (line: string) => {
      log.unshift(`${new Date().toLocaleTimeString()} ${line}`);
      log.length = Math.min(log.length, 6);
      draw();
    };

    const draw = () =>
      render(
        html`
          <p>
            Alice Nguyen's conversation with Bob Smith on the shared <em>Sales line</em>. Switch to another tab or window
            and let Bob text in after a delay to hear the tone, see the title flash and the highlight.
          </p>
          <div style="display: flex; flex-wrap: wrap; gap: 0.5rem; margin-bottom: 1rem">
            <button type="button" @click=${bobTextsIn}>Bob texts in</button>
            <button type="button" @click=${() => setTimeout(bobTextsIn, 5000)}>Bob texts in 5 s from now</button>
          </div>
          <sms-conversation
            .client=${client}
            conversation-id=${conversation.id}
            style="height: 38rem; width: min(48rem, calc(100vw - 3rem))"
            @sms-call=${(event: SmsCallEvent) => note(`sms-call: dial ${event.detail.e164} (${event.detail.name ?? 'unknown'})`)}
            @sms-send=${(event: SmsSendEvent) => note(`sms-send: ${event.detail.message.status} "${event.detail.message.body}"`)}
            @sms-conversation-deleted=${() => note('sms-conversation-deleted')}
          ></sms-conversation>
          <h2>Events</h2>
          <ul aria-live="polite">${log.map((line) => html`<li>${line}</li>`)}</ul>
        `,
        panel,
      );
    draw();
  },
};
