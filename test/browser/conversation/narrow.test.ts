import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SmsConversation } from '../../../components/index.js';
import { channelChanges, threadRows } from '../../../components/conversation/rows.js';
import { createSmsClient, SmsError, type Message } from '../../../src/index.js';
import { stalledBackend, wrapBackend } from '../../../stories/decorators/backends.js';
import { createThreadWorld } from '../../fixtures/conversation-worlds.js';
import { loaded, mount, part, parts, text } from './helpers.js';

// <sms-conversation> in a side panel (360 px) and wide (1280 px): its header, a host's back button in the
// header-start slot in every state, the channel named only where it changes, and its own default country.

function box(element: Element | null): DOMRect {
  return element!.getBoundingClientRect();
}

/** A conversation with a back button of the host's in its header-start slot. */
async function withBackButton(client: Parameters<typeof mount>[0], conversationId: string): Promise<{ el: SmsConversation; back: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px; height: 560px; display: flex">
    <sms-conversation style="flex: 1; height: auto" .client=${client} conversation-id=${conversationId} no-sound>
      <button slot="header-start" aria-label="Back to conversations">←</button>
    </sms-conversation>
  </div>`);
  const el = wrapper.querySelector('sms-conversation')!;
  return { el, back: wrapper.querySelector('button')! };
}

describe('<sms-conversation> at 360 px and 1280 px', function () {
  this.timeout(30000);

  it('makes no page landmark of its own: two conversations side by side in a page pass the accessibility check', async () => {
    const world = await createThreadWorld();
    const other = await world.client.messages.send({ channel: 'sms', to: '+61412000999', numberId: world.numberId, body: 'Hello' });
    const wrapper = await fixture<HTMLDivElement>(html`<div style="display: flex; gap: 8px; height: 560px">
      <sms-conversation style="flex: 1" .client=${world.client} conversation-id=${world.conversationId} no-sound></sms-conversation>
      <sms-conversation style="flex: 1" .client=${world.client} conversation-id=${other.conversationId} no-sound></sms-conversation>
    </div>`);
    for (const el of wrapper.querySelectorAll('sms-conversation')) await loaded(el);
    expect(part(wrapper.querySelector('sms-conversation')!, 'header')!.localName).to.not.equal('header');
    await expect(wrapper).to.be.accessible();
  });

  it('keeps its header on one line at 360 px: "Add to contacts" as an icon, still named', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId, { width: 360 });
    const add = part(el, 'add-contact-button')!;
    const title = part(el, 'title')!;
    expect(box(add).width).to.be.lessThan(48, 'an icon button');
    expect(box(add).top).to.be.lessThan(box(title).bottom, 'beside the title, not under it');
    expect(box(part(el, 'menu-button')).right).to.be.at.most(box(part(el, 'header')).right);
    expect(add.title).to.equal('Add to contacts');
    expect(text(add)).to.equal('Add to contacts');
    await expect(el).to.be.accessible();
  });

  it('shows "Add to contacts" in words at 1280 px', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId, { width: 1280 });
    const add = part(el, 'add-contact-button')!;
    expect(box(add).width).to.be.greaterThan(80);
    expect(getComputedStyle(add.querySelector('svg')!).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('shows a host\'s back button (header-start) before the title, and above the loading and error states', async () => {
    const world = await createThreadWorld();
    const ready = await withBackButton(world.client, world.conversationId);
    await loaded(ready.el);
    expect(ready.back.assignedSlot!.closest('[part~="header"]'), 'in the header').to.not.equal(null);
    expect(box(ready.back).right).to.be.at.most(box(part(ready.el, 'title')).left);
    await expect(ready.el).to.be.accessible();

    const stalled = createSmsClient({ backend: stalledBackend(world.backend), principal: world.user });
    const loading = await withBackButton(stalled, world.conversationId);
    await waitUntil(() => loading.el.shadowRoot!.querySelector('.status.loading'), 'the loading state');
    expect(loading.back.assignedSlot, 'slotted while loading').to.not.equal(null);
    expect(box(loading.back).bottom).to.be.at.most(box(part(loading.el, 'status')).top + 1, 'above the loading state');
    await expect(loading.el).to.be.accessible();

    const refused = wrapBackend(world.backend, () => Promise.reject(new SmsError('backend.unavailable', 'The SMS service cannot be reached.')));
    const failed = await withBackButton(createSmsClient({ backend: refused, principal: world.user }), world.conversationId);
    await waitUntil(() => failed.el.shadowRoot!.querySelector('.status.error'), 'the error state');
    expect(failed.back.assignedSlot, 'slotted in the error state').to.not.equal(null);
    expect(box(failed.back).width).to.be.greaterThan(0);
    await expect(failed.el).to.be.accessible();
  });

  it('takes no room for the slot when nothing is in it', async () => {
    const world = await createThreadWorld();
    const stalled = createSmsClient({ backend: stalledBackend(world.backend), principal: world.user });
    const el = await mount(stalled, world.conversationId, {}, false);
    await waitUntil(() => el.shadowRoot!.querySelector('.status.loading'), 'the loading state');
    expect(box(el.shadowRoot!.querySelector('.start-bar')).height).to.equal(0);
  });

  for (const width of [360, 1280]) {
    it(`does not repeat the channel on every message at ${width} px: the header says it`, async () => {
      const world = await createThreadWorld();
      await world.client.messages.send({ conversationId: world.conversationId, body: 'Yes it is.' });
      await world.backend.idle();
      const el = await mount(world.client, world.conversationId, { width });
      await waitUntil(() => parts(el, 'bubble').length === 2, 'both messages');
      expect(text(part(el, 'subtitle'))).to.contain('SMS');
      for (const meta of parts(el, 'meta')) expect(text(meta)).not.to.contain('SMS');
      expect(el.shadowRoot!.querySelector('.meta .channel') !== null).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it('names the channel on the message where it changes', () => {
    const message = (id: string, channel: 'sms' | 'chat', minute: number) =>
      ({ id, channel, createdAt: `2026-11-23T10:0${minute}:00.000Z` }) as Message;
    // Newest first, as pages arrive.
    const rows = threadRows([message('m4', 'sms', 4), message('m3', 'chat', 3), message('m2', 'sms', 2), message('m1', 'sms', 1)], false);
    const shown = rows.map((row, index) => (row.kind === 'message' ? `${row.message.id}:${channelChanges(rows, index, 'sms')}` : null)).filter(Boolean);
    expect(shown).to.deep.equal(['m1:false', 'm2:false', 'm3:true', 'm4:true']);
    expect(channelChanges(rows, rows.findIndex((row) => row.key === 'm1'), 'chat'), 'the first differs from the header').to.equal(true);
  });

  it('shows numbers in its own default-country', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId, { width: 360 });
    expect(text(part(el, 'title'))).to.equal('0411 222 333');
    el.defaultCountry = 'GB';
    await waitUntil(() => text(part(el, 'title')) === '+61 411 222 333', 'international outside GB');
  });
});
