import type { SendCapabilities } from '../../src/ports/backend.js';
import type { Campaign, CampaignIssue, Extension, Principal } from '../../src/model/index.js';
import type { CampaignEditorTerms } from './campaign-editor.terms.js';
import { toLocalInput } from './schedule.js';

/** What the person types and picks: kept as it is through failed saves. */
export interface CampaignForm {
  name: string;
  senderType: 'number' | 'alpha';
  numberId: string;
  alphaTag: string;
  body: string;
  ratingExtensionId: string;
  when: 'now' | 'later';
  /** The `datetime-local` value, in the page's time zone. */
  scheduledAt: string;
}

/** The fields a problem can be shown next to: the backend's `CampaignIssue` fields. */
export type FieldKey = CampaignIssue['field'];

export const FIELD_KEYS: readonly FieldKey[] = ['name', 'sender', 'recipients', 'body', 'ratingExtensionId', 'scheduledAt'];

/** The form for a campaign being edited, or a new one with sensible defaults. */
export function formOf(campaign: Campaign | null, capabilities: SendCapabilities, extensions: readonly Extension[], principal: Principal): CampaignForm {
  const sender = campaign?.sender ?? null;
  const preferAlpha = capabilities.numbers.length === 0 && capabilities.alphaTags.length > 0;
  return {
    name: campaign?.name ?? '',
    senderType: sender ? sender.type : preferAlpha ? 'alpha' : 'number',
    numberId: sender?.type === 'number' ? sender.numberId : (capabilities.numbers[0]?.id ?? ''),
    alphaTag: sender?.type === 'alpha' ? sender.tag : '',
    body: campaign?.body ?? '',
    ratingExtensionId: campaign?.ratingExtensionId ?? principal.extensionId ?? extensions[0]?.id ?? '',
    when: campaign?.scheduledAt ? 'later' : 'now',
    scheduledAt: campaign?.scheduledAt ? toLocalInput(campaign.scheduledAt) : '',
  };
}

/** The field a form key belongs to, for clearing its problem when it changes. */
export function fieldOfFormKey(key: keyof CampaignForm): FieldKey {
  switch (key) {
    case 'senderType':
    case 'numberId':
    case 'alphaTag':
      return 'sender';
    case 'when':
      return 'scheduledAt';
    default:
      return key;
  }
}

/** The field an error names (`ValidationError.field`: `name`, `sender.tag`, `recipients.3.e164`...), if it is one. */
export function fieldOfError(field: string | undefined): FieldKey | undefined {
  const head = field?.split('.')[0];
  if (head === 'upload') return 'recipients';
  return FIELD_KEYS.find((key) => key === head);
}

/** Terms for the backend's issue codes; a code without one says to check the field (`issueOther`). */
export const ISSUE_TERMS: Readonly<Record<string, keyof CampaignEditorTerms>> = {
  'name.required': 'campaignNameRequired',
  'sender.required': 'issueSenderRequired',
  'sender.number': 'issueSenderNumber',
  'sender.alpha_unsupported': 'issueAlphaUnsupported',
  'sender.alpha_not_allowed': 'issueAlphaNotAllowed',
  'alpha_tag.empty': 'alphaTagEmpty',
  'alpha_tag.leading_digit': 'alphaTagLeadingDigit',
  'alpha_tag.no_letter': 'alphaTagNoLetter',
  'alpha_tag.invalid_character': 'issueAlphaTagInvalid',
  'alpha_tag.too_long': 'issueAlphaTagInvalid',
  'body.required': 'issueBodyRequired',
  'body.unknown_field': 'issueUnknownField',
  'rating.required': 'issueRatingRequired',
  'rating.unknown': 'issueRatingUnknown',
  'rating.not_allowed': 'permission.rating_extension',
  'recipients.required': 'issueRecipientsRequired',
  'recipients.missing': 'issueRecipientsMissing',
  'recipients.none_deliverable': 'issueNoneDeliverable',
  'schedule.past': 'schedulePast',
};
