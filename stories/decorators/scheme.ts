/** The colour schemes of the Storybook toolbar (the `scheme` global). */
export type Scheme = 'light' | 'dark';

/** The globals every story starts with, before its own `globals`. */
export const initialGlobals = { scheme: 'light' as Scheme };

/**
 * Paints the page in the story's colour scheme (the `scheme` global): `color-scheme`, the background and the text
 * colour of the page around the element, as a portal in that scheme would.
 *
 * @example
 * const preview: Preview = { initialGlobals, decorators: [schemeDecorator] };
 */
export function schemeDecorator<T>(story: () => T, context: { globals: Record<string, unknown> }): T {
  const scheme: Scheme = context.globals.scheme === 'dark' ? 'dark' : 'light';
  document.documentElement.style.colorScheme = scheme;
  document.body.style.background = scheme === 'dark' ? '#121417' : '#ffffff';
  document.body.style.color = scheme === 'dark' ? '#e8eaed' : '#1f2328';
  return story();
}
