import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { registerTranslation, SmsInbox } from '../../../components/index.js';
import { bellIcon, bellOffIcon } from '../../../components/inbox/icons.js';
import { defineElement } from '../../../components/internal/define-element.js';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { fr } from '../../../translations/fr.js';
import { inboxFor, liveRegion, part, parts, rows, settled, smallWorld, text, titles } from './helpers.js';

describe('<sms-inbox>: states and display', () => {
  let demo: DemoBackend;
  let alice: SmsClient;

  before(async () => {
    demo = await demoBackend();
    alice = clientFor(demo.backend, demo.world.principals.alice);
  });

  it('is registered as SmsInbox, and defining it twice is a no-op', async () => {
    expect(customElements.get('sms-inbox')).to.equal(SmsInbox);
    expect(() => defineElement('sms-inbox', SmsInbox)).not.to.throw();
    await import('../../../components/define.js');
    expect(customElements.get('sms-inbox')).to.equal(SmsInbox);
    expect(customElements.get('sms-new-conversation')).to.not.equal(undefined);
  });

  it('says how to configure it when it has no client', async () => {
    const el = await inboxFor(undefined);
    expect(text(part(el, 'config-error'))).to.contain('no SMS client');
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows the loading state while the first page loads', async () => {
    const el = await fixture<SmsInbox>(html`<sms-inbox .client=${clientFor(stalledBackend(demo.backend), demo.world.principals.alice)}></sms-inbox>`);
    const status = part(el, 'status')!;
    expect(status.classList.contains('loading')).to.equal(true);
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.equal('Loading…');
    expect(part(el, 'list')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state with a "New conversation" button', async () => {
    const { backend, user } = await createEmptyBackend();
    const el = await inboxFor(clientFor(backend, user));
    expect(text(part(el, 'empty'))).to.contain('No conversations yet.');
    expect(part(el, 'empty')!.querySelector('[part~="new-button"]')).to.not.equal(null);
    expect(part(el, 'list')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a backend error with a retry that loads the list once the service is back', async () => {
    const failing = failingBackend(demo.backend);
    const el = await inboxFor(clientFor(failing, demo.world.principals.alice));
    const status = part(el, 'status')!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(text(status)).to.contain('The SMS service cannot be reached.');
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await settled(el);
    expect(part(el, 'status')!.getAttribute('role')).to.equal('alert', 'still failing: the error again');
    failing.recover();
    part(el, 'retry-button')!.click();
    await settled(el);
    expect(titles(el)).to.include('Bob Smith – Mobile');
    expect(part(el, 'new-button'), 'capabilities are loaded again by the retry').to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows contacts by recognition, unknown numbers formatted, chats by name and marked as chats', async () => {
    const el = await inboxFor(alice, { defaultCountry: 'AU' });
    const list = rows(el);
    const bob = list.find((row) => row.title === 'Bob Smith – Mobile')!;
    expect(bob.preview).to.equal('Perfect 👍');
    expect(bob.row.querySelector('[part~="item-tags"]') !== null, 'SMS, the inbox\'s own channel, goes without a marker').to.equal(false);
    expect(list.some((row) => row.title === 'Karen Adams – Home')).to.equal(true);
    expect(list.some((row) => row.title === '0456 789 012'), 'an unknown AU number in national form').to.equal(true);
    const ben = list.find((row) => row.title === 'Ben Carter')!;
    expect(text(ben.row.querySelector('[part~="item-tags"]'))).to.contain('Chat');
    expect(ben.preview).to.equal('Sure, from 12 to 1.', 'no "You:" on a chat preview');
    await expect(el).to.be.accessible();
  });

  it('shows the number in international form outside the default country', async () => {
    const el = await inboxFor(alice, { defaultCountry: 'GB' });
    expect(titles(el)).to.include('+61 456 789 012');
  });

  it('takes the default country from the backend when none is set', async () => {
    const el = await inboxFor(alice);
    await waitUntil(() => titles(el).includes('0456 789 012'), 'AU numbers in national form');
  });

  it('marks unread conversations in bold with a count, and says it to screen readers', async () => {
    const el = await inboxFor(alice);
    const bob = rows(el).find((row) => row.title === 'Bob Smith – Mobile')!;
    expect(Number(bob.unread)).to.be.greaterThan(0);
    expect(bob.row.getAttribute('part')).to.contain('item-unread');
    expect(getComputedStyle(bob.row.querySelector('[part~="item-title"]')!).fontWeight).to.equal('700');
    const hidden = bob.row.querySelector('[part~="unread-badge"] .sms-visually-hidden')!;
    expect(hidden.textContent).to.equal(`${bob.unread} unread messages`);
  });

  it('marks the previews of the service\'s own SMS with "Automatic reply:" and shows the last message on one line', async () => {
    // Our own SMS read "You:" (test/browser/conversation/colleagues.test.ts, beside a colleague's).
    const el = await inboxFor(alice);
    const keyword = rows(el).find((row) => row.preview.startsWith('Automatic reply: Thanks, facilities'));
    expect(keyword, 'the keyword auto-reply, sent by the service').to.not.equal(undefined);
    const preview = keyword!.row.querySelector<HTMLElement>('[part~="item-preview"]')!;
    expect(getComputedStyle(preview).whiteSpace).to.equal('nowrap');
    expect(getComputedStyle(preview).textOverflow).to.equal('ellipsis');
  });

  it('marks keyword threads, opted-out peers and alpha-tag threads', async () => {
    const el = await inboxFor(alice);
    const tags = rows(el).map((row) => text(row.row.querySelector('[part~="item-tags"]')));
    expect(tags.some((tag) => tag.includes('Keyword PARKING'))).to.equal(true);
    expect(tags.some((tag) => tag.includes('Opted out'))).to.equal(true);

    const world = await smallWorld();
    await world.user.messages.send({ channel: 'sms', to: '+61412000111', alphaTag: 'RECEPTION', body: 'Your car is ready' });
    await world.backend.idle();
    const inbox = await inboxFor(world.user);
    const alpha = rows(inbox).find((row) => row.preview === 'You: Your car is ready')!;
    expect(text(alpha.row.querySelector('.read-only'))).to.equal('Sent as RECEPTION');
    await expect(inbox).to.be.accessible();
  });

  it('marks muted conversations', async () => {
    const world = await smallWorld();
    await world.inject('+61412000222', 'Hello');
    const { items } = await world.user.conversations.list();
    await world.user.conversations.setMuted(items[0]!.id, true);
    const el = await inboxFor(world.user);
    const row = rows(el)[0]!.row;
    expect(row.classList.contains('muted')).to.equal(true);
    expect(text(row.querySelector('.muted-icon'))).to.equal('Muted');
    expect(row.querySelector('[part~="mute-button"]')!.getAttribute('aria-label')).to.equal('Unmute 0412 000 222');
    await expect(el).to.be.accessible();
  });

  it('shows the mute state on the mute button, not the action: a bell while a conversation rings, struck once muted', async () => {
    const world = await smallWorld();
    await world.inject('+61412000222', 'Hello');
    await world.inject('+61412000333', 'Hi');
    const { items } = await world.user.conversations.list();
    await world.user.conversations.setMuted(items.find((item) => item.peer === '+61412000222')!.id, true);
    const el = await inboxFor(world.user);
    const icon = (title: string) => {
      const row = rows(el).find((candidate) => candidate.title === title)!.row;
      return row.querySelector('[part~="mute-button"] svg')!.outerHTML;
    };
    const drawn = (template: unknown) => {
      const box = document.createElement('div');
      render(template, box);
      return box.querySelector('svg')!.outerHTML;
    };
    expect(icon('0412 000 333')).to.equal(drawn(bellIcon), 'rings: a plain bell');
    expect(icon('0412 000 222')).to.equal(drawn(bellOffIcon), 'muted: a struck bell');
    expect(rows(el).find((row) => row.title === '0412 000 333')!.row.querySelector('[part~="item-tags"]') !== null, 'no marker on a plain SMS row').to.equal(false);
  });

  it('shows the time of the last message, relative and localised, with the full date on hover', async () => {
    const el = await inboxFor(alice);
    const time = rows(el).find((row) => row.title === 'Bob Smith – Mobile')!.row.querySelector('time')!;
    expect(time.textContent).to.match(/days ago$/);
    expect(Date.parse(time.getAttribute('datetime')!)).to.be.lessThan(Date.now());
    expect(time.title).to.match(/\d{4}/);
  });

  it('refreshes the relative times every minute', async () => {
    const intervals: Array<[() => void, number]> = [];
    const realSetInterval = window.setInterval;
    const realNow = Date.now;
    window.setInterval = ((handler: () => void, ms: number) => {
      intervals.push([handler, ms]);
      return realSetInterval(handler, ms);
    }) as typeof window.setInterval;
    try {
      const world = await smallWorld();
      await world.inject('+61412000333', 'Hi');
      const el = await inboxFor(world.user);
      const time = () => rows(el)[0]!.row.querySelector('time')!.textContent;
      expect(time()).to.match(/now|second/);
      const tick = intervals.find(([, ms]) => ms === 60_000);
      expect(tick, 'a timer every minute').to.not.equal(undefined);
      Date.now = () => realNow() + 3 * 3_600_000;
      tick![0]();
      await el.updateComplete;
      expect(time()).to.equal('3 hours ago');
      Date.now = () => realNow() - 30_000;
      tick![0]();
      await el.updateComplete;
      expect(time()).to.equal('now', 'a time ahead of this clock is now');
    } finally {
      window.setInterval = realSetInterval;
      Date.now = realNow;
    }
  });

  it('renders hostile names and message bodies as text', async () => {
    const win = window as unknown as { pwned?: boolean };
    const world = await smallWorld();
    const hostileName = '<img src=x onerror=alert(1)>';
    await world.admin.contacts.create({ scope: 'global', name: hostileName, numbers: [{ e164: '+61412000444', label: 'Mobile' }] });
    const body = '<b>bold</b><img src=x onerror="window.pwned=true"><script>window.pwned=true</script>';
    await world.inject('+61412000444', body);
    const el = await inboxFor(world.user);
    await aTimeout(50);
    const [row] = rows(el);
    expect(row!.title).to.equal(`${hostileName} – Mobile`);
    expect(row!.preview).to.equal(body);
    expect(el.shadowRoot!.querySelector('img, b, script')).to.equal(null);
    expect(win.pwned).to.equal(undefined);
    expect(row!.row.querySelector('[part~="delete-button"]')!.getAttribute('aria-label')).to.equal(`Delete conversation with ${hostileName} – Mobile`);
    await expect(el).to.be.accessible();
  });

  it('announces what was missed since the last visit, once per element lifetime', async () => {
    const world = await smallWorld();
    await world.inject('+61412000555', 'One');
    await world.inject('+61412000555', 'Two');
    await world.inject('+61412000666', 'Three');
    let calls = 0;
    const client: SmsClient = {
      ...world.user,
      conversations: {
        ...world.user.conversations,
        unread: () => {
          calls += 1;
          return world.user.conversations.unread();
        },
      },
    };
    const el = await inboxFor(client);
    await waitUntil(() => liveRegion(el).textContent === '3 new messages in 2 conversations', 'the missed messages are announced', { timeout: 3000 });
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await settled(el);
    await aTimeout(700);
    expect(calls).to.equal(1);
  });

  it('says nothing when nothing was missed', async () => {
    const { backend, user } = await createEmptyBackend();
    const el = await inboxFor(clientFor(backend, user));
    await aTimeout(700);
    expect(liveRegion(el).textContent).to.equal('');
  });

  it('lets an administrator read every SMS conversation, without "New conversation"', async () => {
    const el = await inboxFor(clientFor(demo.backend, demo.world.principals.admin));
    expect(part(el, 'new-button')).to.equal(null);
    expect(text(part(el, 'read-only-note'))).to.equal('Administrators can read conversations but cannot send messages.');
    const list = titles(el);
    expect(list).to.include('Bob Smith – Mobile');
    expect(list).to.include('Mia Wong – Mobile', 'every number, Chloe’s after-hours line too');
    expect(el.shadowRoot!.querySelectorAll('.read-only').length).to.equal(0, 'no "Read only" on every row: the note says it once');
    await expect(el).to.be.accessible();
  });

  it('uses the dark tokens with scheme="dark"', async () => {
    const el = await inboxFor(alice, { scheme: 'dark', layout: 'split' });
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });

  it('lets the page theme it through custom properties and parts', async () => {
    const el = await inboxFor(alice);
    el.style.setProperty('--sms-inbox-unread-badge-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(parts(el, 'unread-badge')[0]!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  describe('localised', () => {
    before(() => registerTranslation(fr));
    afterEach(() => {
      document.documentElement.lang = 'en';
    });

    it('speaks French with <html lang="fr">, dates included', async () => {
      document.documentElement.lang = 'fr';
      const el = await inboxFor(alice);
      expect(text(part(el, 'new-button'))).to.equal('Nouvelle conversation');
      expect(text(part(el, 'filters'))).to.contain('Toutes');
      expect(text(part(el, 'filters'))).to.contain('Non lues');
      const bob = rows(el).find((row) => row.title === 'Bob Smith – Mobile')!;
      expect(bob.row.querySelector('time')!.textContent).to.match(/^il y a \d jours$/);
      expect(bob.row.querySelector('[part~="unread-badge"] .sms-visually-hidden')!.textContent).to.match(/messages non lus$/);
      await expect(el).to.be.accessible();
    });
  });
});
