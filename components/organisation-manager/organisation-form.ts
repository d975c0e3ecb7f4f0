import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { Organisation, OrganisationLimits } from '../../src/model/organisation.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { renderTextField } from '../internal/text-field.js';
import type { OrganisationManagerTerms } from './organisation-manager.terms.js';

type Localize = LocalizeController<OrganisationManagerTerms>;

/** The backend's rules: a name of 1 to 200 characters, an id of the host's own, caps that are whole numbers. */
const NAME_MAX = 200;
const ID_MAX = 100;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CAP_MAX: Record<keyof OrganisationLimits, number> = { sendsPerSecond: 100_000, sendsPerDay: 1_000_000_000 };

export interface OrganisationFormOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  form: FormDialogController;
  notice: NoticeController;
  /** What the organisation used this month, said in the edit dialog (the table drops its usage when narrow). */
  usage: (organisation: Organisation) => string | null;
  /** The organisation was created or saved. */
  saved: (organisation: Organisation) => void;
}

/** A cap as typed: empty for none, else a whole number within the backend's bounds. */
function readCap(typed: string, max: number): { ok: true; value: number | null } | { ok: false } {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  if (!/^\d+$/.test(text)) return { ok: false };
  const value = Number(text);
  return value >= 1 && value <= max ? { ok: true, value } : { ok: false };
}

/**
 * The "Create an organisation" and "Edit" dialogs of `<sms-organisation-manager>`: the name, the host's own id (when
 * creating), and the caps on sends (per second, per UTC day; empty for none), each checked as typed.
 */
export class OrganisationFormController {
  private editing: Organisation | null = null;
  private name = '';
  private id = '';
  private caps: Record<keyof OrganisationLimits, string> = { sendsPerSecond: '', sendsPerDay: '' };
  /** The form was submitted: the errors of empty fields show. */
  private touched = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OrganisationFormOptions,
  ) {}

  openAdd(): void {
    const { localize } = this.options;
    this.prepare(null);
    void this.options.form.open({
      title: localize.term('addOrganisationTitle'),
      submitLabel: localize.term('organisationAddButton'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  openEdit(organisation: Organisation): void {
    const { localize } = this.options;
    this.prepare(organisation);
    void this.options.form.open({
      title: localize.term('editOrganisationTitle', organisation.name),
      submitLabel: localize.term('save'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderBody(),
      submit: () => this.submit(),
    });
  }

  private prepare(organisation: Organisation | null): void {
    this.editing = organisation;
    this.name = organisation?.name ?? '';
    this.id = '';
    this.caps = {
      sendsPerSecond: organisation?.limits.sendsPerSecond?.toString() ?? '',
      sendsPerDay: organisation?.limits.sendsPerDay?.toString() ?? '',
    };
    this.touched = false;
  }

  // --- checks ---

  private nameError(): string | null {
    const { localize } = this.options;
    const name = this.name.trim();
    if (name === '') return this.touched ? localize.term('organisationNameRequired') : null;
    return name.length > NAME_MAX ? localize.term('nameTooLong') : null;
  }

  private idError(): string | null {
    const id = this.id.trim();
    return id === '' || ID_PATTERN.test(id) ? null : this.options.localize.term('organisationIdInvalid');
  }

  private capError(cap: keyof OrganisationLimits): string | null {
    const max = CAP_MAX[cap];
    return readCap(this.caps[cap], max).ok ? null : this.options.localize.term('capInvalid', this.options.localize.number(max));
  }

  // --- saving ---

  private async submit(): Promise<boolean> {
    const client = this.options.client();
    this.touched = true;
    this.host.requestUpdate();
    const perSecond = readCap(this.caps.sendsPerSecond, CAP_MAX.sendsPerSecond);
    const perDay = readCap(this.caps.sendsPerDay, CAP_MAX.sendsPerDay);
    if (!client || this.nameError() || this.idError() || !perSecond.ok || !perDay.ok) {
      await this.host.updateComplete;
      (this.host as unknown as HTMLElement).shadowRoot?.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
      return false;
    }
    const limits = { sendsPerSecond: perSecond.value, sendsPerDay: perDay.value };
    const name = this.name.trim();
    const id = this.id.trim();
    const organisation = this.editing
      ? await client.organisations.update(this.editing.id, { name, limits })
      : await client.organisations.create({ name, limits, ...(id && { id }) });
    this.options.notice.say(this.options.localize.term(this.editing ? 'organisationSaved' : 'organisationAdded', organisation.name));
    this.options.saved(organisation);
    return true;
  }

  // --- rendering ---

  private update(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  private renderBody(): TemplateResult {
    const { localize } = this.options;
    const usage = this.editing && this.options.usage(this.editing);
    return html`${renderTextField({
        id: 'organisation-name',
        part: 'name-input',
        label: localize.term('name'),
        hint: localize.term('nameHint'),
        maxLength: NAME_MAX,
        value: this.name,
        error: this.nameError(),
        onInput: (value) => this.update(() => (this.name = value)),
      })}
      ${this.editing
        ? nothing
        : renderTextField({
            id: 'organisation-id',
            part: 'id-input',
            label: localize.term('organisationId'),
            hint: localize.term('organisationIdHint'),
            maxLength: ID_MAX,
            value: this.id,
            error: this.idError(),
            onInput: (value) => this.update(() => (this.id = value)),
          })}
      <fieldset class="choices" part="caps-field" aria-describedby="caps-hint">
        <legend>${localize.term('capsLegend')}</legend>
        <span id="caps-hint" class="hint">${localize.term('capsHint')}</span>
        ${this.renderCap('sendsPerSecond', localize.term('sendsPerSecond'), localize.term('sendsPerSecondHint'))}
        ${this.renderCap('sendsPerDay', localize.term('sendsPerDay'), localize.term('sendsPerDayHint'))}
      </fieldset>
      ${usage ? html`<p class="hint usage-line">${usage}</p>` : nothing}`;
  }

  private renderCap(cap: keyof OrganisationLimits, label: string, hint: string): TemplateResult {
    return renderTextField({
      id: `cap-${cap}`,
      part: 'cap-input',
      classes: 'input cap-input',
      inputMode: 'numeric',
      label,
      hint,
      maxLength: 10,
      value: this.caps[cap],
      error: this.capError(cap),
      onInput: (value) => this.update(() => (this.caps = { ...this.caps, [cap]: value })),
    });
  }
}
