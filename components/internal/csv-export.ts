import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Page } from '../../src/model/common.js';

/** What the export button needs of an element's LocalizeController. */
export interface CsvExportLocalize {
  term(key: 'exportCsv', ...args: Array<string | number>): string;
}

/**
 * The "Export CSV" of a paged listing: `run()` reads every page, one export at a time, while the button
 * (`part="export-button"`) is busy and counts the rows read; then the element builds and downloads its CSV.
 *
 * @example
 * await this.exporter.run((cursor) => client.blocklist.list({ cursor, limit: 500 }), (rows) => downloadText('blocklist.csv', toCsv(rows)));
 * render() { return html`${this.exporter.render(this.localize, () => void this.exportCsv(), (count) => this.localize.term('exporting', count))}`; }
 */
export class CsvExportController {
  /** Rows read so far while exporting; null when not exporting. */
  count: number | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  get busy(): boolean {
    return this.count !== null;
  }

  /**
   * Reads page after page (`read(cursor)` until there is no `nextCursor`) and hands every item to `save`; does
   * nothing while an export runs. Rejects with what `read` or `save` throws.
   */
  async run<T>(read: (cursor: string | undefined) => Promise<Page<T>>, save: (items: T[]) => void): Promise<void> {
    if (this.busy) return;
    this.count = 0;
    this.host.requestUpdate();
    const items: T[] = [];
    try {
      let cursor: string | undefined;
      do {
        const page = await read(cursor);
        items.push(...page.items);
        this.count = items.length;
        this.host.requestUpdate();
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      save(items);
    } finally {
      this.count = null;
      this.host.requestUpdate();
    }
  }

  /**
   * The export button; busy, with the count of rows read, while exporting. `exporting` says that count in the
   * element's words: "Exporting… # rows", "Exporting… # contacts".
   */
  render(localize: CsvExportLocalize, onClick: () => void, exporting: (count: number) => string): TemplateResult {
    const { busy } = this;
    return html`<button class="button" part="export-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${onClick}>
      ${busy ? exporting(this.count ?? 0) : localize.term('exportCsv')}
    </button>`;
  }
}
