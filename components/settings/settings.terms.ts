import { commonTerms } from '../internal/common.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-settings>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', settingsTitle: 'Réglages SMS', ... })`.
 */
export const settingsTerms = {
  ...commonTerms,
  settingsTitle: 'SMS settings',
  settingsIntro: 'What applies to the whole organisation: numbers, senders, automatic answers, sending and cost.',
  settingsViewOnly: 'Only administrators can change these settings.',
  // Numbers
  numbersSection: 'Numbers',
  defaultCountry: 'Default country',
  /** {0}: the country's name, "Australia". */
  defaultCountryHint: '{0}: numbers typed without a country code are read as numbers of this country, and shown in its national form.',
  defaultCountryNone: 'Two letters, such as AU, GB or US.',
  defaultCountryInvalid: 'Not a country code: type two letters, such as AU, GB or US.',
  // Alpha tags
  sendersSection: 'Alpha tags',
  sendersIntro: 'The names each department may send from instead of a number (where the carrier allows them).',
  departmentsEmpty: 'No departments yet. The PBX adds them when it syncs its directory; each can then be given alpha tags.',
  /** {0}: the department's name. */
  alphaTagsOf: 'Alpha tags of {0}',
  settingsNoAlphaTags: 'None: this department sends from numbers only.',
  /** {0}: the department's name. */
  newAlphaTag: 'New alpha tag for {0}',
  alphaTagPlaceholder: 'New alpha tag',
  addAlphaTag: 'Add',
  /** {0}: the tag; {1}: the department's name. */
  removeAlphaTag: 'Remove {0} from {1}',
  alphaTagRule: '1 to 11 letters, digits, spaces and hyphens, not starting with a digit.',
  /** {0}: characters typed (trimmed), {1}: the most allowed (11). */
  alphaTagCount: '{0} of {1} characters.',
  'alpha_tag.empty': 'Type an alpha tag of 1 to 11 letters, digits, spaces or hyphens.',
  /** {0}: the character, or its code (U+00A0) when it cannot be seen. */
  'alpha_tag.invalid_character': 'An alpha tag cannot contain {0}: use only the letters A–Z, digits, spaces and hyphens.',
  /** {0}: the most characters (11); {1}: characters typed. */
  'alpha_tag.too_long': 'An alpha tag has at most {0} characters; this one has {1}.',
  'alpha_tag.leading_digit': 'An alpha tag cannot start with a digit.',
  'alpha_tag.no_letter': 'An alpha tag needs at least one letter.',
  /** {0}: the tag. */
  alphaTagTaken: 'This department already has {0}.',
  /** {0}: the tag; {1}: the department's name. */
  alphaTagAdded: '{0} added to {1}. Save to keep it.',
  alphaTagRemoved: '{0} removed from {1}. Save to keep it.',
  // Answers
  answersSection: 'Automatic answers',
  answersIntro: 'Sent by themselves when someone texts STOP, START or HELP. Leave one empty to send none.',
  optOutConfirmation: 'Opt-out answer (STOP)',
  optInConfirmation: 'Opt-in answer (START)',
  helpReply: 'HELP answer',
  answerEmpty: 'Empty: no answer is sent.',
  answerHint: 'At most 320 characters.',
  answerParts: { one: '# part', other: '# parts' },
  // Sending
  sendingSection: 'Sending',
  blockDirectSends: 'The blocklist also holds back direct messages',
  blockDirectSendsHint: 'Campaigns never go to blocked numbers. With this on, nobody can send one a direct message either, as some carriers require.',
  segmentsPerSecond: 'Campaign rate per sender',
  segmentsPerSecondUnit: 'parts per second',
  segmentsPerSecondHint: 'How fast each number or alpha tag sends a campaign. 0: as fast as the carrier allows.',
  segmentsPerSecondInvalid: 'Type a number from 0 to 10,000.',
  // Cost
  costSection: 'Cost',
  currency: 'Currency',
  chargePer: 'Charged per',
  chargePerSegment: 'Part (segment)',
  chargePerMessage: 'Message',
  priceSegment: 'Price per part',
  priceMessage: 'Price per message',
  /** {0}: the price formatted in the currency, "A$0.05". */
  priceHint: '{0} for each part, to each recipient.',
  priceHintMessage: '{0} for each message, to each recipient, whatever its length.',
  priceRequired: 'Type the price, 0 if it is free.',
  priceInvalid: 'Type a price such as 0.05.',
  /** {0}: decimals the currency has (2); {1}: the currency's code. */
  priceTooPrecise: { one: 'A price in {1} has at most # decimal.', other: 'A price in {1} has at most # decimals.' },
  /** {0}: the currency's code. */
  priceNoDecimals: 'A price in {0} has no decimals.',
  // Saving
  saveChanges: 'Save settings',
  saving: 'Saving…',
  discardChanges: 'Discard changes',
  unsaved: 'Unsaved changes',
  nothingChanged: 'Nothing has changed.',
  settingsSaved: 'The settings were saved.',
  checkFields: 'Some fields need a change before saving: see the messages under them.',
  /** {0}: the field's label; {1}: why it was refused. */
  fieldNotSaved: '{0} was not saved: {1}',
  /** {0}: the department's name. */
  departmentNotSaved: 'The alpha tags of {0} were not saved: {1}',
} satisfies Terms;

export type SettingsTerms = typeof settingsTerms;
