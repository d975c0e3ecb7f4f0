import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DemoPortal } from '../../../demo/portal.js';

if (!customElements.get('demo-portal')) customElements.define('demo-portal', DemoPortal);

const links = (el: DemoPortal) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].map((link) => link.textContent);

describe('<demo-portal>: the administration area', () => {
  afterEach(() => history.replaceState(null, '', '#'));

  it('is in the navigation of the administrator only, and shows the number, keyword, contact and template managers, the usage report and the settings', async function () {
    // The seeded demo portal, six elements and axe over all of them: about 8 s alone, more on a loaded machine.
    this.timeout(40000);
    history.replaceState(null, '', '#administration');
    const el = await fixture<DemoPortal>(html`<demo-portal who="admin"></demo-portal>`);
    await waitUntil(() => links(el).includes('Administration'), 'the administration link', { timeout: 20000 });
    await waitUntil(() => el.shadowRoot!.querySelector('main sms-number-manager'), 'the number manager', { timeout: 20000 });
    const manager = el.shadowRoot!.querySelector('main sms-number-manager')!;
    await waitUntil(() => manager.shadowRoot!.querySelector('tbody tr[data-row]'), 'the numbers', { timeout: 20000 });
    const keywords = el.shadowRoot!.querySelector('main sms-keyword-manager')!;
    await waitUntil(() => keywords.shadowRoot!.querySelector('tbody tr[data-row]'), 'the keywords', { timeout: 20000 });
    const contacts = el.shadowRoot!.querySelector('main sms-contact-manager')!;
    await waitUntil(() => contacts.shadowRoot!.querySelector('tbody tr[data-row]'), 'the shared contacts', { timeout: 20000 });
    const templates = el.shadowRoot!.querySelector('main sms-template-manager')!;
    await waitUntil(() => templates.shadowRoot!.querySelector('tbody tr[data-row]'), 'the templates', { timeout: 20000 });
    const usage = el.shadowRoot!.querySelector('main sms-usage-report')!;
    // This month's usage (the demo's week of history may all be last month's on the first days of a month).
    await waitUntil(() => usage.shadowRoot!.querySelector('[part~="totals"], .status.empty'), 'the usage', { timeout: 20000 });
    const settings = el.shadowRoot!.querySelector('main sms-settings')!;
    await waitUntil(() => settings.shadowRoot!.querySelector('form'), 'the settings', { timeout: 20000 });
    expect(el.shadowRoot!.querySelector('nav a[aria-current="page"]')!.textContent).to.equal('Administration');
    await expect(el).to.be.accessible();
    const user = await fixture<DemoPortal>(html`<demo-portal who="alice"></demo-portal>`);
    await waitUntil(() => links(user).length > 0, 'the navigation', { timeout: 20000 });
    expect(links(user)).not.to.include('Administration');
    // A user keeps their contacts on a page of their own; an administrator's are in the administration.
    expect(links(user)).to.include('Contacts');
    expect(links(el)).not.to.include('Contacts');
  });
});
