import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';

/** The colour schemes of the Storybook toolbar (the `scheme` global). */
export type Scheme = 'light' | 'dark';

/** The globals every story starts with, before its own `globals`. */
export const initialGlobals = { scheme: 'light' as Scheme };

/**
 * Gives the elements of a story the toolbar's scheme as the `sms-light` / `sms-dark` class (what a portal without a
 * `scheme` attribute would do); an element whose story sets its own `scheme` attribute keeps it.
 */
function paint(root: Element | undefined, scheme: Scheme): void {
  if (!root) return;
  requestAnimationFrame(() => {
    for (const element of root.querySelectorAll('*')) {
      if (!element.localName.startsWith('sms-')) continue;
      element.classList.toggle('sms-dark', scheme === 'dark');
      element.classList.toggle('sms-light', scheme === 'light');
    }
  });
}

/**
 * Paints the page in the story's colour scheme (the `scheme` global): `color-scheme`, the background and the text
 * colour of the page around the element, as a portal in that scheme would, and the elements of the story in it.
 *
 * @example
 * const preview: Preview = { initialGlobals, decorators: [schemeDecorator] };
 */
export function schemeDecorator(story: () => unknown, context: { globals: Record<string, unknown> }): TemplateResult {
  const scheme: Scheme = context.globals.scheme === 'dark' ? 'dark' : 'light';
  document.documentElement.style.colorScheme = scheme;
  document.body.style.background = scheme === 'dark' ? '#121417' : '#ffffff';
  document.body.style.color = scheme === 'dark' ? '#e8eaed' : '#1f2328';
  return html`<div style="display: contents" ${ref((root) => paint(root, scheme))}>${story()}</div>`;
}
