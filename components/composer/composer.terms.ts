import { commonTerms } from '../internal/common.terms.js';
import { conversationCommonTerms } from '../internal/conversation.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-composer>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', send: 'Envoyer', ... })`.
 */
export const composerTerms = {
  ...commonTerms,
  ...conversationCommonTerms,
  composerLabel: 'Write a message',
  composerLabelTo: 'Write to {0}',
  messageLabel: 'Message',
  messagePlaceholder: 'Write a message…',
  keyboardHint: 'Enter sends, Shift+Enter starts a new line.',
  send: 'Send',
  sending: 'Sending…',
  scheduleSend: 'Schedule',
  channelLabel: 'Channel:',
  fromLabel: 'From',
  fromNumber: '{0} ({1})',
  chooseNumber: 'Choose a number',
  toLabel: 'To',
  templates: 'Templates',
  templatesTitle: 'Insert a template',
  templatesEmpty: 'No templates yet.',
  templateChoose: 'Choose a template',
  templatePreview: 'Preview',
  templateMissing: 'Fill in before sending: {0}',
  templatePersonal: 'Personal',
  templateGlobal: 'Shared',
  insert: 'Insert',
  scheduleToggle: 'Send later',
  sendAtLabel: 'Send at',
  timeZone: 'Time zone: {0} ({1})',
  composerScheduleRequired: 'Choose when to send it.',
  schedulePast: 'Choose a time in the future.',
  sent: 'Message sent.',
  messageScheduled: 'Message scheduled for {0}.',
  sendFailed: 'The message could not be sent.',
  /** A text over `max-segments` parts: it cannot be sent. */
  tooManyParts: { one: 'Too long to send: a message here has at most # part. Shorten it.', other: 'Too long to send: a message here has at most # parts. Shorten it.' },
  tooManyCharacters: 'Too long to send: a message has at most {0} characters. Shorten it.',
  noRecipient: 'Choose who to write to.',
  cannotSendAdmin: 'Administrators cannot send messages. Sign in as a user with an SMS number to reply.',
  cannotSendNoNumber: 'No SMS number is assigned to your extension, so you cannot send messages. Ask your administrator.',
  cannotSendNumberNotYours: 'This conversation belongs to a number that is not assigned to you (or is out of service).',
  cannotSendAlphaTag: 'This conversation was sent one-way as "{0}": it cannot be answered.',
  cannotSendKeyword: 'This message came in through the keyword "{0}": it cannot be answered here.',
  cannotSendReadOnly: 'This conversation is read-only.',
  cannotSendBlocked: 'This number has opted out or is blocked, and direct messages to blocked numbers are not allowed.',
} satisfies Terms;

export type ComposerTerms = typeof composerTerms;
