// Every story of the settings, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as settingsStories from '../../../stories/settings.stories.js';
import { find, part, parts } from '../manager-helpers.js';
import { describeStories, inDark, showsEmpty, showsError, showsLoading, type StateCheck } from './story-states.js';

const form: StateCheck = async (el) => void (await find(el, 'form[part~="form"]', 'the settings', 15000));

describeStories(settingsStories, 'sms-settings', {
  Populated: async (el, canvas) => {
    await form(el, canvas);
    expect(parts(el, 'alpha-tag').map((tag) => tag.textContent!.trim())).to.deep.equal(['ACME', 'ACME-HELP']);
    expect(part(el, 'save-button')).to.exist;
  },
  User: async (el, canvas) => {
    await form(el, canvas);
    expect(part(el, 'view-only')).to.exist;
    expect(part(el, 'save-button')).to.equal(null);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No departments yet.'),
  ErrorWithRetry: showsError,
  Narrow: form,
  Dark: inDark(form),
});
