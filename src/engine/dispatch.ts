import { compileTemplate } from '../template.js';
import type { Campaign, CampaignCounts, MessageStatus, RecipientState } from '../model/index.js';
import { emptyCounts } from '../model/index.js';
import type { CampaignRecipientRecord, MessageRecord } from '../ports/store.js';
import type { EngineContext } from './context.js';
import { nextTask } from './clock.js';
import { newOutbound, refusal, transition, transitionFrom } from './outbound.js';
import { sendWithin, timeoutError, whenLate } from './carrier-call.js';
import { type BatchCharge, type Claim, acceptLate, refuseLate } from './campaign-late.js';
import { campaignMessageId, campaignRecipientId, recipientIdOfMessage } from './ids.js';
import { Coalescer } from './coalescer.js';
import { CampaignPauses } from './campaign-pauses.js';
import { SendWindow } from './send-window.js';
import { RateLimiter, type StopSignal, pause } from './rate-limiter.js';
import { SharedRate } from './shared-rate.js';
import { type DayTally, nextDay } from './send-caps.js';
import type { OrganisationLimits, Settings } from '../model/index.js';
import { billToOf, chargeFor, storeCharge } from './usage.js';
import type { EventPayloads } from './event-views.js';

/** Recipients read at a time. */
const BATCH = 500;
/** Sends in flight at once per campaign (the carrier's latency is overlapped, the rate limit still holds). */
const WINDOW = 64;
/**
 * Claimed messages whose provider id is not stored yet, at most, per campaign: two windows, so that the next window is
 * claimed and handed over while the answers of the last are being stored. A crash leaves at most these `unknown`.
 */
export const UNRECORDED = 2 * WINDOW;
/**
 * Recipients whose message the carrier accepted are marked sent together, this many at a time (and at the end of each
 * batch).
 */
const MARK_SENT_EVERY = 256;
/** Progress events at most this often per campaign, in ms of the engine's clock. */
const PROGRESS_EVERY_MS = 250;
/** How often a recount waits for this instance's half-done changes before it reads anyway. */
const RECOUNT_ATTEMPTS = 100;
/** Retries of a send the carrier refused with a retryable error. */
const RETRIES = 3;
const BLOCKED = 'On the blocklist at the time of sending.';
const UNANSWERED = 'The carrier did not answer in time: check before sending again.';

/** Recipients whose message the carrier accepted (its provider id recorded), waiting to be marked sent together. */
interface SentRecipients {
  campaignId: string;
  ids: string[];
  /** When (engine clock) the first of them was accepted: they are marked within PROGRESS_EVERY_MS. */
  since: number;
  /** The marks under way, one after another, beside the claims: a failed one fails the batch at its end. */
  marking: Promise<void>;
}

/** What paces a batch's sends: the rate per sender, and the organisation's caps. */
interface Pace {
  sender: string;
  perSecond: number;
  limits: OrganisationLimits;
}

/** A message the carrier accepted, with the provider id it gave. */
interface Accepted {
  claim: Claim;
  providerId: string;
}

interface Run {
  stopRequested: boolean;
  /** Resolves once the run claims no more recipients: at once when a stop is requested, whatever the carrier does. */
  done: Promise<void>;
  /** Resolves when a stop is requested: the run's waits (the window, the rate limit, the carrier) end with it. */
  stopped: Promise<void>;
  /** Ends the run's waits on the rate limit when a stop is requested. */
  signal: StopSignal;
  onStop: Set<() => void>;
  /** The sends a stop left in flight, each settled within the carrier timeout. */
  inFlight: Promise<void>[];
  /** Set when the organisation's daily cap is reached: the run ends, and the campaign resumes then (ms). */
  pausedUntil: number | null;
  /** The run joins a campaign another instance may be dispatching: its walk starts elsewhere than at the first recipient. */
  join: boolean;
  /** Recipients of the current pass whose message another instance is sending (claimed, no answer yet). */
  heldElsewhere: number;
}

/** How a run starts. */
export interface RunOptions {
  /**
   * The campaign may be dispatched by another instance already (a signal or the sweep told of it, or this instance
   * restarted): the walk starts at a random batch rather than the first, so that instances claim apart.
   * @default false
   */
  join?: boolean;
}

