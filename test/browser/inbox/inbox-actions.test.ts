import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { SmsConversationSelectEvent } from '../../../components/index.js';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { inboxFor, liveRegion, part, rows, settled, smallWorld, text, titles } from './helpers.js';

/** A client whose `conversations.list` calls are counted (and can be made to fail). */
function countingClient(client: SmsClient) {
  const calls: Array<Parameters<SmsClient['conversations']['list']>[0]> = [];
  let failNext = false;
  const counted: SmsClient = {
    ...client,
    conversations: {
      ...client.conversations,
      list: (query) => {
        calls.push(query);
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('offline'));
        }
        return client.conversations.list(query);
      },
    },
  };
  return { client: counted, calls, failNextList: () => (failNext = true) };
}

function search(el: HTMLElement, value: string): HTMLInputElement {
  const input = part(el, 'search') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  return input;
}

function chip(el: HTMLElement, filter: string): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="filter"][value="${filter}"]`)!;
}

describe('<sms-inbox>: search, filters, paging, live updates and actions', () => {
  let demo: DemoBackend;
  let alice: SmsClient;

  before(async () => {
    demo = await demoBackend();
    alice = clientFor(demo.backend, demo.world.principals.alice);
  });

  describe('search and filters', () => {
    it('searches once the typing pauses, and says how many were found', async () => {
      const { client, calls } = countingClient(alice);
      const el = await inboxFor(client);
      const before = calls.length;
      for (const value of ['b', 'bo', 'bob']) {
        search(el, value);
        await aTimeout(50);
      }
      expect(calls.length).to.equal(before, 'nothing sent while typing');
      await waitUntil(() => calls.length === before + 1, 'one search after the pause');
      expect(calls.at(-1)!.query).to.equal('bob');
      await settled(el);
      expect(titles(el)).to.deep.equal(['Bob Smith – Mobile']);
      await waitUntil(() => liveRegion(el).textContent === '1 conversation found', 'the count is announced', { timeout: 3000 });
      await expect(el).to.be.accessible();
    });

    it('searches at once on Enter, and says when nothing matches', async () => {
      const el = await inboxFor(alice);
      const input = search(el, 'zzzz-nothing');
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await settled(el);
      expect(text(part(el, 'empty'))).to.equal('No conversations match “zzzz-nothing”.');
      expect(part(el, 'empty')!.querySelector('[part~="new-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('filters by unread, SMS and chat with the chips', async () => {
      const el = await inboxFor(alice);
      chip(el, 'chat').click();
      await settled(el);
      expect(el.filter).to.equal('chat');
      expect(titles(el)).to.deep.equal(['Ben Carter']);
      chip(el, 'sms').click();
      await settled(el);
      expect(titles(el)).to.include('Bob Smith – Mobile');
      expect(titles(el)).to.not.include('Ben Carter');
      chip(el, 'unread').click();
      await settled(el);
      expect(rows(el).every((row) => Number(row.unread) > 0)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('reads the filter attribute, and falls back to all on an unknown one', async () => {
      const el = await inboxFor(alice, { filter: 'chat' });
      expect(titles(el)).to.deep.equal(['Ben Carter']);
      expect(chip(el, 'chat').checked).to.equal(true);
      el.filter = 'bogus' as never;
      await settled(el);
      expect(chip(el, 'all').checked).to.equal(true);
      expect(titles(el).length).to.be.greaterThan(1);
    });

    it('says when a filter has nothing', async () => {
      const world = await smallWorld();
      await world.inject('+61412000777', 'Hi');
      const el = await inboxFor(world.user, { filter: 'chat' });
      expect(text(part(el, 'empty'))).to.equal('No conversations here. New conversation');
      chip(el, 'unread').click();
      await settled(el);
      expect(titles(el)).to.deep.equal(['0412 000 777']);
    });

    it('offers a number filter to a user with several numbers, and names the number on each row', async () => {
      const chloe = clientFor(demo.backend, demo.world.principals.chloe);
      const el = await inboxFor(chloe);
      await waitUntil(() => part(el, 'number-filter') !== null, 'the number filter appears');
      const select = part(el, 'number-filter') as HTMLSelectElement;
      expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal([
        'All numbers',
        'Support · 0480 000 102',
        'After hours · 0480 000 103',
      ]);
      const mia = rows(el).find((row) => row.title === 'Mia Wong – Mobile')!;
      expect(text(mia.row.querySelector('[part~="item-tags"]'))).to.contain('After hours');
      select.value = demo.world.numbers.afterHours;
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(el.numberId).to.equal(demo.world.numbers.afterHours);
      expect(titles(el)).to.deep.equal(['Mia Wong – Mobile']);
      await expect(el).to.be.accessible();
    });

    it('shows no number filter to a user with one number', async () => {
      const el = await inboxFor(alice);
      await aTimeout(200);
      expect(part(el, 'number-filter')).to.equal(null);
    });
  });

  describe('paging', () => {
    it('loads the next page as the list scrolls, until the last', async () => {
      const world = await smallWorld();
      for (let index = 0; index < 23; index++) await world.inject(`+614120010${String(index).padStart(2, '0')}`, `Message ${index}`);
      const el = await inboxFor(world.user, { pageSize: 10 });
      expect(rows(el)).to.have.length(10);
      expect(rows(el)[0]!.preview).to.equal('Message 22', 'newest first');
      const scroller = part(el, 'scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => rows(el).length === 20, 'the second page', { timeout: 5000 });
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => rows(el).length === 23, 'the last page', { timeout: 5000 });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.sentinel')).to.equal(null);
      expect(new Set(rows(el).map((row) => row.id)).size).to.equal(23);
      await expect(el).to.be.accessible();
    });

    it('offers to try again when a page fails', async () => {
      const world = await smallWorld();
      for (let index = 0; index < 8; index++) await world.inject(`+614120020${String(index).padStart(2, '0')}`, `Message ${index}`);
      const { client, failNextList } = countingClient(world.user);
      const el = await inboxFor(client, { pageSize: 5 });
      failNextList();
      part(el, 'scroller')!.scrollTop = 10_000;
      await waitUntil(() => text(el.shadowRoot!.querySelector('.more[role="alert"]')).startsWith('Could not load more'), 'the page error');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.more button')!.click();
      await waitUntil(() => rows(el).length === 8, 'the page after a retry');
    });
  });

  describe('live updates', () => {
    it('moves a conversation to the top and bumps its unread count when a message arrives', async () => {
      const world = await smallWorld();
      await world.inject('+61412000801', 'First');
      await world.inject('+61412000802', 'Second');
      await world.inject('+61412000803', 'Third');
      const el = await inboxFor(world.user);
      expect(titles(el)).to.deep.equal(['0412 000 803', '0412 000 802', '0412 000 801']);
      expect(rows(el)[2]!.unread).to.equal('1');
      await world.inject('+61412000801', 'Again');
      await waitUntil(() => titles(el)[0] === '0412 000 801', 'moved to the top');
      const [top] = rows(el);
      expect(top!.unread).to.equal('2');
      expect(top!.preview).to.equal('Again');
      expect(titles(el)).to.deep.equal(['0412 000 801', '0412 000 803', '0412 000 802']);
      await waitUntil(() => liveRegion(el).textContent === 'New message from 0412 000 801', 'announced', { timeout: 3000 });
    });

    it('adds a new conversation at the top', async () => {
      const world = await smallWorld();
      await world.inject('+61412000811', 'First');
      const el = await inboxFor(world.user);
      await world.inject('+61412000812', 'Hello there');
      await waitUntil(() => titles(el)[0] === '0412 000 812', 'the new one on top');
      expect(rows(el)).to.have.length(2);
    });

    it('keeps a muted conversation silent', async () => {
      const world = await smallWorld();
      await world.inject('+61412000821', 'First');
      const el = await inboxFor(world.user);
      await world.user.conversations.setMuted(rows(el)[0]!.id, true);
      await aTimeout(700);
      await world.inject('+61412000821', 'Shh');
      await waitUntil(() => rows(el)[0]!.preview === 'Shh', 'updated');
      await aTimeout(700);
      expect(liveRegion(el).textContent).to.not.contain('New message');
    });

    it('removes a conversation deleted elsewhere by the same user', async () => {
      const world = await smallWorld();
      await world.inject('+61412000831', 'One');
      await world.inject('+61412000832', 'Two');
      const el = await inboxFor(world.user);
      const [first] = rows(el);
      const sameUserElsewhere = clientFor(world.backend, world.user.principal);
      await sameUserElsewhere.conversations.remove(first!.id);
      await waitUntil(() => rows(el).length === 1, 'removed');
      expect(titles(el)).to.deep.equal(['0412 000 831']);
    });

    it('leaves out a new conversation that the filter does not show', async () => {
      const world = await smallWorld();
      const el = await inboxFor(world.user, { filter: 'chat' });
      await world.inject('+61412000841', 'SMS, not chat');
      await aTimeout(300);
      expect(rows(el)).to.have.length(0);
    });
  });

  describe('choosing a conversation', () => {
    it('fires sms-conversation-select, reflects selected-id and marks it read', async () => {
      const world = await smallWorld();
      await world.inject('+61412000901', 'Hi');
      await world.inject('+61412000901', 'Are you there?');
      const el = await inboxFor(world.user);
      const [row] = rows(el);
      const fired = oneEvent(el, SmsConversationSelectEvent.eventName);
      row!.row.querySelector<HTMLElement>('[part~="item-main"]')!.click();
      const event = await fired;
      expect(event).to.be.instanceOf(SmsConversationSelectEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.conversation.id).to.equal(row!.id);
      expect(event.detail.conversation.peer).to.equal('+61412000901');
      await el.updateComplete;
      expect(el.selectedId).to.equal(row!.id);
      expect(el.getAttribute('selected-id')).to.equal(row!.id);
      expect(rows(el)[0]!.row.getAttribute('aria-selected')).to.equal('true');
      expect(rows(el)[0]!.unread).to.equal('');
      await waitUntil(async () => (await world.user.conversations.get(row!.id)).unreadCount === 0, 'read on the backend');
      await expect(el).to.be.accessible();
    });

    it('highlights the conversation named by selected-id', async () => {
      const world = await smallWorld();
      await world.inject('+61412000911', 'One');
      await world.inject('+61412000912', 'Two');
      const { items } = await world.user.conversations.list();
      const el = await inboxFor(world.user, { selectedId: items[1]!.id });
      const selected = rows(el).filter((row) => row.row.getAttribute('aria-selected') === 'true');
      expect(selected.map((row) => row.id)).to.deep.equal([items[1]!.id]);
      expect((await world.user.conversations.get(items[1]!.id)).unreadCount).to.equal(1, 'setting it is not reading it');
    });
  });

  describe('mute and delete', () => {
    it('mutes and unmutes from the row', async () => {
      const world = await smallWorld();
      await world.inject('+61412000921', 'Hi');
      const el = await inboxFor(world.user);
      const button = () => rows(el)[0]!.row.querySelector<HTMLButtonElement>('[part~="mute-button"]')!;
      expect(button().getAttribute('aria-label')).to.equal('Mute 0412 000 921');
      button().click();
      await waitUntil(() => rows(el)[0]!.row.classList.contains('muted'), 'muted');
      expect(button().getAttribute('aria-label')).to.equal('Unmute 0412 000 921');
      expect((await world.user.conversations.get(rows(el)[0]!.id)).muted).to.equal(true);
      await waitUntil(() => liveRegion(el).textContent === 'Conversation with 0412 000 921 muted', 'announced', { timeout: 3000 });
      button().click();
      await waitUntil(() => !rows(el)[0]!.row.classList.contains('muted'), 'unmuted');
      expect((await world.user.conversations.get(rows(el)[0]!.id)).muted).to.equal(false);
    });

    it('deletes after a confirmation, and keeps the conversation when it is cancelled', async () => {
      const world = await smallWorld();
      const hostile = '<img src=x onerror=alert(1)>';
      await world.admin.contacts.create({ scope: 'global', name: hostile, numbers: [{ e164: '+61412000931', label: 'Mobile' }] });
      await world.inject('+61412000931', 'Keep me?');
      await world.inject('+61412000932', 'Other');
      const el = await inboxFor(world.user);
      const target = rows(el).find((row) => row.title.startsWith('<img'))!;
      target.row.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
      await waitUntil(() => part(el, 'dialog') !== null, 'the confirmation');
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(text(dialog.querySelector('#confirm-message'))).to.contain(`The conversation with ${hostile} – Mobile`);
      expect(dialog.querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
      part(el, 'dialog-cancel')!.click();
      await el.updateComplete;
      expect(part(el, 'dialog')).to.equal(null);
      expect(rows(el)).to.have.length(2);

      rows(el).find((row) => row.id === target.id)!.row.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
      await waitUntil(() => part(el, 'dialog-confirm') !== null, 'asked again');
      part(el, 'dialog-confirm')!.click();
      await waitUntil(() => rows(el).length === 1, 'deleted');
      expect(titles(el)).to.deep.equal(['0412 000 932']);
      const { items } = await world.user.conversations.list();
      expect(items.map((item) => item.id)).to.not.include(target.id);
      await waitUntil(() => liveRegion(el).textContent === `Conversation with ${hostile} – Mobile deleted`, 'announced', { timeout: 3000 });
    });

    it('says why when an action fails', async () => {
      const world = await smallWorld();
      await world.inject('+61412000941', 'Hi');
      const failing: SmsClient = {
        ...world.user,
        conversations: { ...world.user.conversations, setMuted: () => Promise.reject(new Error('down')) },
      };
      const el = await inboxFor(failing);
      rows(el)[0]!.row.querySelector<HTMLButtonElement>('[part~="mute-button"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.action-error') !== null, 'the error');
      expect(text(el.shadowRoot!.querySelector('.action-error'))).to.equal('Something went wrong.');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.action-error button')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.action-error')).to.equal(null);
    });
  });
});
