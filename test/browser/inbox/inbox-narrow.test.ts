import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SmsInbox } from '../../../components/index.js';
import '../../../components/conversation/sms-conversation.js';
import { SmsError } from '../../../src/index.js';
import { clientFor, wrapBackend } from '../../../stories/decorators/backends.js';
import { deepActive, inboxFor, part, rows, smallWorld, text } from './helpers.js';

type World = Awaited<ReturnType<typeof smallWorld>>;

/** Three conversations: 0412 001 003 (newest), 002, 001. */
async function threeConversations(): Promise<World> {
  const world = await smallWorld();
  for (const last of ['1', '2', '3']) await world.inject(`+6141200100${last}`, `Message ${last}`);
  return world;
}

function conversationOf(el: SmsInbox): HTMLElement | null {
  return part(el, 'conversation');
}

/** The back button the inbox puts in the conversation's header (it lives in the inbox's shadow root). */
function backButton(el: SmsInbox): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-button"]');
}

function listShown(el: SmsInbox): boolean {
  return getComputedStyle(part(el, 'list-pane')!).display !== 'none';
}

/** The row's first cell (the part that opens it). */
function mainOf(el: SmsInbox, index: number): HTMLElement {
  return rows(el)[index]!.row.querySelector<HTMLElement>('[part~="item-main"]')!;
}

/** Waits for the inbox to measure itself (a ResizeObserver) and stack its views, or not. */
async function stacked(el: SmsInbox, narrow: boolean): Promise<void> {
  await waitUntil(() => (el as unknown as { narrow: boolean }).narrow === narrow, narrow ? 'narrow' : 'wide');
  await el.updateComplete;
}