/**
 * Runs campaigns: walks pending recipients in batches, re-checks the blocklist at the moment of sending, renders merge
 * fields per recipient, honours the rate per sender, and charges usage to the rating extension. Counts are kept per
 * campaign and stored with it; progress events are throttled.
 *
 * Claims and crash safety: a recipient is claimed by storing its message as `sending` with `insertManyIfAbsent`, a
 * window of recipients at a time (as many as may be sent now), before the carrier is called. The message's id is derived
 * from the recipient's, so the insert is an atomic claim that only one run can win, and the stored message marks the
 * recipient as being sent. The provider ids the carrier answers with together are recorded together (`updateEach`), and
 * recipients the carrier accepted are marked sent together. `recover()` on a new engine settles each claimed recipient
 * from its message: sent once it has a provider id, `unknown` (held for review, never re-sent blindly) when the engine
 * died before its provider id was recorded; a recipient without a message was never handed over and is sent on restart.
 *
 * A carrier that does not answer: each send waits at most the carrier timeout, then its recipient is held `unknown` the
 * same way (a late answer still settles it). A stop does not wait for sends in flight: it returns once the run claims no
 * more, the sends settle by themselves within the timeout, and the campaign's next run waits for them.
 *
 * Many instances over one store dispatch a running campaign together: each runs it (started here, told by a signal, or
 * found by the sweep), the claims keep any two from sending to one recipient, and a claim another instance holds
 * (its message `sending`, unanswered) is left to it, unless it is older than the carrier timeout and the orphan grace:
 * then its instance died, and the message is held `unknown`. The instance that finds nothing left pending completes
 * the campaign; counts are read from the store when it does, and while another instance may be changing them.
 */
export class CampaignRunner {
  private readonly runs = new Map<string, Run>();
  private readonly counts = new Map<string, CampaignCounts>();
  private readonly lastProgress = new Map<string, number>();
  /** The timers of trailing progress updates, by campaign. */
  private readonly trailing = new Map<string, unknown>();
  /** Recipients claimed by a run here (their message is stored) and not yet marked: stored `pending`, counted `sending`. */
  private readonly claimed = new Set<string>();
  /** The sends that stopped runs left in flight, by campaign: a new run of the campaign waits for them. */
  private readonly settling = new Map<string, Promise<void>>();
  /** Campaigns paused by the organisation's daily cap, until the next day. */
  private readonly pauses: CampaignPauses;
  private readonly limiter: RateLimiter;
  /** The rate per sender across the instances over the store. */
  private readonly shared: SharedRate;
  /** When (engine clock) each campaign's cached counts were last read from the store. */
  private readonly countedAt = new Map<string, number>();
  /** Changes of recipients stored and not yet counted (see `changing`). */
  private changes = 0;
  /** Counts moved so far: a read of the store during which counts moved is read again. */
  private moves = 0;

  constructor(private readonly ctx: EngineContext) {
    this.limiter = new RateLimiter(ctx.clock);
    this.shared = new SharedRate(ctx);
    this.pauses = new CampaignPauses(ctx, (campaignId) => this.run(campaignId));
  }

  isRunning(campaignId: string): boolean {
    return this.runs.has(campaignId);
  }

  /** Runs the campaigns paused by the daily cap again at once (the operator changed the caps). */
  resumePaused(): void {
    this.pauses.resumeAll();
  }

  /** Starts dispatch of a campaign that runs now (started or restarted here), here and on the other instances. */
  start(campaignId: string): void {
    this.run(campaignId);
    this.ctx.announce({ kind: 'campaign.run', campaignId });
  }

  /** Stops dispatch of a campaign stopped here (its status stored), here and on the other instances. */
  async halt(campaignId: string): Promise<void> {
    this.ctx.announce({ kind: 'campaign.stop', campaignId });
    await this.stop(campaignId);
  }

