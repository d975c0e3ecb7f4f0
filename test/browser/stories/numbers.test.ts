// Every story of the number manager, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as numberStories from '../../../stories/number-manager.stories.js';
import { find, part, parts } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, 'tbody tr[data-row]', 'the rows', 15000));

describeStories(numberStories, 'sms-number-manager', {
  Populated: async (el, canvas) => {
    await rows(el, canvas);
    expect(parts(el, 'group-badge')).to.have.length(1);
  },
  Removed: async (el) => void (await find(el, '[part~="removed-badge"]', 'the removed number', 15000)),
  User: async (el, canvas) => {
    await rows(el, canvas);
    expect(part(el, 'view-only')).to.exist;
    expect(parts(el, 'edit-button')).to.have.length(0);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No SMS numbers yet.'),
  EmptyUser: showsEmpty('No SMS number is assigned to your extension.'),
  ErrorWithRetry: showsError,
  Narrow: rows,
  Dark: inDark(rows),
});
