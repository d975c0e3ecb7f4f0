import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { Recipient } from '../../src/csv.js';
import { Budget } from '../../src/recipients/schedule.js';

/** Numbers per `client.blocklist.check` call (the backend takes up to 1000): a call stays a few milliseconds. */
const CHUNK = 500;
/** Work between yields to the page: an in-process backend answers without ever leaving the task. */
const YIELD_EVERY_MS = 10;

export interface BlockedRecipient {
  line: number;
  e164: string;
}

/**
 * Which recipients of a parsed file are on the blocklist, asked of the backend in chunks of 500 before
 * anything is saved, with progress. A newer `check()` or `reset()` drops an older one.
 */
export class BlocklistCheckController implements ReactiveController {
  /** Blocked recipients by line, once checked; null before. */
  blocked: BlockedRecipient[] | null = null;
  /** Numbers checked so far while a check runs, else null. */
  progress: { done: number; total: number } | null = null;
  error: unknown = null;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.generation++;
  }

  get checking(): boolean {
    return this.progress !== null;
  }

  reset(): void {
    this.generation++;
    this.blocked = null;
    this.progress = null;
    this.error = null;
    this.host.requestUpdate();
  }

  async check(client: SmsClient, recipients: readonly Recipient[]): Promise<void> {
    const generation = ++this.generation;
    this.blocked = null;
    this.error = null;
    this.progress = { done: 0, total: recipients.length };
    this.host.requestUpdate();
    const blocked = new Set<string>();
    const budget = new Budget(YIELD_EVERY_MS);
    try {
      for (let start = 0; start < recipients.length; start += CHUNK) {
        if (budget.spent()) await budget.renew();
        const chunk = recipients.slice(start, start + CHUNK).map((recipient) => recipient.e164);
        for (const e164 of await client.blocklist.check(chunk)) blocked.add(e164);
        if (generation !== this.generation) return;
        this.progress = { done: Math.min(start + CHUNK, recipients.length), total: recipients.length };
        this.host.requestUpdate();
      }
      this.blocked = blocked.size === 0 ? [] : recipients.filter((recipient) => blocked.has(recipient.e164)).map(({ line, e164 }) => ({ line, e164 }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
    }
    this.progress = null;
    this.host.requestUpdate();
  }
}