  /** Starts (or resumes) dispatch of a running campaign in the background, on this instance. */
  run(campaignId: string, options: RunOptions = {}): void {
    if (this.runs.has(campaignId) || this.ctx.isClosed) return;
    this.pauses.forget(campaignId);
    const onStop = new Set<() => void>();
    const ctx = this.ctx;
    const run: Run = {
      stopRequested: false,
      done: Promise.resolve(),
      stopped: new Promise((resolve) => onStop.add(resolve)),
      inFlight: [],
      pausedUntil: null,
      join: options.join ?? false,
      heldElsewhere: 0,
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
    const previous = this.settling.get(campaignId);
    this.ctx.background(async () => {
      try {
        // The sends a stopped run left in flight settle first, so that their recipients are not taken for abandoned.
        if (previous) await Promise.race([previous.catch(() => undefined), run.stopped]);
        await this.loop(campaignId, run);
      } finally {
        this.runs.delete(campaignId);
        // Other instances may go on changing the counts: read them from the store when next asked.
        this.countedAt.delete(campaignId);
        if (run.inFlight.length > 0) this.keepSettling(campaignId, run.inFlight);
        finish();
      }
    }, (error) => this.fail(campaignId, error));
  }

  /**
   * Tracks the sends a stopped run left in flight until they settle (within the carrier timeout), for `idle()`, `close()`
   * and the campaign's next run; then stores the counts.
   */
  private keepSettling(campaignId: string, inFlight: Promise<void>[]): void {
    const settled: Promise<void> = Promise.allSettled([this.settling.get(campaignId), ...inFlight]).then(async ([, ...results]) => {
      if (this.settling.get(campaignId) === settled) this.settling.delete(campaignId);
      await this.progress(campaignId);
      for (const result of results) if (result.status === 'rejected') throw result.reason;
    });
    this.settling.set(campaignId, settled);
    this.ctx.background(() => settled);
  }

  /**
   * Asks a run to stop: it claims no more recipients, and resolves as soon as it has, whatever the carrier does. Sends
   * in flight then settle by themselves (within the carrier timeout), and a restart waits for them.
   */
  async stop(campaignId: string): Promise<void> {
    this.pauses.forget(campaignId);
    const run = this.runs.get(campaignId);
    if (!run) return;
    run.stopRequested = true;
    for (const wake of [...run.onStop]) wake();
    await run.done;
  }

  /**
   * Stops every run and drops the trailing progress updates (a closed engine stores nothing more, and a timer would
   * hold it, and its store, in memory until it fired).
   */
  async close(): Promise<void> {
    this.pauses.close();
    await Promise.all([...this.runs.keys()].map((id) => this.stop(id)));
    await Promise.allSettled([...this.settling.values()]);
    for (const timer of this.trailing.values()) this.ctx.clock.clearTimeout(timer);
    this.trailing.clear();
  }

  /**
   * Current counts of a campaign: cached while this instance dispatches it, and for PROGRESS_EVERY_MS after they were
   * read; else read from the store again (other instances may have changed them).
   */
  async countsOf(campaignId: string): Promise<CampaignCounts> {
    const cached = this.counts.get(campaignId);
    const fresh = this.ctx.clock.now() - (this.countedAt.get(campaignId) ?? Number.NEGATIVE_INFINITY) < PROGRESS_EVERY_MS;
    if (cached && (fresh || this.runs.has(campaignId) || this.settling.has(campaignId))) return cached;
    return this.recount(campaignId);
  }

  /**
   * Reads a campaign's counts from the store, where every instance's changes are: recipients claimed here and not
   * yet marked (stored `pending`) are counted `sending`, as this instance counts them.
   */
  private async recount(campaignId: string, ownChanges = 0): Promise<CampaignCounts> {
    let byState: Record<string, number> = {};
    // Read when no change of this instance is half done (stored, not counted), and again if counts moved meanwhile; the
    // last attempt reads whatever goes on (counts a change early at worst, never all of them as none).
    for (let attempt = 0; attempt < RECOUNT_ATTEMPTS; attempt++) {
      if (this.changes > ownChanges && attempt < RECOUNT_ATTEMPTS - 1) {
        await nextTask();
        continue;
      }
      const moves = this.moves;
      byState = await this.ctx.db.campaignRecipients.countBy({ campaignId }, 'state');
      if (this.moves === moves && this.changes <= ownChanges) break;
    }
    const counts = emptyCounts();
    for (const [state, count] of Object.entries(byState)) {
      if (state in counts) counts[state as RecipientState] += count;
      counts.total += count;
    }
    const prefix = `${campaignId}:`;
    let claimed = 0;
    for (const id of this.claimed) if (id.startsWith(prefix)) claimed += 1;
    claimed = Math.min(claimed, counts.pending);
    counts.pending -= claimed;
    counts.sending += claimed;
    this.counts.set(campaignId, counts);
    this.countedAt.set(campaignId, this.ctx.clock.now());
    return counts;
  }

  /** Sets the counts of a campaign whose recipients were just copied (known from the copy, not read again). */
  knowCounts(campaignId: string, counts: CampaignCounts): void {
    this.counts.set(campaignId, { ...counts });
    this.countedAt.set(campaignId, this.ctx.clock.now());
  }

  /** Drops the cached counts of a campaign (its recipients changed outside a run): read again when next asked. */
  forgetCounts(campaignId: string): void {
    this.counts.delete(campaignId);
    this.countedAt.delete(campaignId);
  }

  /**
   * Moves one recipient's count from one state to another, after the change was stored. When the counts are not
   * cached (or no longer fresh), they are read from the store, which has the change already.
   */
  async move(campaignId: string, from: RecipientState | null, to: RecipientState): Promise<void> {
    const cached = this.counts.get(campaignId);
    const fresh = this.ctx.clock.now() - (this.countedAt.get(campaignId) ?? Number.NEGATIVE_INFINITY) < PROGRESS_EVERY_MS;
    if (cached && (fresh || this.runs.has(campaignId) || this.settling.has(campaignId))) this.moveNow(campaignId, from, to);
    else await this.recount(campaignId, 1);
  }

  /**
   * Runs `work`, a change of recipients stored and then counted (`move`), so that counts read from the store meanwhile
   * wait for it to end rather than count it twice.
   */
  async changing<T>(work: () => Promise<T>): Promise<T> {
    this.changes += 1;
    try {
      return await work();
    } finally {
      this.changes -= 1;
    }
  }

  /** `move` for a campaign whose counts are loaded (one being dispatched). */
  private moveNow(campaignId: string, from: RecipientState | null, to: RecipientState): void {
    this.moves += 1;
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
      if (!this.trailing.has(campaignId) && !this.ctx.isClosed) {
        this.trailing.set(campaignId, this.ctx.clock.setTimeout(() => {
          this.trailing.delete(campaignId);
          this.ctx.background(() => this.progress(campaignId, true));
        }, wait));
      }
      return;
    }
    this.lastProgress.set(campaignId, now);
    // Forced once no run here dispatches it (a stop, a report after the end): as the store has them, other instances'
    // changes included. While a run here goes on, its own counts (the end reads the store again: see `finish`).
    const counts = { ...(force && !this.runs.has(campaignId) ? await this.recount(campaignId) : await this.countsOf(campaignId)) };
    await this.ctx.db.campaigns.update(campaignId, { counts });
    emitCampaign(this.ctx, 'campaign.progress', () => ({ campaignId, counts }));
  }

