// Every story of the campaign list and the campaign editor, rendered as Storybook would: each shows the state it is
// named for and passes axe.
import { expect } from '@open-wc/testing';
import * as editorStories from '../../../stories/campaign-editor.stories.js';
import * as listStories from '../../../stories/campaign-list.stories.js';
import { $, find, part, parts, text, until } from '../manager-helpers.js';
import { describeStories, inDark, inFrench, searchPlaceholder, showsEmpty, showsError, showsLoading, showsText, type StateCheck } from './story-states.js';

// --- campaign list -------------------------------------------------------------------------------------------------

const campaigns: StateCheck = async (el) => void (await find(el, '[part="campaign"]', 'the campaigns', 15000));

const statuses = (el: HTMLElement): string[] => parts(el, 'status-badge').map(text);

/** The campaigns under the `status` tab, every one of that status. */
function tab(status: string): StateCheck {
  return async (el, canvas) => {
    await campaigns(el, canvas);
    expect(text($(el, '[role="tab"][aria-selected="true"]'))).to.equal(status);
    expect(statuses(el).every((badge) => badge === status), statuses(el).join(', ')).to.be.true;
  };
}

describeStories(listStories, 'sms-campaign-list', {
  Populated: async (el, canvas) => {
    await campaigns(el, canvas);
    expect(statuses(el)).to.include.members(['Draft', 'Scheduled', 'Running', 'Stopped', 'Completed']);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No campaigns yet.'),
  RunningLive: async (el, canvas) => {
    await tab('Running')(el, canvas);
    expect($(el, '[part="campaign"] [role="progressbar"]'), 'the progress bar').to.exist;
  },
  Failed: async (el, canvas) => {
    await tab('Failed')(el, canvas);
    expect(text($(el, '.campaign-error'))).to.contain('Failed:');
  },
  Recipients: async (el) => {
    await find(el, '[part~="recipients-table"] tbody tr', 'the recipients of Winter sale', 15000);
    expect(text($(el, '#recipients-title'))).to.contain('Winter sale');
  },
  Admin: async (el, canvas) => {
    await campaigns(el, canvas);
    await showsText('[part~="notice"]', 'Administrators can stop a campaign')(el, canvas);
    expect(part(el, 'new-button'), 'New campaign').to.be.null;
  },
  ErrorWithRetry: showsError,
  Dark: inDark(campaigns),
  French: inFrench(campaigns, searchPlaceholder, 'Rechercher une campagne'),
  Narrow: campaigns,
});

// --- campaign editor -----------------------------------------------------------------------------------------------

const form: StateCheck = async (el) => void (await find(el, 'form [part~="start-button"]', 'the form', 15000));

/** The form, holding the demo's draft. */
const draft: StateCheck = async (el, canvas) => {
  await form(el, canvas);
  await until(() => $<HTMLInputElement>(el, '#name')?.value === 'Spring launch (draft)', 'the draft in the form');
};

const fieldValue = (el: HTMLElement, selector: string): string | undefined => $<HTMLInputElement | HTMLTextAreaElement>(el, selector)?.value;

describeStories(editorStories, 'sms-campaign-editor', {
  New: async (el, canvas) => {
    await form(el, canvas);
    expect(fieldValue(el, '#name')).to.equal('');
  },
  EditingDraft: draft,
  AlphaTagInvalid: async (el) => {
    await until(() => $(el, '#sender-note.field-error') !== null, 'the alpha tag error');
    expect($(el, '#alpha-tag')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#sender-note'))).not.to.equal('');
  },
  FileWithReport: async (el) => {
    const report = await find(el, '[part="file-report"]', 'the file report', 15000);
    expect(report.querySelector('[part~="import-counts"]')).to.exist;
    expect(fieldValue(el, '#body')).to.contain('autumn offers');
  },
  EstimateSummary: async (el) => {
    const summary = await find(el, '[part~="summary"]', 'the estimate', 15000);
    expect(Number(text(summary.querySelector('.deliverable dd')))).to.be.greaterThan(0);
    expect(text(summary.querySelector('.cost dd'))).to.match(/\d/);
  },
  EveryProblem: async (el, canvas) => {
    await showsText('[part~="form-error"]', 'Fix 3 problems')(el, canvas);
    expect(text($(el, '#name-issue'))).to.equal('Give the campaign a name.');
    expect(text($(el, '#body-issue'))).to.equal('Write the message.');
    expect(text($(el, '#recipients-issue'))).to.equal('Choose a predefined list or upload a file.');
  },
  FailedSaveKeepsInput: async (el, canvas) => {
    await showsText('[part~="form-error"]', 'cannot be reached')(el, canvas);
    expect(fieldValue(el, '#name')).to.equal('Do not lose me');
    expect(fieldValue(el, '#body')).to.contain('still here');
  },
  Admin: showsText('[part~="notice"]', 'Administrators manage campaigns'),
  Loading: showsLoading,
  ErrorWithRetry: showsError,
  Dark: inDark(draft),
  French: inFrench(draft, (el) => text($(el, 'label[for="name"]')), 'Nom de la campagne'),
  Narrow: draft,
  SidePanel: async (el, canvas) => {
    await find(el, '[part~="summary"]', 'the estimate', 15000);
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
  },
});
