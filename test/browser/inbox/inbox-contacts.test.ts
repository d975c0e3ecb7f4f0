import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsInbox } from '../../../components/index.js';
import '../../../components/conversation/sms-conversation.js';
import { createSmsClient, type SmsClient } from '../../../src/index.js';
import { inboxFor, part, rows, smallWorld, text } from './helpers.js';

// A contact created, renamed or deleted anywhere (in the conversation beside the list, in another element or tab of
// the same user, by an administrator for a global contact) renames every row and header that shows its number, live.

type World = Awaited<ReturnType<typeof smallWorld>>;

const PEER = '+61412000555';

function row(el: SmsInbox) {
  return rows(el).find((candidate) => candidate.row.querySelector('[part~="item-preview"]')!.textContent === 'Hello there')!;
}

function avatar(el: SmsInbox): string {
  return text(row(el).row.querySelector('.avatar'));
}

function header(conversation: HTMLElement): string {
  return text(conversation.shadowRoot!.querySelector('[part~="title"]'));
}

/** The inbox, split, with the peer's conversation open beside the list. */
async function openInbox(world: World, width = 1280): Promise<{ el: SmsInbox; conversation: HTMLElement }> {
  const el = await inboxFor(world.user, { layout: 'split', width, defaultCountry: 'AU' });
  row(el).row.querySelector<HTMLElement>('[part~="item-main"]')!.click();
  await el.updateComplete;
  const conversation = part(el, 'conversation')!;
  await waitUntil(() => conversation.shadowRoot?.querySelector('[part~="title"]'), 'the conversation');
  return { el, conversation };
}

/** Another user who sees the same number. */
async function colleague(world: World): Promise<SmsClient> {
  const { departmentId } = world.user.principal;
  const extension = await world.admin.directory.createExtension({ number: '101', name: 'Back office', departmentId: departmentId! });
  await world.admin.directory.createUser({ id: 'other-user', name: 'Alex Kim', role: 'user', departmentId: departmentId!, extensionIds: [extension.id] });
  return createSmsClient({ backend: world.backend, principal: { userId: 'other-user', role: 'user', extensionId: extension.id, departmentId } });
}

describe('<sms-inbox> and <sms-conversation>: contacts changed anywhere, live', () => {
  let world: World;

  beforeEach(async () => {
    world = await smallWorld();
    await world.inject(PEER, 'Hello there');
  });

  it('"Add to contacts" in the conversation renames the row beside it, avatar included', async () => {
    const { el, conversation } = await openInbox(world);
    expect(row(el).title).to.equal('0412 000 555');
    expect(avatar(el)).to.equal('#');
    conversation.shadowRoot!.querySelector<HTMLElement>('[part~="add-contact-button"]')!.click();
    await waitUntil(() => conversation.shadowRoot!.querySelector('#contact-name'), 'the form');
    conversation.shadowRoot!.querySelector<HTMLInputElement>('#contact-name')!.focus();
    await sendKeys({ type: 'Jordan Lee' });
    conversation.shadowRoot!.querySelector<HTMLElement>('[part~="dialog-submit"]')!.click();
    await waitUntil(() => row(el).title === 'Jordan Lee – Mobile', 'the row renamed');
    expect(avatar(el)).to.equal('JL');
    expect(header(conversation)).to.equal('Jordan Lee – Mobile');
    await expect(el).to.be.accessible();
  });

  it('follows the same user\'s contacts changed elsewhere (another element, another tab): created, renamed, deleted', async () => {
    const { el, conversation } = await openInbox(world, 360);
    const elsewhere = createSmsClient({ backend: world.backend, principal: world.user.principal });
    const contact = await elsewhere.contacts.create({ scope: 'personal', name: 'Jordan Lee', numbers: [{ e164: PEER, label: 'Work' }] });
    await waitUntil(() => row(el).title === 'Jordan Lee – Work' && header(conversation) === 'Jordan Lee – Work', 'created');
    expect(conversation.shadowRoot!.querySelector('[part~="add-contact-button"]') !== null, 'no "Add to contacts" for a known number').to.equal(false);
    await expect(el).to.be.accessible();

    await elsewhere.contacts.update(contact.id, { name: 'Jordan Lee-Park' });
    await waitUntil(() => row(el).title === 'Jordan Lee-Park – Work' && header(conversation) === 'Jordan Lee-Park – Work', 'renamed');

    await elsewhere.contacts.remove(contact.id);
    await waitUntil(() => row(el).title === '0412 000 555' && header(conversation) === '0412 000 555', 'deleted: the number again');
    expect(avatar(el)).to.equal('#');
    await waitUntil(() => conversation.shadowRoot!.querySelector('[part~="add-contact-button"]'), '"Add to contacts" again');
    await expect(el).to.be.accessible();
  });

  it('follows global contacts an administrator changes, and never another user\'s personal ones', async () => {
    const { el, conversation } = await openInbox(world);
    const other = await colleague(world);
    await other.contacts.create({ scope: 'personal', name: 'Not yours', numbers: [{ e164: PEER }] });
    await world.backend.idle();
    await el.updateComplete;
    expect(row(el).title).to.equal('0412 000 555', 'another user\'s personal contact');
    const shop = await world.admin.contacts.create({ scope: 'global', name: 'Corner Shop', numbers: [{ e164: PEER, label: 'Work' }] });
    await waitUntil(() => row(el).title === 'Corner Shop – Work' && header(conversation) === 'Corner Shop – Work', 'the global contact');
    await world.admin.contacts.update(shop.id, { numbers: [{ e164: '+61412000999', label: 'Work' }] });
    await waitUntil(() => row(el).title === '0412 000 555', 'the number moved to another contact: unknown again');
    expect(header(conversation)).to.equal('0412 000 555');
    await expect(el).to.be.accessible();
  });

  it('prefers the user\'s personal contact to a global one, as the backend does', async () => {
    const { el } = await openInbox(world);
    await world.user.contacts.create({ scope: 'personal', name: 'Mum', numbers: [{ e164: PEER, label: 'Home' }] });
    await waitUntil(() => row(el).title === 'Mum – Home', 'the personal contact');
    await world.admin.contacts.create({ scope: 'global', name: 'Corner Shop', numbers: [{ e164: PEER, label: 'Work' }] });
    await world.backend.idle();
    expect(row(el).title).to.equal('Mum – Home');
  });
});
