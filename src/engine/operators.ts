import { PermissionError } from '../errors/permission-error.js';
import type { Operator, Principal } from '../model/index.js';
import { SYSTEM_SCOPE } from '../ports/store.js';
import type { EngineCore } from './core.js';

/**
 * The hosting vendor's operators, in the store's system scope. Those the backend's `operators` option names are let
 * in (and stored on first sight); when it names none, the first operator principal seen while there is no operator
 * is stored as the first one, as organisations bootstrap their first administrator. Anyone else claiming the role is
 * refused.
 */
export class OperatorDirectory {
  private readonly named: ReadonlySet<string> | null;
  private bootstrap: Promise<unknown> = Promise.resolve();

  constructor(private readonly core: EngineCore, named: readonly string[] | undefined) {
    this.named = named && named.length > 0 ? new Set(named) : null;
  }

  private get records() {
    return this.core.ports.store.scope(SYSTEM_SCOPE).collection('operators');
  }

  /** The operator a principal claiming the role is, or a `PermissionError`. */
  async verify(principal: Principal): Promise<Operator> {
    const stored = await this.records.get(principal.userId);
    if (stored && (this.named === null || this.named.has(stored.id))) return stored;
    if (this.named?.has(principal.userId)) return this.store(principal.userId);
    if (this.named === null) {
      const first = await this.firstOperator(principal.userId);
      if (first) return first;
    }
    throw new PermissionError(`"${principal.userId}" is not an operator.`, { action: 'principal', code: 'permission.unknown_operator' });
  }

  private async store(id: string): Promise<Operator> {
    const operator: Operator = { id, name: id, email: null, createdAt: this.core.nowIso() };
    await this.records.insertIfAbsent(operator);
    return (await this.records.get(id)) ?? operator;
  }

  /** Stores the first operator while there is none; null once there is one. Serialised, so that two at once make one. */
  private firstOperator(id: string): Promise<Operator | null> {
    const next = this.bootstrap.catch(() => undefined).then(async () => ((await this.records.count()) > 0 ? null : this.store(id)));
    this.bootstrap = next;
    return next;
  }
}
