import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SmsConversationOpenEvent, SmsNewConversation, type SmsInbox } from '../../../components/index.js';
import '../../../components/new-conversation/sms-new-conversation.js';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { deepActive, inboxFor, part, rows, smallWorld, text } from './helpers.js';

async function picker(client: SmsClient, defaultCountry?: string): Promise<SmsNewConversation> {
  const el = await fixture<SmsNewConversation>(
    html`<sms-new-conversation .client=${client} default-country=${ifDefined(defaultCountry)}></sms-new-conversation>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="choices"], [part~="no-matches"], .base > p.hint') !== null, 'suggestions loaded');
  return el;
}

function input(el: SmsNewConversation): HTMLInputElement {
  return part(el, 'input') as HTMLInputElement;
}

async function type(el: SmsNewConversation, value: string): Promise<void> {
  input(el).focus();
  input(el).select();
  await sendKeys({ type: value });
  await aTimeout(300);
  await el.updateComplete;
}

function choices(el: SmsNewConversation): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="choice"]')].map((choice) => text(choice));
}

describe('<sms-new-conversation>', () => {
  let demo: DemoBackend;
  let alice: SmsClient;

  before(async () => {
    demo = await demoBackend();
    alice = clientFor(demo.backend, demo.world.principals.alice);
  });

  it('is registered as SmsNewConversation', () => {
    expect(customElements.get('sms-new-conversation')).to.equal(SmsNewConversation);
  });

  it('suggests contacts and colleagues before anything is typed', async () => {
    const el = await picker(alice, 'AU');
    const shown = choices(el);
    expect(shown).to.include('Bob Smith Mobile · 0412 345 678 SMS');
    expect(shown).to.include('Ben Carter Ext. 202 Chat');
    expect(shown.some((choice) => choice.startsWith('Alice Nguyen')), 'not oneself').to.equal(false);
    expect(input(el).getAttribute('role')).to.equal('combobox');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('checks a typed number as it is typed: the reason, then the formatted number', async () => {
    const el = await picker(alice, 'AU');
    await type(el, '0412 34');
    expect(text(part(el, 'hint'))).to.equal('Not a valid phone number.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'hint')!.classList.contains('field-error')).to.equal(true);
    expect(choices(el).some((choice) => choice.startsWith('Text'))).to.equal(false);
    await expect(el).to.be.accessible();

    await sendKeys({ type: '5 678' });
    await aTimeout(300);
    expect(text(part(el, 'hint'))).to.equal('0412 345 678');
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    expect(choices(el)[0]).to.equal('Text 0412 345 678 SMS');
    await expect(el).to.be.accessible();

    const opened = oneEvent(el, SmsConversationOpenEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await opened;
    expect(event).to.be.instanceOf(SmsConversationOpenEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.conversation.channel).to.equal('sms');
    expect(event.detail.conversation.peer).to.equal('+61412345678');
    expect(event.detail.conversation.peerName).to.equal('Bob Smith – Mobile');
  });

  it('reads numbers in the default country of the element, and with a + in any country', async () => {
    const el = await picker(alice, 'GB');
    await type(el, '020 7946 0958');
    expect(text(part(el, 'hint'))).to.contain('020 7946 0958');
    await type(el, '+1 212 555 0123');
    expect(choices(el)[0]).to.equal('Text +1 212 555 0123 SMS');
  });

  it('treats a number too short for now as a hint, not an error', async () => {
    const el = await picker(alice, 'AU');
    await type(el, '04');
    expect(text(part(el, 'hint'))).to.equal('Too short for a phone number.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('warns that a landline may not receive SMS', async () => {
    const el = await picker(alice, 'AU');
    await type(el, '02 9876 5432');
    expect(text(part(el, 'hint'))).to.equal('(02) 9876 5432: a landline or service number, it may not receive SMS.');
  });

  it('moves through the suggestions with the arrow keys and picks a contact with Enter', async () => {
    const el = await picker(alice, 'AU');
    await type(el, 'bob');
    expect(choices(el)).to.deep.equal(['Bob Smith Mobile · 0412 345 678 SMS', 'Bob Smith Work · (02) 9876 5432 SMS']);
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('choice-0');
    await sendKeys({ press: 'ArrowDown' });
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('choice-1');
    expect(el.shadowRoot!.querySelector('#choice-1')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('choice-0', 'wraps around');
    await sendKeys({ press: 'ArrowUp' });
    const opened = oneEvent(el, 'sms-conversation-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.conversation.peer).to.equal('+61298765432');
  });

  it('starts a chat with a colleague', async () => {
    const el = await picker(alice, 'AU');
    await type(el, 'ben');
    const ben = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="choice"]')].find((choice) => text(choice).startsWith('Ben Carter'))!;
    const opened = oneEvent(el, 'sms-conversation-open');
    ben.click();
    const { conversation } = (await opened).detail;
    expect(conversation.channel).to.equal('chat');
    expect(conversation.peerName).to.equal('Ben Carter');
  });

  it('says when nothing matches', async () => {
    const el = await picker(alice, 'AU');
    await type(el, 'qwxz');
    expect(text(part(el, 'no-matches'))).to.equal('No contacts or colleagues match.');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('lets a user with several numbers choose the one to send from', async () => {
    const chloe = clientFor(demo.backend, demo.world.principals.chloe);
    const el = await picker(chloe, 'AU');
    const from = part(el, 'from') as HTMLSelectElement;
    expect([...from.options].map((option) => option.textContent!.trim())).to.deep.equal(['Support · 0480 000 102', 'After hours · 0480 000 103']);
    from.value = demo.world.numbers.afterHours;
    from.dispatchEvent(new Event('change'));
    await type(el, '0400 111 222');
    const opened = oneEvent(el, 'sms-conversation-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.conversation.numberId).to.equal(demo.world.numbers.afterHours);
    await expect(el).to.be.accessible();
  });

  it('tells an administrator they cannot send', async () => {
    const el = await fixture<SmsNewConversation>(html`<sms-new-conversation .client=${clientFor(demo.backend, demo.world.principals.admin)}></sms-new-conversation>`);
    expect(text(part(el, 'base'))).to.equal('Administrators cannot send messages.');
    expect(part(el, 'input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers only chat to a user without an SMS number', async () => {
    const { backend, admin } = await createEmptyBackend();
    const adminClient = clientFor(backend, admin);
    const department = (await adminClient.directory.departments()).items[0]!;
    await adminClient.directory.createUser({ id: 'no-number', name: 'Nora Nonumber', role: 'user', departmentId: department.id });
    const noNumber = clientFor(backend, { userId: 'no-number', role: 'user' });
    const el = await picker(noNumber, 'AU');
    await waitUntil(() => text(part(el, 'base')).includes('you can chat with colleagues'), 'the chat-only note');
    await type(el, '0412 345 678');
    expect(text(part(el, 'hint'))).to.equal('', 'numbers are not offered');
    expect(choices(el).some((choice) => choice.startsWith('Text'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says why a conversation could not be opened', async () => {
    const failing: SmsClient = { ...alice, conversations: { ...alice.conversations, open: () => Promise.reject(new Error('down')) } };
    const el = await picker(failing, 'AU');
    await type(el, '0412 345 678');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'error') !== null, 'the error');
    expect(text(part(el, 'error'))).to.equal('Something went wrong.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('renders hostile contact names as text', async () => {
    const world = await smallWorld();
    await world.admin.contacts.create({ scope: 'global', name: '<img src=x onerror=alert(1)>', numbers: [{ e164: '+61412000999', label: 'Mobile' }] });
    const el = await picker(world.user, 'AU');
    expect(choices(el)[0]).to.equal('<img src=x onerror=alert(1)> Mobile · 0412 000 999 SMS');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});

describe('<sms-inbox>: "New conversation"', () => {
  function newButton(el: SmsInbox): HTMLButtonElement {
    return part(el, 'new-button') as HTMLButtonElement;
  }

  it('opens the picker in a dialog; an invalid then a valid number opens and selects the conversation', async () => {
    const world = await smallWorld();
    await world.inject('+61412000001', 'Older conversation');
    const el = await inboxFor(world.user, { defaultCountry: 'AU' });
    newButton(el).click();
    await waitUntil(() => (part(el, 'new-dialog') as HTMLDialogElement | null)?.open === true, 'the dialog');
    const picker = part(el, 'new-conversation') as SmsNewConversation;
    await waitUntil(() => deepActive() === part(picker, 'input'), 'the "To" field has focus');
    await expect(el).to.be.accessible();

    await sendKeys({ type: '0412 000' });
    await aTimeout(300);
    expect(text(part(picker, 'hint'))).to.equal('Not a valid phone number.');
    await sendKeys({ type: ' 123' });
    await aTimeout(300);
    expect(text(part(picker, 'hint'))).to.equal('0412 000 123');
    const selected = oneEvent(el, 'sms-conversation-select');
    await sendKeys({ press: 'Enter' });
    const { conversation } = (await selected).detail;
    expect(conversation.peer).to.equal('+61412000123');
    await el.updateComplete;
    expect(part(el, 'new-dialog')).to.equal(null);
    expect(el.selectedId).to.equal(conversation.id);
    expect(rows(el)[0]!.id).to.equal(conversation.id, 'at the top of the list');
    expect(rows(el)[0]!.row.getAttribute('aria-selected')).to.equal('true');
    await aTimeout(100);
    expect(deepActive() === rows(el)[0]!.row.querySelector('[part~="item-main"]'), 'the focus is on the new conversation').to.equal(true);
  });

  it('closes with Escape and gives the focus back to the button', async () => {
    const world = await smallWorld();
    const el = await inboxFor(world.user);
    newButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (part(el, 'new-dialog') as HTMLDialogElement | null)?.open === true, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(el, 'new-dialog') === null, 'closed');
    expect(deepActive() === newButton(el)).to.equal(true);
  });

  it('is offered in the empty state too', async () => {
    const world = await smallWorld();
    const el = await inboxFor(world.user);
    part(el, 'empty')!.querySelector<HTMLButtonElement>('[part~="new-button"]')!.click();
    await waitUntil(() => (part(el, 'new-dialog') as HTMLDialogElement | null)?.open === true, 'the dialog');
  });
});
