import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { StateError } from '../errors/state-error.js';
import type { SmsNumber } from '../model/index.js';
import { NumberCreate, NumberQuery, NumberRouting, NumberRoutingUpdate, NumberUpdate } from '../model/index.js';
import type { NumbersApi } from '../ports/backend.js';
import { loadActor, requireAdmin } from './access.js';
import type { EngineContext } from './context.js';
import type { OrganisationDirectory } from './organisation-directory.js';
import { normalisePhone, withPhoneAt } from './phones.js';
import { parseInput, parsePatch } from './validate.js';

/**
 * SMS numbers. A number belongs to one organisation: creating it claims its address in the organisation directory
 * (inbound traffic to it is routed there), and removing it lets the address go.
 */
export function createNumbersApi(ctx: EngineContext, organisations: OrganisationDirectory): NumbersApi {
  async function existing(id: string): Promise<SmsNumber> {
    const number = await ctx.db.numbers.get(id);
    if (!number) throw new NotFoundError('number', id);
    return number;
  }

  /** An extension holds at most one number in service: the conflict names the number that holds it. */
  async function checkAssignments(extensionIds: readonly string[], numberId: string | null): Promise<void> {
    for (const extensionId of extensionIds) {
      const extension = await ctx.db.extensions.get(extensionId);
      if (!extension) throw new NotFoundError('extension', extensionId);
      const holders = await ctx.db.numbers.find({ where: { extensionIds: { $contains: extensionId }, removedAt: null }, limit: 2 });
      const holder = holders.items.find((number) => number.id !== numberId);
      if (holder) {
        throw new ConflictError(`Extension ${extension.number} already holds ${holder.e164}${holder.label ? ` (${holder.label})` : ''}.`, {
          code: 'number.extension_taken',
          field: 'extensionIds',
          details: { extensionId, numberId: holder.id, e164: holder.e164 },
        });
      }
    }
  }

  async function setExtensions(id: string, extensionIds: string[]): Promise<SmsNumber> {
    const number = await existing(id);
    if (number.removedAt) throw new StateError('The number has been removed.', { resource: 'number', state: 'removed' });
    const unique = [...new Set(extensionIds)];
    await checkAssignments(unique, id);
    const updated = await ctx.db.numbers.update(id, { extensionIds: unique });
    if (!updated) throw new NotFoundError('number', id);
    return updated;
  }

  return {
    async list(principal, query = {}) {
      const input = parseInput(NumberQuery, query, 'query');
      const actor = await loadActor(ctx, principal);
      const text = input.query?.trim();
      if (actor.isAdmin) {
        return ctx.db.numbers.find({
          where: input.includeRemoved ? {} : { removedAt: null },
          search: text ? { fields: ['e164', 'label'], text } : undefined,
          orderBy: [['e164', 'asc']],
          cursor: input.cursor,
          limit: input.limit,
        });
      }
      if (actor.extensionIds.length === 0) return { items: [], nextCursor: null, total: 0 };
      return ctx.db.numbers.find({
        where: { extensionIds: { $overlaps: actor.extensionIds }, ...(input.includeRemoved ? {} : { removedAt: null }) },
        search: text ? { fields: ['e164', 'label'], text } : undefined,
        orderBy: [['e164', 'asc']],
        cursor: input.cursor,
        limit: input.limit,
      });
    },

    async get(principal, id) {
      const actor = await loadActor(ctx, principal);
      const number = await ctx.db.numbers.get(id);
      if (!number || (!actor.isAdmin && !actor.numbers.some((own) => own.id === id))) throw new NotFoundError('number', id);
      return number;
    },

    async create(principal, input) {
      requireAdmin(principal, 'numbers.create');
      const parsed = parseInput(NumberCreate, input, 'number');
      const { defaultCountry } = await ctx.settings();
      const e164 = normalisePhone(parsed.e164, defaultCountry, 'e164');
      const clash = await ctx.db.numbers.find({ where: { e164, removedAt: null }, limit: 1 });
      if (clash.items[0]) throw new ConflictError(`${e164} is already registered.`, { code: 'number.exists', field: 'e164', details: { numberId: clash.items[0].id } });
      const extensionIds = [...new Set(parsed.extensionIds ?? [])];
      await checkAssignments(extensionIds, null);
      const number: SmsNumber = {
        id: ctx.id('num'), e164, label: parsed.label ?? '', extensionIds, routing: NumberRouting.parse({}), createdAt: ctx.nowIso(), removedAt: null,
      };
      if (!(await organisations.claimAddress(e164, ctx.organisationId, number.id))) {
        throw new ConflictError(`${e164} belongs to another organisation.`, { code: 'number.taken', field: 'e164' });
      }
      await ctx.db.numbers.insert(number);
      return number;
    },

    async update(principal, id, input) {
      requireAdmin(principal, 'numbers.update');
      const patch = parseInput(NumberUpdate, input, 'number');
      let number = await existing(id);
      if (patch.extensionIds) number = await setExtensions(id, patch.extensionIds);
      if (patch.label !== undefined) number = (await ctx.db.numbers.update(id, { label: patch.label })) ?? number;
      return number;
    },

    async assign(principal, id, extensionId) {
      requireAdmin(principal, 'numbers.assign');
      const number = await existing(id);
      return setExtensions(id, [...number.extensionIds, extensionId]);
    },

    async unassign(principal, id, extensionId) {
      requireAdmin(principal, 'numbers.unassign');
      const number = await existing(id);
      // An extension of the organisation, as `assign` asks: another organisation's is unknown here, not merely unassigned.
      if (!(await ctx.db.extensions.get(extensionId))) throw new NotFoundError('extension', extensionId);
      return setExtensions(id, number.extensionIds.filter((held) => held !== extensionId));
    },

    async remove(principal, id) {
      requireAdmin(principal, 'numbers.remove');
      const number = await existing(id);
      if (number.removedAt) return number;
      // The assignment stays so that its users keep seeing the history; it no longer sends or holds an extension.
      const updated = await ctx.db.numbers.update(id, { removedAt: ctx.nowIso() });
      await organisations.releaseAddress(number.e164, ctx.organisationId);
      return updated ?? number;
    },

    async setRouting(principal, id, routing) {
      const { defaultCountry } = await ctx.settings();
      // The mobile as typed ("0412 345 678") becomes E.164 before the schema checks it.
      const patch = parsePatch(NumberRoutingUpdate, withPhoneAt(routing, 'mobile', defaultCountry, 'mobile'), 'routing');
      const actor = await loadActor(ctx, principal);
      const number = await existing(id);
      if (!actor.isAdmin && !actor.numbers.some((own) => own.id === id)) {
        throw new PermissionError('You can only change the routing of your own number.', { action: 'numbers.setRouting' });
      }
      const next = NumberRouting.parse({ ...number.routing, ...patch });
      await ctx.db.numbers.update(id, { routing: next });
      return next;
    },
  };
}
