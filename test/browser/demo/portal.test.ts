import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
// No import of the elements here: the portal registers those it shows, as the page `npm start` serves does.
import { demoBackend } from '../../../demo/backend.js';
import { DemoPortal } from '../../../demo/portal.js';
import { createSmsClient } from '../../../src/index.js';

if (!customElements.get('demo-portal')) customElements.define('demo-portal', DemoPortal);

const root = (el: DemoPortal) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: DemoPortal, selector: string) => root(el).querySelector<T>(selector);

/** The page is no wider than the window: nothing pushes it sideways. */
function pageFits(): void {
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(document.documentElement.clientWidth);
}

function choose(el: DemoPortal, label: string, value: string): void {
  const select = [...root(el).querySelectorAll<HTMLLabelElement>('label.field')].find((field) => field.querySelector('span')!.textContent === label)!.querySelector('select')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function portal(hash = '#inbox'): Promise<DemoPortal> {
  history.replaceState(null, '', hash);
  const el = await fixture<DemoPortal>(html`<demo-portal></demo-portal>`);
  await waitUntil(() => $(el, 'main sms-inbox, main sms-campaign-list, main sms-composer, main sms-list-manager, main sms-blocklist-manager'), 'the page', { timeout: 20000 });
  return el;
}

describe('<demo-portal>: the page npm start serves', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    history.replaceState(null, '', '#');
    await setViewport({ width: 1280, height: 800 });
  });

  for (const width of [1280, 390]) {
    it(`fits ${width} px: a header with the signed-in person, navigation that reaches every page, no sideways scroll`, async () => {
      await setViewport({ width, height: 800 });
      const el = await portal();
      expect($<HTMLSelectElement>(el, '.account select')!.selectedOptions[0]!.textContent).to.equal('Alice Nguyen · Sales, group number');
      const links = [...root(el).querySelectorAll<HTMLAnchorElement>('nav a')].map((link) => link.textContent);
      expect(links).to.deep.equal(['Inbox', 'Campaigns', 'Lists', 'Blocklist', 'Composer', 'Contacts']);
      const nav = $(el, 'nav')!;
      expect(getComputedStyle(nav).overflowX).to.equal('auto');
      expect(nav.getBoundingClientRect().right).to.be.at.most(width);
      pageFits();
      await expect(el).to.be.accessible();
    });
  }

  it('speaks French, its own labels and the elements', async () => {
    const el = await portal('#campaigns');
    choose(el, 'Language', 'fr');
    await waitUntil(() => $(el, 'nav a')?.textContent === 'Boîte de réception', 'the navigation in French');
    expect(document.documentElement.lang).to.equal('fr');
    expect([...root(el).querySelectorAll('label.field span')].map((span) => span.textContent)).to.deep.equal([
      'Connecté en tant que', 'Langue', 'Couleurs', 'Affichage des SMS',
    ]);
    // The demo loads the elements' French translation (translations/fr.ts) when French is chosen.
    const list = $(el, 'sms-campaign-list')!;
    await waitUntil(() => list.shadowRoot!.textContent!.includes('Nouvelle campagne'), 'the campaign list in French');
    await expect(el).to.be.accessible();
  });

  it('opens a conversation of the inbox beside the list, its messages as text', async () => {
    const el = await portal('#inbox');
    const inbox = $(el, 'main sms-inbox')!;
    const row = await waitUntil(() => inbox.shadowRoot!.querySelector('[part~="item-main"]'), 'the conversations', { timeout: 20000 })
      .then(() => inbox.shadowRoot!.querySelector<HTMLElement>('[part~="item-main"]')!);
    row.click();
    const conversation = () => inbox.shadowRoot!.querySelector('sms-conversation');
    await waitUntil(() => conversation()?.shadowRoot?.querySelector('[part~="body"]'), 'the conversation\'s messages', { timeout: 10000 });
    expect(conversation()!.shadowRoot!.querySelector('sms-composer'), 'its composer').to.exist;
    pageFits();
    await expect(el).to.be.accessible();
  });

  it('keeps a long message sent from the composer inside the page, the user\'s templates below it', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await portal('#composer');
    const templates = $(el, 'main sms-template-manager')!;
    await waitUntil(() => templates.shadowRoot!.querySelector('tbody tr[data-row]'), 'the user\'s templates', { timeout: 20000 });
    const composer = $(el, 'sms-composer')!;
    const textarea = await waitUntil(() => composer.shadowRoot!.querySelector('textarea'), 'the composer', { timeout: 10000 }).then(() => composer.shadowRoot!.querySelector('textarea')!);
    textarea.value = 'x'.repeat(450);
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const send = composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!;
    await waitUntil(() => !send.disabled, 'Send enabled');
    send.click();
    await waitUntil(() => $(el, '.sent li'), 'the sent message listed', { timeout: 10000 });
    pageFits();
  });

  it('shows SMS in a side panel beside the portal\'s page, and as the page on a phone', async () => {
    const el = await portal('#lists');
    choose(el, 'SMS view', 'panel');
    const panel = await waitUntil(() => $(el, 'aside sms-inbox'), 'the side panel').then(() => $(el, 'aside')!);
    expect(panel.getBoundingClientRect().width).to.be.within(320, 400);
    expect($(el, 'main sms-list-manager'), 'the page beside it').to.exist;
    expect([...root(el).querySelectorAll('nav a')].map((link) => link.textContent), 'the inbox lives in the panel').to.not.include('Inbox');
    pageFits();
    await expect(el).to.be.accessible();
    await setViewport({ width: 390, height: 800 });
    await waitUntil(() => panel.getBoundingClientRect().width > 340, 'the panel as wide as the phone');
    pageFits();
  });

  it('lets the hosting operator see the organisations and act as support in one, read-only and recorded', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await portal('#inbox');
    await waitUntil(() => $(el, '.tenant')?.textContent === 'Acme Corporation', 'the organisation shown');
    choose(el, 'Signed in as', 'operator');
    const manager = await waitUntil(() => $(el, 'main sms-organisation-manager'), 'the organisation manager', { timeout: 10000 }).then(() => $(el, 'main sms-organisation-manager')!);
    await waitUntil(() => manager.shadowRoot!.querySelectorAll('tbody tr[data-row]').length === 2, 'the organisations', { timeout: 10000 });
    const names = () => [...manager.shadowRoot!.querySelectorAll('tbody [part~="edit-button"]')].map((button) => button.textContent!.trim());
    expect(names()).to.deep.equal(['Acme Corporation', 'Globex Logistics']);
    expect([...root(el).querySelectorAll('nav a')].map((link) => link.textContent), 'no messaging pages for the operator').to.deep.equal(['Organisations']);
    pageFits();
    await expect(el).to.be.accessible();
    manager.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Act as support in Globex Logistics"]')!.click();
    const confirm = await waitUntil(() => manager.shadowRoot!.querySelector('[part~="dialog-confirm"]'), 'the confirmation').then(() => manager.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dialog-confirm"]')!);
    confirm.click();
    await waitUntil(() => $(el, '.tenant')?.textContent === 'Globex Logistics', 'Globex shown');
    expect($(el, '.support-banner')!.textContent).to.contain('Support access to Globex Logistics: read-only');
    expect([...root(el).querySelectorAll('nav a')].map((link) => link.textContent)).to.deep.equal(['Inbox', 'Campaigns', 'Lists', 'Blocklist', 'Administration']);
    const inbox = await waitUntil(() => $(el, 'main sms-inbox'), 'Globex\'s inbox').then(() => $(el, 'main sms-inbox')!);
    await waitUntil(() => inbox.shadowRoot!.querySelector('[part~="item"]'), 'Globex\'s conversations', { timeout: 10000 });
    const { backend, worlds } = await demoBackend();
    const trail = await createSmsClient({ backend, principal: worlds.globex!.principals.admin }).directory.supportAccess();
    expect(trail.items.map((entry) => entry.operatorId)).to.include('demo-operator');
    pageFits();
    $<HTMLButtonElement>(el, '.support-banner button')!.click();
    await waitUntil(() => $(el, 'main sms-organisation-manager'), 'back to the organisations');
    expect($<HTMLSelectElement>(el, '.account select')!.value).to.equal('operator');
  });
});
