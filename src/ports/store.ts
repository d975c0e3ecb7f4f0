import type {
  BlocklistAudit, BlocklistEntry, Campaign, CampaignRecipient, Contact, Department, Extension, KeywordRule, ListEntry,
  Message, MessagePreview, Operator, Organisation, Page, PredefinedList, Settings, SmsNumber, SupportAccess, Template, Upload,
  User,
} from '../model/index.js';

/**
 * The Store port: persistence for the engine, as named collections of plain records (JSON-serialisable), each
 * with a key field. Queries are data (equality and a few operators, text search, ordering, keyset pagination) so that
 * a memory store and a SQL store answer them alike; the atomic operations dispatch needs are `insertManyIfAbsent` (the
 * claim of a window of recipients: their messages, stored under ids derived from the recipients'), conditional `update`
 * (status only moves forward), `updateEach` (provider ids recorded, and recipients marked sent, a window at a time)
 * and `increment` (usage). Batch operations keep a store's round trips per campaign to a few per window of messages.
 *
 * Implementations: `createMemoryStore()` (adapters/memory-store), `createPostgresStore()` (adapters/postgres-store).
 * Both pass test/contract/store.contract.ts.
 */
export interface Store {
  /**
   * The collections of one organisation. What a scope reads and writes is that organisation's alone: keys are unique
   * within an organisation (two organisations may both hold a user "alice"), and no query of one scope sees a record of
   * another. The engine's own records (the organisations, which organisation holds a number, operators) live in the
   * scope `SYSTEM_SCOPE`.
   */
  scope(organisationId: string): StoreScope;
  /**
   * Reads across every organisation, for the engine's own background work that starts from outside any one of them:
   * a delivery report's provider id, the schedules falling due, the campaigns a restart must resume.
   */
  across<K extends CollectionName>(name: K): CrossCollection<StoreRecords[K]>;
  /**
   * Signals between the engine instances that share this store (optional): with it, several stateless instances over
   * one database behave as one (live events raised on one reach subscribers on all; a campaign started on one is
   * dispatched by all). A store without it serves one instance, or several that learn of each other's work only by
   * their periodic sweep of the store and never share live events.
   */
  readonly signals?: StoreSignals;
  close(): Promise<void>;
}

/** The longest signal payload, in UTF-8 bytes: PostgreSQL's NOTIFY takes less than 8,000. */
export const MAX_SIGNAL_BYTES = 7_900;

/** A channel's name: lowercase letters, digits and underscores, starting with a letter, at most 63 (a SQL identifier). */
export const SIGNAL_CHANNEL = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Short messages between the instances over one store (PostgreSQL: LISTEN/NOTIFY; the memory store: in-process), so
 * that each learns at once what another did. What an implementation guarantees, and no more:
 * - **Every subscriber of every instance over the same store** hears a signal published after it subscribed, the
 *   publisher's own subscribers included (receivers tell their own signals apart by what the payload says).
 * - **At most once**: a signal may be lost (a connection dropped, an instance restarting); it is never delivered twice.
 *   Nothing depends on a signal alone: the engine sweeps the store periodically and recovers what a lost one said.
 * - **Order** is kept between signals of one publisher on one channel; there is no order across channels, nor between
 *   publishers.
 * - **Size**: a payload is a string of at most `MAX_SIGNAL_BYTES` UTF-8 bytes; `publish` refuses a longer one, or a
 *   channel name not matching `SIGNAL_CHANNEL`, with a `ValidationError`. Larger data goes into the store and its
 *   signal carries a reference.
 * - `publish` resolves once the signal is sent (SQL: the NOTIFY committed); handlers are called later, never inside
 *   `publish`, and a handler that throws affects no other.
 */
export interface StoreSignals {
  publish(channel: string, payload: string): Promise<void>;
  /** Calls `handler` with each payload published on `channel` from now on; returns the function that stops it. */
  subscribe(channel: string, handler: (payload: string) => void): () => void;
  /**
   * How many handlers, of every instance, a signal on `channel` would reach now, when the store can know it (the
   * memory store, whose instances share one process); left out when it cannot (a database's other instances). An
   * instance that is the only one listening sends nothing.
   */
  subscribers?(channel: string): number;
}

/** The scope of the engine's own records: `organisations`, `addresses`, `operators`. */
export const SYSTEM_SCOPE = '_system';

/** One organisation's collections (see `Store.scope`). */
export interface StoreScope {
  readonly organisationId: string;
  collection<K extends CollectionName>(name: K): Collection<StoreRecords[K]>;
  /** Deletes every record of the organisation, in every collection; returns how many. */
  clear(): Promise<number>;
}

