import { Settings, SettingsUpdate } from '../model/index.js';
import type { SettingsApi } from '../ports/backend.js';
import { createKeywordClassifier, type KeywordClassifier } from '../keywords.js';
import { ValidationError } from '../errors/validation-error.js';
import { loadActor, requireAdmin } from './access.js';
import type { EngineContext } from './context.js';
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

export function createSettingsApi(ctx: EngineContext): SettingsApi {
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
      await ctx.saveSettings(next);
      return next;
    },
  };
}
