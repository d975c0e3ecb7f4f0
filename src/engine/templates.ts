import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import type { Principal, SmsEventMap, Template } from '../model/index.js';
import { TemplateCreate, TemplateQuery, TemplateUpdate } from '../model/index.js';
import type { TemplatesApi } from '../ports/backend.js';
import type { Where } from '../ports/store.js';
import { templateFields } from '../template.js';
import { loadActor } from './access.js';
import type { EngineContext } from './context.js';
import { parseInput } from './validate.js';

/** Administrators write global templates; users write their own personal ones. All read global ones. */
function assertCanWrite(principal: Principal, template: Pick<Template, 'scope' | 'ownerId'>, action: string): void {
  if (template.scope === 'global' ? principal.role !== 'admin' : principal.role !== 'user' || template.ownerId !== principal.userId) {
    throw new PermissionError(
      template.scope === 'global' ? 'Only an administrator can change global templates.' : 'Personal templates belong to their owner.',
      { action, code: template.scope === 'global' ? 'permission.admin_only' : 'permission.denied' },
    );
  }
}

/** Tells those who may use a template (everyone for a global one, its owner for a personal one) that it changed. */
function emitChanged(ctx: EngineContext, action: SmsEventMap['template.changed']['action'], template: Template): void {
  if (ctx.events.hasSubscribers) ctx.events.emit('template.changed', { action, template });
}

export function createTemplatesApi(ctx: EngineContext): TemplatesApi {
  async function readable(principal: Principal, id: string): Promise<Template> {
    const template = await ctx.db.templates.get(id);
    if (!template || (template.scope === 'personal' && template.ownerId !== principal.userId)) throw new NotFoundError('template', id);
    return template;
  }

  return {
    async list(principal, query = {}) {
      const input = parseInput(TemplateQuery, query, 'query');
      await loadActor(ctx, principal);
      const where: Where<Template> =
        input.scope === 'global' ? { scope: 'global' } : input.scope === 'personal' ? { scope: 'personal', ownerId: principal.userId } : { ownerId: { $in: [null, principal.userId] } };
      const text = input.query?.trim();
      return ctx.db.templates.find({
        where, search: text ? { fields: ['name', 'body'], text } : undefined, orderBy: [['name', 'asc']], cursor: input.cursor, limit: input.limit,
      });
    },

    get: readable,

    async create(principal, input) {
      const parsed = parseInput(TemplateCreate, input, 'template');
      const ownerId = parsed.scope === 'personal' ? principal.userId : null;
      assertCanWrite(principal, { scope: parsed.scope, ownerId }, 'templates.create');
      await loadActor(ctx, principal);
      const now = ctx.nowIso();
      const template: Template = {
        id: ctx.id('tpl'), scope: parsed.scope, ownerId, name: parsed.name, body: parsed.body, fields: templateFields(parsed.body), createdAt: now, updatedAt: now,
      };
      await ctx.db.templates.insert(template);
      emitChanged(ctx, 'created', template);
      return template;
    },

    async update(principal, id, input) {
      const patch = parseInput(TemplateUpdate, input, 'template');
      const existing = await readable(principal, id);
      assertCanWrite(principal, existing, 'templates.update');
      const body = patch.body ?? existing.body;
      const updated = await ctx.db.templates.update(id, { name: patch.name ?? existing.name, body, fields: templateFields(body), updatedAt: ctx.nowIso() });
      if (!updated) throw new NotFoundError('template', id);
      emitChanged(ctx, 'updated', updated);
      return updated;
    },

    async remove(principal, id) {
      const existing = await readable(principal, id);
      assertCanWrite(principal, existing, 'templates.remove');
      await ctx.db.templates.delete(id);
      emitChanged(ctx, 'removed', existing);
    },
  };
}