  /**
   * After a restart of the engine: settles what the previous one left in flight. Messages left `sending` without a
   * provider id for longer than a live instance would leave them (see `EngineCore.orphanedBefore`), and not claimed by a
   * run here (the sweep calls this on a live engine too), were claimed by an instance that died: they become `unknown` (they may have gone), and so do their campaign recipients. Campaigns
   * still running are dispatched (again): a crash or a restart resumes them, here or on any instance.
   */
  async recover(): Promise<void> {
    const { db } = this.ctx;
    for (;;) {
      const orphans = await db.messages.find({ where: { status: 'sending', providerId: null, updatedAt: { $lt: this.ctx.core.orphanedBefore() } }, limit: 1000 });
      let settled = 0;
      for (const message of orphans.items) {
        const recipientId = message.campaignId === null ? null : recipientIdOfMessage(message.id);
        // A claim of a run here is no orphan, however slow the store: its send settles it (or the carrier timeout does).
        if (recipientId !== null && this.claimed.has(recipientId)) continue;
        const recipient = recipientId === null ? null : await db.campaignRecipients.get(recipientId);
        if (recipient?.state === 'pending') {
          const state = await this.changing(async () => {
            const moved = await this.settleFrom(recipient, message);
            if (moved) await this.move(recipient.campaignId, 'pending', moved);
            return moved;
          });
          if (state) settled += 1;
        } else if (await transition(this.ctx, message.id, 'unknown')) settled += 1;
      }
      if (settled === 0) break;
    }
    const running = await db.campaigns.find({ where: { status: 'running' }, limit: 10_000 });
    for (const campaign of running.items) if (!this.pauses.has(campaign.id)) this.run(campaign.id, { join: true });
  }

  /**
   * Settles a pending recipient whose message is already stored (claimed by a run that did not see it through): its
   * state follows the message's; one still `sending` without a provider id may or may not have gone, and is held as
   * `unknown`. Returns the state it took, or null when it was not pending any more.
   */
  private async settleFrom(recipient: CampaignRecipientRecord, message: MessageRecord): Promise<RecipientState | null> {
    let status = message.status;
    if (status === 'sending' && !message.providerId) status = (await transition(this.ctx, message.id, 'unknown'))?.status ?? status;
    const state = recipientStateOf(status, message.providerId);
    const settled = await this.ctx.db.campaignRecipients.update(
      recipient.id,
      { state, messageId: message.id, error: state === 'unknown' ? 'The engine stopped before the carrier answered: check before sending again.' : message.error?.message ?? null, updatedAt: this.ctx.nowIso() },
      { if: { state: 'pending' } },
    );
    return settled ? state : null;
  }

