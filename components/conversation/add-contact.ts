import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { Conversation } from '../../src/model/conversation.js';
import { FormDialogController } from '../internal/form-dialog.js';
import type { LocalizeController } from '../internal/localize.js';
import type { conversationTerms } from './conversation.terms.js';

const CONTACT_LABELS = ['labelMobile', 'labelWork', 'labelHome', 'labelOther'] as const;

type Label = (typeof CONTACT_LABELS)[number];

export interface AddContactRequest {
  client: SmsClient;
  conversation: Conversation;
  /** The number as the conversation shows it, for the form's title. */
  shownNumber: string;
  /** The contact is saved: the conversation as the backend now has it (with the contact's name). */
  onSaved: (conversation: Conversation) => void;
}

/**
 * The "Add to contacts" form of `<sms-conversation>`: a name and a label for the unknown number, saved as a personal
 * contact. Loaded on demand, when the user first opens it. Render `render()` in the element's template.
 */
export class AddContactForm {
  private draft = { name: '', label: 'labelMobile' as Label, nameError: '' };
  private readonly form: FormDialogController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController<typeof conversationTerms>,
    describe: (error: unknown) => string,
  ) {
    this.form = new FormDialogController(host, describe);
  }

  open({ client, conversation, shownNumber, onSaved }: AddContactRequest): void {
    const { localize } = this;
    this.draft = { name: '', label: 'labelMobile', nameError: '' };
    void this.form.open({
      title: localize.term('conversationAddContactTitle', shownNumber),
      submitLabel: localize.term('save'),
      cancelLabel: localize.term('cancel'),
      body: () => this.renderFields(),
      submit: async () => {
        const name = this.draft.name.trim();
        if (!name) {
          this.edit({ nameError: localize.term('required') });
          return false;
        }
        await client.contacts.create({ scope: 'personal', name, numbers: [{ e164: conversation.peer, label: localize.term(this.draft.label) }] });
        onSaved(await client.conversations.get(conversation.id));
        return true;
      },
    });
  }

  render(): ReturnType<FormDialogController['render']> {
    return this.form.render();
  }

  private edit(change: Partial<typeof this.draft>): void {
    this.draft = { ...this.draft, ...change };
    this.host.requestUpdate();
  }

  private renderFields(): TemplateResult {
    const { localize, draft } = this;
    return html`<div class="field">
        <label for="contact-name">${localize.term('contactName')}</label>
        <input
          id="contact-name"
          class="input"
          autocomplete="name"
          required
          aria-invalid=${draft.nameError ? 'true' : 'false'}
          aria-describedby="contact-name-error"
          .value=${draft.name}
          @input=${(event: Event) => this.edit({ name: (event.target as HTMLInputElement).value, nameError: '' })}
        />
        <span id="contact-name-error" class="field-error">${draft.nameError}</span>
      </div>
      <div class="field">
        <label for="contact-label">${localize.term('contactLabel')}</label>
        <select id="contact-label" class="input" @change=${(event: Event) => this.edit({ label: (event.target as HTMLSelectElement).value as Label })}>
          ${CONTACT_LABELS.map((key) => html`<option value=${key} ?selected=${key === draft.label}>${localize.term(key)}</option>`)}
        </select>
      </div>`;
  }
}
