import { css, unsafeCSS } from 'lit';

/** Light defaults of the colour tokens. */
const light = {
  surface: '#ffffff',
  'surface-alt': '#f3f5f7',
  text: '#1f2328',
  'text-muted': '#57606a',
  border: '#c9d1d9',
  accent: '#0a58ca',
  'on-accent': '#ffffff',
  warning: '#8a4600',
  'warning-surface': '#fff4e5',
  danger: '#b3261e',
  success: '#146c2e',
};

/** Dark defaults of the colour tokens. */
const dark: typeof light = {
  surface: '#1c1f24',
  'surface-alt': '#2a2f36',
  text: '#e6e8eb',
  'text-muted': '#a8b1bb',
  border: '#444c56',
  accent: '#8ab4f8',
  'on-accent': '#0b1b36',
  warning: '#ffcc80',
  'warning-surface': '#3a2a10',
  danger: '#f2b8b5',
  success: '#8fd19e',
};

function colors(palette: typeof light) {
  const declarations = Object.entries(palette).map(([name, value]) => `--_${name}: var(--sms-color-${name}, ${value});`);
  declarations.push(`--_focus: var(--sms-focus-ring-color, ${palette.accent});`);
  return unsafeCSS(declarations.join('\n'));
}

/**
 * The design tokens every element shares. A page themes the elements by setting the public `--sms-*` properties
 * on an element or on any ancestor (`:root` included); each element reads them through private `--_*` copies
 * whose defaults are light, dark under `prefers-color-scheme: dark`, and forced with `scheme="dark"` /
 * `scheme="light"` (or the classes `sms-dark` / `sms-light`) on the element.
 *
 * Public tokens (document the ones an element uses with `@cssproperty` in its class comment):
 * `--sms-color-surface`, `--sms-color-surface-alt`, `--sms-color-text`, `--sms-color-text-muted`,
 * `--sms-color-border`, `--sms-color-accent`, `--sms-color-on-accent`, `--sms-color-warning`,
 * `--sms-color-warning-surface`, `--sms-color-danger`, `--sms-color-success`, `--sms-focus-ring-color`,
 * `--sms-focus-ring-width`, `--sms-font-family`, `--sms-font-size`, `--sms-radius`, `--sms-spacing`,
 * `--sms-transition-duration`.
 */
export const tokens = css`
  :host {
    ${colors(light)}
    --_focus-width: var(--sms-focus-ring-width, 2px);
    --_font-size: var(--sms-font-size, 0.875rem);
    --_radius: var(--sms-radius, 6px);
    --_spacing: var(--sms-spacing, 0.5rem);
    --_duration: var(--sms-transition-duration, 150ms);
    color-scheme: light;
    color: var(--_text);
    font-family: var(--sms-font-family, inherit);
    font-size: var(--_font-size);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([scheme='light']):not(.sms-light)) {
      ${colors(dark)}
      color-scheme: dark;
    }
  }
  :host([scheme='dark']),
  :host(.sms-dark) {
    ${colors(dark)}
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
`;

/** The visible focus ring, on keyboard focus only. */
export const focusRing = css`
  :focus {
    outline: none;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** No motion for those who ask for none. */
export const reducedMotion = css`
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0s;
    }
    *,
    *::before,
    *::after {
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0s !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Hidden from sight, still read by screen readers: live regions and extra labels. */
export const visuallyHidden = css`
  .sms-visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** Everything above, for `static styles = [sharedStyles, styles]`. */
export const sharedStyles = [tokens, focusRing, reducedMotion, visuallyHidden];
