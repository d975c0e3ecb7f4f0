// Every story of the usage report, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as usageStories from '../../../stories/usage-report.stories.js';
import { $$, find, text } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, '.usage-table tbody tr', 'the usage table', 15000));
const groups = (el: HTMLElement) => $$(el, '.usage-table tbody th').map(text);

describeStories(usageStories, 'sms-usage-report', {
  Populated: async (el, canvas) => {
    await rows(el, canvas);
    expect(groups(el)).to.have.length(4);
  },
  ByMonth: async (el, canvas) => {
    await rows(el, canvas);
    expect(groups(el)).to.have.length(6);
  },
  User: async (el, canvas) => {
    await rows(el, canvas);
    expect(groups(el)).to.deep.equal(['201 Alice Nguyen']);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No messages were charged in this range.'),
  ErrorWithRetry: showsError,
  Narrow: rows,
  Dark: inDark(rows),
});
