import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createHttpBackend } from '../../adapters/http/index.js';
import { SmsCampaignStartedEvent, type SmsCampaignList, type SmsConversation } from '../../components/index.js';
import '../../components/campaign-list/sms-campaign-list.js';
import '../../components/list-manager/sms-list-manager.js';
import type { SmsListManager } from '../../components/list-manager/list-manager.js';
import { type FileProgress, type SmsBackend, type SmsClient, createSmsClient } from '../../src/index.js';
import type { WirePerson, WireWorldInfo } from '../fixtures/wire-world.js';
import { answer, choose, click, editor, fill, $ as inEditor } from './campaign-editor/helpers.js';
import { items as campaignsOf, ready as campaignsReady, text } from './campaign-list/helpers.js';
import { bodies, composerOf, loaded } from './conversation/helpers.js';
import { inboxFor, rows } from './inbox/helpers.js';
import { chooseFile, find, part as managerPart, text as managerText } from './manager-helpers.js';

// The elements over the wire: each person's elements on an HTTP backend of their own (their own token) against a real
// REST server on 127.0.0.1 (scripts/wire-server-plugin.mjs), live events over its SSE stream.

const WAIT = { timeout: 10_000 };
const CUSTOMER = '+61412000800';

async function failureOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as Error).name;
  }
  return 'no error';
}

/**
 * A person's conversation, in a labelled section as a host page shows one view among others (two conversations side
 * by side are two banners otherwise: each has a header).
 */
