import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsInbox } from '../../../components/index.js';
import { deepActive, inboxFor, part, rows, smallWorld } from './helpers.js';

type World = Awaited<ReturnType<typeof smallWorld>>;

/** The conversation beside the list, once the inbox has it (it loads `<sms-conversation>` when the page has not). */
async function conversationPane(el: SmsInbox): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'conversation'), 'the conversation beside the list');
  return part(el, 'conversation')!;
}

/** A button of the page's own inside the conversation, where it shows (its header's slot). */
function focusableInside(conversation: HTMLElement): HTMLButtonElement {
  const inside = document.createElement('button');
  inside.slot = 'header-start';
  conversation.append(inside);
  return inside;
}

/** Three conversations: 0412 001 003 (newest), 002, 001. */
async function threeConversations(): Promise<World> {
  const world = await smallWorld();
  for (const last of ['1', '2', '3']) await world.inject(`+6141200100${last}`, `Message ${last}`);
  return world;
}

function focusedRow(el: SmsInbox): { title: string; column: string | undefined } | null {
  const active = deepActive() as HTMLElement | null;
  const row = active?.closest<HTMLElement>('[role="row"]');
  if (!row || !el.shadowRoot!.contains(row)) return null;
  return { title: row.querySelector('[part~="item-title"]')!.textContent!, column: active!.dataset.column };
}

