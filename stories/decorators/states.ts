import type { TemplateResult } from 'lit';
import { html } from 'lit';
import { registerTranslation, type SmsTranslation } from '../../components/index.js';
import type { DemoUserKey, SmsClient } from '../../src/index.js';
import { clientFor, createEmptyBackend, failingBackend, stalledBackend } from './backends.js';
import { demoBackend } from './demo.js';

type Who = DemoUserKey | 'admin';

/**
 * Loaders for the states every element's stories show, on the shared backends: `{ client }` for the story's render.
 *
 * @example
 * export const Loading: Story = { loaders: [stateLoaders.loading('alice')] };
 */
export const stateLoaders = {
  /** The demo backend for `who`, every call pending: the loading state. */
  loading: (who: Who) => async (): Promise<{ client: SmsClient }> => {
    const demo = await demoBackend();
    return { client: clientFor(stalledBackend(demo.backend), demo.world.principals[who]) };
  },
  /** A fresh backend with nothing in it, for its user or its administrator: the empty state. */
  empty: (role: 'user' | 'admin') => async (): Promise<{ client: SmsClient }> => {
    const empty = await createEmptyBackend();
    return { client: clientFor(empty.backend, role === 'admin' ? empty.admin : empty.user) };
  },
  /** The demo backend for `who`, unreachable until `recoverAfterMs`: the error state, and a retry that works later. */
  error:
    (who: Who, recoverAfterMs = 1500) =>
    async (): Promise<{ client: SmsClient }> => {
      const demo = await demoBackend();
      const failing = failingBackend(demo.backend);
      setTimeout(() => failing.recover(), recoverAfterMs);
      return { client: clientFor(failing, demo.world.principals[who]) };
    },
};

/** A story decorator that registers translations and renders the story in their language. */
export function inLanguage(lang: string, ...translations: SmsTranslation[]): (story: () => unknown) => TemplateResult {
  return (story) => {
    registerTranslation(...translations);
    return html`<div lang=${lang}>${story()}</div>`;
  };
}

/** The narrow and dark stories every element has (its render reads `width` and `scheme` from its args). */
export const layoutStories = {
  narrow: { args: { width: '22rem' } },
  dark: { args: { scheme: 'dark' as const }, globals: { scheme: 'dark' } },
};
