import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { SmsConversation, SmsInbox, SmsNumberManager } from '../../components/index.js';
import '../../components/conversation/sms-conversation.js';
import '../../components/inbox/sms-inbox.js';
import '../../components/number-manager/sms-number-manager.js';
import '../../components/template-manager/sms-template-manager.js';
import type { SmsClient } from '../../src/index.js';
import { demoBackend, demoClient } from '../../stories/decorators/demo.js';
import { BOB, salesThread } from '../../stories/decorators/threads.js';

/** Where the screenshots of this file go (test/browser/.screenshots/rtl/), for a person to look at. */
const SCREENSHOTS = 'rtl';
type Dir = 'ltr' | 'rtl';

/** A number that texted the Sales line and is in nobody's contacts: its number is its name. */
const UNKNOWN = '+61456789012';

/** `template` in a box of `width` px, in `dir` (Arabic for right to left, with the English texts shipped). */
async function mountIn<T extends HTMLElement>(dir: Dir, width: number, height: number, template: TemplateResult, tag: string): Promise<T> {
  fixtureCleanup(); // one element on the page at a time, at its top left, for the screenshot
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${dir === 'rtl' ? 'ar' : 'en'} style="width: ${width}px; height: ${height}px; display: flex">
    ${template}
  </div>`);
  return wrapper.querySelector(tag) as T;
}

/** Every element under `root`, shadow roots included. */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deep(element.shadowRoot);
  }
}

function find(root: Element, selector: string): HTMLElement | undefined {
  for (const element of deep(root.shadowRoot!)) if (element.matches(selector)) return element as HTMLElement;
  return undefined;
}

/** The shown text nodes that are phone numbers ("0412 345 678", "+61 456 789 012"), shadow roots included. */
function phoneTexts(root: Element): Text[] {
  const found: Text[] = [];
  for (const element of deep(root.shadowRoot!)) {
    for (const node of element.childNodes) {
      if (node instanceof Text && /^\+?\d[\d ]{7,}\d$/.test(node.data.trim()) && node.data.trim().includes(' ') && element.getClientRects().length) found.push(node);
    }
  }
  return found;
}

/** True when the first digit of `text` is painted left of its last one: the number reads left to right. */
function readsLeftToRight(text: Text): boolean {
  const data = text.data;
  const first = data.search(/[+\d]/);
  const last = data.length - 1 - [...data].reverse().join('').search(/\d/);
  const at = (index: number) => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect().left;
  };
  return at(first) < at(last);
}

/** The distances of `part` from the host's left and right edges. */
function sides(host: Element, part: Element): { left: number; right: number } {
  const outer = host.getBoundingClientRect();
  const inner = part.getBoundingClientRect();
  return { left: inner.left - outer.left, right: outer.right - inner.right };
}

function mirrored(ltr: { left: number; right: number }, rtl: { left: number; right: number }): void {
  expect(Math.abs(ltr.left - rtl.right), `left in ltr ${ltr.left}, right in rtl ${rtl.right}`).to.be.below(2);
  expect(Math.abs(ltr.right - rtl.left), `right in ltr ${ltr.right}, left in rtl ${rtl.left}`).to.be.below(2);
}

async function screenshot(name: string): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await executeServerCommand('save-screenshot', { folder: SCREENSHOTS, name });
}

async function conversation(dir: Dir, width: number, client: SmsClient, id: string, ready = '.outbound .bubble'): Promise<SmsConversation> {
  const el = await mountIn<SmsConversation>(
    dir,
    width,
    640,
    html`<sms-conversation style="flex: 1; height: auto" .client=${client} conversation-id=${id} default-country="AU" no-sound></sms-conversation>`,
    'sms-conversation',
  );
  await waitUntil(() => find(el, ready) && find(el, '[part="send-button"]'), 'the conversation did not load', { timeout: 10000 });
  return el;
}

async function inbox(dir: Dir, width: number, client: SmsClient, selectedId?: string): Promise<SmsInbox> {
  const el = await mountIn<SmsInbox>(
    dir,
    width,
    640,
    html`<sms-inbox style="flex: 1" .client=${client} layout=${width > 700 ? 'split' : 'list'} selected-id=${selectedId ?? ''} default-country="AU"></sms-inbox>`,
    'sms-inbox',
  );
  await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="row"]').length > 2, 'the inbox did not load', { timeout: 10000 });
  if (selectedId) await waitUntil(() => find(el, '.outbound .bubble'), 'the inbox did not show the conversation', { timeout: 10000 });
  return el;
}

describe('right to left (dir="rtl")', function () {
  this.timeout(60000);
  let alice: SmsClient;
  let bobThread: string;
  let unknownThread: string;

  before(async () => {
    const demo = await demoBackend();
    alice = await demoClient('alice');
    bobThread = (await salesThread('alice', BOB)).conversationId!;
    unknownThread = (await alice.conversations.open({ channel: 'sms', peer: UNKNOWN, numberId: demo.world.numbers.sales })).id;
  });

  after(() => setViewport({ width: 800, height: 600 }));

  it('mirrors the conversation: sent bubbles and the send button on the start side, numbers still left to right', async () => {
    await setViewport({ width: 360, height: 700 });
    const measured: Record<Dir, { bubble: { left: number; right: number }; send: { left: number; right: number } }> = {} as never;
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = await conversation(dir, 360, alice, bobThread);
      const bubbles = [...deep(el.shadowRoot!)].filter((element) => element.matches('.outbound .bubble'));
      measured[dir] = { bubble: sides(el, bubbles.at(-1)!), send: sides(el, find(el, '[part="send-button"]')!) };
      const phones = phoneTexts(el);
      expect(phones.length, 'phone numbers shown').to.be.above(0);
      for (const phone of phones) expect(readsLeftToRight(phone), `"${phone.data}" reads left to right in ${dir}`).to.be.true;
      if (dir === 'rtl') await expect(el).to.be.accessible();
      await screenshot(`conversation-360-${dir}`);
    }
    expect(measured.ltr.bubble.right, 'a sent bubble sits on the right in ltr').to.be.below(measured.ltr.bubble.left);
    mirrored(measured.ltr.bubble, measured.rtl.bubble);
    mirrored(measured.ltr.send, measured.rtl.send);
  });

  it('writes a message in the direction of its own text, whatever the page: the composer follows what is typed', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = await conversation(dir, 360, alice, bobThread);
      const textarea = find(el, '[part="textarea"]') as HTMLTextAreaElement;
      expect(textarea.getAttribute('dir'), 'the composer takes its direction from its text').to.equal('auto');
      for (const [text, expected] of [['مرحبا، موعدك غدا', 'rtl'], ['Hello, see you tomorrow', 'ltr']] as const) {
        textarea.value = text;
        textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        expect(textarea.matches(':dir(rtl)') ? 'rtl' : 'ltr', `"${text}" typed in a ${dir} page`).to.equal(expected);
        if (expected === 'rtl') await screenshot(`composer-arabic-360-${dir}`);
      }
    }
  });

  it('writes a template and shows its preview in the direction of their text, in a left-to-right page', async () => {
    const admin = await demoClient('admin');
    const el = await mountIn<HTMLElement>('ltr', 640, 800, html`<sms-template-manager style="flex: 1" .client=${admin}></sms-template-manager>`, 'sms-template-manager');
    await waitUntil(() => [...deep(el.shadowRoot!)].some((element) => element.matches('button') && /Add a template/.test(element.textContent ?? '')), 'the templates did not load', { timeout: 10000 });
    ([...deep(el.shadowRoot!)].find((element) => element.matches('button') && /Add a template/.test(element.textContent ?? '')) as HTMLButtonElement).click();
    await waitUntil(() => find(el, '[part="body-input"]'), 'the form did not open', { timeout: 10000 });
    const body = find(el, '[part="body-input"]') as HTMLTextAreaElement;
    body.value = 'مرحبا {{first_name}}، موعدك غدا';
    body.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => find(el, '[part="preview-text"]')?.textContent?.includes('موعدك'), 'no preview', { timeout: 5000 });
    expect(body.matches(':dir(rtl)'), 'the message field reads right to left').to.be.true;
    expect(find(el, '[part="preview-text"]')!.matches(':dir(rtl)'), 'its preview reads right to left').to.be.true;
  });

  it('keeps an unknown number left to right where it is the title', async () => {
    const el = await conversation('rtl', 640, alice, unknownThread, '[part="title"]');
    const title = find(el, '[part="title"]')!;
    const text = phoneTexts(el).find((node) => title.contains(node.parentElement))!;
    expect(text, 'the title is the number').to.exist;
    expect(readsLeftToRight(text), `"${title.textContent}" reads left to right`).to.be.true;
  });

  for (const width of [360, 1280]) {
    it(`mirrors the inbox at ${width} px: the search and the new button swap sides, numbers left to right`, async () => {
      await setViewport({ width, height: 700 });
      const measured: Partial<Record<Dir, { search: { left: number; right: number }; button: { left: number; right: number } }>> = {};
      for (const dir of ['ltr', 'rtl'] as const) {
        const el = await inbox(dir, width, alice, width > 700 ? bobThread : undefined);
        measured[dir] = { search: sides(el, find(el, '[part="search"]')!), button: sides(el, find(el, '[part="new-button"]')!) };
        for (const phone of phoneTexts(el)) expect(readsLeftToRight(phone), `"${phone.data}" reads left to right in ${dir}`).to.be.true;
        if (dir === 'rtl') await expect(el).to.be.accessible();
        await screenshot(`inbox-${width}-${dir}`);
      }
      expect(measured.ltr!.button.left, 'the new button follows the search (on its right) in ltr').to.be.above(measured.ltr!.search.left);
      mirrored(measured.ltr!.search, measured.rtl!.search);
      mirrored(measured.ltr!.button, measured.rtl!.button);
    });
  }

  it('mirrors a manager (numbers) and keeps its numbers left to right', async () => {
    await setViewport({ width: 1280, height: 700 });
    const admin = await demoClient('admin');
    const measured: Partial<Record<Dir, { left: number; right: number }>> = {};
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = await mountIn<SmsNumberManager>(dir, 1000, 640, html`<sms-number-manager style="flex: 1" .client=${admin} default-country="AU"></sms-number-manager>`, 'sms-number-manager');
      await waitUntil(() => phoneTexts(el).length > 0, 'the numbers did not load', { timeout: 10000 });
      const phones = phoneTexts(el);
      for (const phone of phones) expect(readsLeftToRight(phone), `"${phone.data}" reads left to right in ${dir}`).to.be.true;
      measured[dir] = sides(el, phones[0]!.parentElement!);
      if (dir === 'rtl') await expect(el).to.be.accessible();
      await screenshot(`number-manager-1280-${dir}`);
    }
    mirrored(measured.ltr!, measured.rtl!);
  });
});
