import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { Extension } from '../../src/model/directory.js';
import type { SmsNumber } from '../../src/model/number.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import { emailAccepted, mobileProblem, renderEmailField } from '../internal/forward-fields.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { PhoneFieldController } from '../internal/phone-field.js';
import { checkPhone, renderPhoneField } from '../internal/phone-input.js';
import { readAssignments, type Assignments } from './number-directory.js';
import type { NumberManagerTerms } from './number-manager.terms.js';

type Localize = LocalizeController<NumberManagerTerms>;

const LABEL_MAX = 100;

/** An extension as people name it: "201 Alice Nguyen". */
export function extensionName(localize: Localize, extension: Extension): string {
  return localize.term('extensionName', extension.number, extension.name);
}

export interface NumberFormOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  /** The country numbers typed without a country code are read in. */
  country: () => string | undefined;
  /** A number as the element shows it (national at home). */
  display: (e164: string) => string;
  form: FormDialogController;
  notice: NoticeController;
  /** The number was added or saved (`created`); extensions may have moved from other numbers. */
  saved: (number: SmsNumber, created: boolean) => void;
}

/** Where replies go, as the form saves it. */
interface RoutingInput {
  portal: boolean;
  email: string | null;
  mobile: string | null;
}

/** A move the form makes before saving: the extension leaves the number that holds it. */
interface Move {
  extensionId: string;
  from: SmsNumber;
}

/**
 * The "Add a number" and "Edit" dialogs of `<sms-number-manager>`: the number (validated as typed, when adding), its
 * label, the extensions that hold it, and (when editing) where replies go. An extension already holding another
 * number says which before anything is saved; choosing it is the choice to move it, said in full under the list.
 * Saving moves those extensions first and puts them back if the save then fails.
 */
