// Every story of the inbox, the conversation, the composer and the segment counter, rendered as Storybook would:
// each shows the state it is named for and passes axe.
import { expect } from '@open-wc/testing';
import * as composerStories from '../../../stories/composer.stories.js';
import * as conversationStories from '../../../stories/conversation.stories.js';
import * as inboxStories from '../../../stories/inbox.stories.js';
import * as counterStories from '../../../stories/segment-counter.stories.js';
import { $, $$, find, part, parts, text, until } from '../manager-helpers.js';
import { describeStories, inDark, inFrench, recovers, searchPlaceholder, showsEmpty, showsLoading, showsText, type StateCheck } from './story-states.js';

// --- inbox ---------------------------------------------------------------------------------------------------------

const inboxRows: StateCheck = async (el) => void (await find(el, '[part~="item"]', 'the conversations', 15000));

/** The list alone, or the list beside the detail pane (split layout, wide enough). */
function inboxLayout(split: boolean): StateCheck {
  return async (el, canvas) => {
    await inboxRows(el, canvas);
    // The inbox measures itself (a ResizeObserver) after its first render: wait for the layout to follow.
    await until(() => (part(el, 'detail') !== null) === split, split ? 'the detail pane' : 'the list alone');
  };
}

/** The side panel with a conversation in place of the list, and the way back in its header. */
const sidePanelConversation: StateCheck = async (el, canvas) => {
  await inboxRows(el, canvas);
  await until(() => part(el, 'conversation') !== null && getComputedStyle(part(el, 'list-pane')!).display === 'none', 'the conversation in place of the list');
  expect(part(el, 'back-button')!.assignedSlot?.name).to.equal('header-start');
};

describeStories(inboxStories, 'sms-inbox', {
  Populated: async (el, canvas) => {
    await inboxRows(el, canvas);
    expect(part(el, 'new-button'), 'New conversation').to.exist;
    const tags = parts(el, 'item-tags').map(text).join(' ');
    for (const tag of ['Chat', 'Keyword', 'Opted out']) expect(tags).to.contain(tag);
  },
  Loading: showsLoading,
  Empty: showsEmpty('No conversations yet.'),
  ManyUnread: async (el, canvas) => {
    await inboxRows(el, canvas);
    const rows = parts(el, 'item');
    expect(rows.length).to.be.greaterThan(10);
    expect(rows.every((row) => row.querySelector('[part~="unread-badge"]'))).to.be.true;
  },
  TwoNumbers: async (el, canvas) => {
    await inboxRows(el, canvas);
    await find(el, '[part~="number-filter"]', 'the number filter');
    expect($(el, '[part~="item-tags"] .number'), 'the number of a row').to.exist;
  },
  SearchResults: async (el) => {
    await until(() => parts(el, 'item-title').length > 0 && parts(el, 'item-title').every((title) => /bob/i.test(text(title))), 'only Bob');
  },
  Administrator: async (el, canvas) => {
    await inboxRows(el, canvas);
    await showsText('[part~="read-only-note"]', 'cannot send')(el, canvas);
    expect(part(el, 'new-button'), 'New conversation').to.be.null;
  },
  BackendError: recovers(inboxRows),
  Narrow: inboxLayout(false),
  SidePanelConversation: sidePanelConversation,
  SidePanelNewConversation: async (el, canvas) => {
    await inboxRows(el, canvas);
    await find(el, '[part~="new-page"] [part~="new-conversation"]', '"New conversation" in place of the list');
    expect(part(el, 'new-dialog') === null, 'no dialog').to.equal(true);
    expect(part(el, 'back-button') !== null, 'a way back').to.equal(true);
  },
  SidePanelDark: inDark(async (el, canvas) => {
    await sidePanelConversation(el, canvas);
    const conversation = part(el, 'conversation')!;
    await until(() => conversation.shadowRoot?.querySelector('.base') != null, 'the conversation');
    expect(getComputedStyle(conversation).colorScheme, 'the conversation follows the inbox').to.equal('dark');
  }),
  Wide: inboxLayout(true),
  Dark: inDark(inboxLayout(true)),
  French: inFrench(inboxRows, searchPlaceholder, 'Rechercher'),
});

