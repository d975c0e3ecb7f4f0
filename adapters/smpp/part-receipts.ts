import type { StatusReport } from '../../src/ports/carrier.js';
import { type Receipt, isFinal, reportOf } from './receipts.js';

/** One multi-part message whose receipts are gathered. */
export interface PartGroup {
  /** The first part's id: the message's provider id. */
  readonly providerId: string;
  readonly ids: string[];
  readonly finals: Map<string, Receipt>;
  /** Set once every part that will be has been accepted: only then can all of them have reported. */
  sealed: boolean;
  sentReported: boolean;
  /** Its final report went: later receipts of its parts are swallowed. */
  done: boolean;
}

/**
 * The receipts of multi-part messages, reported under the first part's id: the first `sent`, a failure of any part at
 * once, `delivered` once every accepted part is delivered; later receipts of its parts are swallowed. At most `max`
 * messages are followed (the oldest is forgotten, and its parts' receipts then go as they are). A receipt for an id
 * not followed goes as it is.
 */
export class PartReceipts {
  private readonly groups = new Map<string, PartGroup>();
  private readonly byPart = new Map<string, PartGroup>();

  constructor(private readonly max = 50_000) {}

  /** Starts following a message whose first part the SMSC accepted with `providerId`. */
  open(providerId: string): PartGroup {
    const group: PartGroup = { providerId, ids: [], finals: new Map(), sealed: false, sentReported: false, done: false };
    this.groups.set(providerId, group);
    this.add(group, providerId);
    if (this.groups.size > this.max) this.forget(this.groups.values().next().value!);
    return group;
  }

  add(group: PartGroup, partId: string): void {
    group.ids.push(partId);
    if (this.groups.get(group.providerId) === group) this.byPart.set(partId, group);
  }

  /** No more parts will be accepted: the report that completes the message, if its receipts are all in already. */
  seal(group: PartGroup, at: string): StatusReport | null {
    group.sealed = true;
    return this.complete(group, at);
  }

  /** The report a receipt becomes now, or null when it waits for the other parts (or repeats what was reported). */
  report(receipt: Receipt, at: string): StatusReport | null {
    const group = this.byPart.get(receipt.messageId);
    if (!group) return reportOf(receipt, receipt.messageId, at);
    if (group.done) return null;
    if (!isFinal(receipt.state)) {
      if (group.sentReported) return null;
      group.sentReported = true;
      return reportOf(receipt, group.providerId, at);
    }
    group.finals.set(receipt.messageId, receipt);
    if (receipt.state !== 'DELIVERED') {
      group.done = true;
      return reportOf(receipt, group.providerId, at);
    }
    return this.complete(group, at);
  }

  /** How many messages are followed. */
  get size(): number {
    return this.groups.size;
  }

  private complete(group: PartGroup, at: string): StatusReport | null {
    if (group.done || !group.sealed || group.ids.some((id) => !group.finals.has(id))) return null;
    group.done = true;
    return reportOf(group.finals.get(group.providerId)!, group.providerId, at);
  }

  private forget(group: PartGroup): void {
    if (this.groups.get(group.providerId) !== group) return;
    this.groups.delete(group.providerId);
    for (const id of group.ids) if (this.byPart.get(id) === group) this.byPart.delete(id);
  }
}
