import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsCampaignList } from '../../../components/index.js';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { SmsError, type SmsBackend } from '../../../src/index.js';
import { overrideCampaigns } from '../../../stories/decorators/campaign-backends.js';
import { item, list, shadow, SLOW, text } from './helpers.js';

function rows(el: SmsCampaignList): HTMLTableRowElement[] {
  return [...shadow(el).querySelectorAll<HTMLTableRowElement>('[part="recipients-table"] tbody tr')];
}

function states(el: SmsCampaignList): string[] {
  return rows(el).map((row) => text(row.querySelector('.state')));
}

async function open(el: SmsCampaignList, name: string): Promise<void> {
  item(el, name).querySelector<HTMLButtonElement>('.campaign-name')!.click();
  await waitUntil(() => shadow(el).querySelector('[part="recipients"]'), 'the recipients view');
  await waitUntil(() => !shadow(el).querySelector('[part="recipients"] .status.loading'), 'the recipients load', { timeout: 5000 });
}

function selectState(el: SmsCampaignList, state: string): void {
  const select = shadow(el).querySelector<HTMLSelectElement>('[part="state-filter"]')!;
  select.value = state;
  select.dispatchEvent(new Event('change'));
}

/** Captures what `downloadText` saves instead of letting the browser download it. */
function captureDownloads(): { files: { name: string; blob: Blob }[]; restore: () => void } {
  const files: { name: string; blob: Blob }[] = [];
  const create = URL.createObjectURL;
  let pending: Blob | null = null;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    pending = blob as Blob;
    return create.call(URL, blob);
  };
  const onClick = (event: MouseEvent) => {
    const link = event.target as HTMLAnchorElement;
    if (link.localName !== 'a' || !link.download) return;
    event.preventDefault();
    files.push({ name: link.download, blob: pending! });
  };
  document.addEventListener('click', onClick, true);
  return {
    files,
    restore: () => {
      URL.createObjectURL = create;
      document.removeEventListener('click', onClick, true);
    },
  };
}

