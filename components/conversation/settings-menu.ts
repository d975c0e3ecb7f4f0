import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { moreIcon } from './icons.js';

export interface MenuItem {
  label: string;
  run: () => void;
  /** A destructive action, shown in the danger colour. */
  danger?: boolean;
}

/**
 * The settings menu of `<sms-conversation>`: a button and the menu it opens (ArrowDown or a click), moved through
 * with the arrow keys, Home and End, closed with Escape (the focus back on the button), Tab or a click elsewhere.
 * Render `render(label, items)` in the header.
 */
export class SettingsMenuController implements ReactiveController {
  /** The menu is open. */
  open = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onDocumentPointerdown);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointerdown);
  }

  async show(): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.items()[0]?.focus();
  }

  /** Closes the menu, putting the focus back on its button (after a choice, or Escape) or leaving it where it goes. */
  close(focusButton: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (focusButton) this.host.renderRoot.querySelector<HTMLElement>('[part~="menu-button"]')?.focus();
  }

  render(label: string, items: readonly MenuItem[]): TemplateResult {
    return html`<div class="menu-anchor">
      <button
        class="icon-button"
        part="menu-button"
        aria-label=${label}
        title=${label}
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="settings-menu"
        @click=${() => (this.open ? this.close(false) : void this.show())}
        @keydown=${this.onButtonKeydown}
      >
        ${moreIcon}
      </button>
      ${this.open
        ? html`<div id="settings-menu" part="menu" class="menu" role="menu" aria-label=${label} @keydown=${this.onMenuKeydown}>
            ${items.map(
              ({ label: text, run, danger }) =>
                html`<button part="menu-item" role="menuitem" tabindex="-1" class=${danger ? 'danger' : nothing} @click=${run}>${text}</button>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }

  private items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private readonly onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' || this.open) return;
    event.preventDefault();
    void this.show();
  };

  private readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.items();
    const current = items.indexOf(this.host.renderRoot.querySelector<HTMLElement>('[role="menuitem"]:focus') ?? items[0]!);
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') {
      this.close(false);
    } else if (next !== undefined) {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    }
  };

  private readonly onDocumentPointerdown = (event: PointerEvent): void => {
    if (!this.open) return;
    const menu = this.host.renderRoot.querySelector('.menu-anchor');
    if (menu && !event.composedPath().includes(menu)) this.close(false);
  };
}
