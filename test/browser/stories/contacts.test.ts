// Every story of the contact manager, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as contactStories from '../../../stories/contact-manager.stories.js';
import { find, part, parts } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, 'tbody tr[data-row]', 'the rows', 15000));

describeStories(contactStories, 'sms-contact-manager', {
  Populated: async (el, canvas) => {
    await rows(el, canvas);
    expect(parts(el, 'edit-button').length).to.be.greaterThan(0);
    expect(part(el, 'scope-filter')).to.equal(null);
  },
  User: async (el, canvas) => {
    await rows(el, canvas);
    expect(parts(el, 'scope-badge').map((badge) => badge.textContent!.trim())).to.include.members(['Shared', 'Personal']);
    expect(parts(el, 'edit-button').map((button) => button.textContent!.trim())).to.deep.equal(['Mum']);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No contacts yet.'),
  ErrorWithRetry: showsError,
  Narrow: rows,
  Dark: inDark(rows),
});
