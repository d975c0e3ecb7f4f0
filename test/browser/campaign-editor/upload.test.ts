import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import type { SmsCampaignEditor } from '../../../components/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { demoMobile, type SmsBackend } from '../../../src/index.js';
import { overrideCampaigns } from '../../../stories/decorators/campaign-backends.js';
import { generateRecipientsCsv } from '../../fixtures/recipients-csv.js';
import { $, $$, check, choose, click, editor, fill, report, text, upload } from './helpers.js';

/** The demo's blocked numbers: two added by the administrator, one opted out by replying STOP. */
const BLOCKED = [demoMobile(3), demoMobile(7), demoMobile(5)];

function problems(el: SmsCampaignEditor): [line: number, value: string, problem: string][] {
  return $$(el, '[part="import-problems"] tbody tr').map((row) => {
    const [line, value, problem] = [...row.querySelectorAll('td')].map((cell) => text(cell));
    return [Number(line!.replace(/\D/g, '')), value!, problem!];
  });
}

function headers(el: SmsCampaignEditor): string[] {
  return $$(el, '[part="import-preview"] thead th').map((cell) => text(cell));
}

function counts(el: SmsCampaignEditor): string[] {
  return $$(el, '[part="import-counts"] li').map((count) => text(count));
}

async function fileMode(el: SmsCampaignEditor): Promise<void> {
  await check(el, 'input[name="recipients-mode"][value="file"]');
}

