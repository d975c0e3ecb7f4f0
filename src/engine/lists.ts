import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import type { ListImportReport, PredefinedList } from '../model/index.js';
import { ListEntryInput, ListEntryQuery, MergeFields, Name, SearchQuery, ListImportInput, RecipientFileInput } from '../model/index.js';
import type { ListsApi } from '../ports/backend.js';
import type { ListEntryRecord } from '../ports/store.js';
import { canEditList, canSeeList, loadActor } from './access.js';
import type { EngineContext } from './context.js';
import { entryKey, searchText, toEntry } from './list-entries.js';
import { importListFile } from './list-file-import.js';
import { mapPage } from './paging.js';
import { normalisePhone, tryPhone } from './phones.js';
import { phoneSearch } from '../phone/search.js';
import { parseInput } from './validate.js';


export function createListsApi(ctx: EngineContext): ListsApi {
  async function visible(principal: Parameters<ListsApi['get']>[0], id: string): Promise<PredefinedList> {
    const actor = await loadActor(ctx, principal);
    const list = await ctx.db.lists.get(id);
    if (!list || !canSeeList(actor, list)) throw new NotFoundError('list', id);
    return list;
  }

  /** A list the principal may change: see `canEditList` (a shared list is read-only to users). */
  async function editable(principal: Parameters<ListsApi['get']>[0], id: string, action: string): Promise<PredefinedList> {
    const list = await visible(principal, id);
    if (!canEditList(await loadActor(ctx, principal), list)) {
      throw new PermissionError('Only an administrator can change a shared list.', { action, code: 'permission.shared_list' });
    }
    return list;
  }

  async function touch(list: PredefinedList, columns: readonly string[] = []): Promise<void> {
    const entryCount = await ctx.db.listEntries.count({ listId: list.id });
    const merged = [...new Set([...list.columns, ...columns])];
    await ctx.db.lists.update(list.id, { entryCount, columns: merged, updatedAt: ctx.nowIso() });
  }

  return {
    async list(principal, query = {}) {
      const input = parseInput(SearchQuery, query, 'query');
      const actor = await loadActor(ctx, principal);
      const text = input.query?.trim();
      return ctx.db.lists.find({
        where: actor.isAdmin ? {} : { departmentId: { $in: [null, actor.user.departmentId] } },
        search: text ? { fields: ['name'], text } : undefined,
        orderBy: [['name', 'asc']],
        cursor: input.cursor,
        limit: input.limit,
      });
    },

    get: visible,

    async create(principal, input) {
      const name = parseInput(Name, input.name, 'name');
      const actor = await loadActor(ctx, principal);
      if (!actor.isAdmin && actor.user.departmentId === null) {
        throw new PermissionError('Lists belong to a department: ask an administrator to add you to one.', { action: 'lists.create', code: 'permission.no_department' });
      }
      const now = ctx.nowIso();
      const list: PredefinedList = {
        id: ctx.id('lst'), name, departmentId: actor.isAdmin ? null : actor.user.departmentId, columns: [], entryCount: 0, lastImport: null, createdAt: now, updatedAt: now,
      };
      await ctx.db.lists.insert(list);
      return list;
    },

    async rename(principal, id, name) {
      const parsed = parseInput(Name, name, 'name');
      await editable(principal, id, 'lists.rename');
      const updated = await ctx.db.lists.update(id, { name: parsed, updatedAt: ctx.nowIso() });
      if (!updated) throw new NotFoundError('list', id);
      return updated;
    },

    async remove(principal, id) {
      await editable(principal, id, 'lists.remove');
      const inUse = await ctx.db.campaigns.find({ where: { status: { $in: ['scheduled', 'running'] } }, limit: 1000 });
      const user = inUse.items.find((campaign) => campaign.recipients && 'listId' in campaign.recipients && campaign.recipients.listId === id);
      if (user) throw new ConflictError(`The campaign "${user.name}" is using this list.`, { code: 'list.in_use', details: { campaignId: user.id, campaignName: user.name } });
      await ctx.db.listEntries.deleteMany({ listId: id });
      await ctx.db.lists.delete(id);
    },

    async entries(principal, id, query = {}) {
      const input = parseInput(ListEntryQuery, query, 'query');
      await visible(principal, id);
      // A number is found as it is typed ("+61 412 999 888", "0412 999 888", "999 888"), as in the blocklist.
      const typed = input.query?.trim();
      const { defaultCountry } = await ctx.settings();
      const text = typed ? (phoneSearch(typed, (query) => tryPhone(query, defaultCountry)) ?? typed).toLowerCase() : undefined;
      const page = await ctx.db.listEntries.find({
        where: { listId: id },
        search: text ? { fields: ['text'], text } : undefined,
        orderBy: [['createdAt', 'asc']],
        cursor: input.cursor,
        limit: input.limit,
      });
      return { ...mapPage(page, toEntry), total: text ? page.total : (await ctx.db.lists.get(id))?.entryCount };
    },

    async addEntry(principal, id, input) {
      const parsed = parseInput(ListEntryInput, input, 'entry');
      const list = await editable(principal, id, 'lists.addEntry');
      const e164 = normalisePhone(parsed.e164, (await ctx.settings()).defaultCountry, 'e164');
      const fields = parsed.fields ?? {};
      const record: ListEntryRecord = { id: entryKey(id, e164), listId: id, e164, fields, text: searchText(e164, fields), createdAt: ctx.nowIso() };
      if (!(await ctx.db.listEntries.insertIfAbsent(record))) {
        throw new ConflictError(`${e164} is already in the list.`, { code: 'list.duplicate', field: 'e164', details: { entryId: record.id } });
      }
      await touch(list, Object.keys(fields));
      return toEntry(record);
    },

    async updateEntry(principal, id, entryId, input) {
      const list = await editable(principal, id, 'lists.updateEntry');
      const existing = await ctx.db.listEntries.get(entryId);
      if (!existing || existing.listId !== id) throw new NotFoundError('list entry', entryId);
      const fields = input.fields === undefined ? existing.fields : parseInput(MergeFields, input.fields, 'fields');
      const e164 = input.e164 === undefined ? existing.e164 : normalisePhone(input.e164, (await ctx.settings()).defaultCountry, 'e164');
      const record: ListEntryRecord = { ...existing, id: entryKey(id, e164), e164, fields, text: searchText(e164, fields) };
      if (record.id !== existing.id) {
        if (!(await ctx.db.listEntries.insertIfAbsent(record))) throw new ConflictError(`${e164} is already in the list.`, { code: 'list.duplicate', field: 'e164' });
        await ctx.db.listEntries.delete(existing.id);
      } else {
        await ctx.db.listEntries.put(record);
      }
      await touch(list, Object.keys(fields));
      return toEntry(record);
    },

    async removeEntry(principal, id, entryId) {
      const list = await editable(principal, id, 'lists.removeEntry');
      const existing = await ctx.db.listEntries.get(entryId);
      if (!existing || existing.listId !== id) throw new NotFoundError('list entry', entryId);
      await ctx.db.listEntries.delete(entryId);
      await touch(list);
    },

    async import(principal, id, input) {
      const parsed = parseInput(ListImportInput, input, 'import');
      const list = await editable(principal, id, 'lists.import');
      const { defaultCountry } = await ctx.settings();
      const report: ListImportReport = { at: ctx.nowIso(), fileName: parsed.fileName, added: 0, updated: 0, errors: [...parsed.errors], duplicates: parsed.duplicates };
      const fresh: ListEntryRecord[] = [];
      const seen = new Set<string>();
      for (const { e164: written, fields, line } of parsed.entries) {
        const e164 = tryPhone(written, defaultCountry);
        if (!e164) {
          report.errors.push({ line, value: written, code: 'phone.invalid', message: `"${written}" is not a valid phone number.` });
          continue;
        }
        if (seen.has(e164)) {
          report.duplicates += 1;
          continue;
        }
        seen.add(e164);
        fresh.push({ id: entryKey(id, e164), listId: id, e164, fields, text: searchText(e164, fields), createdAt: ctx.nowIso() });
      }
      const existing = new Set((await ctx.db.listEntries.getMany(fresh.map((entry) => entry.id))).map((entry) => entry.id));
      const added = fresh.filter((entry) => !existing.has(entry.id));
      for (let start = 0; start < added.length; start += 5000) await ctx.db.listEntries.insertMany(added.slice(start, start + 5000));
      for (const entry of fresh) if (existing.has(entry.id)) await ctx.db.listEntries.update(entry.id, { fields: entry.fields, text: entry.text });
      report.added = added.length;
      report.updated = fresh.length - added.length;
      await touch(list, parsed.columns);
      await ctx.db.lists.update(id, { lastImport: report });
      return report;
    },

    async importFile(principal, id, input) {
      const parsed = parseInput(RecipientFileInput, input, 'import');
      const list = await editable(principal, id, 'lists.importFile');
      const { report, columns } = await importListFile(ctx, list, parsed);
      await touch(list, columns);
      await ctx.db.lists.update(id, { lastImport: report });
      return report;
    },
  };
}
