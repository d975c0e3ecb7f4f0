import type {
  BlocklistAdd, BlocklistAudit, BlocklistEntry, BlocklistHistoryQuery, BlocklistImport, BlocklistImportResult, BlocklistQuery, Campaign,
  CampaignDraft, CampaignDraftEstimate, CampaignEstimate, CampaignQuery, CampaignRecipient, CampaignUpdate, CampaignValidation, Contact,
  ContactCreate, ContactImport, ContactImportResult, ContactMatch, ContactQuery, ContactUpdate, Conversation, ConversationOpen, ConversationQuery,
  Department, DirectoryUser, Extension, ExtensionQuery, KeywordRule, KeywordRuleCreate, KeywordRuleUpdate, ListEntry, ListEntryInput,
  ListEntryQuery, ListImportInput, ListImportReport, Message, MessageSend, NumberCreate, NumberQuery, NumberRouting, NumberRoutingUpdate,
  NumberUpdate, Organisation, OrganisationCreate, OrganisationQuery, OrganisationRemoval, OrganisationUpdate, OrganisationUsage,
  OrganisationUsageQuery, Page, PageRequest, PredefinedList, Principal, RecipientQuery, SearchQuery, Settings, SettingsUpdate,
  SendCapabilities, SmsEvent, SmsNumber, SupportAccess, Template, TemplateCreate, TemplateQuery, TemplateUpdate, UnreadSummary, Upload, UploadCreate,
  RecipientFileInput,
  UsageQuery, UsageRow, UsageSummary, User, UserInput,
} from '../model/index.js';

/**
 * The SmsBackend port: everything `SmsClient` calls, on behalf of a principal, plus a stream of live events.
 * Every method is async and takes and returns plain serialisable data, so that the local engine, the HTTP adapter
 * and a vendor's own backend are interchangeable.
 *
 * Every method returning a `Page` is a list paginated with opaque cursors, and its query extends `PageRequest`:
 * `limit` is a whole number from 1 to 500 (`MAX_PAGE_SIZE`; 50 when not given) and `cursor`, the previous page's
 * `nextCursor`, is at most 512 characters (`MAX_CURSOR_LENGTH`). Anything else is refused at once, before anything
 * is read, with a `ValidationError` whose `field` is `limit` or `cursor`.
 *
 * Implementations: `createLocalBackend` (src/engine), `createHttpBackend` (adapters/http). All pass
 * test/contract/backend.contract.ts.
 */
export interface SmsBackend {
  readonly directory: DirectoryApi;
  readonly numbers: NumbersApi;
  readonly contacts: ContactsApi;
  readonly conversations: ConversationsApi;
  readonly messages: MessagesApi;
  readonly campaigns: CampaignsApi;
  readonly lists: ListsApi;
  readonly blocklist: BlocklistApi;
  readonly templates: TemplatesApi;
  readonly keywords: KeywordsApi;
  readonly usage: UsageApi;
  readonly settings: SettingsApi;
  /** The hosting vendor's operators manage organisations and read their usage. */
  readonly organisations: OrganisationsApi;
  /**
   * Live events the principal may see. `after` resumes after an event id (SSE's Last-Event-ID).
   * Returns the function that unsubscribes.
   */
  subscribe(principal: Principal, listener: (event: SmsEvent) => void, options?: { after?: number }): () => void;
  /** Releases timers and connections. */
  close(): Promise<void>;
}

type P = Principal;

