import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive action: the confirm button is styled as danger. */
  danger?: boolean;
}

/**
 * A modal confirmation on the native `<dialog>` (focus moves into it and returns, Escape cancels, the page behind is
 * inert). `ask()` resolves to true on confirm, false on cancel. Render `confirm.render()` once in the template.
 *
 * @example
 * if (await this.confirm.ask({ title: 'Delete?', message: 'This cannot be undone.', confirmLabel: 'Delete', cancelLabel: 'Cancel', danger: true })) ...
 */
export class ConfirmController implements ReactiveController {
  private request: ConfirmRequest | null = null;
  private resolve: ((answer: boolean) => void) | null = null;
  private readonly dialog = createRef<HTMLDialogElement>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.answer(false);
  }

  get open(): boolean {
    return this.request !== null;
  }

  async ask(request: ConfirmRequest): Promise<boolean> {
    this.answer(false);
    this.request = request;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    if (dialog && !dialog.open) dialog.showModal();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  private answer(value: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    if (this.dialog.value?.open) this.dialog.value.close();
    if (this.request) {
      this.request = null;
      this.host.requestUpdate();
    }
    resolve?.(value);
  }

  render(): TemplateResult | typeof nothing {
    const request = this.request;
    if (!request) return nothing;
    return html`<dialog
      ${ref(this.dialog)}
      part="dialog"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.answer(false);
      }}
    >
      <h2 id="confirm-title" class="dialog-title">${request.title}</h2>
      <p id="confirm-message">${request.message}</p>
      <div class="dialog-actions">
        <button class="button" part="dialog-cancel" autofocus @click=${() => this.answer(false)}>${request.cancelLabel}</button>
        <button class="button ${request.danger ? 'danger' : 'primary'}" part="dialog-confirm" @click=${() => this.answer(true)}>${request.confirmLabel}</button>
      </div>
    </dialog>`;
  }
}