  /**
   * Walks recipients by position (their ids name it: `campaignRecipientId`), BATCH positions at a time, reading those
   * still pending, so that no sorted index of a campaign's recipients is kept; a run that joins a campaign other
   * instances may be dispatching starts at a random batch and comes round to the first. When a walk ends with
   * recipients still pending (their ids do not name a position, or another instance held them), they are read in index
   * order, a pass at a time, until none is left, or until those left are held by other instances (whose sends settle
   * them: they, or the sweep, complete the campaign).
   */
  private async loop(campaignId: string, run: Run): Promise<void> {
    const { db } = this.ctx;
    /** Positions walked, and where the walk started. */
    let walked = 0;
    let first = -1;
    let byQuery = false;
    /** The pass by query: where it is (null once it has read its last page), and how many passes were made. */
    let cursor: string | null | undefined;
    let passes = 0;
    for (let turn = 0; ; turn++) {
      // A store and a carrier that answer at once never give the host a turn: let timers, I/O and input in between
      // batches, sent or skipped, so that a 100k campaign on the memory store is not one task of seconds.
      if (turn > 0) await nextTask();
      let campaign = await db.campaigns.get(campaignId);
      if (!campaign || campaign.status !== 'running' || run.stopRequested || this.ctx.isClosed) return;
      // A running campaign says why only while paused by the daily cap: it goes on now.
      if (turn === 0 && campaign.error !== null) campaign = (await db.campaigns.update(campaignId, { error: null }, { if: { status: 'running' } })) ?? campaign;
      const sender = await this.senderOf(campaign);
      if (typeof sender !== 'string') return this.finish(campaign, 'failed', sender.error);
      const { total } = await this.countsOf(campaignId);
      // A run that joins starts at another batch than the first, where the run that started the campaign began: one
      // that started there too would trail it, its every claim already taken.
      if (first < 0) first = run.join ? BATCH * joinedBatch(Math.ceil(total / BATCH)) : 0;
      if (!byQuery && walked >= total) {
        if ((await db.campaignRecipients.count({ campaignId, state: 'pending' })) === 0) return this.finish(campaign, 'completed', null);
        byQuery = true;
      }
      let batch: CampaignRecipientRecord[];
      if (byQuery) {
        if (cursor === null) {
          if ((await db.campaignRecipients.count({ campaignId, state: 'pending' })) === 0) return this.finish(campaign, 'completed', null);
          // Those left are being sent by other instances: theirs to settle.
          if (run.heldElsewhere > 0) return;
          // Nothing this run can send is left pending (a store at fault): done.
          if (passes >= 2) return this.finish(campaign, 'completed', null);
          cursor = undefined;
        }
        if (cursor === undefined) {
          passes += 1;
          run.heldElsewhere = 0;
        }
        const page = await db.campaignRecipients.find({ where: { campaignId, state: 'pending' }, orderBy: [['index', 'asc']], limit: BATCH, ...(cursor !== undefined && { cursor }) });
        cursor = page.nextCursor ?? null;
        batch = page.items;
        if (batch.length === 0) continue;
      } else {
        // From `first` to the end, then from the start to `first`.
        const start = walked < total - first ? first + walked : walked - (total - first);
        const end = Math.min(start + BATCH, start >= first ? total : first);
        walked += end - start;
        const ids = Array.from({ length: end - start }, (_, offset) => campaignRecipientId(campaignId, start + offset));
        batch = (await db.campaignRecipients.getMany(ids)).filter((recipient) => recipient.state === 'pending');
        if (batch.length === 0) continue;
      }
      await this.sendBatch(campaign, sender, batch, run);
      await this.progress(campaignId);
      if (run.pausedUntil !== null) return this.pauses.pause(campaignId, run.pausedUntil);
    }
  }