export interface DirectoryApi {
  /** The chat directory: users by name or extension (all roles may search). */
  search(p: P, query?: SearchQuery): Promise<Page<DirectoryUser>>;
  /**
   * One person of the chat directory (all roles may look one up): the colleague who sent a message on a group number,
   * say. A user who is not in the directory (an administrator, someone removed) is a `NotFoundError`.
   */
  get(p: P, id: string): Promise<DirectoryUser>;
  /**
   * The hosting vendor's operators' looks into the organisation for support, newest first (administrators only):
   * operators act into an organisation read-only, and every call they make there is recorded.
   */
  supportAccess(p: P, query?: PageRequest): Promise<Page<SupportAccess>>;
  /** The calling user, as the directory stores them (see `LocalBackendOptions.provisionUser`). */
  me(p: P): Promise<User>;
  users(p: P, query?: SearchQuery): Promise<Page<User>>;
  createUser(p: P, input: UserInput): Promise<User>;
  updateUser(p: P, id: string, input: Partial<UserInput>): Promise<User>;
  removeUser(p: P, id: string): Promise<void>;
  /**
   * The extensions, by number. With `chargeable`, only those the caller may bill a campaign to: a user's own
   * extensions and those of their department (administrators: all).
   */
  extensions(p: P, query?: ExtensionQuery): Promise<Page<Extension>>;
  createExtension(p: P, input: Omit<Extension, 'id'>): Promise<Extension>;
  updateExtension(p: P, id: string, input: Partial<Omit<Extension, 'id'>>): Promise<Extension>;
  removeExtension(p: P, id: string): Promise<void>;
  departments(p: P, query?: PageRequest): Promise<Page<Department>>;
  createDepartment(p: P, input: { name: string; costCode?: string; alphaTags?: string[] }): Promise<Department>;
  updateDepartment(p: P, id: string, input: { name?: string; costCode?: string; alphaTags?: string[] }): Promise<Department>;
}

export type { UserInput } from '../model/index.js';

export interface NumbersApi {
  /** Administrators see all numbers; users see those assigned to their extensions. */
  list(p: P, query?: NumberQuery): Promise<Page<SmsNumber>>;
  get(p: P, id: string): Promise<SmsNumber>;
  create(p: P, input: NumberCreate): Promise<SmsNumber>;
  update(p: P, id: string, input: NumberUpdate): Promise<SmsNumber>;
  assign(p: P, id: string, extensionId: string): Promise<SmsNumber>;
  unassign(p: P, id: string, extensionId: string): Promise<SmsNumber>;
  /** Takes the number out of service; its history stays. */
  remove(p: P, id: string): Promise<SmsNumber>;
  /** Where replies to the number go (a user of the number, or an administrator). */
  setRouting(p: P, id: string, routing: NumberRoutingUpdate): Promise<NumberRouting>;
}

export interface ContactsApi {
  list(p: P, query?: ContactQuery): Promise<Page<Contact>>;
  get(p: P, id: string): Promise<Contact>;
  create(p: P, input: ContactCreate): Promise<Contact>;
  update(p: P, id: string, input: ContactUpdate): Promise<Contact>;
  remove(p: P, id: string): Promise<void>;
  /**
   * Imports up to 1000 rows of a contact file into one scope (global: administrators; personal: the caller's own).
   * Rows of one name make one contact with several numbers; a contact of that name already there takes them. A row
   * that does not fit (no name, not a number, a bad e-mail...) is reported by line and the others are kept.
   */
  import(p: P, input: ContactImport): Promise<ContactImportResult>;
  /** Recognition: "Bob Smith – Mobile" (personal contacts first), or null. */
  resolve(p: P, e164: string): Promise<ContactMatch | null>;
}

export interface ConversationsApi {
  list(p: P, query?: ConversationQuery): Promise<Page<Conversation>>;
  get(p: P, id: string): Promise<Conversation>;
  /** Finds or creates the conversation with a number (SMS) or a user (chat). */
  open(p: P, input: ConversationOpen): Promise<Conversation>;
  markRead(p: P, id: string): Promise<Conversation>;
  setMuted(p: P, id: string, muted: boolean): Promise<Conversation>;
  /** Deletes the conversation for this user: it disappears with its history until a new message arrives. */
  remove(p: P, id: string): Promise<void>;
  /** What the user missed since their last visit; records this visit. */
  unread(p: P): Promise<UnreadSummary>;
}

