/**
 * The page bench/conversation.bench.ts serves (bundled in memory): a demo backend seeded with a 10,000-message
 * thread, and functions the benchmark calls to open `<sms-conversation>` on it and time what a reader does.
 */
import { html, render } from 'lit';
import { createDemoBackend, type DemoBackend } from '../adapters/demo/index.js';
import type { SmsConversation } from '../components/conversation/conversation.js';
import '../components/conversation/sms-conversation.js';
import { createSmsClient, type Message } from '../src/index.js';

let demo: DemoBackend;

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Elements in a shadow root and in the shadow roots inside it (composer, counter). */
function countNodes(root: ShadowRoot | Document | Element): number {
  let count = 0;
  for (const element of root.querySelectorAll('*')) {
    count += 1;
    if (element.shadowRoot) count += countNodes(element.shadowRoot);
  }
  return count;
}

function scroller(el: SmsConversation): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part~="messages"]')!;
}

const api = {
  async seed(): Promise<number> {
    const started = performance.now();
    demo = await createDemoBackend({ largeThread: 10_000, resumeRunning: false });
    return performance.now() - started;
  },

  /** Opens the thread; resolves on the first paint with messages and the composer. */
  async open(pageSize: number): Promise<{ ms: number; nodes: number; messages: number }> {
    document.body.replaceChildren();
    const client = createSmsClient({ backend: demo.backend, principal: demo.world.principals.dev });
    const started = performance.now();
    const el = document.createElement('sms-conversation');
    el.noSound = true;
    el.pageSize = pageSize;
    el.style.cssText = 'height: 640px; width: 720px';
    el.client = client;
    el.conversationId = demo.world.largeThread!;
    document.body.append(el);
    await until(() => el.shadowRoot?.querySelector('[data-anchor]') != null && el.shadowRoot.querySelector('sms-composer')?.shadowRoot?.querySelector('textarea') != null, 'the thread');
    await nextPaint();
    const ms = performance.now() - started;
    return { ms, nodes: countNodes(el.shadowRoot!), messages: el.shadowRoot!.querySelectorAll('[data-anchor]').length };
  },

  /**
   * Scrolls up into the top of what is loaded, which asks for the older page; resolves on the first paint after it is
   * in place. `jump`: how far the first visible message moved on screen meanwhile (0 when the view held still).
   */
  async loadOlder(): Promise<{ ms: number; jump: number }> {
    const el = document.querySelector('sms-conversation')!;
    const box = scroller(el);
    box.scrollTop = 300;
    await nextPaint();
    const view = box.getBoundingClientRect();
    const anchor = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-anchor]')].find((row) => row.getBoundingClientRect().bottom > view.top)!;
    // Rows are reused for other messages as the window moves: keep the key, not the element.
    const key = anchor.dataset.key!;
    const expected = anchor.getBoundingClientRect().top + 100;
    const started = performance.now();
    box.scrollTop = 200;
    await until(() => box.scrollTop > 500, 'an older page');
    await nextPaint();
    const ms = performance.now() - started;
    const same = el.shadowRoot!.querySelector<HTMLElement>(`[data-key="${key}"]`);
    return { ms, jump: same ? Math.abs(same.getBoundingClientRect().top - expected) : Number.NaN };
  },

  /** Loads every page; then counts the nodes at several places in the thread. */
  async loadAll(): Promise<{ ms: number; loaded: number; nodes: number[] }> {
    const el = document.querySelector('sms-conversation')!;
    const box = scroller(el);
    const started = performance.now();
    for (let round = 0; round < 500; round++) {
      box.scrollTop = 0;
      await nextPaint();
      if (el.shadowRoot!.querySelector('[data-key="edge:start"]')) break;
      await until(() => box.scrollTop > 500, 'an older page');
    }
    const ms = performance.now() - started;
    const nodes: number[] = [];
    for (const position of [0, 0.5, 1]) {
      box.scrollTop = position * (box.scrollHeight - box.clientHeight);
      await nextPaint();
      await nextPaint();
      nodes.push(countNodes(el.shadowRoot!));
    }
    return { ms, loaded: (el as unknown as { messages: { items: unknown[] } }).messages.items.length, nodes };
  },

  /** The baseline: every message of the thread in the DOM at once, with the same bubble markup, no windowing. */
  async naive(): Promise<{ ms: number; nodes: number }> {
    document.body.replaceChildren();
    const client = createSmsClient({ backend: demo.backend, principal: demo.world.principals.dev });
    const messages: Message[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.messages.list(demo.world.largeThread!, { limit: 500, ...(cursor && { cursor }) });
      messages.unshift(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const host = document.createElement('div');
    host.style.cssText = 'height: 640px; width: 720px; overflow-y: auto; font: 14px sans-serif';
    document.body.append(host);
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
    const started = performance.now();
    render(
      html`<div role="list">
        ${messages.map(
          (message) => html`<div role="listitem" class="row ${message.direction}">
            <div class="bubble">
              <span class="sr">${message.direction === 'inbound' ? 'Them:' : 'You:'}</span>
              <p class="body">${message.body}</p>
              <div class="meta"><span>SMS</span><time>${time.format(new Date(message.createdAt))}</time><span>${message.status}</span></div>
            </div>
          </div>`,
        )}
      </div>`,
      host,
    );
    host.scrollTop = host.scrollHeight;
    await nextPaint();
    return { ms: performance.now() - started, nodes: host.querySelectorAll('*').length };
  },
};

Object.assign(window, { bench: api });
document.title = 'ready';
