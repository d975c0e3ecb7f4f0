import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsConversation } from '../../../components/index.js';
import { createSmsClient } from '../../../src/index.js';
import { slowBackend } from '../../../stories/decorators/backends.js';
import { createThreadWorld, inbound, type ThreadWorld } from '../../fixtures/conversation-worlds.js';
import { bodies, demo10k, demoClientFor, frames, fromBottom, mount, part, scroller, text } from './helpers.js';

/** The first message row whose bottom is below the top of the viewport: what the reader sees first. */
function firstVisible(el: SmsConversation): { key: string; top: number } {
  const box = scroller(el).getBoundingClientRect();
  const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-anchor]')].find((candidate) => candidate.getBoundingClientRect().bottom > box.top + 1)!;
  return { key: row.dataset.key!, top: row.getBoundingClientRect().top };
}

function rowTop(el: SmsConversation, key: string): number | undefined {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-key="${key}"]`)?.getBoundingClientRect().top;
}

function messageRows(el: SmsConversation): number {
  return el.shadowRoot!.querySelectorAll('[data-anchor]').length;
}

/** A thread long enough to scroll: `count` messages from the peer. */
async function longThread(count: number): Promise<ThreadWorld> {
  const world = await createThreadWorld({ greeting: false });
  for (let index = 1; index <= count; index++) await inbound(world.backend, world.peer, world.number, `Line ${index}`);
  await world.backend.idle();
  return world;
}

describe('<sms-conversation> scrolling', function () {
  this.timeout(60000);

  it('opens at the bottom, on the newest message', async () => {
    const { world } = await demo10k();
    const el = await mount(await demoClientFor('dev'), world.largeThread!);
    expect(fromBottom(el)).to.be.below(2);
    expect(bodies(el).at(-1)).to.match(/^Message 10000 of 10000/);
  });

  it('loads an older page on scrolling up without moving the first visible message', async () => {
    const { backend, world } = await demo10k();
    const slow = createSmsClient({ backend: slowBackend(backend, 300), principal: world.principals.dev });
    const el = await mount(slow, world.largeThread!, { pageSize: 50 });
    const box = scroller(el);
    box.scrollTop = 100;
    await frames(3);
    const before = firstVisible(el);
    expect(before.top).to.be.within(box.getBoundingClientRect().top - 100, box.getBoundingClientRect().bottom);
    await waitUntil(() => box.scrollTop > 1000, 'no older page above the view', { timeout: 8000 });
    await frames(3);
    expect(rowTop(el, before.key)).to.be.closeTo(before.top, 1);
    expect(part(el, 'new-messages-button')).to.equal(null);
  });

  it('keeps the position through several older pages while the reader keeps scrolling up', async () => {
    const { backend, world } = await demo10k();
    const slow = createSmsClient({ backend: slowBackend(backend, 200), principal: world.principals.dev });
    const el = await mount(slow, world.largeThread!, { pageSize: 100 });
    const box = scroller(el);
    for (let round = 0; round < 3; round++) {
      box.scrollTop = 50;
      await frames(3);
      const before = firstVisible(el);
      await waitUntil(() => box.scrollTop > 500, `page ${round + 2} did not load`, { timeout: 8000 });
      await frames(3);
      expect(rowTop(el, before.key)).to.be.closeTo(before.top, 1);
    }
  });

  it('scrolls a new message into view when the reader is at the bottom', async () => {
    const world = await longThread(30);
    const el = await mount(world.client, world.conversationId, { height: 420 });
    expect(fromBottom(el)).to.be.below(2);
    await inbound(world.backend, world.peer, world.number, 'Just arrived');
    await waitUntil(() => bodies(el).at(-1) === 'Just arrived', 'the message did not arrive');
    await frames(3);
    expect(fromBottom(el)).to.be.below(2);
    expect(part(el, 'new-messages-button')).to.equal(null);
  });

  it('shows a new-messages button instead of scrolling when the reader is scrolled up, and goes down on click', async () => {
    const world = await longThread(30);
    const el = await mount(world.client, world.conversationId, { height: 420 });
    const box = scroller(el);
    box.scrollTop = 200;
    await frames(2);
    const before = firstVisible(el);
    await inbound(world.backend, world.peer, world.number, 'Arrived while reading');
    await inbound(world.backend, world.peer, world.number, 'And another');
    await waitUntil(() => part(el, 'new-messages-button') && text(part(el, 'new-messages-button')) === '2 new messages', 'no marker');
    await frames(2);
    expect(rowTop(el, before.key)).to.be.closeTo(before.top, 1);
    await expect(el).to.be.accessible();
    part(el, 'new-messages-button')!.click();
    await frames(3);
    expect(fromBottom(el)).to.be.below(2);
    expect(bodies(el).at(-1)).to.equal('And another');
    expect(part(el, 'new-messages-button')).to.equal(null);
  });

  it('hides the new-messages button when the reader scrolls down by themselves', async () => {
    const world = await longThread(30);
    const el = await mount(world.client, world.conversationId, { height: 420 });
    scroller(el).scrollTop = 0;
    await frames(2);
    await inbound(world.backend, world.peer, world.number, 'Hello again');
    await waitUntil(() => part(el, 'new-messages-button'));
    scroller(el).focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => part(el, 'new-messages-button') === null, 'the button stayed');
  });

  it('keeps a few hundred nodes at most with all 10,000 messages loaded, anywhere in the thread', async () => {
    const { world } = await demo10k();
    const el = await mount(await demoClientFor('dev'), world.largeThread!, { pageSize: 500 });
    const box = scroller(el);
    // Scroll to the top until the start of the conversation shows: 20 pages of 500.
    for (let round = 0; round < 30; round++) {
      box.scrollTop = 0;
      await frames(2);
      if (el.shadowRoot!.querySelector('[data-key="edge:start"]')) break;
      await waitUntil(() => box.scrollTop > 1000, `page ${round + 2} did not load`, { timeout: 8000 });
    }
    expect(el.shadowRoot!.querySelector('[data-key="edge:start"]'), 'every page loaded').to.exist;
    const counts: number[] = [];
    for (const position of [0, 0.25, 0.5, 0.9, 1]) {
      box.scrollTop = position * (box.scrollHeight - box.clientHeight);
      await frames(3);
      counts.push(el.shadowRoot!.querySelectorAll('*').length);
      expect(messageRows(el)).to.be.within(5, 80);
    }
    for (const count of counts) expect(count, `nodes: ${counts.join(', ')}`).to.be.below(400);
    expect(bodies(el).some((body) => body.startsWith('Message '))).to.equal(true);
  });
});
