import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SmsCallEvent, SmsConversationDeletedEvent, SmsSendEvent, type SmsConversation } from '../../../components/index.js';
import { createThreadWorld, sendAndSettle } from '../../fixtures/conversation-worlds.js';
import { BOB, composerOf, demoClientFor, frames, mount, part, parts, salesThread, setAttended, text } from './helpers.js';

function activeInShadow(el: Element): Element | null {
  return el.shadowRoot!.activeElement;
}

async function openMenuWithKeyboard(el: SmsConversation): Promise<void> {
  part(el, 'menu-button')!.focus();
  await sendKeys({ press: 'ArrowDown' });
  await waitUntil(() => part(el, 'menu'));
}

function menuItem(el: SmsConversation, label: string): HTMLElement {
  const item = parts(el, 'menu-item').find((candidate) => text(candidate) === label);
  if (!item) throw new Error(`No menu item "${label}" in ${parts(el, 'menu-item').map(text).join(', ')}`);
  return item;
}

describe('<sms-conversation> actions', function () {
  this.timeout(30000);

  it('fires sms-call with the number and the name when the call button is pressed', async () => {
    const alice = await demoClientFor('alice');
    const id = await salesThread(alice, BOB);
    const el = await mount(alice, id);
    const button = part(el, 'call-button')!;
    expect(button.getAttribute('aria-label')).to.equal('Call Bob Smith – Mobile');
    const fired = oneEvent(el, SmsCallEvent.eventName);
    button.click();
    const event = await fired;
    expect(event).to.be.instanceOf(SmsCallEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ e164: BOB, name: 'Bob Smith – Mobile', conversationId: id });
  });

  it('opens the settings menu with the keyboard, moves with arrows and closes with Escape', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    await openMenuWithKeyboard(el);
    expect(part(el, 'menu-button')!.getAttribute('aria-expanded')).to.equal('true');
    expect(text(activeInShadow(el))).to.equal('Mute notifications');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowUp' });
    expect(text(activeInShadow(el))).to.equal('Delete conversation');
    await sendKeys({ press: 'Home' });
    expect(text(activeInShadow(el))).to.equal('Mute notifications');
    await sendKeys({ press: 'Escape' });
    await frames(1);
    expect(part(el, 'menu')).to.equal(null);
    expect(activeInShadow(el)).to.equal(part(el, 'menu-button'));
    expect(part(el, 'menu-button')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes the settings menu on a click elsewhere', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    part(el, 'menu-button')!.click();
    await waitUntil(() => part(el, 'menu'));
    part(el, 'title')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitUntil(() => part(el, 'menu') === null);
  });

  it('mutes and unmutes the conversation from the menu', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    part(el, 'menu-button')!.click();
    await waitUntil(() => part(el, 'menu'));
    menuItem(el, 'Mute notifications').click();
    await waitUntil(() => text(part(el, 'subtitle')).includes('Muted'));
    expect((await world.client.conversations.get(world.conversationId)).muted).to.equal(true);
    await expect(el).to.be.accessible();
    await openMenuWithKeyboard(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !text(part(el, 'subtitle')).includes('Muted'));
    expect((await world.client.conversations.get(world.conversationId)).muted).to.equal(false);
  });

  it('deletes the conversation after confirming, and not when the confirmation is dismissed with Escape', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    part(el, 'menu-button')!.click();
    await waitUntil(() => part(el, 'menu'));
    menuItem(el, 'Delete conversation').click();
    await waitUntil(() => part(el, 'dialog'));
    expect(part(el, 'dialog')!.getAttribute('role')).to.equal('alertdialog');
    expect(text(part(el, 'dialog'))).to.contain('Delete this conversation?');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(el, 'dialog') === null);
    expect((await world.client.conversations.list()).items.map((conversation) => conversation.id)).to.include(world.conversationId);

    part(el, 'menu-button')!.click();
    await waitUntil(() => part(el, 'menu'));
    menuItem(el, 'Delete conversation').click();
    await waitUntil(() => part(el, 'dialog-confirm'));
    const fired = oneEvent(el, SmsConversationDeletedEvent.eventName);
    part(el, 'dialog-confirm')!.click();
    const event = await fired;
    expect(event.detail.conversationId).to.equal(world.conversationId);
    await waitUntil(() => text(part(el, 'status')) === 'This conversation was deleted.');
    expect((await world.client.conversations.list()).items.map((conversation) => conversation.id)).not.to.include(world.conversationId);
    await expect(el).to.be.accessible();
  });

  it('adds an unknown number to the personal contacts, then shows the name', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    expect(text(part(el, 'title'))).to.equal('0411 222 333');
    part(el, 'add-contact-button')!.click();
    await waitUntil(() => part(el, 'form-dialog'));
    const dialog = part(el, 'form-dialog')!;
    expect(text(dialog.querySelector('h2'))).to.equal('Add 0411 222 333 to your contacts');
    await expect(el).to.be.accessible();
    part(el, 'dialog-submit')!.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('#contact-name-error')) === 'Required');
    expect(el.shadowRoot!.querySelector('#contact-name')!.getAttribute('aria-invalid')).to.equal('true');
    el.shadowRoot!.querySelector<HTMLInputElement>('#contact-name')!.focus();
    await sendKeys({ type: 'Riley <b>Brooks</b>' });
    const label = el.shadowRoot!.querySelector<HTMLSelectElement>('#contact-label')!;
    label.value = 'labelWork';
    label.dispatchEvent(new Event('change'));
    part(el, 'dialog-submit')!.click();
    await waitUntil(() => text(part(el, 'title')) === 'Riley <b>Brooks</b> – Work', 'the header did not update');
    expect(part(el, 'form-dialog')).to.equal(null);
    expect(part(el, 'add-contact-button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    const contacts = await world.client.contacts.list({ scope: 'personal' });
    expect(contacts.items.map((contact) => [contact.name, contact.numbers[0]!.label])).to.deep.equal([['Riley <b>Brooks</b>', 'Work']]);
  });

  it('closes the add-contact form with Escape without saving', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    part(el, 'add-contact-button')!.click();
    await waitUntil(() => part(el, 'form-dialog'));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(el, 'form-dialog') === null);
    expect((await world.client.contacts.list()).items).to.have.length(0);
  });

  it('shows a failed message with its reason and sends it again with Retry', async () => {
    const world = await createThreadWorld({ failureRate: 1 });
    const failed = await sendAndSettle(world, 'Your table is ready');
    expect(failed.status).to.equal('failed');
    const el = await mount(world.client, world.conversationId);
    const bubble = parts(el, 'bubble-outbound')[0]!;
    expect(text(bubble.querySelector('[part~="delivery-status"]'))).to.equal('Failed');
    expect(text(bubble.querySelector('[part~="failure"]'))).to.equal(`Reason: ${failed.error!.message}`);
    await expect(el).to.be.accessible();
    const retry = bubble.querySelector<HTMLButtonElement>('[part~="retry-send-button"]')!;
    retry.click();
    await waitUntil(() => parts(el, 'bubble-outbound').length === 2, 'no new message after retry');
    const messages = await world.client.messages.list(world.conversationId);
    expect(messages.items.filter((message) => message.body === 'Your table is ready')).to.have.length(2);
  });

  it('shows the error of a retry that is refused on the message', async () => {
    const world = await createThreadWorld({ failureRate: 1 });
    await sendAndSettle(world, 'Refused again');
    const el = await mount(world.client, world.conversationId);
    // The number is taken out of service: the retry is refused with a permission error.
    const { createSmsClient } = await import('../../../src/index.js');
    await createSmsClient({ backend: world.backend, principal: world.admin }).numbers.remove(world.numberId);
    parts(el, 'bubble-outbound')[0]!.querySelector<HTMLButtonElement>('[part~="retry-send-button"]')!.click();
    await waitUntil(() => parts(el, 'bubble-outbound')[0]!.querySelector('[role="alert"]'), 'no error shown');
    expect(text(parts(el, 'bubble-outbound')[0]!.querySelector('[role="alert"]'))).to.contain('not assigned');
  });

  it('shows a scheduled message with its due time and cancels it', async () => {
    const world = await createThreadWorld();
    const due = new Date(Date.now() + 2 * 86_400_000);
    await sendAndSettle(world, 'Reminder: pick-up on Friday', due.toISOString());
    const el = await mount(world.client, world.conversationId);
    const bubble = parts(el, 'bubble-outbound')[0]!;
    const status = text(bubble.querySelector('[part~="delivery-status"]'));
    expect(status).to.match(/^Scheduled for /);
    expect(status).to.contain(String(due.getDate()));
    await expect(el).to.be.accessible();
    bubble.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await waitUntil(() => text(parts(el, 'bubble-outbound')[0]!.querySelector('[part~="delivery-status"]')) === 'Cancelled');
    expect(parts(el, 'cancel-button')).to.have.length(0);
    expect((await world.client.messages.list(world.conversationId)).items.at(-1)!.status).to.equal('canceled');
  });

  it('follows status changes live: queued, then sent and delivered', async () => {
    const world = await createThreadWorld({ latencyMs: 150 });
    const el = await mount(world.client, world.conversationId);
    await world.client.messages.send({ conversationId: world.conversationId, body: 'On my way' });
    await waitUntil(() => parts(el, 'bubble-outbound').length === 1);
    await waitUntil(() => text(part(el, 'delivery-status')) === 'Delivered', 'never delivered', { timeout: 5000 });
  });

  it('sends from the composer: the message appears at the bottom and sms-send is fired', async () => {
    const world = await createThreadWorld();
    const el = await mount(world.client, world.conversationId);
    const textarea = composerOf(el).shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'See you at 5' });
    const fired = oneEvent(el, SmsSendEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.detail.message.body).to.equal('See you at 5');
    await waitUntil(() => parts(el, 'body').map(text).at(-1) === 'See you at 5');
  });

  it('marks the conversation read when it is shown in a focused page, and later when the page gets focus', async () => {
    const focused = await createThreadWorld();
    expect((await focused.client.conversations.get(focused.conversationId)).unreadCount).to.equal(1);
    let restore = setAttended(true);
    try {
      await mount(focused.client, focused.conversationId);
      await waitUntil(async () => (await focused.client.conversations.get(focused.conversationId)).unreadCount === 0, 'not marked read');
    } finally {
      restore();
    }

    const away = await createThreadWorld();
    restore = setAttended(false);
    try {
      await mount(away.client, away.conversationId);
      await aTimeout(200);
      expect((await away.client.conversations.get(away.conversationId)).unreadCount).to.equal(1);
    } finally {
      restore();
    }
    restore = setAttended(true);
    try {
      window.dispatchEvent(new Event('focus'));
      await waitUntil(async () => (await away.client.conversations.get(away.conversationId)).unreadCount === 0, 'not marked read on focus');
    } finally {
      restore();
    }
  });
});
