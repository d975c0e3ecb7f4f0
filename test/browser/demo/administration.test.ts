import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DemoPortal } from '../../../demo/portal.js';

if (!customElements.get('demo-portal')) customElements.define('demo-portal', DemoPortal);

const links = (el: DemoPortal) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].map((link) => link.textContent);

describe('<demo-portal>: the administration area', () => {
  afterEach(() => history.replaceState(null, '', '#'));

  it('is in the navigation of the administrator only, and shows the number, keyword and template managers', async () => {
    history.replaceState(null, '', '#administration');
    const el = await fixture<DemoPortal>(html`<demo-portal who="admin"></demo-portal>`);
    await waitUntil(() => links(el).includes('Administration'), 'the administration link', { timeout: 20000 });
    await waitUntil(() => el.shadowRoot!.querySelector('main sms-number-manager'), 'the number manager', { timeout: 20000 });
    const manager = el.shadowRoot!.querySelector('main sms-number-manager')!;
    await waitUntil(() => manager.shadowRoot!.querySelector('tbody tr[data-row]'), 'the numbers', { timeout: 20000 });
    const keywords = el.shadowRoot!.querySelector('main sms-keyword-manager')!;
    await waitUntil(() => keywords.shadowRoot!.querySelector('tbody tr[data-row]'), 'the keywords', { timeout: 20000 });
    const templates = el.shadowRoot!.querySelector('main sms-template-manager')!;
    await waitUntil(() => templates.shadowRoot!.querySelector('tbody tr[data-row]'), 'the templates', { timeout: 20000 });
    expect(el.shadowRoot!.querySelector('nav a[aria-current="page"]')!.textContent).to.equal('Administration');
    await expect(el).to.be.accessible();
    const user = await fixture<DemoPortal>(html`<demo-portal who="alice"></demo-portal>`);
    await waitUntil(() => links(user).length > 0, 'the navigation', { timeout: 20000 });
    expect(links(user)).not.to.include('Administration');
  });
});
