// Every story of the keyword manager, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as keywordStories from '../../../stories/keyword-manager.stories.js';
import { find, part, parts } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, 'tbody tr[data-row]', 'the rows', 15000));

describeStories(keywordStories, 'sms-keyword-manager', {
  Populated: async (el, canvas) => {
    await rows(el, canvas);
    expect(parts(el, 'edit-button').map((button) => button.textContent!.trim())).to.deep.equal(['JOBS', 'PARKING', 'QUOTE']);
    expect(parts(el, 'off-badge')).to.have.length(1);
  },
  User: async (el) => {
    await find(el, '[part~="view-only"]', 'the note for a user', 15000);
    expect(part(el, 'entries')).to.equal(null);
    expect(part(el, 'add-button')).to.equal(null);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No keywords yet.'),
  ErrorWithRetry: showsError,
  Narrow: rows,
  Dark: inDark(rows),
});
