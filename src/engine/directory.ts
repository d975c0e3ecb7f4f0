import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Department, DirectoryUser, User } from '../model/index.js';
import { Department as DepartmentSchema, ExtensionQuery, Extension as ExtensionSchema, PageRequest, SearchQuery, User as UserSchema } from '../model/index.js';
import { validateAlphaTag } from '../alpha-tag.js';
import type { DirectoryApi, UserInput } from '../ports/backend.js';
import { MAX_QUERY_LIMIT } from '../ports/store.js';
import { type Actor, loadActor, loadUser, requireAdmin } from './access.js';
import type { EngineContext } from './context.js';
import { normalisePhone } from './phones.js';
import { parseInput } from './validate.js';

/** A user counts as online when seen in the last five minutes. */
const ONLINE_MS = 5 * 60_000;

function checkAlphaTags(tags: readonly string[] | undefined): void {
  tags?.forEach((tag, index) => {
    const result = validateAlphaTag(tag);
    if (!result.ok) throw new ValidationError(`Invalid alpha tag "${tag}": ${result.reason}`, { field: `alphaTags.${index}`, value: tag });
  });
}

/** Stores a new user from the input (extensions and department must exist); `ConflictError` when the id is taken. */
export async function storeUser(ctx: EngineContext, input: UserInput): Promise<User> {
  const user = await buildUser(ctx, input, input.id ?? ctx.id('usr'));
  if (!(await ctx.db.users.insertIfAbsent(user))) throw new ConflictError(`A user "${user.id}" exists.`, { field: 'id' });
  return user;
}

async function buildUser(ctx: EngineContext, input: UserInput, id: string, lastSeenAt: string | null = null): Promise<User> {
  const { defaultCountry } = await ctx.settings();
  for (const extensionId of input.extensionIds ?? []) if (!(await ctx.db.extensions.get(extensionId))) throw new NotFoundError('extension', extensionId);
  if (input.departmentId && !(await ctx.db.departments.get(input.departmentId))) throw new NotFoundError('department', input.departmentId);
  const mobile = input.mobile ? normalisePhone(input.mobile, defaultCountry, 'mobile') : null;
  const email = input.email ? input.email.trim().toLowerCase() : null;
  return parseInput(UserSchema, { ...input, id, email, mobile, lastSeenAt }, 'user');
}

