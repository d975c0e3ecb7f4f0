import { compileTemplate } from '../template.js';
import type { Campaign, CampaignCounts, RecipientState } from '../model/index.js';
import { emptyCounts } from '../model/index.js';
import type { CampaignRecipientRecord, MessageRecord, Query } from '../ports/store.js';
import type { EngineContext } from './context.js';
import { carrierFailure, newOutbound, transition, transitionFrom } from './outbound.js';
import { campaignMessageId, campaignRecipientId } from './ids.js';
import { RateLimiter, type StopSignal } from './rate-limiter.js';
import type { Settings } from '../model/index.js';
import { priceFor, recordUsage } from './usage.js';

/** Recipients claimed at a time. */
const BATCH = 500;
/** Sends in flight at once per campaign (the carrier's latency is overlapped, the rate limit still holds). */
const WINDOW = 64;
/** Recipients the carrier accepted are marked sent together, this many at a time (and at the end of each batch). */
const MARK_SENT_EVERY = 256;
/** Progress events at most this often per campaign, in ms of the engine's clock. */
const PROGRESS_EVERY_MS = 250;
/** How old (ms of the engine's clock) the blocklist read for a batch may be when a recipient of it is sent to. */
const BLOCKLIST_FRESH_MS = 100;
/** Retries of a send the carrier refused with a retryable error. */
const RETRIES = 3;

/** Recipients the carrier accepted, waiting to be marked sent together. */
interface SentRecipients {
  campaignId: string;
  ids: string[];
}

/** At most `size` sends in flight: `slot()` waits for a free one, `release()` frees one, `drained()` waits for all. */
class SendWindow {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Takes a slot: at once (undefined) when one is free, else a promise of the next one freed. */
  slot(): Promise<void> | undefined {
    if (this.active < this.size) {
      this.active += 1;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) return next();
    this.active -= 1;
    if (this.active === 0) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  drained(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }
}

interface Run {
  stopRequested: boolean;
  done: Promise<void>;
  /** Ends the run's waits (the rate limit) when a stop is requested. */
  signal: StopSignal;
  onStop: Set<() => void>;
}

/**
 * Runs campaigns: claims pending recipients in batches, re-checks the blocklist at the moment of sending, renders
 * merge fields per recipient, honours the rate per sender, and charges usage to the rating extension. Counts are
 * kept per campaign and stored with it; progress events are throttled.
 *
 * Crash safety: a recipient is claimed (`sending`), then its message (its id derived from the recipient's) is stored as `sending`, and
 * only then is the carrier called. `recover()` on a new engine puts claimed recipients without a message back to
 * pending, and marks those whose message never got a provider id `unknown` (held for review, never re-sent blindly).
 */
export class CampaignRunner {
  private readonly runs = new Map<string, Run>();
  private readonly counts = new Map<string, CampaignCounts>();
  private readonly lastProgress = new Map<string, number>();
  private readonly trailing = new Set<string>();
  private readonly limiter: RateLimiter;

  constructor(private readonly ctx: EngineContext) {
    this.limiter = new RateLimiter(ctx.clock);
  }

  isRunning(campaignId: string): boolean {
    return this.runs.has(campaignId);
  }

  /** Starts (or resumes) dispatch of a running campaign in the background. */
  run(campaignId: string): void {
    if (this.runs.has(campaignId) || this.ctx.isClosed) return;
    const onStop = new Set<() => void>();
    const ctx = this.ctx;
    const run: Run = {
      stopRequested: false,
      done: Promise.resolve(),
      onStop,
      signal: {
        get stopped() {
          return run.stopRequested || ctx.isClosed;
        },
        onStop(callback) {
          onStop.add(callback);
          return () => onStop.delete(callback);
        },
      },
    };
    this.runs.set(campaignId, run);
    let finish!: () => void;
    run.done = new Promise((resolve) => (finish = resolve));
    this.ctx.background(async () => {
      try {
        await this.loop(campaignId, run);
      } finally {
        this.runs.delete(campaignId);
        finish();
      }
    }, (error) => this.fail(campaignId, error));
  }