/** A record found across organisations, with the organisation that holds it. */
export interface Located<T> {
  organisationId: string;
  record: T;
}

/** A query across organisations: no cursor, at most `limit` records (default 50, at most `MAX_QUERY_LIMIT`). */
export type CrossQuery<T> = Pick<Query<T>, 'where' | 'orderBy' | 'limit'>;

/** Reads one collection across every organisation (see `Store.across`). */
export interface CrossCollection<T> {
  /** Records matching the query in any organisation, in its order (then organisation and key), at most `limit`. */
  find(query?: CrossQuery<T>): Promise<Located<T>[]>;
}

/** A contact with its numbers flattened for lookup. */
export interface ContactRecord extends Contact {
  e164s: string[];
}

/** A list entry with its searchable text (number and merge-field values). */
export interface ListEntryRecord extends ListEntry {
  text: string;
}

/** A conversation as stored: per-user unread count and mute live in `conversationStates`. */
export interface ConversationRecord {
  id: string;
  channel: 'sms' | 'chat';
  /** SMS: the number; chat: null. */
  numberId: string | null;
  /** SMS: the external E.164 number; chat: null (see `participants`). */
  peer: string | null;
  /** Chat: the two user ids, sorted; alpha-tag and keyword threads: the one user who sees them. */
  participants: string[];
  /** Who sees it, for queries: `number:<id>` and `number:*` for a number's thread, `user:<id>` per participant. */
  audience: string[];
  /** Unique per thread: `sms:<numberId>:<e164>`, `chat:<userA>:<userB>`, `alpha:<userId>:<tag>:<e164>`, `keyword:<id>:<e164>`. */
  threadKey: string;
  /** One-way thread sent from this alpha tag. */
  alphaTag: string | null;
  /** Thread received through this inbound keyword (read-only). */
  keyword: string | null;
  lastMessage: MessagePreview | null;
  createdAt: string;
  updatedAt: string;
}

/** One user's view of a conversation. Key: `<conversationId>:<userId>`. */
export interface ConversationStateRecord {
  id: string;
  conversationId: string;
  userId: string;
  unreadCount: number;
  muted: boolean;
  /** Messages before this instant are hidden for the user (they deleted the conversation). */
  clearedAt: string | null;
  /** Hidden until a newer message arrives. */
  hidden: boolean;
  lastReadAt: string | null;
  updatedAt: string;
}

/** A row of an uploaded file: a recipient, or an invalid or duplicate row kept for the campaign's counts. Key: `<uploadId>:<index>`. */
export interface UploadRecipientRecord {
  id: string;
  uploadId: string;
  index: number;
  /** E.164 for a valid row; the raw value for an invalid one. */
  e164: string;
  fields: Record<string, string>;
  line: number;
  state: 'valid' | 'invalid' | 'duplicate';
  error: string | null;
}

/** A campaign recipient. Key: `<campaignId>:<index>`. */
export interface CampaignRecipientRecord extends CampaignRecipient {
  id: string;
}

/**
 * Usage of one extension in one month: its inbound counter (key `<month>:<extensionId or ->`), or the charge of
 * outbound messages the carrier accepted together (key `charge:<id of the first of them>`, stored once). Usage adds
 * up the records of a month, extension and department when it is read.
 */
export interface UsageRecord {
  id: string;
  month: string;
  extensionId: string | null;
  departmentId: string | null;
  messages: number;
  segments: number;
  cost: number;
  inbound: number;
}

/**
 * How many SMS an organisation handed to the carrier in one UTC day (key: the day, `YYYY-MM-DD`), counted with
 * `increment` a window of sends at a time: what its `sendsPerDay` cap is held to, across instances and restarts.
 */
export interface SendCountRecord {
  id: string;
  sends: number;
}

export interface SettingsRecord extends Settings {
  id: string;
}

/** An address inbound traffic arrives at (an SMS number, a short code), and the organisation that holds it. Key: the address. */
export interface AddressRecord {
  address: string;
  organisationId: string;
  /** The number's id in its organisation; null for a short code. */
  numberId: string | null;
}

/**
 * A request that carried an `Idempotency-Key`, and the response it got, so that the same request sent again (a retry
 * after a lost answer, on any instance) gets that response without a second effect. Kept in the scope of the caller's
 * organisation (`SYSTEM_SCOPE` for operators) for 24 hours. Key: `<userId>:<key>`.
 */