export interface MessagesApi {
  /** A conversation's messages, oldest first within a page; `nextCursor` leads to older messages. */
  list(p: P, conversationId: string, query?: PageRequest): Promise<Page<Message>>;
  get(p: P, id: string): Promise<Message>;
  send(p: P, input: MessageSend): Promise<Message>;
  /** Cancels a scheduled message before it is due. */
  cancel(p: P, id: string): Promise<Message>;
  /** Sends a failed message again, as a new message. */
  retry(p: P, id: string): Promise<Message>;
  /** Whether this user may send now, and from what: the composer says why not instead of failing on send. */
  capabilities(p: P): Promise<SendCapabilities>;
}

export type { SendCapabilities } from '../model/index.js';

export interface CampaignsApi {
  list(p: P, query?: CampaignQuery): Promise<Page<Campaign>>;
  get(p: P, id: string): Promise<Campaign>;
  create(p: P, draft: CampaignDraft): Promise<Campaign>;
  /** Edits a draft (or a scheduled campaign, which goes back to draft). */
  update(p: P, id: string, patch: CampaignUpdate): Promise<Campaign>;
  /** Deletes a draft. */
  remove(p: P, id: string): Promise<void>;
  duplicate(p: P, id: string): Promise<Campaign>;
  validate(p: P, id: string): Promise<CampaignValidation>;
  estimate(p: P, id: string): Promise<CampaignEstimate>;
  /**
   * Checks and estimates a draft without storing anything (an editor's "Check and estimate" before a save): the
   * problems that would keep it from starting, a missing name among them, and its estimate as it stands. The same
   * rules and permissions as `create` followed by `validate` and `estimate`.
   */
  estimateDraft(p: P, draft: CampaignUpdate): Promise<CampaignDraftEstimate>;
  schedule(p: P, id: string, at: string): Promise<Campaign>;
  start(p: P, id: string): Promise<Campaign>;
  stop(p: P, id: string): Promise<Campaign>;
  /** Resumes a stopped campaign; never sends twice to a recipient. */
  restart(p: P, id: string): Promise<Campaign>;
  recipients(p: P, id: string, query?: RecipientQuery): Promise<Page<CampaignRecipient>>;
  createUpload(p: P, input: UploadCreate): Promise<Upload>;
  /**
   * Uploads a recipient file as it is (CSV or XLSX), read by the backend as a stream and stored a chunk at a time:
   * the same upload as `createUpload` of what `parseRecipients` would find in it, without the parsed rows ever being
   * held or sent at once. A file larger than the backend takes is refused before it is read (`RecipientFileError`,
   * `recipients.too_large`), a file it cannot read with `RecipientFileError`; nothing is stored then. Optional: a
   * backend without it is sent parsed rows (`createUpload`).
   */
  uploadFile?(p: P, input: RecipientFileInput): Promise<Upload>;
  getUpload(p: P, id: string): Promise<Upload>;
}

export interface ListsApi {
  list(p: P, query?: SearchQuery): Promise<Page<PredefinedList>>;
  get(p: P, id: string): Promise<PredefinedList>;
  create(p: P, input: { name: string }): Promise<PredefinedList>;
  rename(p: P, id: string, name: string): Promise<PredefinedList>;
  remove(p: P, id: string): Promise<void>;
  entries(p: P, id: string, query?: ListEntryQuery): Promise<Page<ListEntry>>;
  addEntry(p: P, id: string, entry: ListEntryInput): Promise<ListEntry>;
  updateEntry(p: P, id: string, entryId: string, entry: Partial<ListEntryInput>): Promise<ListEntry>;
  removeEntry(p: P, id: string, entryId: string): Promise<void>;
  /**
   * Adds parsed rows (from `parseRecipients`) and keeps the report. The whole input is checked first (bounds in
   * `ListImportInput`: up to 1,000,000 rows, 100 columns): a bad one is a `ValidationError` naming the field, and
   * nothing is stored.
   */
  import(p: P, id: string, input: ListImportInput): Promise<ListImportReport>;
  /**
   * Imports a recipient file as it is (CSV or XLSX), read by the backend as a stream and written a chunk at a time
   * (multi-row inserts), with the report `import` keeps: rows refused with their line (the first 1000 listed,
   * `refused` counting them all beyond), duplicates in the file counted, numbers already in the list updated. A file
   * larger than the backend takes is refused before it is read (`RecipientFileError`, `recipients.too_large`), a file
   * it cannot read with `RecipientFileError`; the entries it added are then taken out again. Optional: a backend
   * without it is sent parsed rows (`import`).
   */
  importFile?(p: P, id: string, input: RecipientFileInput): Promise<ListImportReport>;
}