describe('<sms-campaign-list> recipients', () => {
  let demo: DemoBackend;

  before(async () => {
    demo = await demoBackend(SLOW);
  });

  it('opens a campaign\'s recipients, paged, and goes back with Escape', async () => {
    const el = await list(clientFor(demo.backend, demo.world.principals.alice));
    await open(el, 'Winter sale');
    expect(text(shadow(el).querySelector('#recipients-title'))).to.equal('Recipients of Winter sale');
    expect(shadow(el).activeElement?.id).to.equal('recipients-title');
    expect(rows(el)).to.have.length(50);
    expect(text(rows(el)[0]!.querySelector('td'))).to.equal('1');
    expect(text(rows(el)[0]!.querySelector('.fields'))).to.match(/^first_name: \w+ suburb: [\w ]+$/);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
    await waitUntil(() => rows(el).length === 100, 'the next page');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('[part="recipients"]'), 'back to the list');
    await waitUntil(() => text(shadow(el).activeElement) === 'Winter sale', 'focus back on the campaign');
  });

  it('opens with Enter from the keyboard and goes back with the back button', async () => {
    const el = await list(clientFor(demo.backend, demo.world.principals.alice));
    item(el, 'Stocktake notice').querySelector<HTMLButtonElement>('.campaign-name')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('[part="recipients"]'), 'the recipients view');
    shadow(el).querySelector<HTMLButtonElement>('[part="back-button"]')!.click();
    await waitUntil(() => text(shadow(el).activeElement) === 'Stocktake notice', 'focus back');
  });

  it('filters the recipients by state', async () => {
    const client = clientFor(demo.backend, demo.world.principals.alice);
    const counts = (await client.campaigns.get(demo.world.campaigns.completed)).counts;
    const el = await list(client);
    await open(el, 'Winter sale');
    const options = [...shadow(el).querySelectorAll('[part="state-filter"] option')].map((option) => text(option));
    expect(options[0]).to.equal('All (240)');
    expect(options).to.include(`Failed (${counts.failed})`);
    selectState(el, 'failed');
    await waitUntil(() => rows(el).length === counts.failed && states(el).every((state) => state === 'Failed'), 'only failed ones');
    expect(rows(el).every((row) => text(row.querySelector('.error-text')) !== '')).to.equal(true, 'each says why');
    selectState(el, 'invalid');
    await waitUntil(() => text(shadow(el).querySelector('[part="recipients"] [part="status"]')) === 'No recipients in this state.', 'empty state');
    await expect(el).to.be.accessible();
  });

  it('says that a draft has no recipients yet', async () => {
    const el = await list(clientFor(demo.backend, demo.world.principals.alice));
    item(el, 'Spring launch (draft)').querySelector<HTMLButtonElement>('.campaign-name')!.click();
    await waitUntil(() => shadow(el).querySelector('[part="recipients"]'), 'the recipients view');
    expect(text(shadow(el).querySelector('[part="recipients"] [part="status"]'))).to.equal('The recipients are listed here once the campaign starts.');
    expect(shadow(el).querySelector('[part="export-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('exports every page of the chosen state as CSV', async () => {
    const el = await list(clientFor(demo.backend, demo.world.principals.alice));
    await open(el, 'Winter sale');
    const downloads = captureDownloads();
    try {
      shadow(el).querySelector<HTMLButtonElement>('[part="export-button"]')!.click();
      await waitUntil(() => downloads.files.length === 1, 'a file is saved', { timeout: 5000 });
      const [file] = downloads.files;
      expect(file!.name).to.equal('winter-sale-recipients.csv');
      const csv = (await file!.blob.text()).replace(/^\ufeff/, '');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).to.equal('phone,state,line,error,updated,first_name,suburb');
      expect(lines).to.have.length(241);
      expect(lines[1]).to.match(/^\+614\d{8},(delivered|failed|blocked|sent),,/);
      selectState(el, 'delivered');
      await waitUntil(() => states(el).every((state) => state === 'Delivered'), 'delivered only');
      shadow(el).querySelector<HTMLButtonElement>('[part="export-button"]')!.click();
      await waitUntil(() => downloads.files.length === 2, 'a second file', { timeout: 5000 });
      expect(downloads.files[1]!.name).to.equal('winter-sale-recipients-delivered.csv');
      const delivered = (await downloads.files[1]!.blob.text()).trim().split('\r\n').slice(1);
      expect(delivered.length).to.be.greaterThan(200);
      expect(delivered.every((line) => line.split(',')[1] === 'delivered')).to.equal(true);
    } finally {
      downloads.restore();
    }
  });

  it('shows a recipients error with a retry', async () => {
    const base = demo.backend as SmsBackend;
    let failing = true;
    const backend = overrideCampaigns(base, {
      recipients: (...args) => (failing ? Promise.reject(new SmsError('backend.unavailable', 'The SMS service cannot be reached.')) : base.campaigns.recipients(...args)),
    });
    const el = await list(clientFor(backend, demo.world.principals.alice));
    await open(el, 'Winter sale');
    const status = shadow(el).querySelector('[part="recipients"] [part="status"]')!;
    expect(status.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    failing = false;
    shadow(el).querySelector<HTMLButtonElement>('[part="recipients"] [part="retry-button"]')!.click();
    await waitUntil(() => rows(el).length === 50, 'the recipients after the retry');
  });

  it('renders hostile merge fields and numbers as text', async () => {
    const empty = await createEmptyBackend();
    const client = clientFor(empty.backend, empty.user);
    const hostile = '<img src=x onerror="window.pwned=true">';
    const target = await client.lists.create({ name: 'Hostile' });
    await client.lists.addEntry(target.id, { e164: '+61412345678', fields: { name: hostile, note: '<b>x</b>' } });
    const campaign = await client.campaigns.create({
      name: 'Hostile fields', sender: { type: 'number', numberId: empty.numberId }, body: 'Hi {{name}}', recipients: { listId: target.id },
    });
    await client.campaigns.start(campaign.id);
    const el = await list(client);
    await open(el, 'Hostile fields');
    await aTimeout(50);
    expect(text(rows(el)[0]!.querySelector('.fields'))).to.equal(`name: ${hostile} note: <b>x</b>`);
    expect(shadow(el).querySelector('img, b')).to.equal(null);
    expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
  });
});