export function createDirectoryApi(ctx: EngineContext): DirectoryApi {
  /**
   * An organisation always keeps an administrator: with none, the next principal claiming to be one would become its
   * first (see verifyPrincipal).
   */
  async function keepAnAdministrator(leaving: string): Promise<void> {
    const others = await ctx.db.users.find({ where: { role: 'admin', id: { $ne: leaving } }, limit: 1 });
    if (others.items.length === 0) {
      throw new ConflictError('The last administrator cannot be removed or made a user: make another administrator first.', { code: 'directory.last_admin', field: 'role' });
    }
  }

  async function toDirectoryUser(users: User[]): Promise<DirectoryUser[]> {
    const extensionIds = users.flatMap((user) => user.extensionIds.slice(0, 1));
    const extensions = new Map((await ctx.db.extensions.getMany(extensionIds)).map((extension) => [extension.id, extension]));
    const now = ctx.clock.now();
    return users.map((user) => ({
      id: user.id,
      name: user.name,
      extension: extensions.get(user.extensionIds[0] ?? '')?.number ?? null,
      departmentId: user.departmentId,
      online: user.lastSeenAt !== null && now - Date.parse(user.lastSeenAt) < ONLINE_MS,
      lastSeenAt: user.lastSeenAt,
    }));
  }

  /** The extensions a user may bill a campaign to (see `mayCharge`): their own and their department's. */
  async function chargeableIds(actor: Actor): Promise<string[]> {
    const departments = actor.user.departmentId === null ? [] : (await ctx.db.extensions.find({ where: { departmentId: actor.user.departmentId }, limit: MAX_QUERY_LIMIT })).items;
    return [...new Set([...actor.extensionIds, ...departments.map((extension) => extension.id)])];
  }

  return {
    async search(principal, query = {}) {
      const input = parseInput(SearchQuery, query, 'query');
      await loadActor(ctx, principal);
      const text = input.query?.trim();
      const page = await ctx.db.users.find({
        where: { role: 'user' },
        search: text ? { fields: ['name', 'email'], text } : undefined,
        orderBy: [['name', 'asc']],
        cursor: input.cursor,
        limit: input.limit,
      });
      return { ...page, items: await toDirectoryUser(page.items) };
    },

    async get(principal, id) {
      await loadActor(ctx, principal);
      const user = await ctx.db.users.get(id);
      if (!user || user.role !== 'user') throw new NotFoundError('user', id);
      return (await toDirectoryUser([user]))[0]!;
    },

    async supportAccess(principal, query = {}) {
      const page = parseInput(PageRequest, query, 'query');
      requireAdmin(principal, 'directory.supportAccess');
      return ctx.db.supportAccess.find({ orderBy: [['at', 'desc'], ['id', 'desc']], cursor: page.cursor, limit: page.limit });
    },

    async me(principal) {
      return loadUser(ctx, principal);
    },

    async users(principal, query = {}) {
      const input = parseInput(SearchQuery, query, 'query');
      requireAdmin(principal, 'directory.users');
      const text = input.query?.trim();
      return ctx.db.users.find({ search: text ? { fields: ['name', 'email'], text } : undefined, orderBy: [['name', 'asc']], cursor: input.cursor, limit: input.limit });
    },

    async createUser(principal, input) {
      requireAdmin(principal, 'directory.createUser');
      return storeUser(ctx, input);
    },

    async updateUser(principal, id, input) {
      requireAdmin(principal, 'directory.updateUser');
      const existing = await ctx.db.users.get(id);
      if (!existing) throw new NotFoundError('user', id);
      if (existing.role === 'admin' && input.role !== undefined && input.role !== 'admin') await keepAnAdministrator(id);
      const user = await buildUser(ctx, { ...existing, ...input } as UserInput, id, existing.lastSeenAt);
      await ctx.db.users.put(user);
      return user;
    },

    async removeUser(principal, id) {
      requireAdmin(principal, 'directory.removeUser');
      if ((await ctx.db.users.get(id))?.role === 'admin') await keepAnAdministrator(id);
      if (!(await ctx.db.users.delete(id))) throw new NotFoundError('user', id);
    },

    async extensions(principal, query = {}) {
      const input = parseInput(ExtensionQuery, query, 'query');
      const actor = await loadActor(ctx, principal);
      const where = input.chargeable && !actor.isAdmin ? { id: { $in: await chargeableIds(actor) } } : {};
      return ctx.db.extensions.find({ where, orderBy: [['number', 'asc']], cursor: input.cursor, limit: input.limit });
    },

    async createExtension(principal, input) {
      requireAdmin(principal, 'directory.createExtension');
      const extension = parseInput(ExtensionSchema, { ...input, id: ctx.id('ext') }, 'extension');
      if (!(await ctx.db.departments.get(extension.departmentId))) throw new NotFoundError('department', extension.departmentId);
      const clash = await ctx.db.extensions.find({ where: { number: extension.number }, limit: 1 });
      if (clash.items[0]) throw new ConflictError(`Extension ${extension.number} exists.`, { field: 'number', details: { extensionId: clash.items[0].id } });
      await ctx.db.extensions.insert(extension);
      return extension;
    },

    async updateExtension(principal, id, input) {
      requireAdmin(principal, 'directory.updateExtension');
      const existing = await ctx.db.extensions.get(id);
      if (!existing) throw new NotFoundError('extension', id);
      const extension = parseInput(ExtensionSchema, { ...existing, ...input, id }, 'extension');
      // A department of the organisation: another organisation's is as unknown here as a made-up one.
      if (!(await ctx.db.departments.get(extension.departmentId))) throw new NotFoundError('department', extension.departmentId);
      await ctx.db.extensions.put(extension);
      return extension;
    },

    async removeExtension(principal, id) {
      requireAdmin(principal, 'directory.removeExtension');
      const holders = await ctx.db.numbers.find({ where: { extensionIds: { $contains: id }, removedAt: null }, limit: 1 });
      if (holders.items[0]) {
        throw new ConflictError(`The extension holds ${holders.items[0].e164}: unassign it first.`, { code: 'extension.has_number', details: { numberId: holders.items[0].id } });
      }
      if (!(await ctx.db.extensions.delete(id))) throw new NotFoundError('extension', id);
    },

    async departments(principal, query = {}) {
      const page = parseInput(PageRequest, query, 'query');
      await loadActor(ctx, principal);
      return ctx.db.departments.find({ orderBy: [['name', 'asc']], cursor: page.cursor, limit: page.limit });
    },

    async createDepartment(principal, input) {
      requireAdmin(principal, 'directory.createDepartment');
      checkAlphaTags(input.alphaTags);
      const department = parseInput(DepartmentSchema, { ...input, id: ctx.id('dep') }, 'department');
      await ctx.db.departments.insert(department);
      return department;
    },

    async updateDepartment(principal, id, input) {
      requireAdmin(principal, 'directory.updateDepartment');
      checkAlphaTags(input.alphaTags);
      const existing = await ctx.db.departments.get(id);
      if (!existing) throw new NotFoundError('department', id);
      const department: Department = parseInput(DepartmentSchema, { ...existing, ...input, id }, 'department');
      await ctx.db.departments.put(department);
      return department;
    },
  };
}