export interface IdempotencyRecord {
  id: string;
  /** A digest of the method, the path and the body: the same key with another request is refused. */
  fingerprint: string;
  /** `pending` while the first request runs (a second one waits or is told to retry), then `done`. */
  state: 'pending' | 'done';
  status: number;
  /** The response's headers that a replay repeats (content type, location). */
  headers: Record<string, string>;
  body: string;
  createdAt: string;
  /** When the key may be forgotten (ISO 8601). */
  expiresAt: string;
}

/**
 * A counter the instances share, for a while (key: what it counts, such as `rate:<sender>:<second>` for the segments
 * a sender handed over in one second of the clock), counted with `increment`. Deleted once `expiresAt` has passed.
 */
export interface CounterRecord {
  id: string;
  value: number;
  /** When the counter may be deleted (ISO 8601). */
  expiresAt: string;
}

/**
 * A live event too large for a signal (`MAX_SIGNAL_BYTES`): its signal names the record, and the instances that
 * receive it read its data here. Kept in the organisation's scope for a few minutes. Key: the event's id (decimal).
 */
export interface RelayedEventRecord {
  id: string;
  type: string;
  at: string;
  /** The event's data as the engine builds each subscriber's view from it (JSON). */
  payload: unknown;
  expiresAt: string;
}

/** A message with the index fields the engine queries. */
export interface MessageRecord extends Message {}

export interface StoreRecords {
  departments: Department;
  extensions: Extension;
  users: User;
  numbers: SmsNumber;
  contacts: ContactRecord;
  conversations: ConversationRecord;
  conversationStates: ConversationStateRecord;
  messages: MessageRecord;
  campaigns: Campaign;
  campaignRecipients: CampaignRecipientRecord;
  uploads: Upload;
  uploadRecipients: UploadRecipientRecord;
  lists: PredefinedList;
  listEntries: ListEntryRecord;
  blocklist: BlocklistEntry;
  blocklistAudit: BlocklistAudit;
  templates: Template;
  keywords: KeywordRule;
  usage: UsageRecord;
  sendCounts: SendCountRecord;
  settings: SettingsRecord;
  organisations: Organisation;
  addresses: AddressRecord;
  supportAccess: SupportAccess;
  operators: Operator;
  idempotencyKeys: IdempotencyRecord;
  counters: CounterRecord;
  relayedEvents: RelayedEventRecord;
}

export type CollectionName = keyof StoreRecords;

/**
 * Each collection's key field and the fields it is queried by (a store may index them). Stores are built from this
 * table, so that adding a collection is one line here. `unindexed` names values of an indexed field that most records
 * end with and that no query looks records up by (a message's `sent` or `delivered`): a store may leave them out of
 * the index (a partial index), so that the write taking each record there does not grow one huge entry.
 */
export const COLLECTIONS = {
  departments: { key: 'id', indexes: [] },
  extensions: { key: 'id', indexes: ['departmentId'] },
  users: { key: 'id', indexes: ['departmentId'] },
  numbers: { key: 'id', indexes: ['e164'] },
  contacts: { key: 'id', indexes: ['ownerId'] },
  conversations: { key: 'id', indexes: ['threadKey', 'numberId', 'audience'] },
  conversationStates: { key: 'id', indexes: ['userId', 'conversationId'] },
  messages: { key: 'id', indexes: ['conversationId', 'providerId', 'status'], unindexed: { status: ['sent', 'delivered', 'received'] } },
  campaigns: { key: 'id', indexes: ['status'] },
  campaignRecipients: { key: 'id', indexes: ['campaignId', 'messageId', 'state'], unindexed: { state: ['sent', 'delivered'] } },
  uploads: { key: 'id', indexes: [] },
  uploadRecipients: { key: 'id', indexes: ['uploadId'] },
  lists: { key: 'id', indexes: [] },
  listEntries: { key: 'id', indexes: ['listId'] },
  blocklist: { key: 'e164', indexes: ['source'] },
  blocklistAudit: { key: 'id', indexes: ['e164'] },
  templates: { key: 'id', indexes: ['ownerId'] },
  keywords: { key: 'id', indexes: ['keyword'] },
  usage: { key: 'id', indexes: ['month'] },
  sendCounts: { key: 'id', indexes: [] },
  settings: { key: 'id', indexes: [] },
  supportAccess: { key: 'id', indexes: [] },
  organisations: { key: 'id', indexes: ['status'] },
  addresses: { key: 'address', indexes: ['organisationId'] },
  operators: { key: 'id', indexes: [] },
  idempotencyKeys: { key: 'id', indexes: ['expiresAt'] },
  counters: { key: 'id', indexes: ['expiresAt'] },
  relayedEvents: { key: 'id', indexes: ['expiresAt'] },
} as const satisfies {
  [K in CollectionName]: {
    key: keyof StoreRecords[K] & string;
    indexes: readonly (keyof StoreRecords[K] & string)[];
    unindexed?: { readonly [F in keyof StoreRecords[K] & string]?: readonly string[] };
  };
};

