import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { KeywordRule } from '../model/index.js';
import { KeywordRoutes, KeywordRuleCreate, KeywordRuleUpdate, PageRequest } from '../model/index.js';
import type { KeywordsApi } from '../ports/backend.js';
import { requireAdmin } from './access.js';
import type { EngineContext } from './context.js';
import { normalisePhone, withPhoneAt } from './phones.js';
import { classifierFor } from './settings.js';
import { parseInput, parsePatch } from './validate.js';

const KEYWORD_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,29}$/;

export function createKeywordsApi(ctx: EngineContext): KeywordsApi {
  /** A keyword is one word, not an opt-out/opt-in/help word, and not claimed twice. */
  async function checkKeyword(keyword: string, id: string | null): Promise<void> {
    if (!KEYWORD_PATTERN.test(keyword)) {
      throw new ValidationError('A keyword is one word of letters, digits and hyphens.', { field: 'keyword', value: keyword });
    }
    if (classifierFor(await ctx.settings()).isReserved(keyword)) {
      throw new ValidationError(`"${keyword}" is reserved for opt-out, opt-in or help and cannot be claimed.`, { field: 'keyword', value: keyword });
    }
    const clash = await ctx.db.keywords.find({ where: { keyword }, limit: 1 });
    if (clash.items[0] && clash.items[0].id !== id) {
      throw new ConflictError(`The keyword ${keyword} is already claimed.`, { code: 'keyword.exists', field: 'keyword', details: { keywordId: clash.items[0].id } });
    }
  }

  async function routesOf(input: Partial<KeywordRoutes> | undefined, base: KeywordRoutes): Promise<KeywordRoutes> {
    const routes = KeywordRoutes.parse({ ...base, ...input, mobile: null });
    if (input?.portal && !(await ctx.db.users.get(input.portal))) throw new NotFoundError('user', input.portal);
    const mobileInput = input?.mobile === undefined ? base.mobile : input.mobile;
    const mobile = mobileInput ? normalisePhone(mobileInput, (await ctx.settings()).defaultCountry, 'routes.mobile') : null;
    return { ...routes, mobile };
  }

  /** The routes' mobile as typed ("0412 345 678") becomes E.164 before the schema checks it. */
  async function withRoutesMobile<T extends { routes?: unknown }>(input: T): Promise<T> {
    if (typeof input !== 'object' || input === null || typeof input.routes !== 'object' || input.routes === null) return input;
    return { ...input, routes: withPhoneAt(input.routes, 'mobile', (await ctx.settings()).defaultCountry, 'routes.mobile') };
  }

  async function existing(id: string): Promise<KeywordRule> {
    const rule = await ctx.db.keywords.get(id);
    if (!rule) throw new NotFoundError('keyword', id);
    return rule;
  }

  return {
    async list(principal, query = {}) {
      const page = parseInput(PageRequest, query, 'query');
      requireAdmin(principal, 'keywords.list');
      return ctx.db.keywords.find({ orderBy: [['keyword', 'asc']], cursor: page.cursor, limit: page.limit });
    },

    async get(principal, id) {
      requireAdmin(principal, 'keywords.get');
      return existing(id);
    },

    async create(principal, input) {
      requireAdmin(principal, 'keywords.create');
      const parsed = parseInput(KeywordRuleCreate, await withRoutesMobile(input), 'keyword');
      await checkKeyword(parsed.keyword, null);
      const now = ctx.nowIso();
      const rule: KeywordRule = {
        id: ctx.id('kw'), keyword: parsed.keyword, routes: await routesOf(parsed.routes, KeywordRoutes.parse({})),
        autoReply: parsed.autoReply ?? null, enabled: parsed.enabled ?? true, createdAt: now, updatedAt: now,
      };
      await ctx.db.keywords.insert(rule);
      return rule;
    },

    async update(principal, id, input) {
      requireAdmin(principal, 'keywords.update');
      const patch = parsePatch(KeywordRuleUpdate, await withRoutesMobile(input), 'keyword');
      const rule = await existing(id);
      if (patch.keyword !== undefined) await checkKeyword(patch.keyword, id);
      const updated = await ctx.db.keywords.update(id, {
        ...(patch.keyword !== undefined && { keyword: patch.keyword }),
        ...(patch.routes !== undefined && { routes: await routesOf(patch.routes, rule.routes) }),
        ...(patch.autoReply !== undefined && { autoReply: patch.autoReply }),
        ...(patch.enabled !== undefined && { enabled: patch.enabled }),
        updatedAt: ctx.nowIso(),
      });
      return updated ?? rule;
    },

    async remove(principal, id) {
      requireAdmin(principal, 'keywords.remove');
      if (!(await ctx.db.keywords.delete(id))) throw new NotFoundError('keyword', id);
    },
  };
}