async function conversationFor(client: SmsClient, conversationId: string, who: string): Promise<SmsConversation> {
  const section = await fixture<HTMLElement>(html`<section aria-label=${`${who}'s conversation`} style="width: 480px; height: 360px; display: flex">
    <sms-conversation style="flex: 1" .client=${client} conversation-id=${conversationId} no-sound></sms-conversation>
  </section>`);
  const el = section.querySelector('sms-conversation')!;
  await loaded(el);
  return el;
}

/** Types into an element's composer and sends with Enter. */
async function sendFrom(conversation: SmsConversation, body: string): Promise<void> {
  composerOf(conversation).shadowRoot!.querySelector('textarea')!.focus();
  await sendKeys({ type: body });
  await sendKeys({ press: 'Enter' });
}

describe('the elements over HTTP, two people in one page', function () {
  this.timeout(30_000);
  let server: WireWorldInfo;
  const backends: SmsBackend[] = [];
  const clients = {} as Record<WirePerson, SmsClient>;

  before(async () => {
    server = await executeServerCommand<WireWorldInfo, { origin: string }>('wire-server-open', { origin: location.origin });
    for (const who of ['ben', 'chloe', 'dev'] as const) {
      const backend = createHttpBackend({ baseUrl: server.url, token: server.tokens[who] });
      backends.push(backend);
      clients[who] = createSmsClient({ backend, principal: server.principals[who] });
    }
  });

  after(async () => {
    await Promise.all(backends.map((backend) => backend.close()));
    if (server) await executeServerCommand('wire-server-close', { url: server.url });
  });

  it('shows a message one sends live in the other\'s inbox and conversation, as text, and none of it to another department', async () => {
    const win = window as unknown as { pwned?: boolean };
    const chloeInbox = await inboxFor(clients.chloe, { width: 420 });
    const devInbox = await inboxFor(clients.dev, { width: 420 });
    expect(rows(chloeInbox)).to.have.length(0);
    await expect(chloeInbox).to.be.accessible();

    const opened = await clients.ben.conversations.open({ channel: 'sms', peer: CUSTOMER, numberId: server.numbers.group.id });
    const benThread = await conversationFor(clients.ben, opened.id, 'Ben');
    const hostile = 'Hi <b>there</b><img src=x onerror="window.pwned=true">';
    await sendFrom(benThread, hostile);
    await waitUntil(() => bodies(benThread).at(-1) === hostile, 'Ben\'s message in his thread', WAIT);

    // Chloe shares the group number: the conversation arrives in her inbox by its live events, never by a reload.
    await waitUntil(() => rows(chloeInbox).some((row) => row.id === opened.id && row.preview.endsWith(hostile)), 'Ben\'s message in Chloe\'s inbox', WAIT);
    expect(chloeInbox.shadowRoot!.querySelector('img, b')).to.equal(null);
    await expect(chloeInbox).to.be.accessible();

    const chloeThread = await conversationFor(clients.chloe, opened.id, 'Chloe');
    expect(bodies(chloeThread)).to.deep.equal([hostile]);
    expect(chloeThread.shadowRoot!.querySelector('[part~="messages"] img, [part~="messages"] b')).to.equal(null);
    await expect(chloeThread).to.be.accessible();

    // Her reply reaches Ben's open conversation, and then a second message of his reaches hers, both live.
    await sendFrom(chloeThread, 'On it, Ben');
    await waitUntil(() => bodies(benThread).at(-1) === 'On it, Ben', 'Chloe\'s reply in Ben\'s thread', WAIT);
    await sendFrom(benThread, 'Thanks!');
    await waitUntil(() => bodies(chloeThread).at(-1) === 'Thanks!', 'Ben\'s second message in Chloe\'s thread', WAIT);
    await waitUntil(() => rows(chloeInbox).find((row) => row.id === opened.id)?.preview.endsWith('Thanks!'), 'the preview follows', WAIT);
    await expect(benThread).to.be.accessible();
    expect(win.pwned).to.equal(undefined);

    // Dev (Support) has his own number: nothing of the Sales desk reached his inbox, nor does the API give it to him.
    expect(rows(devInbox)).to.have.length(0);
    expect((await clients.dev.conversations.list()).items).to.deep.equal([]);
    expect(await failureOf(clients.dev.conversations.get(opened.id))).to.be.oneOf(['NotFoundError', 'PermissionError']);
    expect(await failureOf(clients.dev.messages.send({ conversationId: opened.id, body: 'Not mine' }))).to.be.oneOf(['NotFoundError', 'PermissionError']);
    await expect(devInbox).to.be.accessible();
  });

  it('sends a recipient file over HTTP telling its progress, and the list manager shows it going', async () => {
    const csv = ['mobile,first_name', ...Array.from({ length: 20_000 }, (_, index) => `0412${String(index).padStart(6, '0')},Name ${index}`)].join('\n');
    // The SDK: XMLHttpRequest's upload events tell the bytes sent, to the last.
    const file = new File([csv], 'patients.csv', { type: 'text/csv' });
    const told: FileProgress[] = [];
    const direct = await clients.ben.lists.create({ name: 'Sent with progress' });
    const report = await clients.ben.lists.importFile!(direct.id, { file, onProgress: (progress) => told.push(progress) });
    expect([report.added, report.refused ?? report.errors.length]).to.deep.equal([20_000, 0]);
    expect(told.at(-1)).to.deep.equal({ bytes: file.size, totalBytes: file.size });
    expect(told.every((progress, index) => index === 0 || progress.bytes > told[index - 1]!.bytes)).to.equal(true);
    // A refusal sent back to XMLHttpRequest is the error the engine threw, as over fetch.
    const refused = await clients.ben.lists.importFile!(direct.id, { file, phoneColumn: 'Fax', onProgress: () => undefined }).then(() => null, (error: Error & { code?: string }) => error);
    expect([refused?.name, refused?.code]).to.deep.equal(['RecipientFileError', 'recipients.no_such_column']);

    // The element: a bar while the file goes, then the saved report.
    const list = await clients.ben.lists.create({ name: 'Patients over HTTP' });
    await clients.ben.lists.addEntry(list.id, { e164: '+61499000001', fields: {} });
    const el = await fixture<SmsListManager>(html`<sms-list-manager .client=${clients.ben} default-country="AU" list-id=${list.id}></sms-list-manager>`);
    await find(el, 'tbody tr[data-row]');
    managerPart<HTMLButtonElement>(el, 'import-open-button')!.click();
    await find(el, '[part~="drop-zone"]');
    chooseFile(el, 'patients.csv', csv);
    await find(el, '[part~="import-button"]', 'the file read in the page', 15_000);
    const labels = new Set<string>();
    const observer = new MutationObserver(() => {
      const bar = managerPart(el, 'send-progress');
      if (bar) labels.add(managerText(bar.querySelector('.import-progress-label')));
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    managerPart<HTMLButtonElement>(el, 'import-button')!.click();
    await find(el, '[part~="import-finish"]', 'the saved report', 15_000);
    observer.disconnect();
    expect([...labels]).to.deep.equal(['Sending patients.csv…']);
    expect(managerText(managerPart(el, 'import-report')!.querySelector('[part~="import-counts"] li'))).to.equal('20,000 added');
    await expect(el).to.be.accessible();
  });

  it('creates and starts a campaign from the editor over HTTP, and its progress reaches the list live', async () => {
    const el = await editor(clients.ben);
    await fill(el, '#name', 'Over the wire');
    await choose(el, '#list', server.customers);
    await fill(el, '#body', 'Hi {{first_name}}, <i>see you</i> soon.');
    await expect(el).to.be.accessible();
    const started = oneEvent(el, SmsCampaignStartedEvent.eventName);
    click(el, 'start-button');
    await answer(el, true);
    const { campaign } = (await started).detail;
    expect(campaign.status).to.equal('running');
    expect(campaign.sender).to.deep.equal({ type: 'number', numberId: server.numbers.group.id });
    await waitUntil(() => inEditor(el, '[part="done"]'), 'the done panel', WAIT);
    await expect(el).to.be.accessible();

    // At one part a second, three recipients take two seconds: the list opens on it running and follows it to the end.
    const list = await fixture<SmsCampaignList>(html`<sms-campaign-list .client=${clients.ben}></sms-campaign-list>`);
    await campaignsReady(list);
    expect(campaignsOf(list).map((item) => text(item.querySelector('.campaign-name')))).to.deep.equal(['Over the wire']);
    const progress = () => list.shadowRoot!.querySelector('[part="progress"]')?.getAttribute('aria-valuenow');
    const seen = new Set<string | null | undefined>();
    await waitUntil(() => {
      seen.add(progress());
      return progress() === '3' && text(list.shadowRoot!.querySelector('[part~="status-badge"]')) === 'Completed';
    }, 'the campaign completed in the list', WAIT);
    expect([...seen].some((value) => Number(value) < 3), `progress seen: ${[...seen].join(', ')}`).to.equal(true);
    await expect(list).to.be.accessible();

    // Dev, of another department, sees none of it.
    expect((await clients.dev.campaigns.list()).items).to.deep.equal([]);
    expect(await failureOf(clients.dev.campaigns.get(campaign.id))).to.be.oneOf(['NotFoundError', 'PermissionError']);
  });
});