// --- conversation --------------------------------------------------------------------------------------------------

function composerIn(el: HTMLElement): HTMLElement | null {
  return $(el, 'sms-composer');
}

/** The thread and its composer, ready (a message field, or why the user cannot send). */
const thread: StateCheck = async (el) => {
  await until(() => {
    const composer = composerIn(el);
    return part(el, 'messages') !== null && composer !== null && $(composer, 'textarea, .cannot-send') !== null;
  }, 'the thread and its composer');
};

/** The thread, with the composer saying why the user cannot send (`why`). */
function cannotSend(ready: StateCheck, why: string): StateCheck {
  return async (el, canvas) => {
    await ready(el, canvas);
    await showsText('.cannot-send', why)(composerIn(el)!, canvas);
  };
}

/** The thread with a notice (`words`) above it. */
function withNotice(ready: StateCheck, words: string): StateCheck {
  return async (el, canvas) => {
    await ready(el, canvas);
    expect(parts(el, 'notice').map(text).join(' ')).to.contain(words);
  };
}

describeStories(conversationStories, 'sms-conversation', {
  Populated: async (el, canvas) => {
    await thread(el, canvas);
    expect(text(part(el, 'title'))).to.contain('Bob Smith');
    expect(parts(el, 'body').length).to.be.greaterThan(0);
  },
  Loading: showsLoading,
  EmptyThread: async (el, canvas) => {
    await showsEmpty('No messages yet.')(el, canvas);
    await find(composerIn(el)!, 'textarea', 'the composer');
  },
  LargeThread: async (el, canvas) => {
    await thread(el, canvas);
    // Of 10,000 messages (200 a page), only those near the viewport are in the DOM.
    expect(parts(el, 'body').length).to.be.within(5, 100);
    expect(el.shadowRoot!.querySelectorAll('*').length, 'elements in the shadow root').to.be.lessThan(400);
    expect(text(part(el, 'messages'))).not.to.contain('Start of the conversation');
  },
  FailedMessage: async (el) => {
    await find(el, '[part~="retry-send-button"]', 'the retry of the failed message', 15000);
    expect(text(part(el, 'failure'))).to.contain('Reason');
  },
  ScheduledMessage: async (el) => {
    await find(el, '[part~="cancel-button"]', 'the cancel of the scheduled message', 15000);
    expect(parts(el, 'delivery-status').map(text).join(' ')).to.contain('Scheduled for');
  },
  UnknownNumber: async (el, canvas) => {
    await thread(el, canvas);
    await find(el, '[part~="add-contact-button"]', 'Add to contacts');
    expect(text(part(el, 'title'))).to.match(/^[\d +]+$/);
  },
  GroupNumber: async (el, canvas) => {
    await thread(el, canvas);
    await find(el, '.badge.shared', 'the shared number badge');
  },
  Administrator: cannotSend(thread, 'Administrators cannot send'),
  BlockedPeer: withNotice(thread, 'opted out'),
  BlockedDirectSends: cannotSend(withNotice(thread, 'messages to it are not sent'), 'direct messages to blocked numbers are not allowed'),
  BackendError: recovers(thread),
  Narrow: thread,
  SidePanel: async (el, canvas) => {
    await thread(el, canvas);
    const add = await find(el, '[part~="add-contact-button"]', 'Add to contacts');
    expect(add.getBoundingClientRect().width, 'an icon in a side panel').to.be.lessThan(48);
    expect(canvas.querySelector('button[slot="header-start"]')!.assignedSlot?.name).to.equal('header-start');
  },
  Wide: thread,
  Dark: inDark(thread),
  French: inFrench(thread, (el) => part(el, 'menu-button')?.getAttribute('aria-label'), 'Réglages de la conversation'),
});

// --- composer ------------------------------------------------------------------------------------------------------

const form: StateCheck = async (el) => void (await find(el, 'textarea', 'the message field', 15000));

