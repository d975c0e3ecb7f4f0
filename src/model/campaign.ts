import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, MinorUnits, Name, PageRequest, SearchQuery, Timestamp } from './common.js';

export const CampaignSender = z.discriminatedUnion('type', [
  z.object({ type: z.literal('number'), numberId: Id }),
  z.object({ type: z.literal('alpha'), tag: z.string() }),
]);
export type CampaignSender = z.infer<typeof CampaignSender>;

/** A predefined list, or an uploaded CSV/XLSX file. */
export const CampaignRecipients = z.union([z.object({ listId: Id }), z.object({ uploadId: Id })]);
export type CampaignRecipients = z.infer<typeof CampaignRecipients>;

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'stopped', 'completed', 'failed'] as const;
export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/**
 * Per-recipient state. `sending`: a run has stored the recipient's message and handed it to the carrier (a count while
 * it is in flight: the recipient itself reads `pending` until it is marked `sent`, within a quarter of a second);
 * `unknown`: the engine stopped before the carrier answered, or the carrier did not answer within the carrier timeout;
 * held for review and never sent blindly again.
 */
export const RECIPIENT_STATES = [
  'pending', 'sending', 'sent', 'delivered', 'failed', 'blocked', 'invalid', 'duplicate', 'unknown',
] as const;
export const RecipientState = z.enum(RECIPIENT_STATES);
export type RecipientState = z.infer<typeof RecipientState>;

export const CampaignCounts = z.object({
  total: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  sending: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
});
export type CampaignCounts = z.infer<typeof CampaignCounts>;

export function emptyCounts(): CampaignCounts {
  return { total: 0, pending: 0, sending: 0, sent: 0, delivered: 0, failed: 0, blocked: 0, invalid: 0, duplicate: 0, unknown: 0 };
}

export const CampaignEstimate = z.object({
  /** Recipients that will be sent to: not invalid, not duplicate, not blocked. */
  deliverable: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  /** Segments per message (the longest rendering when merge fields vary). */
  segmentsPerMessage: z.number().int().nonnegative(),
  totalSegments: z.number().int().nonnegative(),
  cost: MinorUnits,
  currency: z.string().length(3),
});
export type CampaignEstimate = z.infer<typeof CampaignEstimate>;

export const Campaign = z.object({
  id: Id,
  name: Name,
  ownerId: Id,
  departmentId: Id.nullable(),
  sender: CampaignSender.nullable(),
  body: z.string().max(1600),
  /** The extension every message of the campaign is billed to. */
  ratingExtensionId: Id.nullable(),
  recipients: CampaignRecipients.nullable(),
  scheduledAt: Timestamp.nullable(),
  status: CampaignStatus,
  counts: CampaignCounts,
  estimate: CampaignEstimate.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  startedAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  /** Why a campaign failed or stopped, when it did; for a running one, why it is paused (its organisation's daily cap). */
  error: z.string().nullable(),
});
export type Campaign = z.infer<typeof Campaign>;

/** A draft: everything but the name may be missing until it is validated to start or schedule. */
export const CampaignDraft = z.object({
  name: Name,
  sender: CampaignSender.nullable().optional(),
  body: z.string().max(1600).optional(),
  ratingExtensionId: Id.nullable().optional(),
  recipients: CampaignRecipients.nullable().optional(),
  scheduledAt: Timestamp.nullable().optional(),
});
export type CampaignDraft = z.input<typeof CampaignDraft>;

export const CampaignUpdate = CampaignDraft.partial();
export type CampaignUpdate = z.input<typeof CampaignUpdate>;

export const CampaignQuery = SearchQuery.extend({ status: CampaignStatus.optional() });
export type CampaignQuery = z.input<typeof CampaignQuery>;

/** One problem that keeps a campaign from starting, next to the field it concerns. */
export const CampaignIssue = z.object({
  field: z.enum(['name', 'sender', 'body', 'ratingExtensionId', 'recipients', 'scheduledAt']),
  code: z.string(),
  message: z.string(),
});
export type CampaignIssue = z.infer<typeof CampaignIssue>;

export const CampaignValidation = z.object({ ok: z.boolean(), issues: z.array(CampaignIssue) });
export type CampaignValidation = z.infer<typeof CampaignValidation>;

/** An unsaved draft checked and estimated (`campaigns.estimateDraft`): what keeps it from starting, and its figures. */
export const CampaignDraftEstimate = CampaignValidation.extend({ estimate: CampaignEstimate });
export type CampaignDraftEstimate = z.infer<typeof CampaignDraftEstimate>;

export const CampaignRecipient = z.object({
  campaignId: Id,
  /** Position in the recipient source, from 0. */
  index: z.number().int().nonnegative(),
  e164: z.string(),
  fields: z.record(z.string(), z.string()),
  /** Line in the uploaded file, when it came from one. */
  line: z.number().int().positive().nullable(),
  state: RecipientState,
  messageId: Id.nullable(),
  error: z.string().nullable(),
  updatedAt: Timestamp,
});
export type CampaignRecipient = z.infer<typeof CampaignRecipient>;

export const RecipientQuery = PageRequest.extend({ state: RecipientState.optional() });
export type RecipientQuery = z.input<typeof RecipientQuery>;

/** An uploaded recipient file, parsed on the client with `parseRecipients` and validated again by the backend. */
export const UploadCreate = z.object({
  name: z.string().trim().min(1).max(255),
  columns: z.array(z.string()).max(100),
  phoneColumn: z.string().nullable(),
  recipients: z.array(z.object({ e164: E164, fields: z.record(z.string(), z.string()), line: z.number().int().positive() })).max(1_000_000),
  errors: z.array(z.object({ line: z.number().int().positive(), column: z.string().nullable(), value: z.string(), code: z.string(), message: z.string() })).max(1_000_000),
  duplicates: z.array(z.object({ line: z.number().int().positive(), e164: z.string(), firstLine: z.number().int().positive() })).max(1_000_000),
});
export type UploadCreate = z.input<typeof UploadCreate>;

export const Upload = z.object({
  id: Id,
  ownerId: Id,
  name: z.string(),
  columns: z.array(z.string()),
  phoneColumn: z.string().nullable(),
  stats: z.object({
    recipients: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  }),
  createdAt: Timestamp,
});
export type Upload = z.infer<typeof Upload>;