  /** Asks a run to stop after the sends in flight; resolves when it has. */
  async stop(campaignId: string): Promise<void> {
    const run = this.runs.get(campaignId);
    if (!run) return;
    run.stopRequested = true;
    for (const wake of [...run.onStop]) wake();
    await run.done;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runs.keys()].map((id) => this.stop(id)));
  }

  /** Current counts of a campaign (cached while the engine runs it). */
  async countsOf(campaignId: string): Promise<CampaignCounts> {
    const cached = this.counts.get(campaignId);
    if (cached) return cached;
    const byState = await this.ctx.db.campaignRecipients.countBy({ campaignId }, 'state');
    const counts = emptyCounts();
    for (const [state, count] of Object.entries(byState)) {
      if (state in counts) counts[state as RecipientState] += count;
      counts.total += count;
    }
    this.counts.set(campaignId, counts);
    return counts;
  }

  /** Drops the cached counts of a campaign (its recipients changed outside a run): read again when next asked. */
  forgetCounts(campaignId: string): void {
    this.counts.delete(campaignId);
  }

  /** Moves one recipient's count from one state to another. */
  async move(campaignId: string, from: RecipientState | null, to: RecipientState): Promise<void> {
    await this.countsOf(campaignId);
    this.moveNow(campaignId, from, to);
  }

  /** `move` for a campaign whose counts are loaded (one being dispatched). */
  private moveNow(campaignId: string, from: RecipientState | null, to: RecipientState): void {
    const counts = this.counts.get(campaignId);
    if (!counts) return;
    if (from) counts[from] -= 1;
    else counts.total += 1;
    counts[to] += 1;
  }

  /** Stores the counts and tells the owner and administrators, at most every PROGRESS_EVERY_MS unless forced. */
  async progress(campaignId: string, force = false): Promise<void> {
    const now = this.ctx.clock.now();
    const wait = (this.lastProgress.get(campaignId) ?? Number.NEGATIVE_INFINITY) + PROGRESS_EVERY_MS - now;
    if (!force && wait > 0) {
      // A trailing update, so that the last change is stored and told even when nothing follows it.
      if (!this.trailing.has(campaignId)) {
        this.trailing.add(campaignId);
        this.ctx.clock.setTimeout(() => {
          this.trailing.delete(campaignId);
          this.ctx.background(() => this.progress(campaignId, true));
        }, wait);
      }
      return;
    }
    this.lastProgress.set(campaignId, now);
    const counts = { ...(await this.countsOf(campaignId)) };
    await this.ctx.db.campaigns.update(campaignId, { counts });
    emitCampaign(this.ctx, 'campaign.progress', campaignId, () => ({ campaignId, counts }));
  }

  /** After a restart of the engine: settles recipients and messages left `sending` by the previous one. */
  async recover(): Promise<void> {
    const { db } = this.ctx;
    for (;;) {
      const page = await db.campaignRecipients.find({ where: { state: 'sending' }, limit: 1000 });
      if (page.items.length === 0) break;
      for (const recipient of page.items) {
        const message = await db.messages.get(recipient.messageId ?? campaignMessageId(recipient.id));
        const next: RecipientState = !message ? 'pending' : message.providerId ? 'sent' : 'unknown';
        if (message && !message.providerId) await transition(this.ctx, message.id, 'unknown');
        await db.campaignRecipients.update(recipient.id, {
          state: next,
          messageId: message ? message.id : null,
          error: next === 'unknown' ? 'The engine stopped before the carrier answered: check before sending again.' : recipient.error,
          updatedAt: this.ctx.nowIso(),
        });
      }
    }
    const orphans = await db.messages.find({ where: { status: 'sending', providerId: null }, limit: 10_000 });
    for (const message of orphans.items) await transition(this.ctx, message.id, 'unknown');
    const running = await db.campaigns.find({ where: { status: 'running' }, limit: 10_000 });
    for (const campaign of running.items) {
      this.forgetCounts(campaign.id);
      await db.campaigns.update(campaign.id, {
        status: 'stopped', counts: { ...(await this.countsOf(campaign.id)) }, error: 'Interrupted when the service stopped: restart to resume.', updatedAt: this.ctx.nowIso(),
      });
    }
  }

  /**
   * Claims recipients by position (their ids name it: `campaignRecipientId`), BATCH positions at a time, those still
   * pending, so that no sorted index of a campaign's recipients is kept. After the last position, recipients another
   * run released behind this one (if any are pending still) get another walk.
   */
  private async loop(campaignId: string, run: Run): Promise<void> {
    const { db } = this.ctx;
    let next = 0;
    let claimedInWalk = 0;
    // Pending recipients a whole walk could not claim have ids that do not name a position: claimed in index order.
    let byQuery = false;
    for (;;) {
      const campaign = await db.campaigns.get(campaignId);
      if (!campaign || campaign.status !== 'running' || run.stopRequested || this.ctx.isClosed) return;
      const sender = await this.senderOf(campaign);
      if (typeof sender !== 'string') return this.finish(campaign, 'failed', sender.error);
      const { total } = await this.countsOf(campaignId);
      if (!byQuery && next >= total) {
        if ((await db.campaignRecipients.count({ campaignId, state: 'pending' })) === 0) return this.finish(campaign, 'completed', null);
        byQuery = claimedInWalk === 0;
        next = 0;
        claimedInWalk = 0;
      }
      let query: Query<CampaignRecipientRecord> = { where: { campaignId, state: 'pending' }, orderBy: [['index', 'asc']], limit: BATCH };
      if (!byQuery) {
        const ids = Array.from({ length: Math.min(BATCH, total - next) }, (_, offset) => campaignRecipientId(campaignId, next + offset));
        next += ids.length;
        query = { where: { id: { $in: ids }, state: 'pending' }, orderBy: [['index', 'asc']], limit: ids.length };
      }
      const batch = await db.campaignRecipients.updateMany(query, { state: 'sending', updatedAt: this.ctx.nowIso() });
      claimedInWalk += batch.length;
      if (batch.length === 0) {
        if (byQuery) return this.finish(campaign, 'completed', null);
        continue;
      }
      for (const _ of batch) this.moveNow(campaignId, 'pending', 'sending');
      await this.sendBatch(campaign, sender, batch, run);
      await this.progress(campaignId);
    }
  }

  private async sendBatch(campaign: Campaign, sender: string, batch: CampaignRecipientRecord[], run: Run): Promise<void> {
    const { db } = this.ctx;
    const settings = await this.ctx.settings();
    const perSecond = effectiveRate(settings.segmentsPerSecond, this.ctx.carrier.capabilities.segmentsPerSecondPerSender);
    const readBlocked = async (recipients: CampaignRecipientRecord[]) =>
      new Set<string>((await db.blocklist.getMany(recipients.map((recipient) => recipient.e164))).map((entry) => entry.e164));
    let blocked = await readBlocked(batch);
    let blockedAt = this.ctx.clock.now();
    const usage = { messages: 0, segments: 0, cost: 0 };
    const template = compileTemplate(campaign.body);
    const window = new SendWindow(WINDOW);
    const sent: SentRecipients = { ids: [], campaignId: campaign.id };
    for (let index = 0; index < batch.length; index++) {
      const recipient = batch[index]!;
      if (run.stopRequested || this.ctx.isClosed) {
        await this.release(batch.slice(index));
        break;
      }
      if (blocked.has(recipient.e164)) {
        await this.settle(recipient, 'blocked', null, 'On the blocklist at the time of sending.');
        continue;
      }
      const rendered = template.render(recipient.fields);
      if (!rendered.ok) {
        await this.settle(recipient, 'failed', null, `Missing merge field(s): ${rendered.missing.join(', ')}`);
        continue;
      }
      const message = newOutbound(this.ctx, {
        id: campaignMessageId(recipient.id), conversationId: null, channel: 'sms', from: sender, to: recipient.e164, body: rendered.text,
        status: 'sending', campaignId: campaign.id, senderId: campaign.ownerId, numberId: campaign.sender?.type === 'number' ? campaign.sender.numberId : null,
      });
      if (this.limiter.tryTake(sender, message.segments, perSecond) !== 0 && !(await this.limiter.take(sender, message.segments, perSecond, run.signal))) {
        await this.release(batch.slice(index));
        break;
      }
      // The blocklist at the moment of sending: read again for the rest of the batch once the last read is older than
      // BLOCKLIST_FRESH_MS (a rate limit spreads a batch over minutes; a read per recipient would halve throughput).
      if (this.ctx.clock.now() - blockedAt >= BLOCKLIST_FRESH_MS) {
        blocked = await readBlocked(batch.slice(index));
        blockedAt = this.ctx.clock.now();
      }
      if (blocked.has(recipient.e164)) {
        await this.settle(recipient, 'blocked', null, 'On the blocklist at the time of sending.');
        continue;
      }
      // Marked as being sent before the carrier is called: the recipient is claimed (`sending`) and its message, whose
      // id is derived from the recipient's, is stored as `sending`.
      await db.messages.insert(message);
      const slot = window.slot();
      if (slot) await slot;
      void this.send(recipient, message, { usage, sent, settings }).finally(() => window.release());
      if (sent.ids.length >= MARK_SENT_EVERY) await this.markSent(sent);
    }
    await window.drained();
    await this.markSent(sent);
    if (usage.messages > 0) await recordUsage(this.ctx, campaign.ratingExtensionId, this.ctx.nowIso(), usage);
  }

  /**
   * Recipients the carrier accepted move from `sending` to `sent` together, in one write per MARK_SENT_EVERY (their
   * message ids are derived from theirs). Until then a crash leaves them `sending` with a message that has a provider
   * id, which recovery reads as sent.
   */
  private async markSent(sent: SentRecipients): Promise<void> {
    if (sent.ids.length === 0) return;
    const ids = sent.ids.splice(0);
    const moved = await this.ctx.db.campaignRecipients.updateMany(
      { where: { id: { $in: ids }, state: 'sending' }, limit: ids.length },
      { state: 'sent', updatedAt: this.ctx.nowIso() },
    );
    for (const _ of moved) this.moveNow(sent.campaignId, 'sending', 'sent');
  }

  private async send(
    recipient: CampaignRecipientRecord,
    message: MessageRecord,
    { usage, sent, settings }: { usage: { messages: number; segments: number; cost: number }; sent: SentRecipients; settings: Settings },
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { providerId } = await this.ctx.carrier.send({
          messageId: message.id, from: message.from, to: message.to, body: message.body, encoding: message.encoding, segments: message.segments,
        });
        if (!(await transitionFrom(this.ctx, message, 'sent', { providerId }))) await this.ctx.db.messages.update(message.id, { providerId });
        usage.messages += 1;
        usage.segments += message.segments;
        usage.cost += priceFor(settings, message.segments);
        this.ctx.rememberProvider(providerId, { id: message.id, status: 'sent', campaignId: message.campaignId });
        sent.ids.push(recipient.id);
        if (this.ctx.hasHeldReports(providerId)) await this.ctx.replayReports(providerId);
        return;
      } catch (error) {
        if ((error as { retryable?: unknown })?.retryable === true && attempt < RETRIES) continue;
        const failure = carrierFailure(error);
        await transitionFrom(this.ctx, message, 'failed', { error: failure });
        await this.settle(recipient, 'failed', message.id, failure.message);
        return;
      }
    }
  }

  private async settle(recipient: CampaignRecipientRecord, state: RecipientState, messageId: string | null, error: string | null): Promise<void> {
    await this.ctx.db.campaignRecipients.update(recipient.id, { state, messageId, error, updatedAt: this.ctx.nowIso() });
    await this.move(recipient.campaignId, 'sending', state);
  }

  /** Claimed recipients never handed to the carrier go back to pending. */
  private async release(recipients: CampaignRecipientRecord[]): Promise<void> {
    for (const recipient of recipients) {
      const released = await this.ctx.db.campaignRecipients.update(recipient.id, { state: 'pending', updatedAt: this.ctx.nowIso() }, { if: { state: 'sending', messageId: null } });
      if (released) await this.move(recipient.campaignId, 'sending', 'pending');
    }
  }

  /** The sender's address, or why the campaign cannot go on. */
  private async senderOf(campaign: Campaign): Promise<string | { error: string }> {
    if (campaign.sender?.type === 'alpha') return campaign.sender.tag;
    if (campaign.sender?.type !== 'number') return { error: 'The campaign has no sender.' };
    const number = await this.ctx.db.numbers.get(campaign.sender.numberId);
    if (!number || number.removedAt) return { error: 'The sender number is no longer in service.' };
    return number.e164;
  }

  private async finish(campaign: Campaign, status: 'completed' | 'failed', error: string | null): Promise<void> {
    const counts = { ...(await this.countsOf(campaign.id)) };
    const updated = await this.ctx.db.campaigns.update(
      campaign.id,
      { status, counts, error, completedAt: this.ctx.nowIso(), updatedAt: this.ctx.nowIso() },
      { if: { status: 'running' } },
    );
    if (updated) {
      emitCampaign(this.ctx, 'campaign.status', campaign.id, () => ({ campaign: updated }));
      await this.progress(campaign.id, true);
    }
  }

  private async fail(campaignId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const updated = await this.ctx.db.campaigns.update(campaignId, { status: 'failed', error: message, updatedAt: this.ctx.nowIso() }, { if: { status: 'running' } });
    if (updated) emitCampaign(this.ctx, 'campaign.status', campaignId, () => ({ campaign: updated }));
  }
}

function effectiveRate(configured: number, carrierLimit: number): number {
  if (configured <= 0) return carrierLimit;
  if (carrierLimit <= 0) return configured;
  return Math.min(configured, carrierLimit);
}

/** Campaign events go to its owner and to administrators. */
export function emitCampaign<T extends 'campaign.progress' | 'campaign.status'>(
  ctx: EngineContext,
  type: T,
  campaignId: string,
  data: () => T extends 'campaign.progress' ? { campaignId: string; counts: CampaignCounts } : { campaign: Campaign },
): void {
  if (!ctx.events.hasSubscribers) return;
  ctx.events.emit(type, async (principal) => {
    if (principal.role === 'admin') return data() as never;
    const campaign = await ctx.db.campaigns.get(campaignId);
    return campaign?.ownerId === principal.userId ? (data() as never) : null;
  });
}

