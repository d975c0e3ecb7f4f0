import * as z from 'zod';
import { isSmsError } from '../errors/sms-error.js';
import type { ContactImportResult, ContactNumber, Principal } from '../model/index.js';
import { CONTACT_MAX_NUMBERS, ContactImport, ContactNumber as ContactNumberSchema, Contact as ContactSchema } from '../model/index.js';
import { toE164 } from '../phone.js';
import type { ContactRecord } from '../ports/store.js';
import { loadActor } from './access.js';
import { assertCanWrite, emitChanged } from './contacts.js';
import type { EngineContext } from './context.js';
import { parseInput } from './validate.js';

type RowError = ContactImportResult['errors'][number];

/** A row that passed its checks: the contact it names, by its key, and one number of it. */
interface GoodRow {
  line: number;
  name: string;
  number: ContactNumber;
  company: string;
  email: string | null;
}

const Email = z.email();

/** Names are matched as people read them: case and surrounding spaces aside. */
function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** The row as a contact's number, or why it is refused (the first problem, with the value that has it). */
function checkRow(row: z.output<typeof ContactImport>['rows'][number], defaultCountry: string): GoodRow | RowError {
  const { line } = row;
  const name = row.name.trim();
  if (name === '') return { line, value: row.e164, code: 'contact.name_missing', message: 'The row has no name.' };
  if (!ContactSchema.shape.name.safeParse(name).success) return { line, value: name, code: 'contact.name_too_long', message: 'The name is longer than 200 characters.' };
  let e164: string;
  try {
    e164 = toE164(row.e164, defaultCountry);
  } catch (error) {
    return { line, value: row.e164, code: isSmsError(error) ? error.code : 'phone.invalid', message: `"${row.e164}" is not a valid phone number.` };
  }
  const label = row.label?.trim() || 'Mobile';
  const number = ContactNumberSchema.safeParse({ e164, label });
  if (!number.success) return { line, value: label, code: 'contact.label_too_long', message: 'The label is longer than 40 characters.' };
  const company = row.company?.trim() ?? '';
  if (!ContactSchema.shape.company.safeParse(company).success) return { line, value: company, code: 'contact.company_too_long', message: 'The company is longer than 200 characters.' };
  const email = row.email?.trim() || null;
  if (email !== null && !Email.safeParse(email).success) return { line, value: email, code: 'contact.email_invalid', message: `"${email}" is not an e-mail address.` };
  return { line, name, number: number.data, company, email };
}

/** The contact of this name in the scope (the caller's own for personal contacts), if there is one. */
async function sameName(ctx: EngineContext, scope: 'global' | 'personal', ownerId: string | null, name: string): Promise<ContactRecord | null> {
  const found = await ctx.db.contacts.find({ where: { scope, ownerId }, search: { fields: ['name'], text: name.trim() }, limit: 500 });
  return found.items.find((contact) => nameKey(contact.name) === nameKey(name)) ?? null;
}

/**
 * Imports the rows of a contact file (`contacts.import`): each row is checked on its own and a refused one is
 * reported by line while the others are kept; rows of one name make one contact (its first row's company and e-mail
 * unless a later row gives them); a contact of that name already in the scope takes the file's numbers (a number it
 * has takes the file's label), company and e-mail. A contact holds at most 20 numbers: rows beyond are refused.
 * Every contact created or changed is told as `contact.changed`, so that conversations take its name live.
 */
export async function importContacts(ctx: EngineContext, principal: Principal, input: ContactImport): Promise<ContactImportResult> {
  const { scope, rows } = parseInput(ContactImport, input, 'import');
  const ownerId = scope === 'personal' ? principal.userId : null;
  assertCanWrite(principal, { scope, ownerId }, 'contacts.import');
  await loadActor(ctx, principal);
  const { defaultCountry } = await ctx.settings();
  const result: ContactImportResult = { added: 0, updated: 0, errors: [] };
  const groups = new Map<string, GoodRow[]>();
  for (const row of rows) {
    const checked = checkRow(row, defaultCountry);
    if (!('name' in checked)) {
      result.errors.push(checked);
      continue;
    }
    const key = nameKey(checked.name);
    groups.set(key, [...(groups.get(key) ?? []), checked]);
  }
  for (const group of groups.values()) {
    const existing = await sameName(ctx, scope, ownerId, group[0]!.name);
    const numbers = [...(existing?.numbers ?? [])];
    let company = existing?.company ?? '';
    let email = existing?.email ?? null;
    let accepted = 0;
    for (const row of group) {
      const at = numbers.findIndex((number) => number.e164 === row.number.e164);
      if (at >= 0) numbers[at] = row.number;
      else if (numbers.length < CONTACT_MAX_NUMBERS) numbers.push(row.number);
      else {
        result.errors.push({ line: row.line, value: row.number.e164, code: 'contact.too_many_numbers', message: `A contact holds at most ${CONTACT_MAX_NUMBERS} numbers.` });
        continue;
      }
      accepted += 1;
      if (row.company) company = row.company;
      if (row.email) email = row.email;
    }
    if (accepted === 0) continue;
    const e164s = numbers.map((number) => number.e164);
    const now = ctx.nowIso();
    if (existing) {
      const updated = await ctx.db.contacts.update(existing.id, { numbers, e164s, company, email, updatedAt: now });
      if (!updated) continue;
      result.updated += 1;
      await emitChanged(ctx, 'updated', existing, updated);
    } else {
      const record: ContactRecord = { id: ctx.id('ct'), scope, ownerId, name: group[0]!.name, company, email, numbers, e164s, createdAt: now, updatedAt: now };
      await ctx.db.contacts.insert(record);
      result.added += 1;
      await emitChanged(ctx, 'created', null, record);
    }
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
