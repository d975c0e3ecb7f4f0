import { describe } from 'node:test';
import type { EmailToSmsResult, InboundEmail } from '../../src/engine/email.js';
import type { OutboundSms } from '../../src/ports/carrier.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import { blocklistContract } from './backend/blocklist.js';
import { campaignsContract } from './backend/campaigns.js';
import { contactsContract } from './backend/contacts.js';
import { conversationsContract } from './backend/conversations.js';
import { crashContract } from './backend/crash.js';
import { dispatchContract } from './backend/dispatch.js';
import { emailContract } from './backend/email.js';
import { isolationContract } from './backend/isolation.js';
import { keywordsContract } from './backend/keywords.js';
import { listsContract } from './backend/lists.js';
import { numbersContract } from './backend/numbers.js';
import { organisationsContract } from './backend/organisations.js';
import { pagingContract } from './backend/paging.js';
import { permissionsContract } from './backend/permissions.js';
import { phoneInputsContract } from './backend/phone-inputs.js';
import { principalsContract } from './backend/principals.js';
import { recipientFilesContract } from './backend/recipient-files.js';
import { repliesContract } from './backend/replies.js';
import { scheduledContract } from './backend/scheduled.js';
import { settingsContract } from './backend/settings.js';
import { statusContract } from './backend/status.js';
import { templatesContract } from './backend/templates.js';
import { usageContract } from './backend/usage.js';
import { validationContract } from './backend/validation.js';

/**
 * The caps on recipient files sent as they are (`LocalBackendOptions.recipientFiles`) that every fixture's engine is
 * made with, small so that the contract can go past them cheaply.
 */
export const CONTRACT_RECIPIENT_FILES = { maxBytes: 64 * 1024, maxUnpackedBytes: 256 * 1024 } as const;

/** An SMS as the carrier received it, with the time (ms since the epoch, on the fixture's clock) it was handed over. */
export type CarriedSms = OutboundSms & { at: number };

/** How the carrier behind the backend behaves in one test. */
export interface CarrierSetup {
  /**
   * How long the carrier takes to answer a send, in ms.
   * @default 0
   */
  latencyMs?: number;
  /**
   * The share (0..1) of accepted messages reported delivered; the rest are reported undelivered.
   * @default 1
   */
  deliveryRate?: number;
  /**
   * The share (0..1) of sends the carrier refuses outright (not retryable).
   * @default 0
   */
  failureRate?: number;
  /** Misbehaving reports: shares (0..1) of messages whose final report comes twice / whose `sent` report comes last. */
  reports?: { duplicates?: number; outOfOrder?: number };
  /**
   * Whether the carrier takes alpha-tag senders.
   * @default true
   */
  alphaTags?: boolean;
  /**
   * The carrier's own limit per sender, in segments per second (0: none).
   * @default 0
   */
  segmentsPerSecondPerSender?: number;
  /** Sends the carrier takes and never answers (a connection that hangs). They still count in `sent()`. */
  hang?: (message: OutboundSms) => boolean;
}

/** One backend under test, fresh and empty, with what a client cannot do itself. */
export interface BackendFixture {
  backend: SmsBackend;
  /**
   * The same backend by a shorter way, which a test's world (its organisations and the twin's records) is built
   * through; the tests themselves use `backend`. The HTTP fixture's is the engine behind the server, since every call
   * the world makes has tests of its own over the wire.
   * @default backend
   */
  seedBackend?: SmsBackend;
  /** An SMS from a handset reaches the carrier (a reply, a STOP, a keyword to the short code). */
  inject(sms: { from: string; to: string; body: string; providerId?: string }): Promise<void>;
  /** Waits until sends, reports and events in flight are done, without moving the clock. */
  settle(): Promise<void>;
  /** Moves the backend's clock forward (real waiting when the clock is not a manual one). */
  advance(ms: number): Promise<void>;
  /** The backend's time, in ms since the epoch. */
  now(): number;
  /** What the carrier was handed, in order (refused and hung sends included). */
  sent(): CarriedSms[];
  /** E-mails the backend sent (keyword and reply routing). */
  emails(): { to: string; subject: string; text: string }[];
  /** E-mail to SMS: an e-mail reaches the gateway. Only when `capabilities.emailToSms`. */
  emailToSms?(email: InboundEmail & { text?: string }): Promise<EmailToSmsResult>;
  /**
   * Kills the engine as a crash would (no graceful stop: nothing it had in flight completes, its timers never fire)
   * and opens a new engine on the same store and carrier. Returns the new backend. Only when `capabilities.crash`.
   */
  crash?(): Promise<SmsBackend>;
  close(): Promise<void>;
}

export interface BackendHarness {
  /** Names the implementation in the test report. */
  name: string;
  createBackend(options?: { carrier?: CarrierSetup }): Promise<BackendFixture>;
  capabilities: {
    /** `advance` moves a manual clock: schedules and rate limits are tested to the millisecond. */
    manualClock: boolean;
    /** `emailToSms` is there. */
    emailToSms: boolean;
    /** `crash` is there. */
    crash: boolean;
  };
}

/**
 * The one suite every `SmsBackend` passes: every rule of the product, through `SmsClient` only, plus the small
 * harness a client cannot replace (a handset, the clock, the carrier's log, the mailbox).
 *
 * @example
 * runBackendContract({
 *   name: 'local engine + memory store',
 *   capabilities: { manualClock: true, emailToSms: true, crash: true },
 *   createBackend: async (options) => makeFixture(options),
 * });
 */
export function runBackendContract(harness: BackendHarness): void {
  describe(`SmsBackend contract: ${harness.name}`, () => {
    numbersContract(harness);
    contactsContract(harness);
    conversationsContract(harness);
    scheduledContract(harness);
    statusContract(harness);
    campaignsContract(harness);
    dispatchContract(harness);
    crashContract(harness);
    listsContract(harness);
    recipientFilesContract(harness);
    blocklistContract(harness);
    keywordsContract(harness);
    repliesContract(harness);
    templatesContract(harness);
    emailContract(harness);
    usageContract(harness);
    settingsContract(harness);
    permissionsContract(harness);
    principalsContract(harness);
    organisationsContract(harness);
    validationContract(harness);
    pagingContract(harness);
    phoneInputsContract(harness);
    isolationContract(harness);
  });
}
