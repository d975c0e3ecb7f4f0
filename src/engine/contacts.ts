import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import type { Contact, ContactMatch, Principal } from '../model/index.js';
import { ContactCreate, ContactQuery, ContactUpdate } from '../model/index.js';
import type { ContactsApi } from '../ports/backend.js';
import type { ContactRecord, Where } from '../ports/store.js';
import { type Actor, loadActor } from './access.js';
import type { EngineContext } from './context.js';
import { mapPage } from './paging.js';
import { normalisePhone, tryPhone } from './phones.js';
import { phoneSearch } from '../phone/search.js';
import type { E164 } from '../phone.js';
import { parseInput } from './validate.js';

export function toContact({ e164s: _e164s, ...contact }: ContactRecord): Contact {
  return contact;
}

function display(name: string, label: string): string {
  return label ? `${name} – ${label}` : name;
}

/** What recognising a number needs of a contact that holds it. */
export type NamingContact = Pick<ContactRecord, 'id' | 'scope' | 'ownerId' | 'name' | 'numbers'>;

/** The contacts of every scope and owner that hold any of these numbers. */
async function namingContacts(ctx: EngineContext, e164s: readonly string[]): Promise<NamingContact[]> {
  const found = await ctx.db.contacts.find({ where: { e164s: { $overlaps: [...new Set(e164s)] } }, limit: 10_000 });
  return found.items.map(({ id, scope, ownerId, name, numbers }) => ({ id, scope, ownerId, name, numbers }));
}

/** Contact recognition among these contacts: the viewer's personal contacts first, then global ones. */
export function matchAmong(contacts: readonly NamingContact[], viewerId: string | null, e164s: readonly string[]): Map<string, ContactMatch> {
  const matches = new Map<string, ContactMatch>();
  const visible = contacts.filter((contact) => contact.scope === 'global' || (viewerId !== null && contact.ownerId === viewerId));
  visible.sort((a, b) => (a.scope === b.scope ? a.name.localeCompare(b.name) : a.scope === 'personal' ? -1 : 1));
  for (const contact of visible) {
    for (const number of contact.numbers) {
      if (matches.has(number.e164) || !e164s.includes(number.e164)) continue;
      matches.set(number.e164, {
        contactId: contact.id, name: contact.name, label: number.label, scope: contact.scope, display: display(contact.name, number.label),
      });
    }
  }
  return matches;
}

/** Contact recognition for many numbers at once: the viewer's personal contacts first, then global ones. */
export async function matchContacts(ctx: EngineContext, viewerId: string | null, e164s: readonly string[]): Promise<Map<string, ContactMatch>> {
  if (e164s.length === 0) return new Map();
  return matchAmong(await namingContacts(ctx, e164s), viewerId, e164s);
}

/**
 * Tells those who see a contact (everyone for a global one, its owner for a personal one) that it changed, with how
 * each of them recognises every number it had before or has after the change. The contacts holding those numbers are
 * read here, right after the change, and travel with the event: a view built later (another subscriber's turn, another
 * instance) says how the numbers were named then, not after the writes that followed.
 */
export async function emitChanged(ctx: EngineContext, action: 'created' | 'updated' | 'removed', before: ContactRecord | null, after: ContactRecord | null): Promise<void> {
  const contact = after ?? before;
  if (!contact || !ctx.events.hasSubscribers) return;
  const e164s = [...new Set([...(before?.e164s ?? []), ...(after?.e164s ?? [])])];
  const naming = await namingContacts(ctx, e164s);
  ctx.events.emit('contact.changed', { contact: { id: contact.id, scope: contact.scope, ownerId: contact.ownerId }, action, e164s, naming });
}

function canRead(actor: Actor, contact: ContactRecord): boolean {
  return contact.scope === 'global' || contact.ownerId === actor.user.id;
}

/** Administrators write global contacts; users write their own personal ones. */
export function assertCanWrite(principal: Principal, contact: Pick<Contact, 'scope' | 'ownerId'>, action: string): void {
  if (contact.scope === 'global' && principal.role !== 'admin') {
    throw new PermissionError('Only an administrator can change global contacts.', { action, code: 'permission.admin_only' });
  }
  if (contact.scope === 'personal' && (principal.role !== 'user' || contact.ownerId !== principal.userId)) {
    throw new PermissionError('Personal contacts belong to their owner.', { action });
  }
}

