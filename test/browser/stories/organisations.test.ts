// Every story of the organisation manager, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as organisationStories from '../../../stories/organisation-manager.stories.js';
import { find, part, parts } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, 'tbody tr[data-row]', 'the rows', 15000));

describeStories(organisationStories, 'sms-organisation-manager', {
  Populated: async (el, canvas) => {
    await rows(el, canvas);
    expect(parts(el, 'edit-button').map((button) => button.textContent!.trim())).to.deep.equal(['Acme Corporation', 'Globex Logistics', 'Initech']);
    expect(parts(el, 'suspended-badge')).to.have.length(1);
  },
  Administrator: async (el) => {
    await find(el, '[part~="operators-only"]', 'the note for an administrator', 15000);
    expect(part(el, 'entries')).to.equal(null);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No organisations yet.'),
  ErrorWithRetry: showsError,
  Narrow: rows,
  Dark: inDark(rows),
});
