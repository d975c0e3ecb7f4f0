import { NotFoundError } from '../errors/not-found-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { BlocklistEntry, BlocklistSource } from '../model/index.js';
import { BlocklistAdd, BlocklistHistoryQuery, BlocklistQuery, BlocklistImport } from '../model/index.js';
import type { BlocklistApi } from '../ports/backend.js';
import type { Where } from '../ports/store.js';
import { loadActor, requireAdmin } from './access.js';
import type { EngineContext } from './context.js';
import { normalisePhone, tryPhone } from './phones.js';
import { phoneSearch } from '../phone/search.js';
import type { E164 } from '../phone.js';
import { parseInput } from './validate.js';

/** Who an opt-out is recorded as added by. */
export const SYSTEM_ACTOR = 'system';

interface Addition {
  e164: E164;
  source: BlocklistSource;
  reason: string;
  by: string;
  /** The name of `by`, when the caller has it (an import resolves it once); looked up otherwise. */
  byName?: string | null;
  message: string | null;
}

/** The name an entry and its audit trail show for a user id, as the directory has it now (null for `system`). */
export async function actorName(ctx: EngineContext, userId: string): Promise<string | null> {
  return userId === SYSTEM_ACTOR ? null : ((await ctx.db.users.get(userId))?.name ?? null);
}

/** Adds a number to the blocklist once (idempotent), with its audit entry and event. True when it was added. */
export async function blockNumber(ctx: EngineContext, addition: Addition): Promise<{ added: boolean; entry: BlocklistEntry }> {
  const entry: BlocklistEntry = {
    e164: addition.e164, source: addition.source, reason: addition.reason, addedBy: addition.by,
    addedByName: addition.byName === undefined ? await actorName(ctx, addition.by) : addition.byName, addedAt: ctx.nowIso(), message: addition.message,
  };
  const added = await ctx.db.blocklist.insertIfAbsent(entry);
  if (!added) return { added, entry: (await ctx.db.blocklist.get(addition.e164)) ?? entry };
  await audit(ctx, 'added', entry);
  emitChanged(ctx, 'added', entry);
  return { added, entry };
}

interface Removal {
  by: string;
  reason: string;
  /** The message that asked for it (an opt-in reply). */
  message?: string | null;
  /** Only remove an entry of this source: START never lifts a manual or imported block. */
  onlySource?: BlocklistSource;
}

/** Removes a number from the blocklist, with its audit entry and event. True when it was removed. */
export async function unblockNumber(ctx: EngineContext, e164: E164, removal: Removal): Promise<boolean> {
  const entry = await ctx.db.blocklist.get(e164);
  if (!entry || (removal.onlySource && entry.source !== removal.onlySource)) return false;
  if (!(await ctx.db.blocklist.delete(e164))) return false;
  await audit(ctx, 'removed', {
    ...entry, addedBy: removal.by, addedByName: await actorName(ctx, removal.by), reason: removal.reason, message: removal.message ?? entry.message,
  });
  emitChanged(ctx, 'removed', entry);
  return true;
}

async function audit(ctx: EngineContext, action: 'added' | 'removed', entry: BlocklistEntry): Promise<void> {
  await ctx.db.blocklistAudit.insert({
    id: ctx.id('bla'), e164: entry.e164, action, source: entry.source, by: entry.addedBy, byName: entry.addedByName ?? null, at: ctx.nowIso(),
    reason: entry.reason, message: entry.message,
  });
}

function emitChanged(ctx: EngineContext, action: 'added' | 'removed', entry: BlocklistEntry): void {
  if (ctx.events.hasSubscribers) ctx.events.emit('blocklist.changed', { e164: entry.e164, action, entry });
}

export function createBlocklistApi(ctx: EngineContext): BlocklistApi {
  return {
    async list(principal, query = {}) {
      const input = parseInput(BlocklistQuery, query, 'query');
      await loadActor(ctx, principal);
      const { defaultCountry } = await ctx.settings();
      const where: Where<BlocklistEntry> = input.source ? { source: input.source } : {};
      const text = input.query?.trim();
      const phone = text ? phoneSearch(text, (query) => tryPhone(query, defaultCountry)) : null;
      return ctx.db.blocklist.find({
        where,
        search: phone ? { fields: ['e164'], text: phone } : text ? { fields: ['e164', 'reason', 'addedBy', 'addedByName', 'message'], text } : undefined,
        orderBy: [['addedAt', 'desc']],
        cursor: input.cursor,
        limit: input.limit,
      });
    },

    async check(principal, e164s) {
      await loadActor(ctx, principal);
      if (e164s.length > 1000) throw new ValidationError('Check at most 1000 numbers at a time.', { field: 'e164s' });
      return (await ctx.db.blocklist.getMany(e164s)).map((entry) => entry.e164);
    },

    async add(principal, input) {
      requireAdmin(principal, 'blocklist.add');
      const parsed = parseInput(BlocklistAdd, input, 'entry');
      const { defaultCountry } = await ctx.settings();
      const e164 = normalisePhone(parsed.e164, defaultCountry, 'e164');
      const { entry } = await blockNumber(ctx, { e164, source: 'manual', reason: parsed.reason ?? '', by: principal.userId, message: null });
      return entry;
    },

    async remove(principal, e164) {
      requireAdmin(principal, 'blocklist.remove');
      const { defaultCountry } = await ctx.settings();
      const number = normalisePhone(e164, defaultCountry, 'e164');
      if (!(await unblockNumber(ctx, number, { by: principal.userId, reason: 'Removed by an administrator' }))) throw new NotFoundError('blocklist entry', number);
    },

    async import(principal, input) {
      requireAdmin(principal, 'blocklist.import');
      const { entries } = parseInput(BlocklistImport, input, 'import');
      const { defaultCountry } = await ctx.settings();
      const result = { added: 0, existing: 0, errors: [] as { line: number; value: string; code: string; message: string }[] };
      const byName = await actorName(ctx, principal.userId);
      for (const row of entries) {
        const e164 = tryPhone(row.e164, defaultCountry);
        if (!e164) {
          result.errors.push({ line: row.line, value: row.e164, code: 'phone.invalid', message: `"${row.e164}" is not a valid phone number.` });
          continue;
        }
        const { added } = await blockNumber(ctx, { e164, source: 'import', reason: row.reason ?? '', by: principal.userId, byName, message: null });
        if (added) result.added += 1;
        else result.existing += 1;
      }
      return result;
    },

    async history(principal, query = {}) {
      const input = parseInput(BlocklistHistoryQuery, query, 'query');
      requireAdmin(principal, 'blocklist.history');
      const { defaultCountry } = await ctx.settings();
      const e164 = input.e164 ? normalisePhone(input.e164, defaultCountry, 'e164') : undefined;
      return ctx.db.blocklistAudit.find({ where: e164 ? { e164 } : {}, orderBy: [['at', 'desc']], cursor: input.cursor, limit: input.limit });
    },
  };
}
