import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SmsComposer, SmsSendEvent } from '../../../components/index.js';
import '../../../components/composer/sms-composer.js';
import { createSmsClient, type Conversation, type SendCapabilities, type SmsClient } from '../../../src/index.js';
import { failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { createThreadWorld, type ThreadWorld } from '../../fixtures/conversation-worlds.js';
import { composer, part, text, textarea, type } from './helpers.js';

describe('<sms-composer>', function () {
  this.timeout(30000);
  let world: ThreadWorld;

  beforeEach(async () => {
    world = await createThreadWorld();
  });

  it('is registered as SmsComposer', () => {
    expect(customElements.get('sms-composer')).to.equal(SmsComposer);
  });

  it('says how to configure it when it has no client', async () => {
    const el = await composer(undefined, { conversationId: 'x' }, false);
    expect(text(part(el, 'config-error'))).to.contain('no SMS client');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then an error with a retry that loads it', async () => {
    const stalled = await composer(createSmsClient({ backend: stalledBackend(world.backend), principal: world.user }), { conversationId: world.conversationId }, false);
    await waitUntil(() => part(stalled, 'status'));
    expect(part(stalled, 'status')!.getAttribute('aria-busy')).to.equal('true');
    await expect(stalled).to.be.accessible();

    const failing = failingBackend(world.backend);
    const el = await composer(createSmsClient({ backend: failing, principal: world.user }), { conversationId: world.conversationId });
    expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    failing.recover();
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'textarea'));
  });

  it('shows the SMS composer of a conversation with a live segment counter', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    expect(text(part(el, 'channel'))).to.equal('Channel: SMS');
    expect(textarea(el).getAttribute('aria-label')).to.equal('Message');
    expect(part<HTMLButtonElement>(el, 'send-button')!.disabled).to.equal(true);
    await type(el, 'Hello there');
    const counter = part(el, 'counter') as HTMLElementTagNameMap['sms-segment-counter'];
    expect(counter.text).to.equal('Hello there');
    expect(part<HTMLButtonElement>(el, 'send-button')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('sends on Enter, fires sms-send and clears the text', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    await type(el, 'Your table is ready');
    const fired = oneEvent(el, SmsSendEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event).to.be.instanceOf(SmsSendEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.message.body).to.equal('Your table is ready');
    expect(event.detail.message.conversationId).to.equal(world.conversationId);
    expect(textarea(el).value).to.equal('');
    expect(el.value).to.equal('');
  });

  it('breaks the line on Shift+Enter without sending', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    let sent = 0;
    el.addEventListener('sms-send', () => (sent += 1));
    await type(el, 'Line one');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Line two' });
    expect(textarea(el).value).to.equal('Line one\nLine two');
    expect(sent).to.equal(0);
  });

  it('does not send on Enter while an input method is composing', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    await type(el, 'にほんご');
    let sent = 0;
    el.addEventListener('sms-send', () => (sent += 1));
    const composing = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true });
    textarea(el).dispatchEvent(composing);
    const imeKey = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, cancelable: true } as KeyboardEventInit);
    textarea(el).dispatchEvent(imeKey);
    await el.updateComplete;
    expect(composing.defaultPrevented || imeKey.defaultPrevented).to.equal(false);
    expect(sent).to.equal(0);
    expect(textarea(el).value).to.equal('にほんご');
  });

  it('keeps the text and shows the error inline when the send fails', async () => {
    const blocked = await createThreadWorld({ blocked: true, blockDirectSends: true });
    const capabilities = { ...(await blocked.client.messages.capabilities()), blockDirectSends: false };
    const el = await composer(blocked.client, { conversationId: blocked.conversationId, capabilities });
    await type(el, 'Will be refused');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'error'));
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'error'))).to.contain('opted out or is blocked');
    expect(textarea(el).value).to.equal('Will be refused');
    await expect(el).to.be.accessible();
  });

  it('applies the GSM-safe replacement the counter offers', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    el.value = '“Your order’s ready” – thanks…';
    await el.updateComplete;
    const counter = part(el, 'counter')!;
    await (counter as HTMLElementTagNameMap['sms-segment-counter']).updateComplete;
    counter.shadowRoot!.querySelector<HTMLButtonElement>('[part~="replace-button"]')!.click();
    await el.updateComplete;
    expect(textarea(el).value).to.equal('"Your order\'s ready" - thanks...');
  });

  it('inserts a template with its merge fields filled, and selects the first field left to fill', async () => {
    await world.client.templates.create({ scope: 'personal', name: 'Order ready', body: 'Hi {{first_name}}, order {{order}} is ready.' });
    await world.client.contacts.create({ scope: 'personal', name: 'Riley Brooks', numbers: [{ e164: world.peer, label: 'Mobile' }] });
    const el = await composer(world.client, { conversationId: world.conversationId });
    part(el, 'templates-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[type="radio"]'));
    const dialog = part<HTMLDialogElement>(el, 'templates-dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'template-preview'))).to.equal('Preview Hi Riley, order [order] is ready. Fill in before sending: order');
    await expect(el).to.be.accessible();
    [...dialog.querySelectorAll('button')].find((button) => text(button) === 'Insert')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    const area = textarea(el);
    expect(area.value).to.equal('Hi Riley, order [order] is ready.');
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('[order]');
  });

  it('keeps the templates in step with changes made elsewhere while it is open', async () => {
    const late = await world.client.templates.create({ scope: 'personal', name: 'Running late', body: 'Running late, sorry!' });
    const el = await composer(world.client, { conversationId: world.conversationId });
    part(el, 'templates-button')!.click();
    const names = () => [...el.shadowRoot!.querySelectorAll('.template-name')].map(text).join();
    await waitUntil(() => names() === 'Running late', 'the templates');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    // Another tab of the same user adds one, renames the chosen one, then removes it.
    const other = createSmsClient({ backend: world.backend, principal: world.user });
    await other.templates.create({ scope: 'personal', name: 'On my way', body: 'On my way.' });
    await waitUntil(() => names() === 'On my way,Running late', 'the new template', { timeout: 8000 });
    await other.templates.update(late.id, { name: 'Late', body: 'Late, sorry!' });
    await waitUntil(() => names() === 'Late,On my way', 'the renamed template', { timeout: 8000 });
    expect(text(part(el, 'template-preview'))).to.equal('Preview Late, sorry!');
    await other.templates.remove(late.id);
    await waitUntil(() => names() === 'On my way', 'the removed template to leave', { timeout: 8000 });
    expect(part(el, 'template-preview')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('closes the templates with Escape and shows names as text', async () => {
    await world.client.templates.create({ scope: 'personal', name: '<img src=x onerror=alert(1)>', body: '<b>{{x}}</b>' });
    const el = await composer(world.client, { conversationId: world.conversationId });
    part(el, 'templates-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[type="radio"]'));
    expect(text(el.shadowRoot!.querySelector('.template-name'))).to.equal('<img src=x onerror=alert(1)>');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !part<HTMLDialogElement>(el, 'templates-dialog')!.open);
    expect(textarea(el).value).to.equal('');
  });

  it('schedules for later: refuses a past time, then sends with sendAt and shows the time zone', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    await type(el, 'See you tomorrow');
    part(el, 'schedule-button')!.click();
    await el.updateComplete;
    expect(part(el, 'schedule-button')!.getAttribute('aria-expanded')).to.equal('true');
    expect(text(part(el, 'send-button'))).to.equal('Schedule');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(text(part(el, 'schedule'))).to.contain(`Time zone: ${zone}`);
    await expect(el).to.be.accessible();
    const input = part(el, 'schedule')!.querySelector<HTMLInputElement>('input[type="datetime-local"]')!;
    input.value = '2020-01-01T09:00';
    input.dispatchEvent(new Event('input'));
    part(el, 'send-button')!.click();
    await waitUntil(() => text(part(el, 'schedule')).includes('Choose a time in the future.'));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const due = new Date(Date.now() + 3 * 86_400_000);
    due.setSeconds(0, 0);
    const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    input.value = local;
    input.dispatchEvent(new Event('input'));
    const fired = oneEvent(el, SmsSendEvent.eventName);
    part(el, 'send-button')!.click();
    const { message } = (await fired).detail;
    expect(message.status).to.equal('scheduled');
    expect(Date.parse(message.sendAt!)).to.equal(due.getTime());
    expect(part(el, 'schedule')).to.equal(null);
  });

  it('says why an administrator cannot send', async () => {
    const admin = createSmsClient({ backend: world.backend, principal: world.admin });
    const el = await composer(admin, { conversationId: world.conversationId });
    expect(text(part(el, 'cannot-send'))).to.contain('Administrators cannot send messages');
    expect(part(el, 'textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says why a user without a number cannot send', async () => {
    const adminClient = createSmsClient({ backend: world.backend, principal: world.admin });
    const department = await adminClient.directory.createDepartment({ name: 'Lobby' });
    const extension = await adminClient.directory.createExtension({ number: '399', name: 'Lobby', departmentId: department.id });
    await adminClient.directory.createUser({ id: 'no-number', name: 'Noor', role: 'user', departmentId: department.id, extensionIds: [extension.id] });
    const noNumber = createSmsClient({ backend: world.backend, principal: { userId: 'no-number', role: 'user', extensionId: extension.id } });
    const el = await composer(noNumber, { to: '+61411222444' });
    expect(text(part(el, 'cannot-send'))).to.contain('No SMS number is assigned to your extension');
    await expect(el).to.be.accessible();
  });

  it('says why a thread received through a keyword cannot be answered', async () => {
    const conversation = await world.client.conversations.get(world.conversationId);
    const el = await composer(world.client, { conversation: { ...conversation, keyword: 'PARKING', readOnly: true } });
    expect(text(part(el, 'cannot-send'))).to.contain('keyword "PARKING"');
    await expect(el).to.be.accessible();
  });

  it('says why a one-way thread sent from an alpha tag cannot be answered', async () => {
    const conversation = await world.client.conversations.get(world.conversationId);
    const el = await composer(world.client, { conversation: { ...conversation, alphaTag: 'ACME', readOnly: true } });
    expect(text(part(el, 'cannot-send'))).to.equal('This conversation was sent one-way as "ACME": it cannot be answered.');
    await expect(el).to.be.accessible();
  });

  it('says why a blocked number cannot be written to when direct sends to blocked numbers are refused', async () => {
    const blocked = await createThreadWorld({ blocked: true, blockDirectSends: true });
    const el = await composer(blocked.client, { conversationId: blocked.conversationId });
    expect(text(part(el, 'cannot-send'))).to.contain('opted out or is blocked');
    await expect(el).to.be.accessible();
  });

  it('lets a user with several numbers choose the one to send from', async () => {
    const adminClient = createSmsClient({ backend: world.backend, principal: world.admin });
    const extension = await adminClient.directory.createExtension({ number: '301', name: 'Bookings', departmentId: world.user.departmentId! });
    await adminClient.directory.updateUser(world.user.userId, { extensionIds: [world.user.extensionId!, extension.id] });
    const second = await adminClient.numbers.create({ e164: '+61480000301', label: 'Bookings', extensionIds: [extension.id] });
    const el = await composer(world.client, { to: '0411 222 555' });
    const select = part(el, 'from')!.querySelector('select')!;
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Choose a number',
      'Front desk (0480 000 300)',
      'Bookings (0480 000 301)',
    ]);
    await expect(el).to.be.accessible();
    select.value = second.id;
    select.dispatchEvent(new Event('change'));
    await type(el, 'Booking confirmed');
    const fired = oneEvent(el, SmsSendEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const { message } = (await fired).detail;
    expect(message.from).to.equal('+61480000301');
    expect(message.to).to.equal('+61411222555');
  });

  it('writes chat in a chat conversation: no counter and no schedule', async () => {
    const adminClient = createSmsClient({ backend: world.backend, principal: world.admin });
    await adminClient.directory.createUser({ id: 'colleague', name: 'Kim Park', role: 'user' });
    const chat = await world.client.conversations.open({ channel: 'chat', userId: 'colleague' });
    const el = await composer(world.client, { conversationId: chat.id });
    expect(text(part(el, 'channel'))).to.equal('Channel: Chat');
    expect(part(el, 'counter')).to.equal(null);
    expect(part(el, 'schedule-button')).to.equal(null);
    await type(el, 'Lunch?');
    const fired = oneEvent(el, SmsSendEvent.eventName);
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.message.channel).to.equal('chat');
    await expect(el).to.be.accessible();
  });

  it('follows the dark scheme', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    el.setAttribute('scheme', 'dark');
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });
});
