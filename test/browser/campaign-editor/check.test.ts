import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DemoBackend } from '../../../adapters/demo/index.js';
import type { SmsCampaignEditor } from '../../../components/index.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { demoBackend } from '../../../stories/decorators/demo.js';
import { $, $$, choose, click, editor, fill, issue, text } from './helpers.js';

let seed = 700;

/** The campaigns Alice sees, by name. */
async function names(client: SmsClient): Promise<string[]> {
  return (await client.campaigns.list({ limit: 100 })).items.map((campaign) => campaign.name).sort();
}

/** The sections of the form, in order. */
const SECTIONS = ['name-section', 'sender', 'recipients', 'message', 'rating', 'schedule'];

function section(el: SmsCampaignEditor, part: string): HTMLElement {
  const found = $(el, `[part~="${part}"]`);
  if (!found) throw new Error(`No section ${part}`);
  return found;
}

/** A section's title: its legend, or the label of its one field. */
function title(box: HTMLElement): HTMLElement {
  return box.querySelector<HTMLElement>(':scope > legend, :scope > .section-title')!;
}

describe('<sms-campaign-editor>: checking, problems and layout', function () {
  this.timeout(30000);
  let demo: DemoBackend;
  let client: SmsClient;

  beforeEach(async () => {
    demo = await demoBackend({ seed: seed++, settings: { segmentsPerSecond: 2 } });
    client = clientFor(demo.backend, demo.world.principals.alice);
  });

  it('checks and estimates without saving anything: the heading stays, no draft appears', async () => {
    const before = await names(client);
    const el = await editor(client);
    const saved: Event[] = [];
    el.addEventListener('sms-campaign-saved', (event) => saved.push(event));
    await fill(el, '#name', 'Just looking');
    await choose(el, '#list', demo.world.lists.customers);
    await fill(el, '#body', 'Hi {{first_name}}, just checking.');
    click(el, 'estimate-button');
    await waitUntil(() => $(el, '[part="summary"]'), 'the summary', { timeout: 8000 });
    expect(text($(el, '#editor-title'))).to.equal('New campaign');
    expect(el.campaignId).to.equal(undefined);
    expect(saved).to.have.length(0);
    expect(await names(client)).to.deep.equal(before);
    await waitUntil(() => text($(el, '[role="status"][aria-live="polite"]')).startsWith('Checked'), 'the check is announced');
    await expect(el).to.be.accessible();
  });

  for (const width of ['360px', '1280px']) {
    it(`shows every problem of an empty form at once, each at its field, from the keyboard (${width})`, async () => {
      const before = await names(client);
      const el = await editor(client, { width });
      await choose(el, '#sender-number', '');
      ($(el, '[part~="start-button"]') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part="form-error"]'), 'the problems', { timeout: 8000 });
      expect(text($(el, '[part="form-error"]'))).to.equal('Fix 4 problems before starting.');
      expect(issue(el, 'name')).to.equal('Give the campaign a name.');
      expect(issue(el, 'sender')).to.equal('Choose a number or an alpha tag to send from.');
      expect(issue(el, 'recipients')).to.equal('Choose a predefined list or upload a file.');
      expect(issue(el, 'body')).to.equal('Write the message.');
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'name', 'focus on the first problem, the name');
      expect($(el, 'dialog[open]')).to.equal(null, 'nothing to confirm');
      await expect(el).to.be.accessible();
      expect(await names(client)).to.deep.equal(before, 'nothing saved');
      // The second try says the same: every problem left, not one at a time.
      await fill(el, '#name', 'Now named');
      click(el, 'start-button');
      await waitUntil(() => text($(el, '[part="form-error"]')) === 'Fix 3 problems before starting.', 'the problems left');
      expect(issue(el, 'name')).to.equal('');
    });
  }

  for (const width of ['360px', '1280px']) {
    it(`lays every section out alike: one inset, the title inside the box, labels above their fields (${width})`, async () => {
      const el = await editor(client, { width, campaignId: demo.world.campaigns.draft });
      click(el, 'estimate-button');
      await waitUntil(() => $(el, '[part="summary"]'), 'the summary', { timeout: 8000 });
      const boxes = [...SECTIONS.map((part) => section(el, part)), section(el, 'summary')];
      const insets = boxes.map((box) => getComputedStyle(box).paddingLeft);
      expect(new Set(insets).size, `insets ${insets.join(', ')}`).to.equal(1);
      expect(insets[0]).to.equal(width === '360px' ? '8px' : '12px');
      const host = el.getBoundingClientRect();
      for (const box of boxes) {
        const rect = box.getBoundingClientRect();
        const heading = title(box).getBoundingClientRect();
        const inset = Number.parseFloat(getComputedStyle(box).paddingLeft);
        const name = box.getAttribute('part');
        expect(heading.left - rect.left, `${name}: title inset`).to.be.closeTo(inset + 1, 1);
        expect(heading.top, `${name}: title inside the box`).to.be.greaterThan(rect.top);
        expect(rect.left, name!).to.be.at.least(host.left - 0.5);
        expect(rect.right, name!).to.be.at.most(host.right + 0.5);
      }
      for (const label of $$(el, '.field > label:not(.sms-visually-hidden)')) {
        const control = el.shadowRoot!.getElementById(label.getAttribute('for') ?? '');
        if (!control) continue;
        expect(label.getBoundingClientRect().bottom, `${text(label)} above its field`).to.be.at.most(control.getBoundingClientRect().top + 0.5);
        expect(label.getBoundingClientRect().left, `${text(label)} aligned with its field`).to.be.closeTo(control.getBoundingClientRect().left, 1);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('grows the message box with its text', async () => {
    const el = await editor(client, { width: '360px' });
    const body = $(el, '#body') as HTMLTextAreaElement;
    const empty = body.offsetHeight;
    await fill(el, '#body', Array.from({ length: 10 }, (_, line) => `Line ${line + 1}`).join('\n'));
    expect(body.offsetHeight).to.be.greaterThan(empty);
    expect(body.scrollHeight).to.be.at.most(body.clientHeight + 1);
  });
});
