// A page that registers <sms-inbox> alone, as a host importing only `pbx-sms/components/sms-inbox` does: the split
// layout loads <sms-conversation> itself. (Each test file runs in its own page: no other file's imports count here.)
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { SmsInbox } from '../../../components/index.js';
import { deepActive, inboxFor, part, rows, smallWorld, text } from './helpers.js';

function conversationOf(el: SmsInbox): HTMLElement | null {
  return part(el, 'conversation');
}

function mainOf(el: SmsInbox, index: number): HTMLElement {
  return rows(el)[index]!.row.querySelector<HTMLElement>('[part~="item-main"]')!;
}

/** The conversation's own text once it has loaded its messages. */
async function shown(el: SmsInbox, body: string): Promise<HTMLElement> {
  await waitUntil(() => conversationOf(el)?.shadowRoot && text(conversationOf(el)!.shadowRoot as unknown as Element).includes(body), `"${body}" in the conversation`, { timeout: 8000 });
  return conversationOf(el)!;
}

describe('<sms-inbox> registered alone', () => {
  it('never loads <sms-conversation> in the list layout', async () => {
    expect(customElements.get('sms-conversation'), 'the page registers the inbox alone').to.equal(undefined);
    const world = await smallWorld();
    await world.inject('+61412001001', 'Hello from the list');
    const el = await inboxFor(world.user);
    const selected = oneEvent(el, 'sms-conversation-select');
    mainOf(el, 0).click();
    await selected;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customElements.get('sms-conversation'), 'the list layout leaves it to the host').to.equal(undefined);
    expect(conversationOf(el)).to.equal(null);
  });

  it('loads <sms-conversation> for the split layout and shows the chosen conversation beside the list', async () => {
    const world = await smallWorld();
    await world.inject('+61412001001', 'First <b>bold</b> customer');
    await world.inject('+61412001002', 'Second customer');
    const el = await inboxFor(world.user, { layout: 'split', width: 900 });
    mainOf(el, 1).click();
    const conversation = await shown(el, 'First <b>bold</b> customer');
    expect(customElements.get('sms-conversation'), 'registered by the inbox').to.not.equal(undefined);
    expect(conversation.shadowRoot!.querySelector('b'), 'the body renders as text').to.equal(null);
    await expect(el).to.be.accessible();

    mainOf(el, 0).click();
    await shown(el, 'Second customer');
  });

  it('shows the conversation in place of the list when narrow, its back button focused', async () => {
    const world = await smallWorld();
    await world.inject('+61412001001', 'Narrow hello');
    const el = await inboxFor(world.user, { layout: 'split', width: 360 });
    await waitUntil(() => (el as unknown as { narrow: boolean }).narrow, 'narrow');
    mainOf(el, 0).click();
    await shown(el, 'Narrow hello');
    const back = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-button"]')!;
    expect(back.assignedSlot?.name, 'in the header of the conversation').to.equal('header-start');
    await waitUntil(() => deepActive() === back, 'the focus on the back button');
    await expect(el).to.be.accessible();
  });
});