describe('<sms-inbox> in a side panel (360 px) and wide (1280 px)', () => {
  let world: World;

  beforeEach(async () => {
    world = await threeConversations();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  describe('360 px, split layout', () => {
    it('opens the conversation in place of the list, with a back button that returns to its row', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 360 });
      await stacked(el, true);
      expect(conversationOf(el) !== null, 'nothing beside the list').to.equal(false);
      await expect(el).to.be.accessible();

      const selected = oneEvent(el, 'sms-conversation-select');
      mainOf(el, 1).click();
      const { conversation } = (await selected).detail;
      await waitUntil(() => deepActive() === backButton(el), 'the focus on the back button');
      expect(listShown(el), 'the list steps aside').to.equal(false);
      expect(conversationOf(el)!.getAttribute('conversation-id')).to.equal(conversation.id);
      expect(backButton(el)!.getAttribute('aria-label')).to.equal('Back to conversations');
      expect(backButton(el)!.assignedSlot?.name, 'in the header of the conversation').to.equal('header-start');
      const width = conversationOf(el)!.getBoundingClientRect().width;
      expect(width).to.be.greaterThan(330, 'the conversation takes the panel');
      await expect(el).to.be.accessible();

      backButton(el)!.click();
      await waitUntil(() => listShown(el), 'the list again');
      expect(conversationOf(el) !== null).to.equal(false);
      await waitUntil(() => deepActive() === mainOf(el, 1), 'the focus back on the row');
      expect(rows(el)[1]!.row.getAttribute('aria-selected')).to.equal('true', 'the row stays selected');
      await expect(el).to.be.accessible();
    });

    it('goes there and back with the keyboard: Enter on a row, Enter on the back button, Escape', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 360 });
      await stacked(el, true);
      mainOf(el, 0).focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() === backButton(el), 'the focus on the back button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() === mainOf(el, 1), 'back on the second row');

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() === backButton(el), 'the conversation again');
      await sendKeys({ press: 'Tab' });
      expect(conversationOf(el)!.contains(deepActive()) || conversationOf(el)!.shadowRoot!.contains(deepActive()), 'Tab moves on into the conversation').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => deepActive() === mainOf(el, 1), 'Escape returns to the row');
      expect(listShown(el)).to.equal(true);
    });

    it('keeps the back button in reach while the conversation loads, and when it cannot be loaded', async () => {
      for (const outcome of ['loading', 'error'] as const) {
        // The list loads; opening a conversation stalls, or fails.
        const backend = wrapBackend(world.backend, (group, method, call) => {
          if (group !== 'conversations' || method !== 'get') return call();
          return outcome === 'loading' ? new Promise(() => undefined) : Promise.reject(new SmsError('backend.unavailable', 'The SMS service cannot be reached.'));
        });
        const el = await inboxFor(clientFor(backend, world.user.principal), { layout: 'split', width: 360 });
        await stacked(el, true);
        mainOf(el, 0).click();
        await waitUntil(() => conversationOf(el)?.shadowRoot?.querySelector(`.status.${outcome}`), `the conversation's ${outcome} state`);
        await waitUntil(() => deepActive() === backButton(el), 'the focus on the back button');
        expect(backButton(el)!.assignedSlot?.name).to.equal('header-start');
        expect(backButton(el)!.getBoundingClientRect().width).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
        backButton(el)!.click();
        await waitUntil(() => listShown(el) && deepActive() === mainOf(el, 0), 'back on the row');
      }
    });

    it('opens the conversation named by selected-id in place of the list', async () => {
      const { items } = await world.user.conversations.list();
      const el = await inboxFor(world.user, { layout: 'split', width: 360, selectedId: items[2]!.id });
      await stacked(el, true);
      await waitUntil(() => conversationOf(el) !== null && !listShown(el), 'the conversation');
      backButton(el)!.click();
      await waitUntil(() => listShown(el), 'the list');
      expect(rows(el)[2]!.row.getAttribute('aria-selected')).to.equal('true');
    });

    it('shows "New conversation" as a page in place of the list; back returns to the button', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 360 });
      await stacked(el, true);
      part(el, 'new-button')!.click();
      await waitUntil(() => part(el, 'new-page') !== null, 'the page');
      expect(part(el, 'new-dialog') !== null, 'no dialog').to.equal(false);
      expect(listShown(el)).to.equal(false);
      const picker = part(el, 'new-conversation')!;
      await waitUntil(() => deepActive() === picker.shadowRoot!.querySelector('[part~="input"]'), 'the "To" field has focus');
      expect(text(part(el, 'new-page')!.querySelector('h2'))).to.equal('New conversation');
      await expect(el).to.be.accessible();

      backButton(el)!.click();
      await waitUntil(() => part(el, 'new-page') === null && listShown(el), 'the list');
      await waitUntil(() => deepActive() === part(el, 'new-button'), 'the focus on "New conversation"');

      part(el, 'new-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'new-page') !== null, 'the page again');
      await waitUntil(() => deepActive() === part(el, 'new-conversation')!.shadowRoot!.querySelector('[part~="input"]'), 'the "To" field');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => part(el, 'new-page') === null, 'Escape closes it');
      await waitUntil(() => deepActive() === part(el, 'new-button'), 'the focus on "New conversation" again');
    });

    it('opens the conversation picked in "New conversation" in place of the list; back lands on its row', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 360, defaultCountry: 'AU' });
      await stacked(el, true);
      part(el, 'new-button')!.click();
      await waitUntil(() => deepActive() === part(el, 'new-conversation')?.shadowRoot!.querySelector('[part~="input"]'), 'the "To" field');
      await sendKeys({ type: '0412 000 123' });
      await aTimeout(300);
      const selected = oneEvent(el, 'sms-conversation-select');
      await sendKeys({ press: 'Enter' });
      const { conversation } = (await selected).detail;
      await waitUntil(() => deepActive() === backButton(el), 'the conversation, the focus on its back button');
      expect(part(el, 'new-page') !== null).to.equal(false);
      expect(conversationOf(el)!.getAttribute('conversation-id')).to.equal(conversation.id);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() === mainOf(el, 0), 'the new conversation, at the top of the list');
      expect(rows(el)[0]!.id).to.equal(conversation.id);
    });

    it('returns to the list when the conversation shown in its place is deleted', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 360 });
      await stacked(el, true);
      const removed = rows(el)[1]!.id;
      mainOf(el, 1).click();
      await waitUntil(() => deepActive() === backButton(el), 'the conversation');
      await world.user.conversations.remove(removed);
      await waitUntil(() => listShown(el) && !rows(el).some((row) => row.id === removed), 'the list without it');
      await waitUntil(() => deepActive() === mainOf(el, 1), 'the focus on the row that took its place');
    });
  });

  describe('360 px, list layout', () => {
    it('shows "New conversation" as a page too, and comes back to the list on the conversation picked', async () => {
      const el = await inboxFor(world.user, { width: 360, defaultCountry: 'AU' });
      await stacked(el, true);
      part(el, 'new-button')!.click();
      await waitUntil(() => deepActive() === part(el, 'new-conversation')?.shadowRoot!.querySelector('[part~="input"]'), 'the page, the "To" field');
      expect(part(el, 'new-page') !== null && part(el, 'new-dialog') === null, 'a page, not a dialog').to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ type: '0412 000 124' });
      await aTimeout(300);
      const selected = oneEvent(el, 'sms-conversation-select');
      await sendKeys({ press: 'Enter' });
      const { conversation } = (await selected).detail;
      await waitUntil(() => deepActive() === mainOf(el, 0), 'the list, the focus on the new row');
      expect(rows(el)[0]!.id).to.equal(conversation.id);
      expect(conversationOf(el) !== null, 'the host shows the conversation').to.equal(false);
    });
  });

  describe('1280 px, split layout', () => {
    it('opens the conversation beside the list, without a back button; "New conversation" is a dialog', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 1280 });
      await stacked(el, false);
      mainOf(el, 1).click();
      await waitUntil(() => conversationOf(el) !== null, 'the conversation');
      expect(listShown(el)).to.equal(true);
      expect(backButton(el) !== null).to.equal(false);
      expect(conversationOf(el)!.getBoundingClientRect().left).to.be.greaterThan(part(el, 'list-pane')!.getBoundingClientRect().right - 1);
      await expect(el).to.be.accessible();
      part(el, 'new-button')!.click();
      await waitUntil(() => (part(el, 'new-dialog') as HTMLDialogElement | null)?.open === true, 'the dialog');
      expect(part(el, 'new-page') !== null).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('the breakpoint', () => {
    it('follows the inbox\'s own width, not the viewport: 360 px on a 1920 px screen is narrow', async () => {
      await setViewport({ width: 1920, height: 1080 });
      const el = await inboxFor(world.user, { layout: 'split', width: 360 });
      await stacked(el, true);
      mainOf(el, 0).click();
      await waitUntil(() => backButton(el) !== null && !listShown(el), 'stacked');
    });

    it('is split-min-width: a 700 px inbox stacks below 800', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 700 });
      await stacked(el, false);
      el.splitMinWidth = 800;
      await stacked(el, true);
      mainOf(el, 0).click();
      await waitUntil(() => backButton(el) !== null, 'stacked with a back button');
    });

    it('moves between the two as the panel is resized, keeping the open conversation', async () => {
      const el = await inboxFor(world.user, { layout: 'split', width: 1280 });
      await stacked(el, false);
      mainOf(el, 2).click();
      await waitUntil(() => conversationOf(el) !== null, 'beside the list');
      el.parentElement!.style.width = '360px';
      await stacked(el, true);
      await waitUntil(() => backButton(el) !== null && !listShown(el), 'in place of the list');
      el.parentElement!.style.width = '1280px';
      await stacked(el, false);
      await waitUntil(() => backButton(el) === null && listShown(el) && conversationOf(el) !== null, 'beside the list again');
    });
  });
});
