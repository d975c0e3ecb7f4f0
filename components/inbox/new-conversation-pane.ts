import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { SmsClient } from '../../src/client.js';
import type { Conversation } from '../../src/model/conversation.js';
import type { SmsConversationOpenEvent } from '../events/sms-conversation-open-event.js';
import { lazy } from '../internal/lazy.js';
import type { LocalizeController } from '../internal/localize.js';
import { backIcon, closeIcon } from './icons.js';
import type { InboxTerms } from './inbox.terms.js';

/** `<sms-new-conversation>`, loaded and registered as the user goes for "New conversation". */
const loadPicker = lazy(() => import('../new-conversation/sms-new-conversation.js'));

/** Starts loading the picker as the pointer or the focus reaches the button, so that it opens at once. */
export const preloadPicker = (): void => void loadPicker().catch(() => undefined);

export interface NewConversationOptions {
  localize: LocalizeController<InboxTerms>;
  client: () => SmsClient | undefined;
  /** The country typed numbers are read in. */
  country: () => string | undefined;
  /** The number to send from, when the inbox shows one number's conversations. */
  numberId: () => string | undefined;
  /** The picker could not be loaded. */
  onError: (error: unknown) => void;
  /** The user picked a conversation: the pane is closed, the inbox shows it. */
  onOpened: (conversation: Conversation) => void;
  /** The user closed the pane without picking: the focus goes back to what opened it. */
  onClosed: () => void;
}

/**
 * The "New conversation" picker of `<sms-inbox>`: a modal dialog, or, when the inbox is narrow (a side panel), a
 * page of its own in place of the list, with a back button (Escape too). Loaded on demand, as the user first goes for
 * it: render `render()` in the inbox's template.
 */
export class NewConversationPane implements ReactiveController {
  /** How the picker shows, while it does. */
  mode: 'dialog' | 'page' | null = null;
  private readonly dialog = createRef<HTMLDialogElement>();
  private readonly page = createRef<HTMLElement>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NewConversationOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the picker (loaded first, if it is not yet) and gives its "To" field the focus. */
  async open(mode: 'dialog' | 'page'): Promise<void> {
    try {
      await loadPicker();
    } catch (error) {
      this.options.onError(error);
      return;
    }
    this.mode = mode;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    if (dialog && !dialog.open) dialog.showModal();
    (dialog ?? this.page.value)?.querySelector<HTMLElement>('sms-new-conversation')?.focus();
  }

  /** Closes the picker as the user asked (back, close, Escape). */
  close(): void {
    if (!this.mode) return;
    this.mode = null;
    this.dialog.value?.close();
    this.host.requestUpdate();
    this.options.onClosed();
  }

  render(): TemplateResult | typeof nothing {
    if (this.mode === 'page') return this.renderPage();
    if (this.mode === 'dialog') return this.renderDialog();
    return nothing;
  }

  private renderPage(): TemplateResult {
    const { localize } = this.options;
    const back = localize.term('backToList');
    return html`<section ${ref(this.page)} part="new-page" class="new-page" aria-labelledby="new-title" @keydown=${this.onPageKeydown}>
      <div class="page-header">
        <button part="back-button" class="icon-button back" aria-label=${back} title=${back} @click=${() => this.close()}>${backIcon}</button>
        <h2 id="new-title" class="dialog-title">${localize.term('newConversation')}</h2>
      </div>
      ${this.renderPicker()}
    </section>`;
  }

  private renderDialog(): TemplateResult {
    const { localize } = this.options;
    return html`<dialog ${ref(this.dialog)} part="new-dialog" class="new-dialog" aria-labelledby="new-title" @close=${() => this.close()}>
      <div class="dialog-header">
        <h2 id="new-title" class="dialog-title">${localize.term('newConversation')}</h2>
        <button class="icon-button" aria-label=${localize.term('close')} @click=${() => this.close()}>${closeIcon}</button>
      </div>
      ${this.renderPicker()}
    </dialog>`;
  }

  private renderPicker(): TemplateResult {
    return html`<sms-new-conversation
      part="new-conversation"
      .client=${this.options.client()}
      default-country=${ifDefined(this.options.country())}
      number-id=${ifDefined(this.options.numberId())}
      @sms-conversation-open=${this.onOpened}
    ></sms-new-conversation>`;
  }

  private readonly onPageKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close();
  };

  private readonly onOpened = (event: SmsConversationOpenEvent): void => {
    this.mode = null;
    this.dialog.value?.close();
    this.host.requestUpdate();
    this.options.onOpened(event.detail.conversation);
  };
}
