import { html, type TemplateResult } from 'lit';

/**
 * Text that always reads left to right, isolated from the text around it: a phone number, which right to left
 * (`dir="rtl"`) would otherwise show its groups of digits in reverse order ("678 345 0412"). Inline, so the line
 * around it keeps its own direction and alignment.
 *
 * @example
 * html`<h2 class="title">${conversation.peerName ?? ltrText(this.phone(conversation.peer))}</h2>`
 */
export const ltrText = (text: string): TemplateResult => html`<span dir="ltr">${text}</span>`;
