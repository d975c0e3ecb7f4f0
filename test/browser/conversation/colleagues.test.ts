import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/conversation/sms-conversation.js';
import type { SmsInbox } from '../../../components/index.js';
import '../../../components/inbox/sms-inbox.js';
import type { LocalBackend, SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { inboxFor, rows } from '../inbox/helpers.js';
import { mount, part, parts, text } from './helpers.js';

const PEER = '+61412000001';
/** A colleague's name as an attacker might set it: it shows as text. */
const HOSTILE = 'Sam <img src=x onerror="window.__pwned = true"> Lee';

/** Riley and a colleague share the Reception number; the colleague texts a customer, then Riley answers in the same thread. */
async function sharedNumber(): Promise<{ riley: SmsClient; colleague: SmsClient; admin: SmsClient; numberId: string; conversationId: string; backend: LocalBackend }> {
  const { backend, user, admin, numberId } = await createEmptyBackend();
  const administrator = clientFor(backend, admin);
  const extension = await administrator.directory.createExtension({ number: '101', name: 'Front desk', departmentId: user.departmentId! });
  await administrator.numbers.assign(numberId, extension.id);
  await administrator.directory.createUser({ id: 'colleague', name: HOSTILE, role: 'user', departmentId: user.departmentId!, extensionIds: [extension.id] });
  const colleague = clientFor(backend, { userId: 'colleague', role: 'user', extensionId: extension.id, departmentId: user.departmentId! });
  const riley = clientFor(backend, user);
  const first = await colleague.messages.send({ channel: 'sms', to: PEER, body: 'Your table is booked for 7pm.' });
  await riley.messages.send({ conversationId: first.conversationId!, body: 'See you tonight!' });
  return { riley, colleague, admin: administrator, numberId, conversationId: first.conversationId!, backend: backend as LocalBackend };
}

describe('a group number: who of the colleagues wrote', () => {
  it('names the colleague under their SMS in the conversation, as text, and not the reader under their own', async () => {
    const { riley, conversationId } = await sharedNumber();
    const el = await mount(riley, conversationId);
    await waitUntil(() => part(el, 'sender'), 'the colleague\'s name');
    const bubbles = parts(el, 'bubble-outbound');
    expect(bubbles).to.have.length(2);
    const [theirs, mine] = bubbles;
    expect(text(theirs!.querySelector('[part~="sender"]'))).to.equal(HOSTILE);
    expect(theirs!.querySelector('img'), 'the name renders as text').to.equal(null);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    expect(text(theirs!.querySelector('.sms-visually-hidden'))).to.contain(HOSTILE);
    expect(mine!.querySelector('[part~="sender"]'), 'the reader\'s own SMS carry no name').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('marks what the service sent by itself: the number\'s automatic answer reads "Automatic reply"', async () => {
    const { riley, conversationId, backend, admin, numberId } = await sharedNumber();
    await admin.numbers.setRouting(numberId, { portal: true, autoReply: 'Thanks, we will get back to you today.' });
    await backend.inbound.sms({ providerId: 'auto-1', from: PEER, to: '+61480000900', body: 'Can I bring a friend?', receivedAt: new Date().toISOString() });
    await backend.idle();
    const el = await mount(riley, conversationId);
    await waitUntil(() => parts(el, 'bubble-outbound').length === 3, 'the automatic answer');
    const answer = parts(el, 'bubble-outbound')[2]!;
    expect(text(answer.querySelector('[part~="body"]'))).to.equal('Thanks, we will get back to you today.');
    expect(text(answer.querySelector('[part~="sender"]'))).to.equal('Automatic reply');
    expect(text(answer.querySelector('.sms-visually-hidden'))).to.equal('Automatic reply:');
    await expect(el).to.be.accessible();
    const inbox = await inboxFor(riley);
    expect(rows(inbox)[0]!.preview).to.equal('Automatic reply: Thanks, we will get back to you today.');
  });

  it('says in the inbox who wrote the last SMS: "You:" for the reader, the colleague\'s name for theirs', async () => {
    const { riley, colleague } = await sharedNumber();
    const preview = (el: SmsInbox) => rows(el)[0]!.preview;
    const rileys = await inboxFor(riley);
    expect(preview(rileys)).to.equal('You: See you tonight!');
    const theirs = await inboxFor(colleague);
    await waitUntil(() => preview(theirs).startsWith('Riley Brooks: '), 'Riley named in the colleague\'s inbox');
    expect(preview(theirs)).to.equal('Riley Brooks: See you tonight!');
    await expect(theirs).to.be.accessible();
  });
});
