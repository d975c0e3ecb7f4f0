import * as z from 'zod';
import { Id, Month, Name, PageRequest, Timestamp } from './common.js';
import { Settings } from './settings.js';
import { MonthRange, UsageTotals } from './usage.js';

/**
 * The organisation every record of a deployment with one organisation belongs to, and that principals naming none
 * belong to. `createLocalBackend` creates it when the store holds no organisation.
 */
export const DEFAULT_ORGANISATION_ID = 'default';

export const ORGANISATION_STATUSES = ['active', 'suspended'] as const;
/** A suspended organisation sends nothing and accepts no request to; its inbound traffic is kept, flagged. */
export const OrganisationStatus = z.enum(ORGANISATION_STATUSES);
export type OrganisationStatus = z.infer<typeof OrganisationStatus>;

/**
 * The caps the hosting vendor's operator puts on an organisation's sends (its plan): every SMS it hands to the carrier
 * counts, one-to-one or campaign, one per recipient whatever its segments. Past `sendsPerSecond` sends wait (campaigns
 * slow down); past `sendsPerDay` (a UTC day) one-to-one messages are refused with a `LimitError` and campaigns pause
 * until the next day. `null`: no cap. Only operators set them (`client.organisations.update`).
 */
export const OrganisationLimits = z.object({
  /** Sends per second, over the organisation's campaigns and one-to-one messages. */
  sendsPerSecond: z.number().int().positive().max(100_000).nullable().default(null),
  /** Sends per UTC day (00:00 to 24:00 UTC), counted in the store, so across instances and restarts. */
  sendsPerDay: z.number().int().positive().max(1_000_000_000).nullable().default(null),
});
export type OrganisationLimits = z.infer<typeof OrganisationLimits>;

/** Caps to change: a cap left out stays as it is, `null` lifts it. */
export const OrganisationLimitsUpdate = z.object({
  sendsPerSecond: OrganisationLimits.shape.sendsPerSecond.removeDefault().optional(),
  sendsPerDay: OrganisationLimits.shape.sendsPerDay.removeDefault().optional(),
});
export type OrganisationLimitsUpdate = z.input<typeof OrganisationLimitsUpdate>;

/**
 * A customer of the hosting vendor: its users, numbers, lists, blocklist and every other record are its own, sealed
 * from every other organisation's. Its settings are the ones its administrators change (default country, prices,
 * opt-out answers, campaign rate...).
 */
export const Organisation = z.object({
  id: Id,
  name: Name,
  status: OrganisationStatus,
  settings: Settings,
  /** Its caps on sends, set by the operator (not by its administrators, who change its settings). */
  limits: OrganisationLimits,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  suspendedAt: Timestamp.nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

/** A new organisation: its name, an id of the host's own (else one is made), settings over the defaults, its caps. */
export const OrganisationCreate = z.object({
  id: Id.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'An organisation id is letters, digits, dots, dashes and underscores').optional(),
  name: Name,
  settings: Settings.partial().optional(),
  limits: OrganisationLimitsUpdate.optional(),
});
export type OrganisationCreate = z.input<typeof OrganisationCreate>;

/** A new name, and caps to change (`{ limits: { sendsPerDay: 10_000 } }`; the others stay as they are). */
export const OrganisationUpdate = z.object({ name: Name.optional(), limits: OrganisationLimitsUpdate.optional() });
export type OrganisationUpdate = z.input<typeof OrganisationUpdate>;

/** The hosting vendor's staff: they manage organisations and read their usage, not their messages. */
export const Operator = z.object({
  id: Id,
  name: Name,
  email: z.email().nullable().default(null),
  createdAt: Timestamp,
});
export type Operator = z.infer<typeof Operator>;

/** A page of organisations, by name; `query` matches names and ids. */
export const OrganisationQuery = PageRequest.extend({
  query: z.string().max(100).optional(),
  status: OrganisationStatus.optional(),
});
export type OrganisationQuery = z.input<typeof OrganisationQuery>;

/** Deleting an organisation deletes all its data: the call repeats its name, as the person confirming typed it. */
export const OrganisationRemoval = z.object({ confirmName: z.string().max(200) });
export type OrganisationRemoval = z.input<typeof OrganisationRemoval>;

/** Usage of one organisation in one month, for the hosting vendor's billing. */
export const OrganisationUsage = UsageTotals.extend({
  organisationId: Id,
  name: Name,
  month: Month,
  currency: z.string().length(3),
});
export type OrganisationUsage = z.infer<typeof OrganisationUsage>;

/** Months of usage, inclusive (default the current month), of one organisation or all. */
export const OrganisationUsageQuery = MonthRange.extend({ organisationId: Id.optional() });
export type OrganisationUsageQuery = z.input<typeof OrganisationUsageQuery>;

/**
 * An operator's look into an organisation for support, as its administrators read it: who, what, when. Operators act
 * into an organisation read-only, and every call they make there is recorded.
 */
export const SupportAccess = z.object({
  id: Id,
  operatorId: Id,
  operatorName: Name,
  /** The call, such as `conversations.list`. */
  action: z.string().max(100),
  at: Timestamp,
});
export type SupportAccess = z.infer<typeof SupportAccess>;