export class NumberFormController {
  private readonly phone: PhoneFieldController;
  private editing: SmsNumber | null = null;
  private assignments: Assignments = { extensions: [], holders: new Map() };
  private label = '';
  private chosen = new Set<string>();
  private portal = true;
  private email = '';
  private mobile = '';
  /** The form was submitted: the routing's errors show. */
  private touched = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NumberFormOptions,
  ) {
    this.phone = new PhoneFieldController(host, { localize: options.localize, country: options.country });
  }

  /** Opens the dialog to add a number, once the extensions and their numbers are read. */
  async openAdd(): Promise<void> {
    const { localize } = this.options;
    if (!(await this.prepare(null))) return;
    this.phone.reset();
    void this.options.form.open({
      title: localize.term('addNumberTitle'),
      submitLabel: localize.term('numberAddButton'),
      cancelLabel: localize.term('cancel'),
      body: () => html`${this.phone.render('number-phone')} ${this.renderLabel()} ${this.renderExtensions()}`,
      submit: () => this.submitAdd(),
    });
  }

  /** Opens the dialog to edit a number in service: label, extensions, routing. */
  async openEdit(number: SmsNumber): Promise<void> {
    const { localize, display } = this.options;
    if (!(await this.prepare(number))) return;
    void this.options.form.open({
      title: localize.term('editNumberTitle', display(number.e164)),
      submitLabel: localize.term('save'),
      cancelLabel: localize.term('cancel'),
      body: () => html`${this.renderLabel()} ${this.renderExtensions()} ${this.renderRouting()}`,
      submit: () => this.submitEdit(number),
    });
  }

  private async prepare(number: SmsNumber | null): Promise<boolean> {
    const client = this.options.client();
    if (!client) return false;
    let assignments: Assignments | undefined;
    const read = await this.options.notice.attempt(async () => (assignments = await readAssignments(client)));
    if (!read || !assignments) return false;
    this.assignments = assignments;
    this.editing = number;
    this.label = number?.label ?? '';
    this.chosen = new Set(number?.extensionIds ?? []);
    this.portal = number?.routing.portal ?? true;
    this.email = number?.routing.email ?? '';
    this.mobile = number?.routing.mobile ?? '';
    this.touched = false;
    this.host.requestUpdate();
    return true;
  }

  // --- saving ---

  /** The chosen extensions that another number holds now: they move. */
  private moves(): Move[] {
    const moves: Move[] = [];
    for (const extensionId of this.chosen) {
      const from = this.assignments.holders.get(extensionId);
      if (from && from.id !== this.editing?.id) moves.push({ extensionId, from });
    }
    return moves;
  }

  /** Runs `save` after the moves; when it fails, the moved extensions go back to their numbers. */
  private async withMoves<T>(client: SmsClient, save: () => Promise<T>): Promise<T> {
    const done: Move[] = [];
    try {
      for (const move of this.moves()) {
        await client.numbers.unassign(move.from.id, move.extensionId);
        done.push(move);
      }
      return await save();
    } catch (error) {
      for (const move of done.reverse()) await client.numbers.assign(move.from.id, move.extensionId).catch(() => undefined);
      throw error;
    }
  }

  private async submitAdd(): Promise<boolean> {
    const client = this.options.client();
    const check = this.phone.submit();
    if (!client || check.status !== 'valid') return false;
    let number: SmsNumber;
    try {
      number = await this.withMoves(client, () => client.numbers.create({ e164: check.e164, label: this.label.trim(), extensionIds: [...this.chosen] }));
    } catch (error) {
      return this.phone.refused(error);
    }
    this.options.notice.say(this.options.localize.term('numberAdded', this.options.display(number.e164)));
    this.options.saved(number, true);
    return true;
  }

  private async submitEdit(number: SmsNumber): Promise<boolean> {
    const client = this.options.client();
    this.touched = true;
    this.host.requestUpdate();
    const routing = this.routingInput();
    if (!client || !routing) return false;
    const changed = routing.portal !== number.routing.portal || routing.email !== number.routing.email || routing.mobile !== number.routing.mobile;
    const saved = await this.withMoves(client, () => client.numbers.update(number.id, { label: this.label.trim(), extensionIds: [...this.chosen] }));
    const final: SmsNumber = changed ? { ...saved, routing: await client.numbers.setRouting(number.id, routing) } : saved;
    this.options.notice.say(this.options.localize.term('numberSaved', this.options.display(final.e164)));
    this.options.saved(final, false);
    return true;
  }

  /** The routing as typed, or null while something in it is wrong (its error shows). */
  private routingInput(): RoutingInput | null {
    if (this.emailError() || this.mobileError() || this.nowhere()) return null;
    const mobile = checkPhone(this.mobile, this.options.country());
    return { portal: this.portal, email: this.email.trim() || null, mobile: mobile.status === 'valid' ? mobile.e164 : null };
  }

  private emailError(): string | null {
    return emailAccepted(this.email) ? null : this.options.localize.term('routingEmailInvalid');
  }

  private mobileError(): string | null {
    return mobileProblem(this.mobile, this.options.country(), (key) => this.options.localize.term(key));
  }

  private nowhere(): boolean {
    return !this.portal && this.email.trim() === '' && this.mobile.trim() === '';
  }

  // --- rendering ---

  private renderLabel(): TemplateResult {
    const { localize } = this.options;
    return html`<div class="field">
      <label for="number-label">${localize.term('label')}</label>
      <input
        id="number-label"
        class="input"
        part="label-input"
        maxlength=${LABEL_MAX}
        autocomplete="off"
        aria-describedby="number-label-hint"
        .value=${this.label}
        @input=${(event: Event) => {
          this.label = (event.target as HTMLInputElement).value;
          this.host.requestUpdate();
        }}
      />
      <span id="number-label-hint" class="hint">${localize.term('numberLabelHint')}</span>
    </div>`;
  }

  private renderExtensions(): TemplateResult {
    const { localize } = this.options;
    const { extensions } = this.assignments;
    const moves = this.moves();
    const here = this.editing ? this.options.display(this.editing.e164) : localize.term('thisNumber');
    const byId = new Map(extensions.map((extension) => [extension.id, extension]));
    return html`<fieldset class="choices" part="extensions-field" aria-describedby="extensions-hint">
      <legend>${localize.term('extensionsLegend')}</legend>
      <span id="extensions-hint" class="hint">${localize.term('extensionsHint')}</span>
      ${extensions.length === 0
        ? html`<p class="hint">${localize.term('extensionsNone')}</p>`
        : html`<ul class="choice-list">
            ${extensions.map((extension, index) => {
              const holder = this.assignments.holders.get(extension.id);
              const elsewhere = holder && holder.id !== this.editing?.id ? holder : undefined;
              return html`<li>
                <label class="choice">
                  <input
                    type="checkbox"
                    part="extension-choice"
                    .checked=${this.chosen.has(extension.id)}
                    aria-describedby=${elsewhere ? `holder-${index}` : nothing}
                    @change=${(event: Event) => this.choose(extension.id, (event.target as HTMLInputElement).checked)}
                  />
                  <span><bdi>${extensionName(localize, extension)}</bdi></span>
                </label>
                ${elsewhere
                  ? html`<span id="holder-${index}" class="hint holder"
                      >${elsewhere.label
                        ? localize.term('holdsNumberLabelled', this.options.display(elsewhere.e164), elsewhere.label)
                        : localize.term('holdsNumber', this.options.display(elsewhere.e164))}</span
                    >`
                  : nothing}
              </li>`;
            })}
          </ul>`}
      <div class="moves" part="moves" aria-live="polite">
        ${moves.map((move) => {
          const extension = byId.get(move.extensionId);
          const name = extension ? extensionName(localize, extension) : move.extensionId;
          return html`<p class="field-warning">${localize.term('willMove', name, this.options.display(move.from.e164), here)}</p>`;
        })}
      </div>
    </fieldset>`;
  }

  private choose(extensionId: string, checked: boolean): void {
    if (checked) this.chosen.add(extensionId);
    else this.chosen.delete(extensionId);
    this.host.requestUpdate();
  }

  private renderRouting(): TemplateResult {
    const { localize } = this.options;
    const show = this.touched;
    const emailError = this.emailError();
    const nowhere = show && this.nowhere();
    return html`<fieldset class="choices" part="routing-field" aria-describedby="routing-hint">
      <legend>${localize.term('routingLegend')}</legend>
      <span id="routing-hint" class="hint">${localize.term('routingHint')}</span>
      <label class="choice">
        <input
          type="checkbox"
          part="routing-portal"
          .checked=${this.portal}
          @change=${(event: Event) => {
            this.portal = (event.target as HTMLInputElement).checked;
            this.host.requestUpdate();
          }}
        />
        <span>${localize.term('routingPortal')}</span>
      </label>
      ${renderEmailField({
        id: 'routing-email',
        label: localize.term('routingEmail'),
        value: this.email,
        hint: localize.term('routingEmailHint'),
        error: emailError,
        onInput: (value) => {
          this.email = value;
          this.host.requestUpdate();
        },
      })}
      ${renderPhoneField({
        id: 'routing-mobile',
        label: localize.term('routingMobile'),
        value: this.mobile,
        hint: localize.term('routingMobileHint'),
        error: this.mobileError(),
        onInput: (value) => {
          this.mobile = value;
          this.host.requestUpdate();
        },
      })}
      ${nowhere ? html`<p class="field-error" role="alert">${localize.term('routingNowhere')}</p>` : nothing}
    </fieldset>`;
  }
}
