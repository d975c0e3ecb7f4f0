import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { registerTranslation, type SmsInbox } from '../../../components/index.js';
import '../../../components/conversation/sms-conversation.js';
import { fr } from '../../../translations/fr.js';
import { deepActive, inboxFor, part, rows, smallWorld, text, type InboxOptions } from './helpers.js';

// Everything the inbox renders inside itself (the conversation, its composer, the "New conversation" picker) follows
// the inbox's scheme, language and default country.

type World = Awaited<ReturnType<typeof smallWorld>>;

const DARK_SURFACE = 'rgb(28, 31, 36)';
const LIGHT_SURFACE = 'rgb(255, 255, 255)';

/** An inbox with one conversation (an unknown AU number), opened in the split layout. */
async function openConversation(world: World, options: InboxOptions): Promise<{ el: SmsInbox; conversation: HTMLElement }> {
  const el = await inboxFor(world.user, { layout: 'split', width: 1280, ...options });
  await waitUntil(() => part(el, 'detail') !== null, 'the split layout');
  rows(el)[0]!.row.querySelector<HTMLElement>('[part~="item-main"]')!.click();
  await el.updateComplete;
  const conversation = part(el, 'conversation')!;
  await waitUntil(() => conversation.shadowRoot?.querySelector('sms-composer')?.shadowRoot?.querySelector('textarea'), 'the conversation and its composer');
  return { el, conversation };
}

function background(element: Element | null | undefined): string {
  return getComputedStyle(element!).backgroundColor;
}

function composerTextarea(conversation: HTMLElement): HTMLTextAreaElement {
  return conversation.shadowRoot!.querySelector('sms-composer')!.shadowRoot!.querySelector('textarea')!;
}

describe('<sms-inbox>: what it renders inside follows its scheme, language and default country', () => {
  let world: World;

  beforeEach(async () => {
    world = await smallWorld();
    await world.inject('+61412000555', 'Hello there');
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const [scheme, page, surface] of [['dark', 'light', DARK_SURFACE], ['light', 'dark', LIGHT_SURFACE]] as const) {
    it(`scheme="${scheme}" on a ${page} page: the conversation and its composer follow the inbox`, async () => {
      await emulateMedia({ colorScheme: page });
      const { el, conversation } = await openConversation(world, { scheme });
      expect(background(part(el, 'base'))).to.equal(surface);
      expect(background(conversation.shadowRoot!.querySelector('.base'))).to.equal(surface);
      expect(background(composerTextarea(conversation))).to.equal(surface);
      expect(getComputedStyle(conversation).colorScheme).to.equal(scheme);
      await expect(el).to.be.accessible();
    });
  }

  it("the page's own colours reach the conversation through the inbox", async () => {
    const { el, conversation } = await openConversation(world, {});
    el.style.setProperty('--sms-color-surface', 'rgb(1, 2, 3)');
    expect(background(conversation.shadowRoot!.querySelector('.base'))).to.equal('rgb(1, 2, 3)');
  });

  for (const width of [1280, 360]) {
    it(`scheme="dark": "New conversation" is dark too at ${width} px`, async () => {
      const el = await inboxFor(world.user, { layout: 'split', width, scheme: 'dark' });
      part(el, 'new-button')!.click();
      const input = () => part(el, 'new-conversation')?.shadowRoot?.querySelector('[part~="input"]');
      await waitUntil(() => deepActive() === input(), 'the picker, its "To" field focused');
      expect(background(input())).to.equal(DARK_SURFACE);
      await expect(el).to.be.accessible();
    });
  }

  it('default-country: the conversation shows numbers as the inbox does', async () => {
    const { conversation } = await openConversation(world, { defaultCountry: 'GB' });
    expect(text(conversation.shadowRoot!.querySelector('[part~="title"]'))).to.equal('+61 412 000 555');
    const { conversation: home } = await openConversation(world, { defaultCountry: 'AU' });
    expect(text(home.shadowRoot!.querySelector('[part~="title"]'))).to.equal('0412 000 555');
  });

  describe('lang', () => {
    before(() => registerTranslation(fr));

    it('lang="fr" on the inbox alone: the conversation and the picker speak French', async () => {
      const { el, conversation } = await openConversation(world, {});
      el.setAttribute('lang', 'fr');
      await waitUntil(() => text(conversation.shadowRoot!.querySelector('[part~="day-separator"]')) === 'Aujourd’hui', 'the conversation in French');
      await waitUntil(() => composerTextarea(conversation).placeholder === 'Écrivez un message…', 'the composer in French');
      part(el, 'new-button')!.click();
      await waitUntil(() => part(el, 'new-conversation')?.shadowRoot?.querySelector('label'), 'the picker');
      expect(text(part(el, 'new-conversation')!.shadowRoot!.querySelector('label'))).to.equal('À');
    });
  });
});
