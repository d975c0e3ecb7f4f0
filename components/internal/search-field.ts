import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface SearchFieldOptions {
  /** Quiet time after the last keystroke before searching, in milliseconds. */
  delay: number;
  /** Runs the search (reload the listing with `field.query`). */
  search: () => void;
}

/**
 * A search field (`type="search"`, labelled by its placeholder) whose search runs once typing pauses, so that a
 * fast typist sends one request; a pending search is dropped when the element leaves the page.
 *
 * @example
 * private readonly search = new SearchFieldController(this, { delay: 250, search: () => void this.items.reload() });
 * fetch: client.lists.list({ query: this.search.query || undefined })
 * render() { return this.search.render({ part: 'search', label: this.localize.term('search') }); }
 */
export class SearchFieldController implements ReactiveController {
  /** What is typed. */
  value = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SearchFieldOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** What is typed, trimmed: the query to send, empty for none. */
  get query(): string {
    return this.value.trim();
  }

  /** Sets what the field holds without searching (e.g. empties it when another list opens). */
  set(value: string): void {
    this.value = value;
    this.host.requestUpdate();
  }

  /** The field; `classes` are the input's classes. */
  render(options: { part: string; label: string; classes?: string }): TemplateResult {
    return html`<input
      type="search"
      class=${options.classes ?? 'input'}
      part=${options.part}
      aria-label=${options.label}
      placeholder=${options.label}
      .value=${this.value}
      @input=${(event: Event) => this.onInput((event.target as HTMLInputElement).value)}
    />`;
  }

  private onInput(value: string): void {
    this.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.options.search, this.options.delay);
  }
}
