import { css, unsafeCSS, type CSSResult } from 'lit';

/** The colour tokens of theme.ts, by their private names. */
const COLORS = [
  'surface', 'surface-alt', 'text', 'text-muted', 'border', 'accent', 'on-accent', 'warning', 'warning-surface', 'danger', 'success',
] as const;

/**
 * Styles for an element that renders other `<sms-*>` elements in its shadow root (a conversation its composer, a
 * composer its segment counter): the inner ones take the outer one's colours, whatever set them (`scheme="dark"`,
 * the `sms-dark` class, `prefers-color-scheme`, or the page's `--sms-color-*`), and its `color-scheme` for native
 * controls. Without it an inner element would follow only the page.
 *
 * The public tokens are set on `container`, an element of the outer shadow root that holds the inner elements
 * (not on the inner elements themselves: there `--sms-color-x: var(--_x)` would meet the inner element's own
 * `--_x: var(--sms-color-x)` and both would be invalid).
 *
 * @example
 * static styles = [sharedStyles, nestedTheme('.base', 'sms-composer'), styles];
 */
export function nestedTheme(container: string, inner: string): CSSResult {
  const tokens = COLORS.map((name) => `--sms-color-${name}: var(--_${name});`).join('\n');
  return css`
    ${unsafeCSS(container)} {
      ${unsafeCSS(tokens)}
      --sms-focus-ring-color: var(--_focus);
    }
    ${unsafeCSS(inner)} {
      color-scheme: inherit;
    }
  `;
}