/** The JSON values a record holds. */
export type Scalar = string | number | boolean | null;

/** A condition on one field: a value (equality; an object or an array is compared by value), or one operator. */
export type Condition<V> =
  | V
  | { $in: readonly V[] }
  | { $ne: V }
  | { $gt?: V; $gte?: V; $lt?: V; $lte?: V }
  | { $contains: V extends readonly (infer E)[] ? E : never }
  | { $overlaps: V extends readonly (infer E)[] ? readonly E[] : never }
  | { $exists: boolean };

/**
 * All conditions must hold. A field given with the value `undefined` is refused with a `ValidationError` (field
 * `where.<name>`), never read as "any value": leave the key out to leave the field unfiltered.
 */
export type Where<T> = { [K in keyof T & string]?: Condition<T[K]> };

export interface Query<T> {
  where?: Where<T>;
  /** Case-insensitive substring match on any of the fields (string fields, or string arrays). */
  search?: { fields: readonly (keyof T & string)[]; text: string };
  /** Sort order; the key is always added last as the tie-breaker. Default: the key ascending. */
  orderBy?: readonly (readonly [keyof T & string, 'asc' | 'desc'])[];
  /** From a previous page's `nextCursor` (same where, search and orderBy). */
  cursor?: string;
  /** Default 50, at most 10 000. */
  limit?: number;
}

/** A named collection of records of one kind. */
export interface Collection<T> {
  get(key: string): Promise<T | null>;
  getMany(keys: readonly string[]): Promise<T[]>;
  /** Adds a record; throws `StoreConflictError` when the key exists. */
  insert(record: T): Promise<void>;
  /** Adds many records at once (all or nothing on a key conflict). */
  insertMany(records: readonly T[]): Promise<void>;
  /** Adds the record unless its key exists; true when it was added. Idempotent. */
  insertIfAbsent(record: T): Promise<boolean>;
  /**
   * `insertIfAbsent` for each record, in one call (SQL: `INSERT … ON CONFLICT DO NOTHING RETURNING key`); returns the
   * keys added, in the records' order. A key repeated in the call is added once, from its first record. Every record
   * is checked before any is added. Dispatch claims a window of recipients with it.
   */
  insertManyIfAbsent(records: readonly T[]): Promise<string[]>;
  /** Adds or replaces. */
  put(record: T): Promise<void>;
  /**
   * Changes fields of one record, only if it exists and matches `options.if`; returns the new record or null.
   * This is the compare-and-set that forward-only status changes use.
   */
  update(key: string, patch: Partial<T>, options?: { if?: Where<T> }): Promise<T | null>;
  /**
   * Changes fields of up to `limit` records matching the query, in its order, atomically (no two callers get the
   * same record); returns them as changed. Dispatch marks the recipients the carrier accepted with it.
   */
  updateMany(query: Query<T>, patch: Partial<T>): Promise<T[]>;
  /**
   * `update` for each `[key, patch]` pair, in one call and in order, each only if its record exists and matches
   * `options.if` as it stands when its turn comes; returns the keys changed, in order (not the records: SQL's
   * `UPDATE … FROM (VALUES …) RETURNING key`). Every patch is checked before any is applied. Dispatch records the
   * provider ids of a window of accepted messages, and marks their recipients sent, with it.
   */
  updateEach(changes: readonly (readonly [key: string, patch: Partial<T>])[], options?: { if?: Where<T> }): Promise<string[]>;
  /** Adds the deltas to numeric fields, creating the record from `init` first if needed; returns the result. */
  increment(key: string, deltas: Partial<Record<keyof T & string, number>>, init: T): Promise<T>;
  delete(key: string): Promise<boolean>;
  /** Deletes every record matching; returns how many. */
  deleteMany(where: Where<T>): Promise<number>;
  find(query?: Query<T>): Promise<Page<T>>;
  count(where?: Where<T>): Promise<number>;
  /** Counts matching records per value of `field`. */
  countBy<F extends keyof T & string>(where: Where<T>, field: F): Promise<Record<string, number>>;
}

export const MAX_QUERY_LIMIT = 10_000;
