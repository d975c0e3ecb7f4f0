import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, Name, PageRequest } from './common.js';

export const ROLES = ['admin', 'user'] as const;
/** Administrators manage numbers, users, global contacts and templates, the blocklist and keywords; users send. */
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PRINCIPAL_ROLES = ['operator', ...ROLES] as const;
/** Who may call: an organisation's administrators and users, and the hosting vendor's operators. */
export const PrincipalRole = z.enum(PRINCIPAL_ROLES);
export type PrincipalRole = z.infer<typeof PrincipalRole>;

/**
 * Who is calling. The host portal knows the logged-in user; the backend enforces what they may do. A principal
 * without `organisationId` belongs to the default organisation (`DEFAULT_ORGANISATION_ID`); an operator's names the
 * organisation it acts into for support, or none to manage organisations.
 */
export const Principal = z.object({
  organisationId: Id.optional(),
  userId: Id,
  role: PrincipalRole,
  extensionId: Id.optional(),
  departmentId: Id.optional(),
});
export type Principal = z.infer<typeof Principal>;

/** A department: the unit usage is billed to, with its cost code and the alpha tags it may send from. */
export const Department = z.object({
  id: Id,
  name: Name,
  costCode: z.string().trim().max(64).default(''),
  alphaTags: z.array(z.string()).default([]),
});
export type Department = z.infer<typeof Department>;

/** A PBX extension. It holds at most one SMS number. */
export const Extension = z.object({
  id: Id,
  /** The dialable extension, e.g. "201". */
  number: z.string().trim().min(1).max(32),
  name: Name,
  departmentId: Id,
});
export type Extension = z.infer<typeof Extension>;

/** A portal user. A user with several extensions has several SMS numbers and chooses which to send from. */
export const User = z.object({
  id: Id,
  name: Name,
  email: z.email().nullable().default(null),
  role: Role,
  departmentId: Id.nullable().default(null),
  extensionIds: z.array(Id).default([]),
  /** A mobile to forward replies or keyword messages to. */
  mobile: E164.nullable().default(null),
  lastSeenAt: z.string().nullable().default(null),
});
export type User = z.infer<typeof User>;

/**
 * A user to create or change, as an administrator types it (`directory.createUser`, `updateUser`): the mobile in any
 * form the organisation's default country reads (stored in E.164), the e-mail before it is trimmed and lower-cased.
 * `id` is optional: a host portal's own user id.
 */
export const UserInput = z.object({
  id: Id.optional(),
  name: Name,
  email: z.string().max(320).nullable().optional(),
  role: Role,
  departmentId: Id.nullable().optional(),
  extensionIds: z.array(Id).optional(),
  mobile: z.string().max(40).nullable().optional(),
});
export type UserInput = z.input<typeof UserInput>;

/** A user as the chat directory shows them to others. */
export const DirectoryUser = z.object({
  id: Id,
  name: Name,
  extension: z.string().nullable(),
  departmentId: Id.nullable(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type DirectoryUser = z.infer<typeof DirectoryUser>;

/** A page of extensions; `chargeable` keeps those the caller may bill a campaign to. */
export const ExtensionQuery = PageRequest.extend({ chargeable: z.boolean().optional() });
export type ExtensionQuery = z.infer<typeof ExtensionQuery>;
