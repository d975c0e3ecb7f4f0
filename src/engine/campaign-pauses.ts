import type { EngineContext } from './context.js';

/**
 * Campaigns paused because their organisation has sent what its daily cap (`limits.sendsPerDay`) allows: each stays
 * running and says why in its `error`, and a timer on the engine's clock runs it again at the start of the next UTC
 * day, when its pending recipients go on. A stop or a restart drops the wait; an operator changing the caps ends it.
 * The wait lives in this engine: after a restart, or on another instance, a run finds the cap reached and pauses again.
 */
export class CampaignPauses {
  private readonly timers = new Map<string, unknown>();

  constructor(
    private readonly ctx: EngineContext,
    private readonly resume: (campaignId: string) => void,
  ) {}

  /** Pauses a running campaign until `until` (ms since the epoch); not at all if the cap was lifted meanwhile. */
  async pause(campaignId: string, until: number): Promise<void> {
    const cap = (await this.ctx.limits()).sendsPerDay;
    if (cap !== null) {
      const error = `Paused: the organisation has sent the ${cap} messages its daily cap allows (UTC); the campaign goes on at ${new Date(until).toISOString()}.`;
      if (!(await this.ctx.db.campaigns.update(campaignId, { error, updatedAt: this.ctx.nowIso() }, { if: { status: 'running' } }))) return;
    }
    if (this.ctx.isClosed) return;
    this.forget(campaignId);
    this.timers.set(campaignId, this.ctx.clock.setTimeout(() => {
      this.timers.delete(campaignId);
      this.resume(campaignId);
    }, cap === null ? 0 : until - this.ctx.clock.now()));
  }

  /** Whether a campaign waits here for the daily cap to lift. */
  has(campaignId: string): boolean {
    return this.timers.has(campaignId);
  }

  /** Drops a campaign's wait (it is stopped, restarted or run again). */
  forget(campaignId: string): void {
    const timer = this.timers.get(campaignId);
    if (timer === undefined) return;
    this.ctx.clock.clearTimeout(timer);
    this.timers.delete(campaignId);
  }

  /** Ends every wait now (the caps changed): each campaign runs again, and pauses again if it must. */
  resumeAll(): void {
    for (const campaignId of [...this.timers.keys()]) {
      this.forget(campaignId);
      this.resume(campaignId);
    }
  }

  /** Drops every wait (the engine closes). */
  close(): void {
    for (const campaignId of [...this.timers.keys()]) this.forget(campaignId);
  }
}
