import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { lazy, LoadOnConnectController } from '../../../components/internal/lazy.js';
import { groupE164, PhoneDisplayController } from '../../../components/internal/phone-display.js';

class PhoneHost extends LitElement {
  readonly phone = new PhoneDisplayController(this);
  override render() {
    return html`${this.phone.ready ? this.phone.display('+61412345678', 'AU') : 'loading'}`;
  }
}
customElements.define('test-phone-host', PhoneHost);

class LoaderHost extends LitElement {
  loader!: LoadOnConnectController<unknown>;
  override render() {
    return html`${this.loader?.ready ? 'ready' : 'waiting'}`;
  }
}
customElements.define('test-loader-host', LoaderHost);

describe('lazy()', () => {
  it('loads once, keeps the value, and loads again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const module = lazy(async () => {
      calls += 1;
      if (fail) throw new Error('offline');
      return { answer: 42 };
    });
    expect(module.value).to.equal(undefined);
    let error: unknown;
    await module().catch((caught: unknown) => (error = caught));
    expect((error as Error).message).to.equal('offline');
    expect(module.value).to.equal(undefined);
    fail = false;
    const [first, second] = await Promise.all([module(), module()]);
    expect(first).to.equal(second);
    expect(module.value).to.deep.equal({ answer: 42 });
    await module();
    expect(calls).to.equal(2);
  });
});

describe('LoadOnConnectController', () => {
  it('starts loading on connect and updates the host once the module is there', async () => {
    let resolve!: (value: string) => void;
    const module = lazy(() => new Promise<string>((done) => (resolve = done)));
    const el = document.createElement('test-loader-host') as LoaderHost;
    el.loader = new LoadOnConnectController(el, module);
    const host = await fixture<LoaderHost>(el);
    expect(host.shadowRoot!.textContent).to.contain('waiting');
    resolve('loaded');
    await waitUntil(() => host.shadowRoot!.textContent!.includes('ready'), 'the host updated');
    expect(module.value).to.equal('loaded');
  });

  it('counts a failed load as ready, so that the host does not wait forever', async () => {
    const module = lazy(() => Promise.reject(new Error('offline')));
    const el = document.createElement('test-loader-host') as LoaderHost;
    el.loader = new LoadOnConnectController(el, module);
    const host = await fixture<LoaderHost>(el);
    await waitUntil(() => host.shadowRoot!.textContent!.includes('ready'), 'ready after the failure');
    expect(module.value).to.equal(undefined);
  });
});

describe('PhoneDisplayController', () => {
  it('groups E.164 digits until the phone module is there', () => {
    expect(groupE164('+61412345678')).to.equal('+61 412 345 678');
    expect(groupE164('+12125550123')).to.equal('+1 212 555 0123');
    expect(groupE164('+442079460958')).to.equal('+44 207 946 0958');
    expect(groupE164('+3548001234')).to.equal('+354 800 1234');
    expect(groupE164('demo-ben')).to.equal('demo-ben');
    expect(groupE164('+61400')).to.equal('+61400');
  });

  it('loads the phone module when its host connects, then shows numbers as displayPhone does', async () => {
    const el = await fixture<PhoneHost>(html`<test-phone-host></test-phone-host>`);
    expect(el.shadowRoot!.textContent).to.contain('loading');
    // The first load of libphonenumber-js and its metadata through the test server takes a moment.
    await waitUntil(() => el.phone.ready, 'the phone module loaded', { timeout: 10000 });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('0412 345 678');
    expect(el.phone.display('+442079460958', 'AU')).to.equal('+44 20 7946 0958');
  });
});