  /**
   * Sends to a batch of pending recipients: each leaves pending (sent, blocked, failed...) unless the run stops or the
   * organisation's daily cap is reached (the run pauses). The recipients go a window at a time: as many as may be sent
   * now (free sends in flight in the campaign's window and in the engine's slots, which organisations share in turn;
   * the rate per sender; the organisation's caps) are claimed in one store call and handed to the carrier; the provider
   * ids it answers with together are recorded together.
   */
  private async sendBatch(campaign: Campaign, sender: string, batch: CampaignRecipientRecord[], run: Run): Promise<void> {
    const { db, sendSlots, organisationId } = this.ctx;
    const settings = await this.ctx.settings();
    const pace: Pace = { sender, perSecond: effectiveRate(settings.segmentsPerSecond, this.ctx.carrier.capabilities.segmentsPerSecondPerSender), limits: await this.ctx.limits() };
    const charge: BatchCharge = { billTo: await billToOf(this.ctx, campaign.ratingExtensionId), settings };
    const template = compileTemplate(campaign.body);
    const numberId = campaign.sender?.type === 'number' ? campaign.sender.numberId : null;
    // Sends the carrier has not answered yet (WINDOW), and claims whose provider id is not stored yet (UNRECORDED).
    const window = new SendWindow(WINDOW);
    const unrecorded = new SendWindow(UNRECORDED);
    const sent: SentRecipients = { ids: [], campaignId: campaign.id, since: 0, marking: Promise.resolve() };
    const accepted = new Coalescer<Accepted>((items) => this.recordAccepted(items, sent, charge));
    // Without a daily cap, the batch's sends are counted for the day in one store call at its end (see `DayTally`).
    const tally: DayTally = { day: '', count: 0 };
    const unsubscribe = run.signal.onStop(() => {
      window.wake();
      unrecorded.wake();
    });
    let index = 0;
    while (index < batch.length && !run.stopRequested && !this.ctx.isClosed) {
      // Recipients claimed together, in one store call: at most the sends that may start now.
      const room = Math.min(await unrecorded.room(), await window.room());
      if (room === 0) continue;
      const slots = await sendSlots.take(organisationId, 'campaign', room, run.signal);
      if (slots === 0) continue;
      const claims: Claim[] = [];
      /** Where each claim is in the batch, to go back to those the shared rate holds for the next second. */
      const positions = new Map<Claim, number>();
      let wait = 0;
      while (index < batch.length && claims.length < slots) {
        const recipient = batch[index]!;
        const rendered = template.render(recipient.fields);
        if (!rendered.ok) {
          index += 1;
          await this.settle(recipient, 'pending', 'failed', null, `Missing merge field(s): ${rendered.missing.join(', ')}`);
          continue;
        }
        const message = newOutbound(this.ctx, {
          id: campaignMessageId(recipient.id), conversationId: null, channel: 'sms', from: sender, to: recipient.e164, body: rendered.text,
          status: 'sending', campaignId: campaign.id, senderId: campaign.ownerId, numberId,
        });
        // Those gathered go first; this one waits for the rate limit.
        wait = this.takeTurn(pace, message.segments);
        if (wait !== 0) break;
        const claim = { recipient, message };
        positions.set(claim, index);
        index += 1;
        claims.push(claim);
      }
      if (claims.length === 0 || run.stopRequested || this.ctx.isClosed) {
        for (const { message } of claims) this.giveBackTurn(pace, message.segments);
        sendSlots.release(slots);
        // Nothing may go before the rate limit lets it: the wait holds none of the engine's slots.
        if (claims.length === 0 && wait > 0) await pause(this.ctx.clock, wait, run.signal);
        continue;
      }
      let started = 0;
      let sharedWait = 0;
      try {
        const sendable = await this.skipBlocked(claims, pace);
        if (sendable.length === 0) continue;
        // The sender's rate across the instances: those past what this second leaves go again after it.
        const turn = await this.shared.take(pace.sender, pace.perSecond, sendable.map(({ message }) => message.segments));
        if (turn.count < sendable.length) {
          index = positions.get(sendable[turn.count]!)!;
          for (const { message } of sendable.splice(turn.count)) this.giveBackTurn(pace, message.segments);
          sharedWait = turn.wait;
          if (sendable.length === 0) continue;
        }
        const counted = await this.ctx.caps.countToday(pace.limits, sendable.length, tally);
        if (counted.count < sendable.length) {
          // Past the organisation's daily cap: the rest stay pending until the next day, when the campaign goes on.
          for (const { message } of sendable.splice(counted.count)) this.giveBackTurn(pace, message.segments);
          run.pausedUntil = nextDay(this.ctx.clock.now());
          index = batch.length;
          if (sendable.length === 0) continue;
        }
        // The claim, and the mark of each recipient being sent, before the carrier is called: its message, stored as
        // `sending` under an id derived from the recipient's. A message already there was claimed by an earlier run.
        const won = new Set(await db.messages.insertManyIfAbsent(sendable.map((claim) => claim.message)));
        const lost = sendable.filter((claim) => !won.has(claim.message.id));
        const existing = new Map<string, MessageRecord>();
        if (lost.length > 0) {
          await this.ctx.caps.uncount(counted.day, lost.length, tally);
          await this.shared.giveBack(turn, lost.reduce((sum, { message }) => sum + message.segments, 0));
          for (const message of await db.messages.getMany(lost.map((claim) => claim.message.id))) existing.set(message.id, message);
        }
        const orphanedBefore = this.ctx.core.orphanedBefore();
        for (const claim of sendable) {
          if (!won.has(claim.message.id)) {
            this.giveBackTurn(pace, claim.message.segments);
            const found = existing.get(claim.message.id);
            // Another instance is sending it: its answer settles the recipient (or, should it die, the sweep does).
            if (found?.status === 'sending' && !found.providerId && found.updatedAt >= orphanedBefore) {
              run.heldElsewhere += 1;
              continue;
            }
            if (found) {
              await this.changing(async () => {
                const state = await this.settleFrom(claim.recipient, found);
                if (state) this.moveNow(campaign.id, 'pending', state);
              });
            }
            continue;
          }
          this.claimed.add(claim.recipient.id);
          this.moveNow(campaign.id, 'pending', 'sending');
          window.take();
          unrecorded.take();
          started += 1;
          // The carrier's slot is free once it answers; the claim counts until its provider id is stored.
          const answered = once(() => {
            window.release();
            sendSlots.release();
          });
          void this.send(claim, accepted, charge, answered).finally(() => {
            answered();
            unrecorded.release();
          });
        }
      } finally {
        sendSlots.release(slots - started);
        // Nothing more may go this second, over every instance: the wait holds none of the engine's slots.
        if (sharedWait > 0) await pause(this.ctx.clock, sharedWait, run.signal);
      }
      if (sent.ids.length >= MARK_SENT_EVERY || (sent.ids.length > 0 && this.ctx.clock.now() - sent.since >= PROGRESS_EVERY_MS)) this.markSent(sent);
    }
    await this.ctx.caps.storeTally(tally);
    unsubscribe();
    const settled = (async () => {
      await unrecorded.drained();
      await accepted.idle();
      this.markSent(sent);
      await sent.marking;
    })();
    // A stop does not wait for the carrier: the sends in flight settle by themselves, within the carrier timeout.
    await Promise.race([settled, run.stopped]);
    if (run.stopRequested || this.ctx.isClosed) run.inFlight.push(settled);
    else await settled;
  }

