import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/inbox/sms-inbox.js';
import { textIn } from '../backend.js';
import type { DemoSection, SectionContext } from './section.js';

const CUSTOMERS = ['+61412345678', '+61423456789', '+61456789012', '+61470000123'];
const LINES = ['Are you open on Saturday?', 'Thanks, that works for me.', 'Can you call me back please?', 'Running 10 minutes late.'];
let received = 0;

/**
 * A customer texts one of the signed-in person's numbers (an administrator's: the first number, the sales line),
 * through the carrier.
 */
async function customerTextsIn(context: SectionContext): Promise<void> {
  const { numbers } = await context.client.messages.capabilities();
  const own = numbers.length > 0 ? numbers[received % numbers.length]!.e164 : null;
  const to = own ?? (await context.client.numbers.list({ limit: 1 })).items[0]?.e164;
  if (!to) return;
  const from = CUSTOMERS[received % CUSTOMERS.length]!;
  const body = LINES[received % LINES.length]!;
  received += 1;
  await textIn(context.client, to, { from, body });
}

/** Buttons that make a customer text in, now or in five seconds (to hear the tone from another tab). */
export function inboundButtons(context: SectionContext) {
  return html`<div class="actions">
    <button type="button" class="button" @click=${() => void customerTextsIn(context)}>${context.t('customerTextsIn')}</button>
    <button type="button" class="button" @click=${() => setTimeout(() => void customerTextsIn(context), 5000)}>
      ${context.t('customerTextsInLater')}
    </button>
  </div>`;
}

/**
 * The inbox on the whole page: the conversation list with the chosen conversation beside it (without the customer
 * buttons for the operator acting for support, who only reads).
 */
export const inboxSection: DemoSection = {
  id: 'inbox',
  title: 'inbox',
  render: (context) => html`
    <div class="page-toolbar">
      <p class="hint">${context.t('inboxHint')}</p>
      ${context.who === 'operator' ? nothing : inboundButtons(context)}
    </div>
    <sms-inbox class="fill" .client=${context.client} layout="split" default-country="AU" scheme=${ifDefined(context.scheme)}></sms-inbox>
  `,
};