describe('<sms-inbox>: keyboard', () => {
  let world: World;

  beforeEach(async () => {
    world = await threeConversations();
  });

  it('is one tab stop: Tab from the search field lands on the first conversation', async () => {
    const el = await inboxFor(world.user);
    const tabbable = el.shadowRoot!.querySelectorAll('[role="grid"] [tabindex="0"]');
    expect(tabbable).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('[role="grid"] [tabindex="-1"]')).to.have.length(3 * 3 - 1);
    (part(el, 'search') as HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' }); // the "New conversation" button
    await sendKeys({ press: 'Tab' }); // the filter radio group (one stop)
    await sendKeys({ press: 'Tab' });
    expect(focusedRow(el)).to.deep.equal({ title: '0412 001 003', column: '0' });
  });

  it('moves with ArrowDown, ArrowUp, Home and End, and the tab stop follows', async () => {
    const el = await inboxFor(world.user);
    rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRow(el)!.title).to.equal('0412 001 002');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRow(el)!.title).to.equal('0412 001 001', 'stays on the last');
    await sendKeys({ press: 'Home' });
    expect(focusedRow(el)!.title).to.equal('0412 001 003');
    await sendKeys({ press: 'End' });
    expect(focusedRow(el)!.title).to.equal('0412 001 001');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedRow(el)!.title).to.equal('0412 001 002');
    const stops = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="grid"] [tabindex="0"]')];
    expect(stops).to.have.length(1);
    expect(stops[0]!.closest<HTMLElement>('[role="row"]')!.dataset.id).to.equal(rows(el)[1]!.id);
  });

  it('shows where the focus is', async () => {
    const el = await inboxFor(world.user);
    rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const focused = deepActive() as HTMLElement;
    expect(focused.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
  });

  it('opens with Enter and with Space', async () => {
    const el = await inboxFor(world.user);
    rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    let fired = oneEvent(el, 'sms-conversation-select');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.conversation.peer).to.equal('+61412001002');
    expect(rows(el)[1]!.row.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    fired = oneEvent(el, 'sms-conversation-select');
    await sendKeys({ press: ' ' });
    expect((await fired).detail.conversation.peer).to.equal('+61412001001');
  });

  it('reaches mute and delete with ArrowRight, and comes back with ArrowLeft', async () => {
    const el = await inboxFor(world.user);
    rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedRow(el)).to.deep.equal({ title: '0412 001 003', column: '1' });
    expect(getComputedStyle(part(el, 'item-actions')!).opacity).to.equal('1', 'the buttons show when focused');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el)[0]!.row.classList.contains('muted'), 'muted with Enter');
    expect(focusedRow(el)).to.deep.equal({ title: '0412 001 003', column: '1' }, 'focus stays on the button');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRow(el)).to.deep.equal({ title: '0412 001 002', column: '1' }, 'the column is kept');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedRow(el)!.column).to.equal('2');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedRow(el)).to.deep.equal({ title: '0412 001 002', column: '0' });
  });

  it('asks before deleting on the Delete key; Escape cancels and the focus comes back', async () => {
    const el = await inboxFor(world.user);
    rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => (part(el, 'dialog') as HTMLDialogElement | null)?.open === true, 'the confirmation');
    expect(deepActive() === part(el, 'dialog-cancel'), 'the safe choice has focus').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(el, 'dialog') === null, 'closed');
    expect(rows(el)).to.have.length(3);
    await waitUntil(() => focusedRow(el)?.title === '0412 001 002', 'back on the row');

    await sendKeys({ press: 'Delete' });
    await waitUntil(() => part(el, 'dialog-confirm') !== null, 'asked again');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 2, 'deleted');
    await waitUntil(() => focusedRow(el)?.title === '0412 001 001', 'the focus moves to the next row');
  });

  it('keeps the focus on its conversation when a live update moves rows', async () => {
    const el = await inboxFor(world.user);
    rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
    await sendKeys({ press: 'End' });
    expect(focusedRow(el)!.title).to.equal('0412 001 001');
    await world.inject('+61412001001', 'Bump');
    await waitUntil(() => rows(el)[0]!.title === '0412 001 001', 'moved to the top');
    await el.updateComplete;
    expect(focusedRow(el)!.title).to.equal('0412 001 001');
  });

  describe('split layout', () => {
    it('opens the chosen conversation beside the list', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 1000 });
      expect(part(el, 'detail')).to.not.equal(null);
      expect(part(el, 'detail-empty')!.textContent).to.equal('Choose a conversation to read it here.');
      await expect(el).to.be.accessible();
      rows(el)[1]!.row.querySelector<HTMLElement>('[part~="item-main"]')!.click();
      const conversation = await conversationPane(el);
      expect(conversation.localName).to.equal('sms-conversation');
      expect(conversation.getAttribute('conversation-id')).to.equal(rows(el)[1]!.id);
      expect((conversation as unknown as { conversationId: string }).conversationId).to.equal(rows(el)[1]!.id);
      expect((conversation as unknown as { client: unknown }).client).to.equal(world.user);
      expect(getComputedStyle(part(el, 'base')!).gridTemplateColumns.split(' ')).to.have.length(2);
    });

    it('opens the conversation named by selected-id', async () => {
      const { items } = await world.user.conversations.list();
      const el = await inboxFor(world.user, { layout: 'split', selectedId: items[2]!.id });
      expect((await conversationPane(el)).getAttribute('conversation-id')).to.equal(items[2]!.id);
    });

    it('returns the focus to the list on Escape in the conversation pane', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 1000 });
      rows(el)[0]!.row.querySelector<HTMLElement>('[data-column="0"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      const conversation = await conversationPane(el);
      const inside = focusableInside(conversation);
      inside.textContent = 'inside the conversation';
      inside.focus();
      await sendKeys({ press: 'Escape' });
      expect(focusedRow(el)).to.deep.equal({ title: '0412 001 002', column: '0' });
    });

    it('leaves Escape to the conversation when it handles it', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 1000 });
      rows(el)[0]!.row.querySelector<HTMLElement>('[part~="item-main"]')!.click();
      const inside = focusableInside(await conversationPane(el));
      inside.addEventListener('keydown', (event) => event.preventDefault());
      inside.focus();
      await sendKeys({ press: 'Escape' });
      expect(deepActive() === inside).to.equal(true);
    });

    it('shows the list alone when narrow, and the split again when wide', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 420 });
      await waitUntil(() => part(el, 'detail') === null, 'list only when narrow');
      await expect(el).to.be.accessible();
      el.parentElement!.style.width = '1000px';
      await waitUntil(() => part(el, 'detail') !== null, 'split again when wide');
    });

    it('uses the list layout by default', async () => {
      const el = await inboxFor(world.user, { width: 1200 });
      await aTimeout(100);
      expect(el.layout).to.equal('list');
      expect(part(el, 'detail')).to.equal(null);
    });
  });

  it('starts with the tab stop on the selected conversation', async () => {
    const { items } = await world.user.conversations.list();
    const el = await inboxFor(world.user, { selectedId: items[1]!.id });
    const stop = el.shadowRoot!.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')!;
    expect(stop.closest<HTMLElement>('[role="row"]')!.dataset.id).to.equal(items[1]!.id);
  });
});
