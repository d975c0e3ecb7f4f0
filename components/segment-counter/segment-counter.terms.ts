import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-segment-counter>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', charactersLeft: { one: '# caractère restant', other: '# caractères restants' } })`.
 */
export const segmentCounterTerms = {
  messageLength: 'Message length',
  encodingLabel: 'Encoding:',
  encodingGsm: 'GSM-7',
  encodingUcs2: 'Unicode',
  charactersLeft: { one: '# character left', other: '# characters left' },
  segments: { one: '# part', other: '# parts' },
  perSegment: { one: '# character per part', other: '# characters per part' },
  nonGsmIntro: 'Sent as Unicode because of',
  moreCharacters: { other: 'and # more' },
  replaceNonGsm: 'Replace with GSM-safe characters',
  overMaximum: { one: 'More than the maximum of # part', other: 'More than the maximum of # parts' },
  /** Spoken when the parts or the encoding change: "2 parts, Unicode". */
  segmentAnnouncement: '{0}, {1}',
  /** The announcement followed by the warning: "3 parts, GSM-7. More than the maximum of 2 parts". */
  announcementWithWarning: '{0}. {1}',
} satisfies Terms;

export type SegmentCounterTerms = typeof segmentCounterTerms;
