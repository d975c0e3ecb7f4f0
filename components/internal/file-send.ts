import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import type { FileProgress } from '../../src/csv.js';
import { renderSendProgress, type ImportReportLocalize } from './import-report.js';

/**
 * A recipient file being sent to a backend that reads it (`lists.importFile`, `campaigns.uploadFile`): the file's name
 * and how much of it the backend has taken, once it says; the host is updated at each step.
 */
export class FileSend {
  private sending: { fileName: string; progress: FileProgress | null } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Runs `upload` with an `onProgress` that shows its progress, until it settles. */
  async run<T>(fileName: string, upload: (onProgress: (progress: FileProgress) => void) => Promise<T>): Promise<T> {
    const sending = { fileName, progress: null as FileProgress | null };
    this.sending = sending;
    this.host.requestUpdate();
    try {
      return await upload((progress) => {
        sending.progress = progress;
        this.host.requestUpdate();
      });
    } finally {
      if (this.sending === sending) this.sending = null;
      this.host.requestUpdate();
    }
  }

  /** The bar (`send-progress`) while a file is sent, else nothing. */
  render(localize: ImportReportLocalize): TemplateResult | typeof nothing {
    return this.sending ? renderSendProgress(localize, this.sending) : nothing;
  }
}