  /**
   * Counts a message against the rate of its sender and the organisation's per-second cap: 0 when it may go now, else
   * how many ms to wait (counting nothing).
   */
  private takeTurn(pace: Pace, segments: number): number {
    const wait = this.limiter.tryTake(pace.sender, segments, pace.perSecond);
    if (wait !== 0) return wait;
    const capped = this.ctx.caps.trySecond(pace.limits, 'campaign');
    if (capped !== 0) this.limiter.giveBack(pace.sender, segments, pace.perSecond);
    return capped;
  }

  /** Uncounts a message that did not go after all (found blocked, its claim lost, past the daily cap). */
  private giveBackTurn(pace: Pace, segments: number): void {
    this.limiter.giveBack(pace.sender, segments, pace.perSecond);
    this.ctx.caps.giveBackSecond(pace.limits);
  }

  /**
   * The blocklist at the moment of sending: read for a window's recipients once they have their turn (after any wait
   * for the rate limit), just before they are claimed and handed to the carrier, one read per window. A number blocked
   * before that read is never sent to; one blocked while its window is being claimed (one store call) still gets the
   * message. A blocked recipient's turn goes to the next one. Returns the claims that may go.
   */
  private async skipBlocked(claims: Claim[], pace: Pace): Promise<Claim[]> {
    if (claims.length === 0) return claims;
    const entries = await this.ctx.db.blocklist.getMany(claims.map(({ recipient }) => recipient.e164));
    if (entries.length === 0) return claims;
    const blocked = new Set<string>(entries.map((entry) => entry.e164));
    const sendable: Claim[] = [];
    for (const claim of claims) {
      if (!blocked.has(claim.recipient.e164)) {
        sendable.push(claim);
        continue;
      }
      this.giveBackTurn(pace, claim.message.segments);
      await this.settle(claim.recipient, 'pending', 'blocked', null, BLOCKED);
    }
    return sendable;
  }

  /**
   * Charges the messages the carrier accepted together to the campaign's rating extension (one usage record, see
   * `storeCharge`), records their provider ids (`sending` → `sent`, one store call), then applies the reports held for
   * them. Until then a crash leaves a message `sending` without a provider id, which recovery holds as `unknown` (never
   * sent again blindly); a report that comes first is held until its id is recorded.
   */
  private async recordAccepted(items: Accepted[], sent: SentRecipients, charge: BatchCharge): Promise<void> {
    const { db } = this.ctx;
    const at = this.ctx.nowIso();
    await storeCharge(this.ctx, items[0]!.claim.message.id, charge.billTo, at, chargeFor(charge.settings, items.map(({ claim }) => claim.message.segments)));
    const changes = items.map(({ claim, providerId }) => [claim.message.id, { status: 'sent', providerId, updatedAt: at }] as const);
    const recorded = new Set(await db.messages.updateEach(changes, { if: { status: 'sending' } }));
    for (const { claim, providerId } of items) {
      let status: MessageStatus = 'sent';
      // Something moved the message on meanwhile: keep the provider id all the same.
      if (!recorded.has(claim.message.id)) status = (await db.messages.update(claim.message.id, { providerId }))?.status ?? status;
      this.ctx.rememberProvider(providerId, { id: claim.message.id, status, campaignId: sent.campaignId });
      if (sent.ids.length === 0) sent.since = this.ctx.clock.now();
      sent.ids.push(claim.recipient.id);
      if (this.ctx.hasHeldReports(providerId)) await this.ctx.replayReports(providerId);
    }
  }

  /**
   * Recipients whose message the carrier accepted move from `pending` to `sent` together, in one write per
   * MARK_SENT_EVERY (or PROGRESS_EVERY_MS). Until then a crash leaves them pending with a message that has a provider
   * id, which recovery reads as sent; a report that comes first moves one on by itself.
   */
  private markSent(sent: SentRecipients): void {
    if (sent.ids.length === 0) return;
    const ids = sent.ids.splice(0);
    // Beside the claims, after the marks before it: the batch waits for them at its end (`sent.marking`).
    const marking = sent.marking.then(() => this.changing(async () => {
      const mark = { state: 'sent', updatedAt: this.ctx.nowIso() } as const;
      const moved = await this.ctx.db.campaignRecipients.updateEach(ids.map((id) => [id, mark] as const), { if: { state: 'pending' } });
      for (const id of ids) this.claimed.delete(id);
      for (let count = 0; count < moved.length; count++) this.moveNow(sent.campaignId, 'sending', 'sent');
    }));
    // Handled here, thrown at the batch's end.
    marking.catch(() => {});
    sent.marking = marking;
  }

