import { html, nothing, type TemplateResult } from 'lit';

/**
 * The loading, empty and error blocks every element shows, in one shape: `part="status"`, a polite region for
 * loading and empty, an alert for errors, and a retry button where there is something to retry. Style with the
 * `.status` rules of controls.styles.ts.
 */
export function renderLoading(text: string): TemplateResult {
  return html`<div part="status" class="status loading" role="status" aria-live="polite" aria-busy="true">${text}</div>`;
}

export function renderEmpty(text: string, action?: TemplateResult): TemplateResult {
  return html`<div part="status" class="status empty" role="status">${text}${action ?? nothing}</div>`;
}

export function renderError(text: string, retry?: { label: string; onRetry: () => void }): TemplateResult {
  return html`<div part="status" class="status error" role="alert">
    <span>${text}</span>
    ${retry ? html`<button class="button" part="retry-button" @click=${retry.onRetry}>${retry.label}</button>` : nothing}
  </div>`;
}