describeStories(composerStories, 'sms-composer', {
  InAConversation: async (el, canvas) => {
    await form(el, canvas);
    expect(part(el, 'templates-button')).to.exist;
    expect(text(part(el, 'channel'))).to.contain('SMS');
  },
  Loading: showsLoading,
  UnicodeText: async (el, canvas) => {
    await form(el, canvas);
    const counter = part(el, 'counter')!;
    await find(counter, '[part~="replace-button"]', 'the GSM replacement');
    expect(text(part(counter, 'encoding'))).to.contain('Unicode');
  },
  SeveralNumbers: async (el, canvas) => {
    await form(el, canvas);
    const select = await find<HTMLSelectElement>(el, '[part~="from"] select', 'the number picker');
    expect(select.options.length).to.be.greaterThan(2);
  },
  Chat: async (el, canvas) => {
    await form(el, canvas);
    expect(text(part(el, 'channel'))).to.contain('Chat');
    expect(part(el, 'from'), 'no number for a chat').to.be.null;
  },
  Administrator: showsText('.cannot-send', 'Administrators cannot send'),
  NoNumber: showsText('.cannot-send', 'No SMS number is assigned'),
  BlockedDirectSends: showsText('.cannot-send', 'direct messages to blocked numbers are not allowed'),
  BackendError: recovers(form),
  TooLong: async (el, canvas) => {
    await showsText('[part~="limit"]', 'Too long to send')(el, canvas);
    expect(part<HTMLButtonElement>(el, 'send-button')!.disabled, 'Send is disabled').to.equal(true);
  },
  Narrow: form,
  Wide: form,
  Dark: inDark(form),
  French: inFrench(form, (el) => $<HTMLTextAreaElement>(el, 'textarea')?.placeholder, 'Écrivez un message'),
});

// --- segment counter -----------------------------------------------------------------------------------------------

/** The counter reads `encoding` and `segments`, and shows `selector` (a warning, the replacement...) when given. */
function counts(encoding: string, segments: string, ...selectors: string[]): StateCheck {
  return async (el) => {
    await until(() => part(el, 'segments') !== null, 'the counter');
    expect(text(part(el, 'encoding'))).to.contain(encoding);
    expect(text(part(el, 'segments'))).to.contain(segments);
    for (const selector of selectors) expect($(el, selector), selector).to.exist;
  };
}

describeStories(counterStories, 'sms-segment-counter', {
  Empty: async (el) => {
    await until(() => part(el, 'remaining') !== null, 'the counter');
    expect(text(part(el, 'remaining'))).to.contain('160 characters left');
    expect(part(el, 'segments'), 'no "0 parts"').to.be.null;
  },
  GsmShort: counts('GSM-7', '1 part'),
  Exactly160: async (el, canvas) => {
    await counts('GSM-7', '1 part')(el, canvas);
    expect(text(part(el, 'remaining'))).to.contain('0 characters left');
  },
  MultiPart: counts('GSM-7', '2 parts'),
  ExtensionCharacters: counts('GSM-7', '1 part'),
  CurlyQuotes: counts('Unicode', '1 part', '[part~="non-gsm"]', '[part~="replace-button"]'),
  CyrillicAndEmoji: async (el, canvas) => {
    await counts('Unicode', '1 part', '[part~="non-gsm"]')(el, canvas);
    expect(part(el, 'replace-button'), 'nothing to replace').to.be.null;
  },
  InvisibleCharacters: async (el, canvas) => {
    await counts('Unicode', '1 part', '.character.invisible')(el, canvas);
    expect($$(el, '.character.invisible').map(text).join(' ')).to.contain('U+200B');
  },
  OverMaxSegments: counts('GSM-7', '3 parts', '[part~="warning"]'),
  Compact: async (el, canvas) => {
    await counts('Unicode', '1 part')(el, canvas);
    expect(el.hasAttribute('compact')).to.be.true;
  },
  DarkScheme: inDark(counts('Unicode', '1 part')),
  French: inFrench(counts('Unicode', '1 partie'), (el) => text(part(el, 'remaining')), 'caractères restants'),
});
