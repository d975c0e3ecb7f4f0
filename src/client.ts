import type { Principal, SmsEvent, SmsEventMap, SmsEventType } from './model/index.js';
import { Principal as PrincipalSchema } from './model/index.js';
import type { SmsBackend } from './ports/backend.js';
import { parseInput } from './engine/validate.js';
import { host } from './internal/host.js';

type Bound<Api> = {
  [K in keyof Api]: NonNullable<Api[K]> extends (principal: Principal, ...args: infer A) => infer R ? (...args: A) => R : never;
};

type ApiName = Exclude<keyof SmsBackend, 'subscribe' | 'close'>;

const API_NAMES = [
  'directory', 'numbers', 'contacts', 'conversations', 'messages', 'campaigns', 'lists', 'blocklist', 'templates',
  'keywords', 'usage', 'settings', 'organisations',
] as const satisfies readonly ApiName[];

/** A live event handler: receives the event's data and the whole event (id, type, time). */
export type SmsEventHandler<T extends SmsEventType> = (data: SmsEventMap[T], event: SmsEvent<T>) => void;

/**
 * The SDK a portal, a component or a script talks to: every resource of the backend, on behalf of one principal.
 * Each method is async and typed; lists are paginated (`{ items, nextCursor }`).
 */
export type SmsClient = { readonly [K in ApiName]: Bound<SmsBackend[K]> } & {
  /** Who the client acts for. */
  readonly principal: Principal;
  /** The backend it talks to (for adapters and tests; components never use it). */
  readonly backend: SmsBackend;
  /**
   * Listens to a live event; returns the function that stops listening.
   *
   * @example
   * const off = client.on('message.received', ({ message }) => console.log(message.body));
   */
  on<T extends SmsEventType>(type: T, handler: SmsEventHandler<T>): () => void;
};

export interface SmsClientOptions {
  /** Where the data lives: `createLocalBackend(...)`, `createHttpBackend(...)` or a vendor's own `SmsBackend`. */
  backend: SmsBackend;
  /** The logged-in user: who they are, their role and extension. */
  principal: Principal;
}

/**
 * Creates a client for one principal.
 *
 * @example
 * import { createSmsClient, createLocalBackend } from 'pbx-sms';
 * import { createMemoryStore } from 'pbx-sms/adapters/memory-store';
 * import { createSimulatedCarrier } from 'pbx-sms/adapters/simulated-carrier';
 *
 * const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ seed: 1 }) });
 * const client = createSmsClient({ backend, principal: { userId: 'u1', role: 'user', extensionId: 'x201' } });
 * const { items } = await client.conversations.list({ filter: 'unread' });
 */
export function createSmsClient(options: SmsClientOptions): SmsClient {
  const principal = Object.freeze(parseInput(PrincipalSchema, options.principal, 'principal'));
  const { backend } = options;
  const client: Record<string, unknown> = { principal, backend };
  for (const name of API_NAMES) client[name] = bind(backend[name], principal);
  const listeners = new Map<SmsEventType, Set<SmsEventHandler<SmsEventType>>>();
  let unsubscribe: (() => void) | null = null;

  function dispatch(event: SmsEvent): void {
    for (const handler of listeners.get(event.type) ?? []) {
      try {
        handler(event.data as never, event as never);
      } catch (error) {
        host.queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  client.on = <T extends SmsEventType>(type: T, handler: SmsEventHandler<T>): (() => void) => {
    let set = listeners.get(type);
    if (!set) listeners.set(type, (set = new Set()));
    set.add(handler as SmsEventHandler<SmsEventType>);
    unsubscribe ??= backend.subscribe(principal, dispatch);
    return () => {
      set.delete(handler as SmsEventHandler<SmsEventType>);
      if ([...listeners.values()].every((handlers) => handlers.size === 0)) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  };
  return Object.freeze(client) as SmsClient;
}

function bind<Api extends object>(api: Api, principal: Principal): Bound<Api> {
  const bound: Record<string, unknown> = {};
  // Own keys and those of prototypes: a vendor's backend may implement a resource group as a class instance.
  for (let level: object | null = api; level !== null && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const key of Object.getOwnPropertyNames(level) as (keyof Api & string)[]) {
      const method = api[key];
      if (key !== 'constructor' && !(key in bound) && typeof method === 'function') bound[key] = (...args: unknown[]) => method.call(api, principal, ...args);
    }
  }
  return Object.freeze(bound) as Bound<Api>;
}
