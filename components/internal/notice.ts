import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Announcer } from './announcer.js';

/** What a notice says: an error, or the confirmation of what was just done. */
export interface Notice {
  tone: 'error' | 'success';
  text: string;
}

export interface NoticeOptions {
  /** Speaks confirmations politely (an error is an alert of its own). */
  announcer: Announcer;
  /** The text of an error, e.g. `describeError(error, this.localize).message`. */
  describe: (error: unknown) => string;
}

/**
 * The dismissible notice above an element's content (`part="notice"`, styled by data-table.styles.ts): `say()` shows
 * a confirmation and speaks it, `fail()` shows an error as an alert (`attempt()` runs an action and shows why it
 * failed, if it did). A new notice replaces the last one; the close button removes it. Render
 * `notice.render(closeLabel)` where it belongs.
 *
 * @example
 * private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
 * this.notice.say(this.localize.term('listCreated', list.name));
 * render() { return html`${this.notice.render(this.localize.term('close'))} ...`; }
 */
export class NoticeController {
  /** The notice shown; null when there is none. */
  current: Notice | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NoticeOptions,
  ) {}

  /** Shows a notice; a confirmation is also spoken. */
  say(text: string, tone: Notice['tone'] = 'success'): void {
    this.current = { tone, text };
    this.host.requestUpdate();
    if (tone === 'success') this.options.announcer.announce(text);
  }

  /** Shows what went wrong, as an alert. */
  fail(error: unknown): void {
    this.say(this.options.describe(error), 'error');
  }

  /** Runs an action; when it fails, shows why. Resolves to whether it succeeded. */
  async attempt(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  dismiss(): void {
    this.current = null;
    this.host.requestUpdate();
  }

  render(closeLabel: string): TemplateResult | typeof nothing {
    const notice = this.current;
    if (!notice) return nothing;
    return html`<div part="notice" class="notice ${notice.tone}" role=${notice.tone === 'error' ? 'alert' : nothing}>
      <span>${notice.text}</span>
      <button type="button" class="button quiet" @click=${() => this.dismiss()}>${closeLabel}</button>
    </div>`;
  }
}
