import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { SmsConversation } from '../../../components/index.js';
import { createThreadWorld, inbound, type ThreadWorld } from '../../fixtures/conversation-worlds.js';
import { bodies, mount, part, parts, setAttended, text } from './helpers.js';

/** Records the tones played: stands in for Web Audio (the test page has no audio output). */
const tones: number[] = [];
class FakeAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = async () => undefined;
  createGain() {
    return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next: unknown) => next };
  }
  createOscillator() {
    const oscillator = {
      type: '',
      frequency: { setValueAtTime: (value: number) => tones.push(value) },
      connect: (next: unknown) => next,
      start() {},
      stop() {},
    };
    return oscillator;
  }
}

/** Records the browser notifications shown. */
const shown: { title: string; body?: string; tag?: string }[] = [];
let permissionAsked = 0;
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static async requestPermission(): Promise<NotificationPermission> {
    permissionAsked += 1;
    FakeNotification.permission = 'granted';
    return 'granted';
  }
  onclick: (() => void) | null = null;
  constructor(title: string, options: NotificationOptions = {}) {
    shown.push({ title, body: options.body, tag: options.tag });
  }
  close() {}
}

const originals = { AudioContext: window.AudioContext, Notification: window.Notification, title: document.title };

async function unattendedArrival(world: ThreadWorld, el: SmsConversation, body: string): Promise<void> {
  await inbound(world.backend, world.peer, world.number, body);
  await waitUntil(() => bodies(el).includes(body), 'the message did not arrive');
  await aTimeout(20);
}

async function conversationWith(attributes: string[] = []): Promise<{ world: ThreadWorld; el: SmsConversation }> {
  const world = await createThreadWorld({ greeting: false });
  const el = await mount(world.client, world.conversationId, { noSound: false });
  for (const attribute of attributes) el.setAttribute(attribute, '');
  await el.updateComplete;
  return { world, el };
}

describe('<sms-conversation> notifications', function () {
  this.timeout(30000);
  let restoreAttended: () => void = () => undefined;

  before(async () => {
    Object.assign(window, { AudioContext: FakeAudioContext, Notification: FakeNotification });
    // The tone, title and notification code loads with the first notice: load it now, so that the short waits
    // below (and the checks that nothing happened) do not depend on how fast the test server answers.
    await import('../../../components/internal/notification-signals.js');
  });

  after(() => {
    Object.assign(window, { AudioContext: originals.AudioContext, Notification: originals.Notification });
  });

  beforeEach(() => {
    tones.length = 0;
    shown.length = 0;
    FakeNotification.permission = 'granted';
    document.title = 'Portal';
    restoreAttended = setAttended(false);
  });

  afterEach(() => {
    restoreAttended();
    window.dispatchEvent(new Event('focus'));
    document.title = originals.title;
  });

  it('plays a tone, flashes the title, shows a notification and highlights the element while the page is not focused', async () => {
    const { world, el } = await conversationWith();
    await unattendedArrival(world, el, 'Are you open today?');
    expect(tones.length, 'tone').to.be.above(0);
    expect(document.title).to.equal('New message from 0411 222 333');
    expect(shown).to.deep.equal([{ title: '0411 222 333', body: 'Are you open today?', tag: world.conversationId }]);
    expect(el.hasAttribute('highlight')).to.equal(true);
    await expect(el).to.be.accessible();

    restoreAttended();
    restoreAttended = setAttended(true);
    window.dispatchEvent(new Event('focus'));
    expect(document.title).to.equal('Portal', 'the title is restored on focus');
  });

  it('keeps the title flashing until the page is looked at again', async () => {
    const { world, el } = await conversationWith();
    await unattendedArrival(world, el, 'Hello?');
    const seen = new Set<string>([document.title]);
    await waitUntil(() => {
      seen.add(document.title);
      return seen.size > 1;
    }, 'the title did not alternate', { timeout: 3000 });
    expect([...seen].sort()).to.deep.equal(['New message from 0411 222 333', 'Portal']);
  });

  it('stays silent for a muted conversation', async () => {
    const { world, el } = await conversationWith();
    await world.client.conversations.setMuted(world.conversationId, true);
    await waitUntil(() => text(part(el, 'subtitle')).includes('Muted'));
    await unattendedArrival(world, el, 'Psst');
    expect(tones).to.deep.equal([]);
    expect(shown).to.deep.equal([]);
    expect(document.title).to.equal('Portal');
    expect(el.hasAttribute('highlight')).to.equal(false);
  });

  it('gives no signal while the page is focused', async () => {
    const { world, el } = await conversationWith();
    restoreAttended();
    restoreAttended = setAttended(true);
    await unattendedArrival(world, el, 'Seen at once');
    expect(tones).to.deep.equal([]);
    expect(shown).to.deep.equal([]);
    expect(document.title).to.equal('Portal');
    expect(el.hasAttribute('highlight')).to.equal(false);
  });

  it('turns each signal off with its attribute', async () => {
    const { world, el } = await conversationWith(['no-sound', 'no-title-flash', 'no-browser-notifications', 'no-highlight']);
    await unattendedArrival(world, el, 'Nobody hears this');
    expect(tones).to.deep.equal([]);
    expect(shown).to.deep.equal([]);
    expect(document.title).to.equal('Portal');
    expect(el.hasAttribute('highlight')).to.equal(false);
  });

  for (const [attribute, check] of [
    ['no-sound', () => expect(tones).to.deep.equal([])],
    ['no-title-flash', () => expect(document.title).to.equal('Portal')],
    ['no-browser-notifications', () => expect(shown).to.deep.equal([])],
  ] as const) {
    it(`${attribute} turns off only its own signal`, async () => {
      const { world, el } = await conversationWith([attribute]);
      await unattendedArrival(world, el, `Testing ${attribute}`);
      check();
      expect(el.hasAttribute('highlight')).to.equal(true);
    });
  }

  it('asks for notification permission only from the settings menu', async () => {
    FakeNotification.permission = 'default';
    permissionAsked = 0;
    const { world, el } = await conversationWith();
    await unattendedArrival(world, el, 'Before permission');
    expect(permissionAsked).to.equal(0);
    expect(shown).to.deep.equal([]);
    part(el, 'menu-button')!.click();
    await waitUntil(() => part(el, 'menu'));
    parts(el, 'menu-item').find((item) => text(item) === 'Enable browser notifications')!.click();
    await waitUntil(() => permissionAsked === 1);
    await unattendedArrival(world, el, 'After permission');
    expect(shown.map((notice) => notice.body)).to.deep.equal(['After permission']);
    part(el, 'menu-button')!.click();
    await waitUntil(() => part(el, 'menu'));
    expect(parts(el, 'menu-item').map(text)).not.to.include('Enable browser notifications');
  });

  it('removes the highlight a few seconds after the page is looked at again', async () => {
    const { world, el } = await conversationWith();
    await unattendedArrival(world, el, 'Highlight me');
    expect(el.hasAttribute('highlight')).to.equal(true);
    await waitUntil(() => !el.hasAttribute('highlight'), 'the highlight stayed', { timeout: 6000 });
  });
});
