import { expect, waitUntil } from '@open-wc/testing';
import { SmsConversation, registerTranslation } from '../../../components/index.js';
import { createSmsClient, type SmsClient } from '../../../src/index.js';
import { failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { createThreadWorld, inbound } from '../../fixtures/conversation-worlds.js';
import { fr } from '../../../translations/fr.js';
import { BOB, UNKNOWN, bodies, composerOf, demo10k, demoClientFor, mount, part, parts, salesThread, text } from './helpers.js';

describe('<sms-conversation> states', function () {
  this.timeout(30000);
  let alice: SmsClient;
  let bobThread: string;

  before(async () => {
    alice = await demoClientFor('alice');
    bobThread = await salesThread(alice, BOB);
  });

  it('is registered as SmsConversation', () => {
    expect(customElements.get('sms-conversation')).to.equal(SmsConversation);
  });

  it('says how to configure it when it has no client', async () => {
    const el = await mount(undefined, 'anything', {}, false);
    expect(text(part(el, 'config-error'))).to.contain('no SMS client');
    await expect(el).to.be.accessible();
  });

  it('asks to choose a conversation when it has no conversation-id', async () => {
    const el = await mount(alice, undefined, {}, false);
    await waitUntil(() => el.shadowRoot!.querySelector('.status.empty'));
    expect(text(part(el, 'status'))).to.equal('Choose a conversation.');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the backend has not answered', async () => {
    const { backend, world } = await demo10k();
    const stalled = createSmsClient({ backend: stalledBackend(backend), principal: world.principals.alice });
    const el = await mount(stalled, bobThread, {}, false);
    await waitUntil(() => part(el, 'status'));
    const status = part(el, 'status')!;
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows a backend error with a retry that loads the conversation', async () => {
    const { backend, world } = await demo10k();
    const failing = failingBackend(backend);
    const el = await mount(createSmsClient({ backend: failing, principal: world.principals.alice }), bobThread, {}, false);
    await waitUntil(() => el.shadowRoot!.querySelector('.status.error'));
    expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'status'))).to.contain('cannot be reached');
    await expect(el).to.be.accessible();
    failing.recover();
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'messages'), 'the thread did not load after retry', { timeout: 8000 });
    expect(text(part(el, 'title'))).to.equal('Bob Smith – Mobile');
  });

  it('shows the thread with Bob Smith: name, number, channel, shared number, messages grouped by day', async () => {
    const el = await mount(alice, bobThread);
    expect(text(part(el, 'title'))).to.equal('Bob Smith – Mobile');
    const subtitle = text(part(el, 'subtitle'));
    expect(subtitle).to.contain('0412 345 678');
    expect(subtitle).to.contain('SMS');
    expect(subtitle).to.contain('On Sales line');
    expect(subtitle).to.contain('Shared number');
    expect(bodies(el)).to.deep.equal([
      'Hi, is the quote for the kitchen renovation ready?',
      "Hi Bob, yes! I'll email it this afternoon.",
      'Great, thanks. Can we do Thursday for the site visit?',
      'Thursday 10am works. See you then.',
      'Perfect 👍',
    ]);
    expect(parts(el, 'day-separator')).to.have.length(1);
    expect(text(part(el, 'day-separator'))).to.match(/\w+day, \w+ \d+|Today|Yesterday/);
    expect(parts(el, 'bubble-inbound')).to.have.length(3);
    expect(parts(el, 'bubble-outbound')).to.have.length(2);
    for (const status of parts(el, 'delivery-status')) expect(['Delivered', 'Sent', 'Not delivered']).to.include(text(status));
    expect(text(el.shadowRoot!.querySelector('.row.edge'))).to.equal('Start of the conversation');
    const list = part(el, 'messages')!;
    expect(list.getAttribute('role')).to.equal('list');
    expect(list.getAttribute('aria-label')).to.equal('Messages with Bob Smith – Mobile');
    await expect(el).to.be.accessible();
  });

  it('speaks who said each message', async () => {
    const el = await mount(alice, bobThread);
    const spoken = parts(el, 'bubble').map((bubble) => text(bubble.querySelector('.sms-visually-hidden')));
    expect(spoken).to.deep.equal(['Bob Smith – Mobile:', 'You:', 'Bob Smith – Mobile:', 'You:', 'Bob Smith – Mobile:']);
  });

  it('shows an empty thread with the composer ready', async () => {
    const world = await createThreadWorld({ greeting: false });
    const el = await mount(world.client, world.conversationId);
    expect(text(el.shadowRoot!.querySelector('.status.empty'))).to.equal('No messages yet. Write the first one below.');
    expect(composerOf(el).shadowRoot!.querySelector('textarea')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows an unknown number as the formatted number, with add to contacts', async () => {
    const el = await mount(alice, await salesThread(alice, UNKNOWN));
    expect(text(part(el, 'title'))).to.equal('0456 789 012');
    expect(part(el, 'add-contact-button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the group number thread to the other member (Ben) with Alice’s replies as outbound', async () => {
    const ben = await demoClientFor('ben');
    const el = await mount(ben, await salesThread(ben, BOB));
    expect(text(part(el, 'subtitle'))).to.contain('Shared number');
    expect(parts(el, 'bubble-outbound').map((bubble) => text(bubble.querySelector('[part~="body"]')))).to.deep.equal([
      "Hi Bob, yes! I'll email it this afternoon.",
      'Thursday 10am works. See you then.',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a chat with a colleague: their messages on their side, no call button, the chat composer', async () => {
    const chats = await alice.conversations.list({ filter: 'chat' });
    const chat = chats.items.find((conversation) => conversation.peerName === 'Ben Carter')!;
    const el = await mount(alice, chat.id);
    expect(text(part(el, 'title'))).to.equal('Ben Carter');
    expect(text(part(el, 'subtitle'))).to.contain('Chat');
    expect(part(el, 'call-button')).to.equal(null);
    expect(part(el, 'add-contact-button')).to.equal(null);
    expect(parts(el, 'bubble-outbound').map((bubble) => text(bubble.querySelector('[part~="body"]')))).to.deep.equal(['Can you cover the sales line at lunch?']);
    expect(parts(el, 'bubble-inbound').map((bubble) => text(bubble.querySelector('[part~="body"]')))).to.deep.equal(['Sure, from 12 to 1.']);
    expect(text(composerOf(el).shadowRoot!.querySelector('[part~="channel"]'))).to.equal('Channel: Chat');
    await expect(el).to.be.accessible();
  });

  it('tells an administrator why they cannot send, in place of the composer', async () => {
    const admin = await demoClientFor('admin');
    const el = await mount(admin, bobThread);
    const notice = composerOf(el).shadowRoot!.querySelector('[part~="cannot-send"]');
    expect(text(notice)).to.contain('Administrators cannot send messages');
    expect(composerOf(el).shadowRoot!.querySelector('textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a notice for a blocked (opted-out) peer; the composer says why when direct sends are blocked', async () => {
    const world = await createThreadWorld({ blocked: true, blockDirectSends: true });
    const el = await mount(world.client, world.conversationId);
    expect(text(part(el, 'notice'))).to.equal('This number has opted out or is blocked: messages to it are not sent.');
    expect(text(composerOf(el).shadowRoot!.querySelector('[part~="cannot-send"]'))).to.contain('opted out or is blocked');
    await expect(el).to.be.accessible();
  });

  it('only notes a blocked peer when direct sends are allowed, and keeps the composer', async () => {
    const world = await createThreadWorld({ blocked: true });
    const el = await mount(world.client, world.conversationId);
    expect(text(part(el, 'notice'))).to.equal('This number has opted out or is blocked: campaigns skip it.');
    expect(composerOf(el).shadowRoot!.querySelector('textarea')).to.exist;
  });

  it('shows a one-way thread sent as an alpha tag: a notice, and the composer says why it cannot be answered', async () => {
    const world = await createThreadWorld({ alphaTag: 'ACME' });
    const sent = await world.client.messages.send({ channel: 'sms', to: world.peer, alphaTag: 'ACME', body: 'Our sale starts Monday.' });
    await world.backend.idle();
    const el = await mount(world.client, sent.conversationId!);
    expect(text(part(el, 'notice'))).to.equal('Sent one-way as "ACME": replies do not come back here.');
    expect(text(composerOf(el).shadowRoot!.querySelector('[part~="cannot-send"]'))).to.equal('This conversation was sent one-way as "ACME": it cannot be answered.');
    expect(bodies(el)).to.deep.equal(['Our sale starts Monday.']);
    await expect(el).to.be.accessible();
  });

  it('renders hostile message bodies as text', async () => {
    const world = await createThreadWorld({ greeting: false });
    const hostile = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script><b>bold</b>';
    await inbound(world.backend, world.peer, world.number, hostile);
    await world.backend.idle();
    const el = await mount(world.client, world.conversationId);
    expect(bodies(el)).to.deep.equal([hostile]);
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('follows the dark scheme', async () => {
    const el = await mount(alice, bobThread, { scheme: 'dark' });
    const background = getComputedStyle(part(el, 'base')!).backgroundColor;
    expect(background).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });

  it('speaks French with French dates when the page is in French', async () => {
    registerTranslation(fr);
    const el = await mount(alice, bobThread, { lang: 'fr' });
    expect(part(el, 'call-button')!.getAttribute('aria-label')).to.equal('Appeler Bob Smith – Mobile');
    expect(text(part(el, 'subtitle'))).to.contain('Numéro partagé');
    expect(text(part(el, 'day-separator'))).to.match(/^(Aujourd’hui|Hier|[a-zéû]+ \d+ [a-zéû]+)$/);
    expect(text(composerOf(el).shadowRoot!.querySelector('[part~="send-button"]'))).to.equal('Envoyer');
    await expect(el).to.be.accessible();
  });

  it('fits a narrow box', async () => {
    const el = await mount(alice, bobThread, { width: 320 });
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
