import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import { registerTranslation, SmsCampaignEditor, SmsCampaignSavedEvent, SmsCampaignScheduledEvent, SmsCampaignStartedEvent } from '../../../components/index.js';
import { clientFor, failingBackend, stalledBackend } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { fr } from '../../../translations/fr.js';
import { failingCampaignWrites } from '../../../stories/decorators/campaign-backends.js';
import { $, $$, answer, check, choose, click, dialog, editor, fill, input, issue, text } from './helpers.js';

/** A fresh demo organisation per test that changes it. */
let seed = 200;
function fresh(): Promise<DemoBackend> {
  return demoBackend({ seed: seed++, settings: { segmentsPerSecond: 2 } });
}

describe('<sms-campaign-editor>', () => {
  let demo: DemoBackend;
  const alice = () => clientFor(demo.backend, demo.world.principals.alice);

  before(async () => {
    demo = await demoBackend({ settings: { segmentsPerSecond: 2 } });
  });

  it('is registered as SmsCampaignEditor', () => {
    expect(customElements.get('sms-campaign-editor')).to.equal(SmsCampaignEditor);
  });

  it('says how to configure it without a client', async () => {
    const el = await editor(undefined);
    expect(text($(el, '[part="config-error"]'))).to.contain('client');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state', async () => {
    const client = clientFor(stalledBackend(demo.backend), demo.world.principals.alice);
    const el = await fixture<SmsCampaignEditor>(html`<sms-campaign-editor .client=${client}></sms-campaign-editor>`);
    expect($(el, '[part="status"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry that recovers', async () => {
    const failing = failingBackend(demo.backend);
    const el = await editor(clientFor(failing, demo.world.principals.alice));
    expect($(el, '[part="status"]')!.getAttribute('role')).to.equal('alert');
    expect(text($(el, '[part="status"]'))).to.contain('cannot be reached');
    await expect(el).to.be.accessible();
    failing.recover();
    click(el, 'retry-button');
    await waitUntil(() => $(el, '#name'), 'the form after the retry');
  });

  it('starts a new campaign with sensible defaults', async () => {
    const el = await editor(alice());
    expect(text($(el, '#editor-title'))).to.equal('New campaign');
    expect(input(el, '#name').value).to.equal('');
    expect(input(el, 'input[name="sender-type"][value="number"]').checked).to.equal(true);
    expect(($(el, '#sender-number') as HTMLSelectElement).value).to.equal(demo.world.numbers.sales);
    expect(text(($(el, '#sender-number') as HTMLSelectElement).selectedOptions[0])).to.equal('Sales line (+61 480 000 101)');
    expect(($(el, '#rating') as HTMLSelectElement).value).to.equal(demo.world.principals.alice.extensionId);
    // Only the extensions Alice may bill: hers and her department's (Sales: 201, 202 and Promotions 299), not Support's.
    const billable = [...($(el, '#rating') as HTMLSelectElement).options].filter((option) => option.value).map((option) => text(option));
    expect(billable.map((label) => label.slice(0, 3))).to.deep.equal(['201', '202', '299']);
    expect(input(el, 'input[name="when"][value="now"]').checked).to.equal(true);
    expect(text($(el, '[part="start-button"]'))).to.equal('Start now…');
    await expect(el).to.be.accessible();
  });

  it('edits the draft: every field comes back as saved', async () => {
    const el = await editor(alice(), { campaignId: demo.world.campaigns.draft });
    expect(text($(el, '#editor-title'))).to.equal('Edit campaign');
    expect(input(el, '#name').value).to.equal('Spring launch (draft)');
    expect(input(el, 'input[name="sender-type"][value="alpha"]').checked).to.equal(true);
    expect(input(el, '#alpha-tag').value).to.equal('ACME');
    expect(text($(el, '#sender-note'))).to.equal('Your department may send as “ACME”.');
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.equal('Spring range lands next week. ');
    expect(($(el, '#list') as HTMLSelectElement).value).to.equal(demo.world.lists.customers);
    expect($$(el, '[part="merge-fields"] button').map((button) => text(button))).to.deep.equal(['{{first_name}}', '{{suburb}}']);
    await expect(el).to.be.accessible();
  });

  it('warns that saving a scheduled campaign takes it back to draft', async () => {
    const el = await editor(alice(), { campaignId: demo.world.campaigns.scheduled });
    expect(text($(el, '[part="notice"]'))).to.contain('back to draft');
    expect(input(el, 'input[name="when"][value="later"]').checked).to.equal(true);
    expect(input(el, '#scheduled-at').value).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await expect(el).to.be.accessible();
  });

  it('refuses to edit a campaign that has started', async () => {
    const el = await editor(alice(), { campaignId: demo.world.campaigns.completed });
    expect(text($(el, '[part="notice"]'))).to.equal('This campaign is completed and can no longer be edited.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tells administrators they cannot create or start campaigns', async () => {
    const el = await editor(clientFor(demo.backend, demo.world.principals.admin));
    expect(text($(el, '[part="notice"]'))).to.contain('cannot create or start');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks the alpha tag as it is typed', async () => {
    const el = await editor(alice());
    await check(el, 'input[name="sender-type"][value="alpha"]');
    expect(text($(el, '#alpha-hint'))).to.contain('Your department may send as: ACME');
    expect([...el.shadowRoot!.querySelectorAll('#alpha-tags option')].map((option) => (option as HTMLOptionElement).value)).to.deep.equal(['ACME']);
    const cases: [string, string, 'true' | 'false'][] = [
      ['1ACME', 'An alpha tag cannot start with a digit.', 'true'],
      ['ACMÉ', 'An alpha tag cannot contain “É”: use only the letters A-Z, digits, spaces and hyphens.', 'true'],
      ['ACME CORPORATION', 'An alpha tag has at most 11 characters; this one has 16.', 'true'],
      ['123-456', 'An alpha tag cannot start with a digit.', 'true'],
      ['--', 'An alpha tag needs at least one letter.', 'true'],
      ['OTHER', '“OTHER” is a valid alpha tag, but your department may not send as it.', 'false'],
      ['ACME', 'Your department may send as “ACME”.', 'false'],
    ];
    for (const [tag, message, invalid] of cases) {
      await fill(el, '#alpha-tag', tag);
      expect(text($(el, '#sender-note')), tag).to.equal(message);
      expect(input(el, '#alpha-tag').getAttribute('aria-invalid'), tag).to.equal(invalid);
    }
    await fill(el, '#alpha-tag', '1ACME');
    expect($(el, '#sender-note')!.className).to.equal('field-error');
    await expect(el).to.be.accessible();
    await fill(el, '#alpha-tag', 'OTHER');
    expect($(el, '#sender-note')!.className).to.equal('field-warning');
    await expect(el).to.be.accessible();
  });

  it('counts the message\'s parts and applies the GSM-safe replacement', async () => {
    const el = await editor(alice());
    await fill(el, '#body', '“Sale” starts – today…');
    const counter = $(el, 'sms-segment-counter') as HTMLElementTagNameMap['sms-segment-counter'];
    expect(counter.text).to.equal('“Sale” starts – today…');
    await counter.updateComplete;
    counter.shadowRoot!.querySelector<HTMLButtonElement>('[part="replace-button"]')!.click();
    await el.updateComplete;
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.equal('"Sale" starts - today...');
    expect(counter.text).to.equal('"Sale" starts - today...');
  });

  it('inserts merge fields from the recipients\' columns at the caret', async () => {
    const el = await editor(alice());
    expect(text($(el, '[part="message"] .hint:not([aria-hidden])'))).to.contain('Choose the recipients');
    await choose(el, '#list', demo.world.lists.customers);
    await fill(el, '#body', 'Hi , see you in !');
    const body = $(el, '#body') as HTMLTextAreaElement;
    body.setSelectionRange(3, 3);
    const [firstName, suburb] = $$(el, '[part="merge-fields"] button');
    firstName!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect(body.value).to.equal('Hi {{first_name}}, see you in !');
    expect(el.shadowRoot!.activeElement).to.equal(body);
    expect(body.selectionStart).to.equal(3 + '{{first_name}}'.length);
    body.setSelectionRange(body.value.length - 1, body.value.length - 1);
    suburb!.click();
    await el.updateComplete;
    expect(body.value).to.equal('Hi {{first_name}}, see you in {{suburb}}!');
    await waitUntil(() => $(el, '[part="preview"]'), 'a preview for the first recipient');
    expect(text($(el, '.preview-text'))).to.match(/^Hi \w+, see you in [\w ]+!$/);
    await fill(el, '#body', 'Hi {{nickname}}');
    expect(text($(el, '#unknown-fields'))).to.equal('The recipients have no column for: nickname.');
    await expect(el).to.be.accessible();
  });

  it('uses a template, asking before it replaces what is written', async () => {
    const el = await editor(alice());
    const select = $(el, '#template') as HTMLSelectElement;
    const names = [...select.options].map((option) => text(option));
    expect(names).to.include.members(['Appointment reminder', 'Office closed', 'Running late']);
    const pick = (name: string) => choose(el, '#template', [...select.options].find((option) => text(option) === name)!.value);
    await pick('Office closed');
    expect(dialog(el)).to.equal(null, 'an empty message is replaced without asking');
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.equal('Our office is closed today. For urgent matters call 1300 000 000.');
    await pick('Running late');
    const open = await answer(el, false);
    expect(text(open.querySelector('#confirm-title'))).to.equal('Use the template “Running late”?');
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.contain('Our office is closed');
    await pick('Running late');
    await answer(el, true);
    await waitUntil(() => ($(el, '#body') as HTMLTextAreaElement).value === 'Running about 15 minutes late, sorry!', 'the template replaces the message');
    expect(select.value).to.equal('');
  });

  it('shows the time zone next to a scheduled time', async () => {
    const el = await editor(alice());
    await check(el, 'input[name="when"][value="later"]');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(text($(el, '[part="time-zone"]'))).to.match(new RegExp(`^Time zone: ${zone.replace('/', '\\/')} \\((GMT|UTC)`));
    expect(text($(el, '[part="start-button"]'))).to.equal('Schedule…');
    await fill(el, '#scheduled-at', '2031-03-04T09:30');
    expect(text($(el, '[part="schedule"]'))).to.contain('Sends on Tuesday, March 4, 2031 at 9:30');
    await expect(el).to.be.accessible();
  });

  it('requires a name before saving, next to the field', async () => {
    const el = await editor(alice());
    click(el, 'save-button');
    await el.updateComplete;
    expect(issue(el, 'name')).to.equal('Give the campaign a name.');
    expect(input(el, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, '#name').getAttribute('aria-describedby')).to.equal('name-issue');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'name', 'focus on the name');
    await expect(el).to.be.accessible();
    await fill(el, '#name', 'x');
    expect($(el, '#name-issue')).to.equal(null, 'the problem goes once the field changes');
  });

  it('saves a draft, fires sms-campaign-saved, and updates it on the next save', async () => {
    const demo2 = await fresh();
    const client = clientFor(demo2.backend, demo2.world.principals.alice);
    const el = await editor(client);
    await fill(el, '#name', 'Autumn offers');
    await fill(el, '#body', 'Autumn offers are in store.');
    const saved = oneEvent(el, SmsCampaignSavedEvent.eventName);
    click(el, 'save-button');
    const event = await saved;
    expect(event).to.be.instanceOf(SmsCampaignSavedEvent);
    expect(event.detail.campaign.name).to.equal('Autumn offers');
    expect(event.detail.campaign.status).to.equal('draft');
    expect(el.campaignId).to.equal(event.detail.campaign.id);
    expect((await client.campaigns.get(el.campaignId!)).body).to.equal('Autumn offers are in store.');
    await waitUntil(() => text($(el, '[aria-live="polite"][role="status"]')) === 'Draft saved.', 'announced');
    await fill(el, '#name', 'Autumn offers (v2)');
    const again = oneEvent(el, 'sms-campaign-saved');
    click(el, 'save-button');
    expect((await again).detail.campaign.id).to.equal(event.detail.campaign.id, 'the same campaign');
    const { items } = await client.campaigns.list({ query: 'Autumn' });
    expect(items.map((campaign) => campaign.name)).to.deep.equal(['Autumn offers (v2)']);
    expect(input(el, '#name').value).to.equal('Autumn offers (v2)', 'the form stays as typed');
  });

  it('shows the backend\'s problems next to the fields they concern', async () => {
    const el = await editor(alice());
    await fill(el, '#name', 'Half done');
    await choose(el, '#sender-number', '');
    click(el, 'estimate-button');
    await waitUntil(() => $(el, '[part="form-error"]'), 'the problems');
    expect(text($(el, '[part="form-error"]'))).to.equal('Fix 3 problems before starting.');
    expect(issue(el, 'sender')).to.equal('Choose a number or an alpha tag to send from.');
    expect(issue(el, 'body')).to.equal('Write the message.');
    expect(issue(el, 'recipients')).to.equal('Choose a predefined list or upload a file.');
    expect($(el, '#body')!.getAttribute('aria-describedby')).to.contain('body-issue');
    expect($(el, '[part="recipients"]')!.getAttribute('aria-describedby')).to.equal('recipients-issue');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'sender-number', 'focus on the first problem');
    await expect(el).to.be.accessible();
  });

  it('summarises the estimate: recipients, parts per message, parts in all and cost', async () => {
    const demo2 = await fresh();
    const client = clientFor(demo2.backend, demo2.world.principals.alice);
    const el = await editor(client);
    await fill(el, '#name', 'Long one');
    await choose(el, '#list', demo2.world.lists.customers);
    await fill(el, '#body', `Hi {{first_name}}, ${'our big sale is on now in every store. '.repeat(5)}`);
    click(el, 'estimate-button');
    await waitUntil(() => $(el, '[part="summary"]'), 'the summary', { timeout: 8000 });
    const { estimate } = await client.campaigns.estimateDraft({
      name: 'Long one', sender: { type: 'number', numberId: demo2.world.numbers.sales }, recipients: { listId: demo2.world.lists.customers },
      body: `Hi {{first_name}}, ${'our big sale is on now in every store. '.repeat(5)}`,
    });
    expect(estimate.segmentsPerMessage).to.equal(2);
    const value = (name: string) => text($(el, `.summary-row.${name} dd`));
    expect(value('deliverable')).to.equal(String(estimate.deliverable));
    expect(value('excluded')).to.equal(`${estimate.invalid} invalid, ${estimate.duplicate} duplicate, ${estimate.blocked} blocked`);
    expect(estimate.blocked).to.be.greaterThan(0);
    expect(value('encoding')).to.equal('GSM-7');
    expect(value('segments-per-message')).to.equal('2');
    expect(value('total-segments')).to.equal(estimate.totalSegments.toLocaleString('en'));
    expect(value('cost')).to.equal(`A$${(estimate.cost / 100).toFixed(2)}`);
    expect(estimate.cost).to.equal(estimate.totalSegments * 5, 'AUD 5 cents a part in the demo');
    await expect(el).to.be.accessible();
    await fill(el, '#body', 'Short now.');
    expect(text($(el, '[part="summary"] .field-warning'))).to.contain('check again');
  });

  it('asks before starting, with the figures, and starts only on confirm', async () => {
    const demo2 = await fresh();
    const client = clientFor(demo2.backend, demo2.world.principals.alice);
    const el = await editor(client);
    await fill(el, '#name', 'Go now');
    await choose(el, '#list', demo2.world.lists.customers);
    await fill(el, '#body', 'Hi {{first_name}}, see you soon.');
    click(el, 'start-button');
    const open = await answer(el, false);
    const { estimate } = await client.campaigns.estimateDraft({
      name: 'Go now', sender: { type: 'number', numberId: demo2.world.numbers.sales }, recipients: { listId: demo2.world.lists.customers }, body: 'Hi {{first_name}}, see you soon.',
    });
    expect(text(open.querySelector('#confirm-title'))).to.equal('Start “Go now”?');
    expect(text(open.querySelector('#confirm-message'))).to.equal(
      `It sends ${estimate.deliverable} messages now (${estimate.totalSegments} parts), for about A$${(estimate.cost / 100).toFixed(2)}.`,
    );
    expect(el.campaignId).to.equal(undefined, 'cancel starts nothing, and saves nothing');
    expect((await client.campaigns.list({ query: 'Go now' })).items).to.deep.equal([]);
    expect($(el, '[part="summary"]'), 'the summary stays').to.exist;
    const started = oneEvent(el, SmsCampaignStartedEvent.eventName);
    click(el, 'start-button');
    await answer(el, true);
    const event = await started;
    expect(event.detail.campaign.status).to.equal('running');
    await waitUntil(() => $(el, '[part="done"]'), 'the done panel');
    expect(text($(el, '[part="done"] p'))).to.equal('“Go now” is running: its messages are being sent.');
    await expect(el).to.be.accessible();
    click(el, 'new-button');
    await waitUntil(() => $(el, '#name') && input(el, '#name').value === '', 'a fresh form');
    expect(el.campaignId).to.equal(undefined);
  });

  it('schedules at a date and time after confirmation', async () => {
    const demo2 = await fresh();
    const client = clientFor(demo2.backend, demo2.world.principals.alice);
    const el = await editor(client);
    await fill(el, '#name', 'Later');
    await choose(el, '#list', demo2.world.lists.customers);
    await fill(el, '#body', 'See you later.');
    await check(el, 'input[name="when"][value="later"]');
    await fill(el, '#scheduled-at', '2020-01-01T09:00');
    click(el, 'start-button');
    await waitUntil(() => issue(el, 'scheduledAt'), 'the problem with the time');
    expect(issue(el, 'scheduledAt')).to.equal('Choose a time in the future.');
    await fill(el, '#scheduled-at', '2031-03-04T09:30');
    const scheduled = oneEvent(el, SmsCampaignScheduledEvent.eventName);
    click(el, 'start-button');
    const open = await answer(el, true);
    expect(text(open.querySelector('#confirm-message'))).to.match(/^On Tuesday, March 4, 2031 at 9:30\sAM it sends \d+ messages/);
    const event = await scheduled;
    expect(event.detail.campaign.status).to.equal('scheduled');
    expect(event.detail.campaign.scheduledAt).to.equal(new Date(2031, 2, 4, 9, 30).toISOString());
  });

  it('keeps everything typed when a save fails, and saves it once the backend is back', async () => {
    const backend = failingCampaignWrites(demo.backend);
    const el = await editor(clientFor(backend, demo.world.principals.alice));
    await fill(el, '#name', 'Do not lose me');
    await check(el, 'input[name="sender-type"][value="alpha"]');
    await fill(el, '#alpha-tag', 'ACME');
    await choose(el, '#list', demo.world.lists.customers);
    await fill(el, '#body', 'Hi {{first_name}}, every word of this stays.');
    await check(el, 'input[name="when"][value="later"]');
    await fill(el, '#scheduled-at', '2031-03-04T09:30');
    click(el, 'save-button');
    await waitUntil(() => $(el, '[part="form-error"]'), 'the failure');
    expect($(el, '[part="form-error"]')!.getAttribute('role')).to.equal('alert');
    expect(text($(el, '[part="form-error"]'))).to.equal('The campaign was not saved: The SMS service cannot be reached. Check the connection and try again.');
    expect(input(el, '#name').value).to.equal('Do not lose me');
    expect(input(el, '#alpha-tag').value).to.equal('ACME');
    expect(($(el, '#list') as HTMLSelectElement).value).to.equal(demo.world.lists.customers);
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.equal('Hi {{first_name}}, every word of this stays.');
    expect(input(el, '#scheduled-at').value).to.equal('2031-03-04T09:30');
    expect(el.campaignId).to.equal(undefined);
    await expect(el).to.be.accessible();
    backend.recover();
    const saved = oneEvent(el, 'sms-campaign-saved');
    click(el, 'save-button');
    const { campaign } = (await saved).detail;
    expect(campaign.name).to.equal('Do not lose me');
    expect(campaign.sender).to.deep.equal({ type: 'alpha', tag: 'ACME' });
    expect(campaign.scheduledAt).to.equal(new Date(2031, 2, 4, 9, 30).toISOString());
    expect($(el, '[part="form-error"]')).to.equal(null);
  });

  it('is filled and started from the keyboard', async () => {
    const demo2 = await fresh();
    const el = await editor(clientFor(demo2.backend, demo2.world.principals.alice));
    input(el, '#name').focus();
    await sendKeys({ type: 'Typed' });
    await sendKeys({ press: 'Tab' }); // the sender type radios
    await sendKeys({ press: 'ArrowRight' }); // an alpha tag
    await el.updateComplete;
    expect(input(el, 'input[name="sender-type"][value="alpha"]').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('alpha-tag');
    await sendKeys({ type: 'ACME' });
    await sendKeys({ press: 'Tab' }); // recipients: a predefined list
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('list');
    await sendKeys({ press: 'ArrowDown' });
    ($(el, '#body') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Hello from the keyboard' });
    await el.updateComplete;
    expect(input(el, '#name').value).to.equal('Typed');
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.equal('Hello from the keyboard');
    ($(el, '[part="start-button"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el), 'the confirmation', { timeout: 8000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'Escape cancels');
  });

  it('is accessible in the dark scheme', async () => {
    const el = await editor(alice(), { scheme: 'dark', campaignId: demo.world.campaigns.draft });
    expect(getComputedStyle($(el, '[part="sender"]')!).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });

  describe('in French', () => {
    before(() => registerTranslation(fr));
    afterEach(() => (document.documentElement.lang = 'en'));

    it('translates its texts', async () => {
      document.documentElement.lang = 'fr';
      const el = await editor(alice(), { campaignId: demo.world.campaigns.draft });
      expect(text($(el, '#editor-title'))).to.equal('Modifier la campagne');
      expect(text($(el, '[part="save-button"]'))).to.equal('Enregistrer le brouillon');
      expect(text($(el, '#sender-note'))).to.equal('Votre service peut envoyer en tant que « ACME ».');
      await expect(el).to.be.accessible();
    });
  });
});
