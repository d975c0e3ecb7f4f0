import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsComposer } from '../../../components/index.js';
import { createThreadWorld, type ThreadWorld } from '../../fixtures/conversation-worlds.js';
import { composer, part, text, textarea, type } from './helpers.js';

/** The messages of the world's conversation. */
async function messages(world: ThreadWorld): Promise<number> {
  return (await world.client.messages.list(world.conversationId)).items.length;
}

/** Shift+Enter: a new line in the text. */
async function newLine(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Shift' });
}

function sendButton(el: SmsComposer): HTMLButtonElement {
  return part<HTMLButtonElement>(el, 'send-button')!;
}

describe('<sms-composer>: limits and what the host sees', function () {
  this.timeout(30000);
  let world: ThreadWorld;

  beforeEach(async () => {
    world = await createThreadWorld();
  });

  for (const width of ['360px', '1280px']) {
    it(`refuses a text over max-segments: Send is disabled and it says why (${width})`, async () => {
      const el = await composer(world.client, { conversationId: world.conversationId, maxSegments: 1, width });
      const before = await messages(world);
      await type(el, 'x'.repeat(160));
      expect(sendButton(el).disabled).to.equal(false, 'one full part is allowed');
      expect(part(el, 'limit')).to.equal(null);
      await sendKeys({ type: 'y' });
      await el.updateComplete;
      expect(sendButton(el).disabled).to.equal(true);
      expect(text(part(el, 'limit'))).to.equal('Too long to send: a message here has at most 1 part. Shorten it.');
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      expect(textarea(el).getAttribute('aria-describedby')).to.equal('keyboard-hint limit');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(await messages(world)).to.equal(before, 'Enter sends nothing either');
      expect(textarea(el).value).to.have.length(161);
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(sendButton(el).disabled).to.equal(false);
      expect(part(el, 'limit')).to.equal(null);
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('false');
    });
  }

  it('refuses a text longer than any message may be, set by the host', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    el.value = 'x'.repeat(1700);
    await el.updateComplete;
    expect(sendButton(el).disabled).to.equal(true);
    expect(text(part(el, 'limit'))).to.equal('Too long to send: a message has at most 1,600 characters. Shorten it.');
    await el.send();
    expect(await messages(world)).to.equal(1, 'only the greeting');
    await expect(el).to.be.accessible();
  });

  it('fires input when the GSM-safe replacement changes the text, so that a host following input keeps it', async () => {
    // A host that owns the text, as a framework binding does: it stores what `input` says and renders it back.
    let hostValue = '“Your order’s ready” – thanks…';
    const render = () => html`<sms-composer
      style="width: 560px"
      .client=${world.client}
      conversation-id=${world.conversationId}
      .value=${hostValue}
      @input=${(event: Event) => (hostValue = (event.target as SmsComposer).value)}
    ></sms-composer>`;
    const el = await fixture<SmsComposer>(render());
    await waitUntil(() => part(el, 'counter'), 'the composer');
    const counter = part(el, 'counter') as HTMLElementTagNameMap['sms-segment-counter'];
    await counter.updateComplete;
    const inputs: InputEvent[] = [];
    el.addEventListener('input', (event) => inputs.push(event as InputEvent));
    counter.shadowRoot!.querySelector<HTMLButtonElement>('[part~="replace-button"]')!.click();
    expect(inputs).to.have.length(1);
    expect(inputs[0]!.inputType).to.equal('insertReplacementText');
    expect(hostValue).to.equal('"Your order\'s ready" - thanks...');
    el.value = hostValue; // the host renders again with what it holds
    await el.updateComplete;
    expect(textarea(el).value).to.equal('"Your order\'s ready" - thanks...');
  });

  it('fires input when a template is inserted', async () => {
    await world.client.templates.create({ scope: 'personal', name: 'Thanks', body: 'Thanks, see you soon.' });
    const el = await composer(world.client, { conversationId: world.conversationId });
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push(el.value));
    part(el, 'templates-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[type="radio"]'));
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await el.updateComplete;
    const dialog = part<HTMLDialogElement>(el, 'templates-dialog')!;
    [...dialog.querySelectorAll('button')].find((button) => text(button) === 'Insert')!.click();
    await waitUntil(() => seen.length > 0, 'an input event');
    expect(seen).to.deep.equal(['Thanks, see you soon.']);
  });

  it('shows no count of parts while the text is empty', async () => {
    const el = await composer(world.client, { conversationId: world.conversationId });
    const counter = part(el, 'counter')!;
    await (counter as HTMLElementTagNameMap['sms-segment-counter']).updateComplete;
    expect(text(counter.shadowRoot!.querySelector('[part~="base"]'))).to.equal('Encoding: GSM-7 160 characters left', 'no "0 parts"');
    await type(el, 'Hi');
    await (counter as HTMLElementTagNameMap['sms-segment-counter']).updateComplete;
    expect(text(counter.shadowRoot!.querySelector('[part~="segments"]'))).to.match(/^1 part/);
  });

  for (const width of ['360px', '1280px']) {
    it(`grows the text box with its text, then scrolls (${width})`, async () => {
      const el = await composer(world.client, { conversationId: world.conversationId, width });
      const area = textarea(el);
      const empty = area.offsetHeight;
      await type(el, 'One');
      expect(area.offsetHeight).to.equal(empty, 'one line fits the box as it is');
      for (let line = 2; line <= 5; line++) {
        await newLine();
        await sendKeys({ type: `Line ${line}` });
      }
      await el.updateComplete;
      const five = area.offsetHeight;
      expect(five).to.be.greaterThan(empty);
      expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1, 'five lines show without scrolling');
      for (let line = 6; line <= 20; line++) {
        await newLine();
        await sendKeys({ type: `Line ${line}` });
      }
      await el.updateComplete;
      expect(area.offsetHeight).to.be.greaterThan(five);
      expect(area.offsetHeight).to.be.below(el.offsetHeight, 'it stops growing: the actions stay beside it');
      expect(area.scrollHeight).to.be.greaterThan(area.clientHeight, 'it scrolls beyond its largest size');
      expect(el.getBoundingClientRect().width).to.equal(Number.parseInt(width, 10));
      expect(sendButton(el).getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      await expect(el).to.be.accessible();
    });
  }
});
