import { svg, type SVGTemplateResult } from 'lit';

/**
 * A small 24×24 icon from its path. Decorative: the button or text that shows it carries the label.
 *
 * @example
 * export const plusIcon = icon(svg`<path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"/>`);
 */
export const icon = (path: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
