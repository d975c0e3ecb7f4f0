import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, Name, SearchQuery, Timestamp } from './common.js';

export const CONTACT_SCOPES = ['global', 'personal'] as const;
/** Global contacts are written by administrators and read by all; personal ones belong to one user. */
export const ContactScope = z.enum(CONTACT_SCOPES);
export type ContactScope = z.infer<typeof ContactScope>;

export const ContactNumber = z.object({
  e164: E164,
  /** "Mobile", "Home", "Work"... shown in recognition: "Bob Smith – Mobile". */
  label: z.string().trim().max(40).default('Mobile'),
});
export type ContactNumber = z.infer<typeof ContactNumber>;

export const Contact = z.object({
  id: Id,
  scope: ContactScope,
  ownerId: Id.nullable(),
  name: Name,
  company: z.string().trim().max(200).default(''),
  email: z.email().nullable().default(null),
  numbers: z.array(ContactNumber).min(1).max(20),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

/** `query` matches a name, company or number; `scope` keeps global or the caller's personal contacts only. */
export const ContactQuery = SearchQuery.extend({ scope: ContactScope.optional() });
export type ContactQuery = z.input<typeof ContactQuery>;

/** A number as typed: the backend reads it in its default country and stores it in E.164. */
export const ContactNumberInput = z.object({
  e164: z.string().trim().min(1).max(40),
  label: z.string().trim().max(40).default('Mobile'),
});
export type ContactNumberInput = z.input<typeof ContactNumberInput>;

export const ContactCreate = z.object({
  scope: ContactScope,
  name: Name,
  company: z.string().trim().max(200).optional(),
  email: z.email().nullable().optional(),
  numbers: z.array(ContactNumberInput).min(1, 'A contact needs at least one number').max(20),
});
export type ContactCreate = z.input<typeof ContactCreate>;

export const ContactUpdate = ContactCreate.omit({ scope: true }).partial();
export type ContactUpdate = z.input<typeof ContactUpdate>;

/** Contact recognition for a number: "Bob Smith – Mobile", or null when the number is unknown. */
export const ContactMatch = z.object({
  contactId: Id,
  name: z.string(),
  label: z.string(),
  scope: ContactScope,
  /** The text to show: `${name} – ${label}`. */
  display: z.string(),
});
export type ContactMatch = z.infer<typeof ContactMatch>;