  /**
   * Moves the count of a recipient a report settled: one stored `pending` that a run here claimed is counted
   * `sending` (it is not marked sent yet).
   */
  async moveReported(campaignId: string, recipientId: string, stored: RecipientState, to: RecipientState): Promise<void> {
    const counted = stored === 'pending' && this.claimed.delete(recipientId) ? 'sending' : stored;
    await this.move(campaignId, counted, to);
  }

  /**
   * Hands a claimed message to the carrier: accepted, its provider id is recorded; refused, it fails with the reason;
   * unanswered within the carrier timeout, it is held as `unknown` (never sent again by itself) until the answer comes.
   */
  private async send(claim: Claim, accepted: Coalescer<Accepted>, charge: BatchCharge, answered: () => void): Promise<void> {
    const { message, recipient } = claim;
    let answer: Awaited<ReturnType<typeof sendWithin>>;
    for (let attempt = 0; ; attempt++) {
      try {
        answer = await sendWithin(this.ctx, {
          messageId: message.id, from: message.from, to: message.to, body: message.body, encoding: message.encoding, segments: message.segments,
        });
        answered();
        break;
      } catch (error) {
        if ((error as { retryable?: unknown })?.retryable === true && attempt < RETRIES) continue;
        answered();
        const failure = await refusal(this.ctx, message.to, error);
        await transitionFrom(this.ctx, message, 'failed', { error: failure });
        await this.changing(async () => {
          this.claimed.delete(recipient.id);
          await this.settle(recipient, 'sending', 'failed', message.id, failure.message);
        });
        return;
      }
    }
    if (!('late' in answer)) {
      // The send holds its place in the window until its provider id is stored: a crash leaves at most a window of
      // messages without one (held unknown), however slow the store is.
      await accepted.add({ claim, providerId: answer.providerId });
      return;
    }
    await transitionFrom(this.ctx, message, 'unknown', { error: timeoutError(this.ctx) });
    await this.changing(async () => {
      this.claimed.delete(recipient.id);
      await this.settle(recipient, 'sending', 'unknown', message.id, UNANSWERED);
    });
    whenLate(this.ctx, answer, {
      accepted: (providerId) => acceptLate(this.ctx, this, claim, providerId, charge),
      refused: (error) => refuseLate(this.ctx, this, claim, error),
    });
  }

  /** Stores a recipient's final state for this run, and moves its count from the one the run counted it in. */
  private async settle(recipient: CampaignRecipientRecord, counted: RecipientState, state: RecipientState, messageId: string | null, error: string | null): Promise<void> {
    await this.changing(async () => {
      await this.ctx.db.campaignRecipients.update(recipient.id, { state, messageId, error, updatedAt: this.ctx.nowIso() });
      await this.move(recipient.campaignId, counted, state);
    });
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
    const counts = { ...(await this.recount(campaign.id)) };
    const updated = await this.ctx.db.campaigns.update(
      campaign.id,
      { status, counts, error, completedAt: this.ctx.nowIso(), updatedAt: this.ctx.nowIso() },
      { if: { status: 'running' } },
    );
    if (updated) {
      emitCampaign(this.ctx, 'campaign.status', () => ({ campaign: updated }));
      await this.progress(campaign.id, true);
    }
  }

  private async fail(campaignId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const updated = await this.ctx.db.campaigns.update(campaignId, { status: 'failed', error: message, updatedAt: this.ctx.nowIso() }, { if: { status: 'running' } });
    if (updated) emitCampaign(this.ctx, 'campaign.status', () => ({ campaign: updated }));
  }
}

/** The state of a campaign recipient whose message has this status (from the store, or from a carrier's report). */
export function recipientStateOf(status: MessageStatus, providerId: string | null): RecipientState {
  switch (status) {
    case 'delivered':
      return 'delivered';
    case 'undelivered':
    case 'failed':
    case 'canceled':
      return 'failed';
    case 'unknown':
      return 'unknown';
    default:
      return providerId ? 'sent' : 'unknown';
  }
}

/** `callback`, to be called once: later calls do nothing. */
function once(callback: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    callback();
  };
}

/** The batch (of `batches`) a joining run starts at: any but the first, unless there is only one. */
function joinedBatch(batches: number): number {
  return batches <= 1 ? 0 : 1 + Math.floor(Math.random() * (batches - 1));
}

function effectiveRate(configured: number, carrierLimit: number): number {
  if (configured <= 0) return carrierLimit;
  if (carrierLimit <= 0) return configured;
  return Math.min(configured, carrierLimit);
}

/** Campaign events go to its owner and to administrators (see `eventViews`). */
export function emitCampaign<T extends 'campaign.progress' | 'campaign.status'>(
  ctx: EngineContext,
  type: T,
  data: () => EventPayloads[T],
): void {
  if (ctx.events.hasSubscribers) ctx.events.emit(type, data());
}

