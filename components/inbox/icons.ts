import { svg } from 'lit';
import { icon } from '../internal/icon.js';

/** Small 24×24 icons (decorative: the buttons that show them carry the label). */

export const plusIcon = icon(svg`<path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"/>`);
export const closeIcon = icon(svg`<path d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>`);
export const bellIcon = icon(svg`<path d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2m6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"/>`);
export const bellOffIcon = icon(
  svg`<path d="M18 16V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1a6 6 0 0 0-2.2.9L18 15.2zM3.3 2.3 2 3.6 6.3 8A6 6 0 0 0 6 11v5l-2 2v1h13.4l3 3 1.3-1.3zM12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2"/>`,
);
export const trashIcon = icon(svg`<path d="M9 3h6l1 1h4v2H4V4h4zM6 7h12l-1 14H7zm3 2v10h2V9zm4 0v10h2V9z"/>`);
export const backIcon = icon(svg`<path d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z"/>`);
