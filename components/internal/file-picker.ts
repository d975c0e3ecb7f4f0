import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface FilePickerOptions {
  /** What the file input accepts. @default CSV and Excel files */
  accept?: string;
  /** Called with the file the user dropped or chose. */
  onFile: (file: File) => void;
}

const CSV_AND_EXCEL = '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A drop zone with a file button, for recipient and blocklist files: drag a file onto it or choose one with the
 * keyboard. The zone highlights while a file is dragged over it.
 */
export class FilePickerController implements ReactiveController {
  dragging = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FilePickerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private setDragging(value: boolean): void {
    if (this.dragging === value) return;
    this.dragging = value;
    this.host.requestUpdate();
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) this.options.onFile(file);
  }

  private onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.options.onFile(file);
    input.value = '';
  }

  /** The zone: `prompt` before the button, `buttonLabel` on it, `label` for assistive technology. */
  render(texts: { prompt: string; buttonLabel: string; label: string }): TemplateResult {
    return html`<div
      part="drop-zone"
      class="drop-zone ${this.dragging ? 'dragging' : ''}"
      @dragenter=${(event: DragEvent) => {
        event.preventDefault();
        this.setDragging(true);
      }}
      @dragover=${(event: DragEvent) => event.preventDefault()}
      @dragleave=${() => this.setDragging(false)}
      @drop=${(event: DragEvent) => this.onDrop(event)}
    >
      <span>${texts.prompt}</span>
      <label class="button" part="file-button">
        ${texts.buttonLabel}
        <input
          class="sms-visually-hidden"
          type="file"
          aria-label=${texts.label}
          accept=${this.options.accept ?? CSV_AND_EXCEL}
          @change=${(event: Event) => this.onChange(event)}
        />
      </label>
    </div>`;
  }
}
