import * as z from 'zod';
import { ContactScope } from './contact.js';
import { Id, Name, SearchQuery, Timestamp } from './common.js';

/** A message template with `{{field}}` merge fields: global (administrators) or personal. */
export const Template = z.object({
  id: Id,
  scope: ContactScope,
  ownerId: Id.nullable(),
  name: Name,
  body: z.string().min(1).max(1600),
  /** Its merge fields, in order. */
  fields: z.array(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Template = z.infer<typeof Template>;

/** `query` matches a name or body; `scope` keeps global or the caller's personal templates only. */
export const TemplateQuery = SearchQuery.extend({ scope: ContactScope.optional() });
export type TemplateQuery = z.input<typeof TemplateQuery>;

export const TemplateCreate = z.object({ scope: ContactScope, name: Name, body: z.string().min(1).max(1600) });
export type TemplateCreate = z.input<typeof TemplateCreate>;

export const TemplateUpdate = TemplateCreate.omit({ scope: true }).partial();
export type TemplateUpdate = z.input<typeof TemplateUpdate>;