export interface BlocklistApi {
  list(p: P, query?: BlocklistQuery): Promise<Page<BlocklistEntry>>;
  /** Which of these numbers are blocked (at most 1000 at a time). */
  check(p: P, e164s: string[]): Promise<string[]>;
  add(p: P, input: BlocklistAdd): Promise<BlocklistEntry>;
  remove(p: P, e164: string): Promise<void>;
  /**
   * Blocks parsed rows, up to 1000 a call (`BlocklistImport`). The whole input is checked first: a bad one is a
   * `ValidationError` naming the field, and nothing is stored. Numbers that do not parse come back as errors.
   */
  import(p: P, input: BlocklistImport): Promise<BlocklistImportResult>;
  history(p: P, query?: BlocklistHistoryQuery): Promise<Page<BlocklistAudit>>;
}

export interface TemplatesApi {
  list(p: P, query?: TemplateQuery): Promise<Page<Template>>;
  get(p: P, id: string): Promise<Template>;
  create(p: P, input: TemplateCreate): Promise<Template>;
  update(p: P, id: string, input: TemplateUpdate): Promise<Template>;
  remove(p: P, id: string): Promise<void>;
}

export interface KeywordsApi {
  list(p: P, query?: PageRequest): Promise<Page<KeywordRule>>;
  get(p: P, id: string): Promise<KeywordRule>;
  create(p: P, input: KeywordRuleCreate): Promise<KeywordRule>;
  update(p: P, id: string, input: KeywordRuleUpdate): Promise<KeywordRule>;
  remove(p: P, id: string): Promise<void>;
}

export interface UsageApi {
  summary(p: P, query?: UsageQuery): Promise<UsageSummary>;
  rows(p: P, query?: UsageQuery): Promise<UsageRow[]>;
}

/**
 * Organisations, for the hosting vendor's operators (role `operator`, with no `organisationId`): anyone else gets a
 * `PermissionError`. Operators never read an organisation's messages through these.
 */
export interface OrganisationsApi {
  list(p: P, query?: OrganisationQuery): Promise<Page<Organisation>>;
  get(p: P, id: string): Promise<Organisation>;
  /** A new organisation, active, with the engine's initial settings under its own. */
  create(p: P, input: OrganisationCreate): Promise<Organisation>;
  update(p: P, id: string, input: OrganisationUpdate): Promise<Organisation>;
  /**
   * Nothing is sent for a suspended organisation and its people are refused; its campaigns stop, its scheduled
   * messages wait, and inbound SMS to its numbers are kept, flagged.
   */
  suspend(p: P, id: string): Promise<Organisation>;
  /** Lifts a suspension: scheduled messages due meanwhile go out; stopped campaigns can be restarted. */
  resume(p: P, id: string): Promise<Organisation>;
  /** Deletes the organisation and all its data; `confirmName` must be its name. */
  remove(p: P, id: string, confirmation: OrganisationRemoval): Promise<void>;
  /** Usage per organisation and month, for the vendor's billing. */
  usage(p: P, query?: OrganisationUsageQuery): Promise<OrganisationUsage[]>;
}

export interface SettingsApi {
  get(p: P): Promise<Settings>;
  update(p: P, patch: SettingsUpdate): Promise<Settings>;
}
