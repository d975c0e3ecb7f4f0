import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { registerTranslation } from '../../../components/index.js';
import { commonTerms } from '../../../components/internal/common.terms.js';
import { conversationCommonTerms } from '../../../components/internal/conversation.terms.js';
import { describeError } from '../../../components/internal/error-text.js';
import { LocalizeController } from '../../../components/internal/localize.js';
import { createSmsClient, SmsError, type SmsClient } from '../../../src/index.js';
import { createThreadWorld, type ThreadWorld } from '../../fixtures/conversation-worlds.js';
import { fr } from '../../../translations/fr.js';

class ErrorHost extends LitElement {
  readonly localize = new LocalizeController(this, { ...commonTerms, ...conversationCommonTerms });
  override render() {
    return html``;
  }
}
customElements.define('test-error-host', ErrorHost);

/** What the client throws for `call`. */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

/** Words that would mean a field name or the engine's own wording leaked into a sentence. */
const LEAKS = /Invalid |\bbody\b|\bto\b:|e164|sendAt|\bpeer\b/;

describe('describeError', function () {
  this.timeout(20000);
  let world: ThreadWorld;
  let client: SmsClient;
  let host: ErrorHost;

  before(async () => {
    world = await createThreadWorld();
    client = world.client;
    registerTranslation(fr);
  });

  beforeEach(async () => {
    host = await fixture<ErrorHost>(fixtureHtml`<test-error-host></test-error-host>`);
  });

  const says = (error: unknown, fallback?: string) => describeError(error, host.localize, fallback).message;

  it('says what is wrong with a message, never which field', async () => {
    const long = await thrown(() => client.messages.send({ conversationId: world.conversationId, body: 'x'.repeat(1601) }));
    expect(says(long)).to.equal('The message is too long: a message has at most 1,600 characters.');
    const empty = await thrown(() => client.messages.send({ conversationId: world.conversationId, body: '' }));
    expect(says(empty)).to.equal('Write the message first.');
    for (const sentence of [says(long), says(empty)]) expect(sentence).not.to.match(LEAKS);
  });

  it('names the number it refuses, with the reason', async () => {
    const error = await thrown(() => client.messages.send({ channel: 'sms', to: 'hello', body: 'Hi' }));
    expect(says(error)).to.equal('The number “hello” cannot be used. Not a phone number.');
    expect(describeError(error, host.localize).field).to.equal('to');
    const peer = await thrown(() => client.conversations.open({ channel: 'sms', peer: '0412' }));
    expect(says(peer)).to.equal('The number “0412” cannot be used. Too short for a phone number.');
  });

  it('puts permissions, states and the service in words of their own', async () => {
    const admin = createSmsClient({ backend: world.backend, principal: world.admin });
    expect(says(await thrown(() => admin.messages.send({ channel: 'sms', to: world.peer, body: 'Hi' })))).to.equal('Administrators cannot send messages.');
    expect(says(await thrown(() => client.conversations.get('nope')))).to.equal('It no longer exists.');
    expect(says(new SmsError('backend.unavailable', 'socket hang up'))).to.equal('The SMS service cannot be reached. Check the connection and try again.');
  });

  it('falls back for what it does not know, unless a translation names the code', async () => {
    expect(says(new TypeError('x is undefined'), 'The message could not be sent.')).to.equal('The message could not be sent.');
    expect(says(new SmsError('quota.exceeded', 'quota exceeded (429)'))).to.equal('Something went wrong.');
    registerTranslation({ $code: 'en', 'quota.exceeded': 'Your monthly quota is used up.' });
    expect(says(new SmsError('quota.exceeded', 'quota exceeded (429)'))).to.equal('Your monthly quota is used up.');
  });

  it('speaks the element\'s language', async () => {
    host.setAttribute('lang', 'fr');
    await host.updateComplete;
    const long = await thrown(() => client.messages.send({ conversationId: world.conversationId, body: 'x'.repeat(1601) }));
    expect(says(long)).to.equal('Le message est trop long\u00a0: un message compte au plus 1\u202f600 caractères.');
    const number = await thrown(() => client.messages.send({ channel: 'sms', to: 'hello', body: 'Hi' }));
    expect(says(number)).to.equal('Le numéro «\u00a0hello\u00a0» ne peut pas être utilisé. Ce n’est pas un numéro de téléphone.');
  });
});
