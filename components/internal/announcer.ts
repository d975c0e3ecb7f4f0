import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface AnnouncerOptions {
  /**
   * Quiet time before a message is spoken: a burst of changes (typing) ends in one announcement.
   * @default 500
   */
  delay?: number;
}

/**
 * A polite live region for one element. `announce()` is debounced and speaks only what differs from the last
 * thing spoken; `settle()` records the current state without speaking it (the first render). The element renders
 * `announcer.render()` once, always, so that the region exists before its text changes.
 *
 * @example
 * private readonly announcer = new Announcer(this);
 * firstUpdated() { this.announcer.settle(this.summary()); }
 * updated() { this.announcer.announce(this.summary()); }
 * render() { return html`...${this.announcer.render()}`; }
 */
export class Announcer implements ReactiveController {
  private spoken = '';
  private message = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly delay: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: AnnouncerOptions = {},
  ) {
    this.delay = options.delay ?? 500;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Takes a message as already known, without speaking it. */
  settle(message: string): void {
    clearTimeout(this.timer);
    this.spoken = message;
  }

  /** Speaks a message after the quiet time, unless it is what was last spoken. */
  announce(message: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (message === this.spoken) return;
      this.spoken = message;
      this.message = message;
      this.host.requestUpdate();
    }, this.delay);
  }

  /** The live region; put it in the template once. */
  render(): TemplateResult {
    return html`<div class="sms-visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
