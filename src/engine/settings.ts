import { Settings, SettingsUpdate } from '../model/index.js';
import type { SettingsApi } from '../ports/backend.js';
import { createKeywordClassifier, type KeywordClassifier } from '../keywords.js';
import { ConflictError } from '../errors/conflict-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { loadActor, requireAdmin } from './access.js';
import type { EngineContext } from './context.js';
import type { OrganisationDirectory } from './organisation-directory.js';
import { parseInput, parsePatch } from './validate.js';

const classifiers = new WeakMap<object, KeywordClassifier>();

/** The opt-out / opt-in / help classifier for the current settings (defaults plus the configured extra words). */
export function classifierFor(settings: Settings): KeywordClassifier {
  let classifier = classifiers.get(settings.keywords);
  if (!classifier) {
    classifier = createKeywordClassifier({ extend: settings.keywords });
    classifiers.set(settings.keywords, classifier);
  }
  return classifier;
}

/** The organisation's settings. Its short code is an address inbound traffic is routed by: one organisation holds it. */
export function createSettingsApi(ctx: EngineContext, organisations: OrganisationDirectory): SettingsApi {
  return {
    async get(principal) {
      await loadActor(ctx, principal);
      return ctx.settings();
    },

    async update(principal, patch) {
      requireAdmin(principal, 'settings.update');
      const changes = parsePatch(SettingsUpdate, patch, 'settings');
      const next = parseInput(Settings, { ...(await ctx.settings()), ...changes }, 'settings');
      try {
        classifierFor(next);
      } catch (error) {
        throw new ValidationError(error instanceof Error ? error.message : 'Invalid keywords', { field: 'keywords', cause: error });
      }
      const previous = await ctx.settings();
      if (next.shortCode !== previous.shortCode) {
        if (next.shortCode !== null && !(await organisations.claimAddress(next.shortCode, ctx.organisationId, null))) {
          throw new ConflictError(`The short code ${next.shortCode} belongs to another organisation.`, { code: 'settings.short_code_taken', field: 'shortCode' });
        }
        if (previous.shortCode !== null) await organisations.releaseAddress(previous.shortCode, ctx.organisationId);
      }
      await ctx.saveSettings(next);
      return next;
    },
  };
}
