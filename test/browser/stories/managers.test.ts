// Every story of the list and blocklist managers, rendered as Storybook would: each shows its state and passes axe.
import { expect } from '@open-wc/testing';
import * as blocklistStories from '../../../stories/blocklist-manager.stories.js';
import * as listStories from '../../../stories/list-manager.stories.js';
import { chooseFile, find, part, until } from '../manager-helpers.js';
import { describeStories, inDark, inFrench, showsEmpty, showsError, showsLoading, searchPlaceholder, type StateCheck } from './story-states.js';

const rows: StateCheck = async (el) => void (await find(el, 'tbody tr[data-row]', 'the rows', 15000));

/** The states both managers' stories share. */
const shared = {
  Populated: rows,
  Loading: showsLoading,
  ErrorWithRetry: showsError,
  Large: rows,
  User: rows,
  Narrow: rows,
  Dark: inDark(rows),
  French: inFrench(rows, searchPlaceholder, 'Rechercher'),
};

describeStories(blocklistStories, 'sms-blocklist-manager', {
  ...shared,
  Empty: showsEmpty('The blocklist is empty.'),
  OptOuts: rows,
  Details: async (el) => {
    await rows(el, el);
    await find(el, '[part~="details"]', 'the details');
  },
});

/** Narrow, the list manager shows its lists first, the open list hidden behind them. */
const stackedLists: StateCheck = async (el) => {
  await find(el, '[part~="list-item"]', 'the lists', 15000);
  expect(getComputedStyle(part(el, 'detail')!).display).to.equal('none');
};

describeStories(listStories, 'sms-list-manager', {
  ...shared,
  Empty: showsEmpty('No lists yet.'),
  Admin: rows,
  Narrow: stackedLists,
  SendingFile: async (el) => {
    // Chosen and imported as a person would: the bar rises while the slow backend takes the file.
    await rows(el, el);
    part<HTMLButtonElement>(el, 'import-open-button')!.click();
    await find(el, '[part~="drop-zone"]');
    chooseFile(el, 'patients.csv', 'mobile,first_name\n0412 000 901,Ana\n0412 000 902,Bo');
    (await find<HTMLButtonElement>(el, '[part~="import-button"]')).click();
    await until(() => Number(part(el, 'send-progress')?.querySelector('progress')?.value) > 0, 'the bar rising');
    await expect(el).to.be.accessible();
    await find(el, '[part~="import-finish"]', 'the report', 15000);
  },
  SidePanelList: async (el, canvas) => {
    await rows(el, canvas);
    expect(getComputedStyle(part(el, 'lists')!).display).to.equal('none');
    expect(getComputedStyle(part(el, 'back-button')!).display).not.to.equal('none');
  },
});
