import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { BlocklistEntry } from '../../src/model/blocklist.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { PhoneFieldController } from '../internal/phone-field.js';
import { formatPhone } from '../internal/phone.js';
import type { BlocklistManagerTerms } from './blocklist-manager.terms.js';

type Localize = LocalizeController<BlocklistManagerTerms>;

export interface BlocklistAddOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  /** The country numbers typed without a country code are read in. */
  country: () => string | undefined;
  form: FormDialogController;
  notice: NoticeController;
  /** Changes this element asks for (`added:+61...`), whose live events are not announced again. */
  ownChanges: Set<string>;
  /** The number is blocked (or already was): show it. */
  added: (entry: BlocklistEntry) => void;
}

/**
 * The "Block a number" dialog of `<sms-blocklist-manager>`: the number, validated as it is typed in the element's
 * country, and a reason; says whether it was blocked or already was.
 */
export class BlocklistAddController {
  private readonly phone: PhoneFieldController;
  private reason = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BlocklistAddOptions,
  ) {
    this.phone = new PhoneFieldController(host, { localize: options.localize, country: options.country });
  }

  private renderForm(): TemplateResult {
    const { localize } = this.options;
    return html`
      ${this.phone.render('block-phone')}
      <div class="field">
        <label for="block-reason">${localize.term('reason')}</label>
        <textarea
          id="block-reason"
          class="input"
          rows="2"
          maxlength="500"
          aria-describedby="block-reason-hint"
          .value=${this.reason}
          @input=${(event: Event) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
            this.host.requestUpdate();
          }}
        ></textarea>
        <span id="block-reason-hint" class="hint">${localize.term('reasonHint')}</span>
      </div>
    `;
  }

  open(): void {
    const { localize, ownChanges } = this.options;
    this.phone.reset();
    this.reason = '';
    void this.options.form.open({
      title: localize.term('blocklistAddTitle'),
      submitLabel: localize.term('blockButton'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderForm(),
      submit: async () => {
        const client = this.options.client();
        const check = this.phone.submit();
        if (!client || check.status !== 'valid') return false;
        let entry: BlocklistEntry;
        let already: boolean;
        const own = `added:${check.e164}`;
        try {
          already = (await client.blocklist.check([check.e164])).length > 0;
          ownChanges.add(own);
          entry = await client.blocklist.add({ e164: check.e164, reason: this.reason.trim() || undefined });
        } catch (error) {
          ownChanges.delete(own);
          return this.phone.refused(error);
        }
        if (already) ownChanges.delete(own);
        this.options.notice.say(localize.term(already ? 'alreadyBlocked' : 'numberBlocked', formatPhone(entry.e164)));
        this.options.added(entry);
        return true;
      },
    });
  }
}
