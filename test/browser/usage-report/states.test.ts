import { expect } from '@open-wc/testing';
import { SmsUsageReport } from '../../../components/index.js';
import { clientFor, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { stateLoaders } from '../../../stories/decorators/states.js';
import { createUsageHistory } from '../../../stories/decorators/usage-backends.js';
import { $, expectUnreachable, find, part, text } from '../manager-helpers.js';
import { loadedReport, tableRows, usageReport } from './helpers.js';

describe('<sms-usage-report>: states', () => {
  it('is registered as SmsUsageReport and says how to configure it without a client', async () => {
    expect(customElements.get('sms-usage-report') === SmsUsageReport).to.equal(true);
    const el = await usageReport(undefined);
    expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the usage loads, the choices already there', async () => {
    const world = await createUsageHistory();
    const el = await usageReport(clientFor(stalledBackend(world.backend), world.admin));
    const status = await find(el, '.status.loading');
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'range')).to.exist;
    expect(part(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when nothing was charged in the range', async () => {
    const el = await usageReport((await stateLoaders.empty('admin')()).client);
    expect(text(await find(el, '.status.empty'))).to.equal('No messages were charged in this range.');
    expect(part(el, 'chart')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const world = await createUsageHistory();
    const failing = failingBackend(world.backend);
    const el = await usageReport(clientFor(failing, world.admin));
    await expectUnreachable(el);
    failing.recover();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await find(el, '.usage-table tbody tr', 'the table after the retry');
    // The names failed with the first read: the retry reads them too.
    expect(tableRows(el)[0]![0]).to.equal('301 Chloé Martin');
  });

  it('follows a forced dark scheme and stays accessible', async () => {
    const world = await createUsageHistory();
    const client = clientFor(world.backend, world.admin);
    const light = await loadedReport(client, { scheme: 'light' });
    const dark = await loadedReport(client, { scheme: 'dark' });
    const fills = (el: Element) => ['.bar', '.bar-track', '.bar-label'].map((selector) => getComputedStyle($(el, selector)!).fill);
    const [bar, track, label] = fills(dark);
    expect(fills(light)).not.to.deep.equal(fills(dark));
    // The bars stand out from their track and the labels from the surface, in the dark too.
    expect(new Set([bar, track, label]).size).to.equal(3);
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });
});