/** Every method of `ContactsApi` but `import` (contact-import.ts). */
export function createContactsApi(ctx: EngineContext): Omit<ContactsApi, 'import'> {
  async function readable(principal: Principal, id: string): Promise<ContactRecord> {
    const actor = await loadActor(ctx, principal);
    const contact = await ctx.db.contacts.get(id);
    if (!contact || !canRead(actor, contact)) throw new NotFoundError('contact', id);
    return contact;
  }

  async function normaliseNumbers(numbers: { e164: string; label?: string }[]): Promise<{ e164: E164; label: string }[]> {
    const { defaultCountry } = await ctx.settings();
    return numbers.map((number, index) => ({
      e164: normalisePhone(number.e164, defaultCountry, `numbers.${index}.e164`),
      label: number.label ?? 'Mobile',
    }));
  }

  return {
    async list(principal, query = {}) {
      const input = parseInput(ContactQuery, query, 'query');
      await loadActor(ctx, principal);
      const where: Where<ContactRecord> = {};
      if (input.scope === 'global') where.scope = 'global';
      if (input.scope === 'personal') Object.assign(where, { scope: 'personal', ownerId: principal.userId });
      const text = input.query?.trim();
      // A number as people write it (`0412 999 888`, `+61 412 999 888`) finds the E.164 one it is; other text a name,
      // company or part of a number.
      const { defaultCountry } = text ? await ctx.settings() : { defaultCountry: '' };
      const phone = text ? phoneSearch(text, (typed) => tryPhone(typed, defaultCountry)) : null;
      const page = await ctx.db.contacts.find({
        where: input.scope ? where : { ...where, ownerId: { $in: [null, principal.userId] } },
        search: phone ? { fields: ['e164s'], text: phone } : text ? { fields: ['name', 'company', 'e164s'], text } : undefined,
        orderBy: [['name', 'asc']],
        cursor: input.cursor,
        limit: input.limit,
      });
      return mapPage(page, toContact);
    },

    async get(principal, id) {
      return toContact(await readable(principal, id));
    },

    async create(principal, input) {
      const parsed = parseInput(ContactCreate, input, 'contact');
      const ownerId = parsed.scope === 'personal' ? principal.userId : null;
      assertCanWrite(principal, { scope: parsed.scope, ownerId }, 'contacts.create');
      await loadActor(ctx, principal);
      const numbers = await normaliseNumbers(parsed.numbers);
      const now = ctx.nowIso();
      const record: ContactRecord = {
        id: ctx.id('ct'), scope: parsed.scope, ownerId, name: parsed.name, company: parsed.company ?? '',
        email: parsed.email ?? null, numbers, e164s: numbers.map((number) => number.e164), createdAt: now, updatedAt: now,
      };
      await ctx.db.contacts.insert(record);
      await emitChanged(ctx, 'created', null, record);
      return toContact(record);
    },

    async update(principal, id, input) {
      const patch = parseInput(ContactUpdate, input, 'contact');
      const existing = await readable(principal, id);
      assertCanWrite(principal, existing, 'contacts.update');
      const numbers = patch.numbers ? await normaliseNumbers(patch.numbers) : existing.numbers;
      const updated = await ctx.db.contacts.update(id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.company !== undefined && { company: patch.company }),
        ...(patch.email !== undefined && { email: patch.email }),
        numbers,
        e164s: numbers.map((number) => number.e164),
        updatedAt: ctx.nowIso(),
      });
      if (!updated) throw new NotFoundError('contact', id);
      await emitChanged(ctx, 'updated', existing, updated);
      return toContact(updated);
    },

    async remove(principal, id) {
      const existing = await readable(principal, id);
      assertCanWrite(principal, existing, 'contacts.remove');
      await ctx.db.contacts.delete(id);
      await emitChanged(ctx, 'removed', existing, null);
    },

    async resolve(principal, e164) {
      const actor = await loadActor(ctx, principal);
      const { defaultCountry } = await ctx.settings();
      const number = normalisePhone(e164, defaultCountry, 'e164');
      return (await matchContacts(ctx, actor.user.id, [number])).get(number) ?? null;
    },
  };
}
