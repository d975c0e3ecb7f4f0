/**
 * What a host can read of the engine's dealings with its carrier, from `backend.stats()`: counters since the engine
 * started, and what it holds now. Nothing here throws or blocks; a host polls it for its health checks and metrics.
 */
export interface LocalBackendStats {
  /** Delivery reports the carrier's sink dropped: no usable provider id, not a report's status, a malformed error. */
  reportsDropped: number;
  /** Inbound SMS the carrier's sink dropped: no usable provider id, an empty or overlong `from` or `to`. */
  inboundDropped: number;
  /**
   * Reports held now for provider ids that no message records yet (a carrier may report before `send` returns): at
   * most one per provider id (the furthest along) and HELD_REPORTS_MAX in all.
   */
  reportsHeld: number;
  /** Held reports let go to keep within HELD_REPORTS_MAX (the oldest provider id's first). */
  heldReportsDropped: number;
  /** Sends the carrier did not answer within `carrierTimeoutMs`: each message was settled `unknown`, never re-sent. */
  sendsTimedOut: number;
  /** Inbound SMS to an address no organisation holds, with no default organisation to take them. */
  inboundUnrouted: number;
  /** Signals from other instances over the store that did not fit what instances send each other, dropped. */
  signalsDropped: number;
}

/** The counters of `LocalBackendStats`, as the engine keeps them. */
export type EngineCounters = Omit<LocalBackendStats, 'reportsHeld'>;

export function emptyCounters(): EngineCounters {
  return { reportsDropped: 0, inboundDropped: 0, heldReportsDropped: 0, sendsTimedOut: 0, inboundUnrouted: 0, signalsDropped: 0 };
}
