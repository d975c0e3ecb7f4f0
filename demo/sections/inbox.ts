import { html, render } from 'lit';
import type { SmsConversationSelectEvent } from '../../components/index.js';
import '../../components/conversation/sms-conversation.js';
import '../../components/inbox/sms-inbox.js';
import { demoBackend, demoClient } from '../backend.js';
import type { DemoSection } from './section.js';

type Who = 'alice' | 'ben' | 'chloe' | 'admin';

const PEOPLE: ReadonlyArray<[Who, string]> = [
  ['alice', 'Alice Nguyen (sales, group number)'],
  ['ben', 'Ben Carter (sales, group number)'],
  ['chloe', 'Chloe Martin (two numbers)'],
  ['admin', 'Administrator (read only)'],
];

const CUSTOMERS = ['+61412345678', '+61423456789', '+61456789012', '+61470000123'];
const LINES = ['Are you open on Saturday?', 'Thanks, that works for me.', 'Can you call me back please?', 'Running 10 minutes late.'];

/** The inbox as a signed-in person sees it, with a button that makes a customer text in (live updates). */
export const inboxSection: DemoSection = {
  id: 'inbox',
  title: 'Inbox',
  mount(panel) {
    let who: Who = 'alice';
    let layout: 'split' | 'list' = 'split';
    let chosen = '';
    let sent = 0;

    const receive = async () => {
      const { backend } = await demoBackend();
      const client = await demoClient(who === 'admin' ? 'alice' : who);
      const { numbers } = await client.messages.capabilities();
      const to = numbers[sent % Math.max(numbers.length, 1)]?.e164 ?? '+61480000101';
      const from = CUSTOMERS[sent % CUSTOMERS.length]!;
      const body = LINES[sent % LINES.length]!;
      sent += 1;
      await backend.inbound.sms({ providerId: `demo-live-${Date.now()}`, from, to, body, receivedAt: new Date().toISOString() });
    };

    const draw = async () => {
      const client = await demoClient(who);
      render(
        html`
          <div class="inbox-demo-controls" style="display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin-bottom: 1rem">
            <label>
              Signed in as
              <select
                @change=${(event: Event) => {
                  who = (event.target as HTMLSelectElement).value as Who;
                  chosen = '';
                  void draw();
                }}
              >
                ${PEOPLE.map(([key, label]) => html`<option value=${key} ?selected=${key === who}>${label}</option>`)}
              </select>
            </label>
            <label>
              Layout
              <select
                @change=${(event: Event) => {
                  layout = (event.target as HTMLSelectElement).value as 'split' | 'list';
                  void draw();
                }}
              >
                <option value="split" ?selected=${layout === 'split'}>Split (list and conversation)</option>
                <option value="list" ?selected=${layout === 'list'}>List only</option>
              </select>
            </label>
            <button type="button" @click=${receive}>A customer texts in</button>
          </div>
          ${layout === 'list' ? html`<p>Chosen: <output>${chosen || 'nothing yet'}</output></p>` : ''}
          <sms-inbox
            .client=${client}
            layout=${layout}
            default-country="AU"
            style="height: 36rem; width: min(72rem, calc(100vw - 3rem))"
            @sms-conversation-select=${(event: SmsConversationSelectEvent) => {
              chosen = event.detail.conversation.peerName ?? event.detail.conversation.peer;
              void draw();
            }}
          ></sms-inbox>
        `,
        panel,
      );
    };
    return draw();
  },
};
