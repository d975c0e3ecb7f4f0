import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import { SmsGsmReplaceEvent, SmsSegmentCounter, registerTranslation } from '../../components/index.js';
import { defineElement } from '../../components/internal/define-element.js';
import '../../components/segment-counter/sms-segment-counter.js';
import { fr } from '../../translations/fr.js';

function part(el: SmsSegmentCounter, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function partText(el: SmsSegmentCounter, name: string): string {
  return (part(el, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function liveRegion(el: SmsSegmentCounter): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[aria-live="polite"]')!;
}

function characters(el: SmsSegmentCounter): string[] {
  return [...el.shadowRoot!.querySelectorAll('.character')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

interface CounterOptions {
  maxSegments?: number;
  compact?: boolean;
  scheme?: 'light' | 'dark';
}

async function counter(text: string, options: CounterOptions = {}): Promise<SmsSegmentCounter> {
  return fixture<SmsSegmentCounter>(html`<sms-segment-counter
    .text=${text}
    max-segments=${ifDefined(options.maxSegments)}
    ?compact=${options.compact ?? false}
    scheme=${ifDefined(options.scheme)}
  ></sms-segment-counter>`);
}

describe('<sms-segment-counter>', () => {
  it('is registered as SmsSegmentCounter', () => {
    expect(customElements.get('sms-segment-counter')).to.equal(SmsSegmentCounter);
    expect(document.createElement('sms-segment-counter')).to.be.instanceOf(SmsSegmentCounter);
  });

  it('shows an empty message as GSM-7 with 160 left, and no count of parts ("0 parts") until there is text', async () => {
    const el = await counter('');
    expect(partText(el, 'encoding')).to.equal('Encoding: GSM-7');
    expect(partText(el, 'remaining')).to.equal('160 characters left');
    expect(partText(el, 'base')).to.equal('Encoding: GSM-7 160 characters left', 'no "0 parts"');
    expect(part(el, 'non-gsm')).to.equal(null);
    expect(part(el, 'warning')).to.equal(null);
    await expect(el).to.be.accessible();
    el.text = 'a';
    await el.updateComplete;
    expect(partText(el, 'segments')).to.equal('1 part · 160 characters per part');
  });

  it('reads the text attribute', async () => {
    const el = await fixture<SmsSegmentCounter>(html`<sms-segment-counter text="Hello"></sms-segment-counter>`);
    expect(el.text).to.equal('Hello');
    expect(partText(el, 'remaining')).to.equal('155 characters left');
    expect(partText(el, 'segments')).to.equal('1 part · 160 characters per part');
    await expect(el).to.be.accessible();
  });

  it('shows exactly 160 GSM characters as one full part', async () => {
    const el = await counter('a'.repeat(160));
    expect(partText(el, 'remaining')).to.equal('0 characters left');
    expect(partText(el, 'segments')).to.equal('1 part · 160 characters per part');
    await expect(el).to.be.accessible();
  });

  it('shows 161 GSM characters as 2 parts of 153', async () => {
    const el = await counter('a'.repeat(161));
    expect(partText(el, 'remaining')).to.equal('145 characters left');
    expect(partText(el, 'segments')).to.equal('2 parts · 153 characters per part');
    await expect(el).to.be.accessible();
  });

  it('counts extension characters twice and stays GSM-7', async () => {
    const el = await counter('Total: 5€ [x]');
    expect(partText(el, 'encoding')).to.equal('Encoding: GSM-7');
    expect(partText(el, 'remaining')).to.equal(`${160 - 16} characters left`);
    expect(part(el, 'non-gsm')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names the curly quotes that force Unicode and offers the replacement', async () => {
    const el = await counter('“Hi” it’s me');
    expect(partText(el, 'encoding')).to.equal('Encoding: Unicode');
    expect(partText(el, 'remaining')).to.equal(`${70 - 12} characters left`);
    expect(characters(el)).to.deep.equal(['“ U+201C', '” U+201D', '’ U+2019']);
    expect(partText(el, 'replace-button')).to.equal('Replace with GSM-safe characters');
    await expect(el).to.be.accessible();
  });

  it('fires sms-gsm-replace with the replaced text on click', async () => {
    const el = await counter('“Hi” it’s me…');
    const fired = oneEvent(el, SmsGsmReplaceEvent.eventName);
    part(el, 'replace-button')!.click();
    const event = await fired;
    expect(event).to.be.instanceOf(SmsGsmReplaceEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.text).to.equal('"Hi" it\'s me...');
    expect(event.detail.replaced).to.deep.equal([
      { from: '“', to: '"', count: 1 },
      { from: '”', to: '"', count: 1 },
      { from: '’', to: "'", count: 1 },
      { from: '…', to: '...', count: 1 },
    ]);
    expect(el.text).to.equal('“Hi” it’s me…', 'the counter leaves the text to its owner');
  });

  for (const key of ['Enter', 'Space']) {
    it(`fires sms-gsm-replace when the button is pressed with ${key}`, async () => {
      const el = await counter('It’s\u00a0here');
      part(el, 'replace-button')!.focus();
      const fired = oneEvent(el, 'sms-gsm-replace');
      await sendKeys({ press: key });
      const event = await fired;
      expect(event.detail.text).to.equal("It's here");
    });
  }

  it('offers no replacement when nothing can be replaced (Cyrillic, emoji)', async () => {
    const el = await counter('Привет 👋');
    expect(partText(el, 'encoding')).to.equal('Encoding: Unicode');
    expect(characters(el)).to.deep.equal(['П U+041F', 'р U+0440', 'и U+0438', 'в U+0432', 'е U+0435', 'т U+0442', '👋 U+1F44B']);
    expect(part(el, 'replace-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names only the first characters and counts the rest', async () => {
    const el = await counter('абвгдеёжзийклмнопр', { compact: true });
    expect(characters(el)).to.have.length(5);
    expect(el.shadowRoot!.querySelector('.more')!.textContent).to.equal('and 13 more');
    await expect(el).to.be.accessible();
  });

  it('shows invisible characters by their code point, never raw', async () => {
    const el = await counter('a\u00a0b\u200bc\u202e');
    expect(characters(el)).to.deep.equal(['U+00A0', 'U+200B', 'U+202E']);
    expect(el.shadowRoot!.querySelectorAll('.character.invisible')).to.have.length(3);
  });

  it('renders hostile text as text', async () => {
    const win = window as unknown as { pwned?: boolean };
    const el = await counter('<img src=x onerror="window.pwned=true"><b>bold</b>“<script>x</script>”\u202e');
    await aTimeout(50);
    expect(el.shadowRoot!.querySelector('img, b, script')).to.equal(null);
    expect(win.pwned).to.equal(undefined);
    expect(characters(el)).to.deep.equal(['“ U+201C', '” U+201D', 'U+202E']);
    await expect(el).to.be.accessible();
  });

  it('warns when the parts exceed max-segments', async () => {
    const el = await counter('a'.repeat(320), { maxSegments: 2 });
    expect(el.maxSegments).to.equal(2);
    expect(el.exceeded).to.equal(true);
    expect(partText(el, 'segments')).to.equal('3 parts · 153 characters per part');
    expect(partText(el, 'warning')).to.equal('More than the maximum of 2 parts');
    expect(part(el, 'base')!.classList.contains('exceeded')).to.equal(true);
    await expect(el).to.be.accessible();
    el.text = 'short';
    await el.updateComplete;
    expect(part(el, 'warning')).to.equal(null);
  });

  it('has a compact variant', async () => {
    const el = await counter('It’s 5…', { compact: true });
    expect(el.compact).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.per-segment')!).display).to.equal('none');
    expect(getComputedStyle(part(el, 'base')!).flexDirection).to.equal('row');
    await expect(el).to.be.accessible();
  });

  it('uses the dark tokens with scheme="dark" and lets the page override them', async () => {
    const el = await counter('It’s dark', { scheme: 'dark' });
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
    el.style.setProperty('--sms-color-surface', 'rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('announces a change of parts politely, once the typing settles', async () => {
    const el = await counter('a'.repeat(150));
    const region = liveRegion(el);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent).to.equal('');
    for (let length = 151; length <= 165; length++) {
      el.text = 'a'.repeat(length);
      await el.updateComplete;
    }
    expect(region.textContent).to.equal('', 'nothing is spoken while typing');
    await waitUntil(() => region.textContent === '2 parts, GSM-7', 'the new part count is announced', { timeout: 3000 });
  });

  it('does not announce keystrokes that change neither parts nor encoding', async () => {
    const el = await counter('Hello');
    el.text = 'Hello there';
    await el.updateComplete;
    await aTimeout(800);
    expect(liveRegion(el).textContent).to.equal('');
    el.text = 'Hello there’';
    await waitUntil(() => liveRegion(el).textContent === '1 part, Unicode', 'encoding change announced', { timeout: 3000 });
  });

  it('announces going over max-segments', async () => {
    const el = await counter('a'.repeat(300), { maxSegments: 2 });
    el.text = 'a'.repeat(310);
    await waitUntil(
      () => liveRegion(el).textContent === '3 parts, GSM-7. More than the maximum of 2 parts',
      'the warning is announced',
      { timeout: 3000 },
    );
  });

  it('is a no-op to define the tag twice', async () => {
    expect(() => defineElement('sms-segment-counter', SmsSegmentCounter)).not.to.throw();
    await import('../../components/segment-counter/sms-segment-counter.js');
    await import('../../components/define.js');
    expect(customElements.get('sms-segment-counter')).to.equal(SmsSegmentCounter);
  });

  describe('localised', () => {
    before(() => {
      registerTranslation(fr);
    });

    afterEach(() => {
      document.documentElement.lang = 'en';
    });

    it('switches with <html lang="fr"> and formats numbers in French', async () => {
      const el = await counter('x'.repeat(1100));
      expect(partText(el, 'segments')).to.equal('8 parts · 153 characters per part');
      document.documentElement.lang = 'fr';
      await waitUntil(() => partText(el, 'segments').startsWith('8 parties'), 'French after lang changes');
      expect(partText(el, 'segments')).to.equal('8 parties · 153 caractères par partie');
      expect(partText(el, 'remaining')).to.equal('124 caractères restants');
      expect(partText(el, 'encoding')).to.equal('Codage : GSM-7', 'untranslated terms fall back to English');
      await expect(el).to.be.accessible();
    });

    it('follows the closest lang attribute', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="fr-CA"><sms-segment-counter text="It’s"></sms-segment-counter></div>`,
      );
      const el = wrapper.querySelector('sms-segment-counter')!;
      await el.updateComplete;
      expect(partText(el, 'remaining')).to.equal('66 caractères restants');
      expect(partText(el, 'replace-button')).to.equal('Remplacer par des caractères GSM');
      wrapper.lang = 'en';
      await waitUntil(() => partText(el, 'remaining') === '66 characters left', 'English when the wrapper changes');
    });
  });
});
