import * as z from 'zod';
import { E164 } from './e164.js';
import { FileLine, Id, Name, SearchQuery, Timestamp } from './common.js';
import { CONTACT_IMPORT_MAX_ROWS, CONTACT_MAX_NUMBERS } from './contact-limits.js';

export { CONTACT_IMPORT_MAX_ROWS, CONTACT_MAX_NUMBERS };

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
  numbers: z.array(ContactNumber).min(1).max(CONTACT_MAX_NUMBERS),
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
  numbers: z.array(ContactNumberInput).min(1, 'A contact needs at least one number').max(CONTACT_MAX_NUMBERS),
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

/**
 * One row of a contact file, as read: a number and the contact it belongs to. Values are checked one row at a time by
 * the backend (a row it refuses is reported by line, the others are kept), so only their size is bounded here.
 */
export const ContactImportRow = z.object({
  line: FileLine,
  name: z.string().max(1000),
  /** The number as written, read in the backend's default country. */
  e164: z.string().max(40),
  /** "Mobile" when left out or empty. */
  label: z.string().max(1000).optional(),
  company: z.string().max(1000).optional(),
  email: z.string().max(1000).optional(),
});
export type ContactImportRow = z.input<typeof ContactImportRow>;

/**
 * What `contacts.import` takes: up to 1000 rows of one scope (`global` for administrators, `personal` for the caller's
 * own). Rows of one name (case and surrounding spaces aside) make one contact with several numbers; a contact of that
 * name already in the scope takes the file's numbers, company and e-mail.
 */
export const ContactImport = z.object({
  scope: ContactScope,
  rows: z.array(ContactImportRow).max(CONTACT_IMPORT_MAX_ROWS),
});
export type ContactImport = z.input<typeof ContactImport>;

export const ContactImportResult = z.object({
  /** Contacts created. */
  added: z.number().int().nonnegative(),
  /** Contacts of the same name already there, into which the rows were merged. */
  updated: z.number().int().nonnegative(),
  /** Rows refused, by line: no name, a number that is not one, a label, company or e-mail that does not fit. */
  errors: z.array(z.object({ line: z.number().int().positive(), value: z.string(), code: z.string(), message: z.string() })),
});
export type ContactImportResult = z.infer<typeof ContactImportResult>;
