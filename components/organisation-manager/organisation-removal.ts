import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { Organisation } from '../../src/model/organisation.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import type { LocalizeController } from '../internal/localize.js';
import { renderTextField } from '../internal/text-field.js';
import type { OrganisationManagerTerms } from './organisation-manager.terms.js';

export interface OrganisationRemovalOptions {
  localize: LocalizeController<OrganisationManagerTerms>;
  client: () => SmsClient | undefined;
  form: FormDialogController;
  /** The organisation and all its data were deleted. */
  removed: (organisation: Organisation) => void;
}

/**
 * The removal dialog of `<sms-organisation-manager>`: what is deleted for good, and the organisation's name to type,
 * as the backend asks (`organisations.remove(id, { confirmName })`). Nothing is sent until the name typed is the
 * organisation's.
 */
export class OrganisationRemovalController {
  private organisation: Organisation | null = null;
  private typed = '';
  private touched = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OrganisationRemovalOptions,
  ) {}

  open(organisation: Organisation): void {
    const { localize } = this.options;
    this.organisation = organisation;
    this.typed = '';
    this.touched = false;
    void this.options.form.open({
      title: localize.term('organisationRemoveTitle', organisation.name),
      submitLabel: localize.term('organisationRemoveConfirm'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
      danger: true,
    });
  }

  private matches(): boolean {
    return this.organisation !== null && this.typed.trim() === this.organisation.name;
  }

  private async submit(): Promise<boolean> {
    const client = this.options.client();
    const organisation = this.organisation;
    this.touched = true;
    this.host.requestUpdate();
    if (!client || !organisation || !this.matches()) {
      await this.host.updateComplete;
      (this.host as unknown as HTMLElement).shadowRoot?.querySelector<HTMLElement>('#remove-confirm-name')?.focus();
      return false;
    }
    await client.organisations.remove(organisation.id, { confirmName: this.typed.trim() });
    this.options.removed(organisation);
    return true;
  }

  private renderBody(): TemplateResult {
    const { localize } = this.options;
    const name = this.organisation?.name ?? '';
    const error = this.touched && !this.matches() ? localize.term('removeConfirmMismatch') : null;
    return html`<p class="remove-warning" part="remove-warning">${localize.term('organisationRemoveMessage')}</p>
      ${renderTextField({
        id: 'remove-confirm-name',
        part: 'confirm-name-input',
        label: localize.term('removeConfirmLabel'),
        hint: localize.term('removeConfirmHint', name),
        maxLength: 200,
        value: this.typed,
        error,
        onInput: (value) => {
          this.typed = value;
          this.host.requestUpdate();
        },
      })}`;
  }
}
