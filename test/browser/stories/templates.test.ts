// Every story of the template manager, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as templateStories from '../../../stories/template-manager.stories.js';
import { find, part, parts } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, 'tbody tr[data-row]', 'the rows', 15000));
const names = (el: HTMLElement) => parts(el, 'edit-button').map((button) => button.textContent!.trim());

describeStories(templateStories, 'sms-template-manager', {
  Populated: async (el, canvas) => {
    await rows(el, canvas);
    expect(names(el)).to.deep.equal(['Appointment reminder', 'Office closed']);
    expect(parts(el, 'global-badge')).to.have.length(0);
  },
  User: async (el, canvas) => {
    await rows(el, canvas);
    expect(names(el)).to.deep.equal(['Appointment reminder', 'Office closed', 'Running late']);
    expect(parts(el, 'global-badge')).to.have.length(2);
    expect(parts(el, 'remove-button')).to.have.length(1);
    expect(part(el, 'add-button')).to.exist;
  },
  Loading: showsLoading,
  Empty: showsEmpty('No global templates yet.'),
  ErrorWithRetry: showsError,
  Narrow: rows,
  Dark: inDark(rows),
});
