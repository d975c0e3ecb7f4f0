import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { LocalizeController, registerTranslation, resolveLang, type Terms } from '../../../components/internal/localize.js';

const terms = {
  greeting: 'Hello',
  welcome: 'Welcome, {0}! You have {1} messages.',
  parts: { one: '# part', other: '# parts' },
  shout: (name: string) => `${name.toUpperCase()}!`,
} satisfies Terms;

class LocalizedThing extends LitElement {
  readonly localize = new LocalizeController(this, terms);
  renders = 0;

  override render() {
    this.renders += 1;
    return html`${this.localize.term('greeting')}`;
  }
}
customElements.define('test-localized-thing', LocalizedThing);

/** Hosts a localized element inside its shadow root, to check that `lang` is found across it. */
class LocalizedOuter extends LitElement {
  override render() {
    return html`<test-localized-thing></test-localized-thing>`;
  }
}
customElements.define('test-localized-outer', LocalizedOuter);

async function thing(lang?: string): Promise<LocalizedThing> {
  return lang
    ? fixture<LocalizedThing>(fixtureHtml`<test-localized-thing lang=${lang}></test-localized-thing>`)
    : fixture<LocalizedThing>(fixtureHtml`<test-localized-thing></test-localized-thing>`);
}

describe('localize', () => {
  before(() => {
    registerTranslation(
      { $code: 'fr', greeting: 'Bonjour', parts: { one: '# partie', other: '# parties' } },
      { $code: 'fr-CA', greeting: 'Allô' },
      { $code: 'ar', parts: { zero: 'لا أجزاء', one: 'جزء واحد', two: 'جزءان', few: '# أجزاء', many: '# جزءًا', other: '# جزء' } },
    );
  });

  beforeEach(() => {
    document.documentElement.lang = 'en';
  });

  it('gives English by default, with placeholders and numbers formatted', async () => {
    const el = await thing();
    expect(el.localize.lang).to.equal('en');
    expect(el.localize.term('greeting')).to.equal('Hello');
    expect(el.localize.term('welcome', 'Ana', 1200)).to.equal('Welcome, Ana! You have 1,200 messages.');
    expect(el.localize.term('shout', 'hey')).to.equal('HEY!');
  });

  it('chooses plural forms with Intl.PluralRules in the language of the term', async () => {
    const en = await thing('en');
    expect([0, 1, 2, 1000].map((n) => en.localize.term('parts', n))).to.deep.equal(['0 parts', '1 part', '2 parts', '1,000 parts']);
    const fr = await thing('fr');
    // French: 0 and 1 are "one"; the number is formatted with a narrow no-break space.
    expect([0, 1, 2].map((n) => fr.localize.term('parts', n))).to.deep.equal(['0 partie', '1 partie', '2 parties']);
    expect(fr.localize.term('parts', 1000)).to.equal('1\u202f000 parties');
    const ar = await thing('ar-u-nu-latn');
    expect([0, 1, 2, 5, 11, 100].map((n) => ar.localize.term('parts', n))).to.deep.equal([
      'لا أجزاء', 'جزء واحد', 'جزءان', '5 أجزاء', '11 جزءًا', '100 جزء',
    ]);
  });

  it('falls back from region to language to the English default', async () => {
    expect((await thing('fr-CA')).localize.term('greeting')).to.equal('Allô');
    expect((await thing('fr-CA')).localize.term('parts', 2)).to.equal('2 parties');
    expect((await thing('fr-BE')).localize.term('greeting')).to.equal('Bonjour');
    expect((await thing('fr')).localize.term('welcome', 'Ana', 2)).to.equal('Welcome, Ana! You have 2 messages.');
    expect((await thing('de')).localize.term('greeting')).to.equal('Hello');
  });

  it('takes the language from the closest lang attribute, across shadow roots, then <html lang>', async () => {
    const outer = await fixture<LocalizedOuter>(fixtureHtml`<div lang="fr"><test-localized-outer></test-localized-outer></div>`);
    const inner = outer.querySelector('test-localized-outer')!.shadowRoot!.querySelector<LocalizedThing>('test-localized-thing')!;
    await inner.updateComplete;
    expect(resolveLang(inner)).to.equal('fr');
    expect(inner.shadowRoot!.textContent).to.equal('Bonjour');
    document.documentElement.lang = 'fr-CA';
    const plain = await thing();
    expect(plain.localize.lang).to.equal('fr-CA');
  });

  it('falls back to English for a malformed lang', async () => {
    expect((await thing('not a language!')).localize.lang).to.equal('en');
  });

  it('re-renders when <html lang> changes', async () => {
    const el = await thing();
    expect(el.shadowRoot!.textContent).to.equal('Hello');
    document.documentElement.lang = 'fr';
    await waitUntil(() => el.shadowRoot!.textContent === 'Bonjour', 'French after <html lang="fr">');
  });

  it('re-renders when a translation is registered, merging terms for the same code', async () => {
    const el = await thing('it');
    expect(el.shadowRoot!.textContent).to.equal('Hello');
    const before = el.renders;
    registerTranslation({ $code: 'it', greeting: 'Ciao' });
    await el.updateComplete;
    expect(el.renders).to.be.greaterThan(before);
    expect(el.shadowRoot!.textContent).to.equal('Ciao');
    registerTranslation({ $code: 'IT', parts: { one: '# parte', other: '# parti' } });
    expect(el.localize.term('greeting')).to.equal('Ciao');
    expect(el.localize.term('parts', 3)).to.equal('3 parti');
  });

  it('formats numbers and dates through Intl', async () => {
    const de = await thing('de');
    expect(de.localize.number(1234.5)).to.equal('1.234,5');
    expect(de.localize.number(0.25, { style: 'percent' })).to.match(/^25\s%$/);
    const date = new Date(Date.UTC(2025, 0, 31, 12));
    expect(de.localize.date(date, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('31. Januar 2025');
    expect((await thing('en-US')).localize.date(date, { dateStyle: 'short', timeZone: 'UTC' })).to.equal('1/31/25');
  });

  it('says how long ago or ahead a time is, in the largest fitting unit', async () => {
    const { localize } = await thing('en');
    const now = Date.UTC(2025, 5, 15, 12);
    const at = (seconds: number) => localize.relativeTime(now + seconds * 1000, { now });
    expect(at(0)).to.equal('now');
    expect(at(-30)).to.equal('30 seconds ago');
    expect(at(-5 * 60)).to.equal('5 minutes ago');
    expect(at(3 * 3600)).to.equal('in 3 hours');
    expect(at(-24 * 3600)).to.equal('yesterday');
    expect(at(24 * 3600)).to.equal('tomorrow');
    expect(at(14 * 24 * 3600)).to.equal('in 2 weeks');
    expect(at(-90 * 24 * 3600)).to.equal('3 months ago');
    expect(at(-800 * 24 * 3600)).to.equal('2 years ago');
    expect(localize.relativeTime(now - 59.7 * 1000, { now })).to.equal('1 minute ago');
    const fr = await thing('fr');
    expect(fr.localize.relativeTime(now - 2 * 24 * 3600 * 1000, { now })).to.equal('avant-hier');
  });
});
