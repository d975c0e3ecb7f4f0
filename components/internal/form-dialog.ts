import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';

export interface FormDialogRequest {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  /** The fields, rendered at each update so that they show the element's current state. */
  body: () => TemplateResult;
  /**
   * Runs on submit (the button or Enter). Resolve true to close, false to stay open (the element shows its own
   * field errors); a rejection is shown above the buttons as `describe(error)`.
   */
  submit: () => Promise<boolean>;
  /** A destructive action (remove for good): the submit button is styled as danger. */
  danger?: boolean;
}

/**
 * A modal form on the native `<dialog>` (create, rename, add a number...): focus moves to its first field and
 * returns on close, Escape and Cancel close it, Enter submits, the submit button is busy while `submit` runs and
 * errors stay inside the dialog with what was typed. Render `dialog.render()` once in the template.
 *
 * @example
 * this.form.open({ title: 'New list', submitLabel: 'Create', cancelLabel: 'Cancel', body: () => html`...`, submit: () => this.create() });
 */
export class FormDialogController implements ReactiveController {
  busy = false;
  error: string | null = null;
  private request: FormDialogRequest | null = null;
  private readonly dialog = createRef<HTMLDialogElement>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly describe: (error: unknown) => string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  get isOpen(): boolean {
    return this.request !== null;
  }

  async open(request: FormDialogRequest): Promise<void> {
    this.request = request;
    this.busy = false;
    this.error = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  close(): void {
    if (this.dialog.value?.open) this.dialog.value.close();
    if (!this.request) return;
    this.request = null;
    this.busy = false;
    this.error = null;
    this.host.requestUpdate();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const request = this.request;
    if (!request || this.busy) return;
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    let done = false;
    try {
      done = await request.submit();
    } catch (error) {
      this.error = this.describe(error);
    }
    if (this.request !== request) return;
    this.busy = false;
    if (done) this.close();
    else this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const request = this.request;
    if (!request) return nothing;
    return html`<dialog
      ${ref(this.dialog)}
      part="form-dialog"
      aria-labelledby="form-dialog-title"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.close();
      }}
    >
      <form class="dialog-form" novalidate @submit=${(event: Event) => void this.onSubmit(event)}>
        <h2 id="form-dialog-title" class="dialog-title">${request.title}</h2>
        ${request.body()}
        ${this.error ? html`<p class="form-error field-error" role="alert">${this.error}</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" class="button" part="dialog-cancel" @click=${() => this.close()}>${request.cancelLabel}</button>
          <button type="submit" class="button ${request.danger ? 'danger' : 'primary'}" part="dialog-submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${request.submitLabel}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}