describe('<sms-campaign-editor> recipient files', () => {
  let demo: DemoBackend;
  let seed = 300;
  const alice = (backend: SmsBackend = demo.backend) => clientFor(backend, demo.world.principals.alice);

  beforeEach(async () => {
    demo = await demoBackend({ seed: seed++, settings: { segmentsPerSecond: 2 } });
  });

  it('reports invalid rows by line, duplicates and blocked numbers before anything is saved', async () => {
    const file = generateRecipientsCsv({ rows: 60, invalidEvery: 7, duplicateEvery: 11, numbersAt: { 3: BLOCKED[0]!, 20: BLOCKED[2]! } });
    const el = await editor(alice());
    await fileMode(el);
    await upload(el, 'spring.csv', file.csv);
    await report(el);
    await waitUntil(() => !$(el, '[part="blocklist-progress"]'), 'the blocklist is checked');
    const valid = 60 - file.invalidLines.length - file.duplicates.length;
    expect(counts(el)).to.deep.equal([
      `${valid - 2} valid numbers`,
      `${file.invalidLines.length} invalid rows`,
      `${file.duplicates.length} duplicates`,
      '2 blocked numbers',
    ]);
    const rows = problems(el);
    expect(rows.map(([line]) => line)).to.deep.equal([...file.invalidLines, ...file.duplicates.map((d) => d.line), ...file.chosenLines].sort((a, b) => a - b));
    const byLine = new Map(rows.map(([line, value, problem]) => [line, { value, problem }]));
    expect(byLine.get(8)).to.deep.equal({ value: 'not a number', problem: 'Not a phone number.' });
    expect(byLine.get(15)).to.deep.equal({ value: '0412 345', problem: 'Not a valid phone number.' });
    expect(byLine.get(22)).to.deep.equal({ value: '+61 4', problem: 'Too short for a phone number.' });
    for (const { line, firstLine } of file.duplicates) expect(byLine.get(line)!.problem).to.equal(`Same number as line ${firstLine}.`);
    expect(byLine.get(4)).to.deep.equal({ value: BLOCKED[0], problem: 'On the blocklist: it will not be sent.' });
    expect(byLine.get(21)).to.deep.equal({ value: BLOCKED[2], problem: 'On the blocklist: it will not be sent.' });
    const preview = $$(el, '[part="import-preview"] tbody tr').map((row) => [...row.querySelectorAll('td')].map((cell) => text(cell)));
    expect(preview[0]).to.deep.equal(['2', '+61412000001', 'Jack', 'Parramatta']);
    expect(headers(el), 'columns headed as people read them').to.deep.equal(['Line', 'Mobile', 'First name', 'Suburb']);
    expect(($(el, '#phone-column') as HTMLSelectElement).value).to.equal('mobile');
    const { items } = await alice().campaigns.list();
    expect(items.map((campaign) => campaign.name)).not.to.include('spring', 'nothing saved yet');
    await expect(el).to.be.accessible();
  });

  it('shows a progress bar while it reads a large file and checks the blocklist', async () => {
    const file = generateRecipientsCsv({ rows: 20_000, invalidEvery: 50 });
    const el = await editor(alice());
    await fileMode(el);
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const part of ['import-progress', 'blocklist-progress']) if ($(el, `[part="${part}"]`)) seen.add(part);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await upload(el, 'big.csv', file.csv);
    await waitUntil(() => $(el, '[part="file-report"] [part="import-counts"]'), 'the report', { timeout: 20000 });
    observer.disconnect();
    expect([...seen]).to.include.members(['import-progress', 'blocklist-progress']);
    expect(counts(el)[0]).to.equal(`${(20_000 - 400).toLocaleString('en')} valid numbers`);
  });

  it('reads the file again with the phone column the user chooses', async () => {
    const csv = 'name,mobile,backup\nAna,0412 000 001,0413 000 001\nBo,12,0413 000 002\nCy,0412 000 003,0413 000 003\n';
    const el = await editor(alice());
    await fileMode(el);
    await upload(el, 'two-columns.csv', csv);
    await report(el);
    expect(($(el, '#phone-column') as HTMLSelectElement).value).to.equal('mobile');
    expect(counts(el)).to.deep.equal(['2 valid numbers', '1 invalid row']);
    await choose(el, '#phone-column', 'backup');
    await waitUntil(() => counts(el).join() === '3 valid numbers', 'read again');
    expect(($(el, '#phone-column') as HTMLSelectElement).value).to.equal('backup');
    expect(headers(el)).to.deep.equal(['Line', 'Backup', 'Name', 'Mobile']);
    expect($$(el, '[part="merge-fields"] button').map((button) => text(button))).to.deep.equal(['{{name}}', '{{mobile}}']);
  });

  it('renders hostile cells of the file as text', async () => {
    const csv = 'name,mobile,note\n"<img src=x onerror=""window.pwned=true"">",0412 000 001,=HYPERLINK("x")\n<b>bold</b>,<script>alert(1)</script>,x\n';
    const el = await editor(alice());
    await fileMode(el);
    await upload(el, '<img src=x onerror=alert(1)>.csv', csv);
    await report(el);
    await aTimeout(50);
    expect(text($(el, '[part="import-preview"] tbody td:nth-child(3)'))).to.equal('<img src=x onerror="window.pwned=true">');
    expect(text($(el, '[part="import-preview"] tbody td:nth-child(4)'))).to.equal('=HYPERLINK("x")');
    expect(problems(el)[0]![1]).to.equal('<script>alert(1)</script>');
    expect(text($(el, '#report-title'))).to.equal('<img src=x onerror=alert(1)>.csv');
    expect(el.shadowRoot!.querySelector('img, b, script')).to.equal(null);
    expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
  });

  it('offers the file\'s columns as merge fields, and uploads the file as it is, once, when the campaign is saved', async () => {
    const base = demo.backend;
    const uploads: string[] = [];
    const backend = overrideCampaigns(base, {
      createUpload: (principal, input) => {
        uploads.push(`rows of ${input.name}`);
        return base.campaigns.createUpload(principal, input);
      },
      uploadFile: (principal, input) => {
        uploads.push(`${input.file instanceof File ? 'file' : 'bytes'} ${input.fileName}`);
        return base.campaigns.uploadFile!(principal, input);
      },
    });
    const client = alice(backend);
    const file = generateRecipientsCsv({ rows: 30, invalidEvery: 10, duplicateEvery: 13 });
    const el = await editor(client);
    await fill(el, '#name', 'From a file');
    await fileMode(el);
    await upload(el, 'customers.csv', file.csv);
    await report(el);
    expect(uploads).to.deep.equal([], 'reading uploads nothing');
    expect($$(el, '[part="merge-fields"] button').map((button) => text(button))).to.deep.equal(['{{first_name}}', '{{suburb}}']);
    await fill(el, '#body', 'Hi {{first_name}}');
    expect(text($(el, '.preview-text'))).to.equal('Hi Jack');
    const saved = oneEvent(el, 'sms-campaign-saved');
    click(el, 'save-button');
    const { campaign } = (await saved).detail;
    expect(uploads).to.deep.equal(['file customers.csv'], 'the file, not its rows');
    const recipients = campaign.recipients as { uploadId: string };
    const stored = await client.campaigns.getUpload(recipients.uploadId);
    expect(stored.stats).to.deep.equal({ recipients: 30 - file.invalidLines.length - file.duplicates.length, errors: file.invalidLines.length, duplicates: file.duplicates.length });
    expect(stored.phoneColumn).to.equal('mobile');
    const again = oneEvent(el, 'sms-campaign-saved');
    click(el, 'save-button');
    await again;
    expect(uploads).to.have.length(1, 'the same file is not uploaded twice');
    const reopened = await editor(client, { campaignId: campaign.id });
    expect(text($(reopened, '[part="uploaded-file"]'))).to.equal(`customers.csv: ${stored.stats.recipients} recipients`);
    expect($$(reopened, '[part="merge-fields"] button').map((button) => text(button))).to.deep.equal(['{{first_name}}', '{{suburb}}']);
  });

  it('shows how much of the file the backend has taken while a save sends it', async () => {
    const base = demo.backend;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let el!: Awaited<ReturnType<typeof editor>>;
    const backend = overrideCampaigns(base, {
      uploadFile: async (principal, input) => {
        await waitUntil(() => $(el, '[part="send-progress"]') !== null, 'the bar before any progress');
        input.onProgress?.({ bytes: 3, totalBytes: 4 });
        await held;
        return base.campaigns.uploadFile!(principal, input);
      },
    });
    el = await editor(alice(backend));
    await fill(el, '#name', 'Sent with progress');
    await fileMode(el);
    await upload(el, 'customers.csv', generateRecipientsCsv({ rows: 5 }).csv);
    await report(el);
    await fill(el, '#body', 'Hi {{first_name}}');
    const saved = oneEvent(el, 'sms-campaign-saved');
    click(el, 'save-button');
    await waitUntil(() => text($(el, '[part="send-progress"]')).includes('75% sent'), 'the share sent');
    expect(text($(el, '[part="send-progress"] .import-progress-label'))).to.equal('Sending customers.csv…');
    await expect(el).to.be.accessible();
    release();
    await saved;
    await waitUntil(() => $(el, '[part="send-progress"]') === null, 'the bar gone once sent');
  });

  it('uploads the parsed rows to a backend that does not read files', async () => {
    const base = demo.backend;
    const uploads: string[] = [];
    const backend = overrideCampaigns(base, {
      uploadFile: undefined,
      createUpload: (principal, input) => {
        uploads.push(input.name);
        return base.campaigns.createUpload(principal, input);
      },
    });
    const el = await editor(alice(backend));
    await fill(el, '#name', 'Rows');
    await fileMode(el);
    await upload(el, 'rows.csv', generateRecipientsCsv({ rows: 5 }).csv);
    await report(el);
    await fill(el, '#body', 'Hi {{first_name}}');
    const saved = oneEvent(el, 'sms-campaign-saved');
    click(el, 'save-button');
    await saved;
    expect(uploads).to.deep.equal(['rows.csv']);
  });

  it('estimates a campaign on a file without its invalid, duplicate and blocked rows', async () => {
    const file = generateRecipientsCsv({ rows: 40, invalidEvery: 9, duplicateEvery: 17, numbersAt: { 5: BLOCKED[1]! } });
    const el = await editor(alice());
    await fill(el, '#name', 'Estimated');
    await fileMode(el);
    await upload(el, 'customers.csv', file.csv);
    await report(el);
    await waitUntil(() => !$(el, '[part="blocklist-progress"]'), 'the blocklist is checked');
    await fill(el, '#body', 'Hello {{first_name}}');
    click(el, 'estimate-button');
    await waitUntil(() => $(el, '[part="summary"]'), 'the summary', { timeout: 8000 });
    const deliverable = 40 - file.invalidLines.length - file.duplicates.length - 1;
    expect(text($(el, '.summary-row.deliverable dd'))).to.equal(String(deliverable));
    expect(text($(el, '.summary-row.excluded dd'))).to.equal(`${file.invalidLines.length} invalid, ${file.duplicates.length} duplicate, 1 blocked`);
    expect(text($(el, '.summary-row.cost dd'))).to.equal(`A$${((deliverable * 5) / 100).toFixed(2)}`);
    await expect(el).to.be.accessible();
  });
});
