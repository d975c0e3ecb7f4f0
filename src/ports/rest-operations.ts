import * as z from 'zod';
import {
  BlocklistAdd, BlocklistAudit, BlocklistEntry, BlocklistHistoryQuery, BlocklistImport, BlocklistImportResult, BlocklistQuery, Campaign,
  CampaignCounts, CampaignDraft, CampaignDraftEstimate, CampaignEstimate, CampaignQuery, CampaignRecipient, CampaignUpdate, CampaignValidation, Contact,
  ContactCreate, ContactImport, ContactImportResult, ContactMatch, ContactQuery, ContactUpdate, Conversation, ConversationOpen, ConversationQuery, Department, DirectoryUser,
  Extension, ExtensionQuery, Id, KeywordRoutes, KeywordRule, KeywordRuleCreate, ListEntry, ListEntryInput, ListEntryQuery, ListImportInput,
  ListImportReport, Message, MessageSend, Name, NumberCreate, NumberQuery, NumberRouting, NumberRoutingUpdate, NumberUpdate, Organisation,
  OrganisationCreate, OrganisationQuery, OrganisationRemoval, OrganisationUpdate, OrganisationUsage, OrganisationUsageQuery, PageRequest,
  PredefinedList, RecipientFileFields, RecipientQuery, SearchQuery, SendCapabilities, Settings, SettingsUpdate, SmsNumber, SupportAccess, Template, TemplateCreate, TemplateQuery,
  TemplateUpdate, Timestamp, UnreadSummary, Upload, UploadCreate, UsageQuery, UsageRow, UsageSummary, User, UserInput, pageOf,
  SMS_EVENT_TYPES, type SmsEventType,
} from '../model/index.js';
import type { SmsBackend } from './backend.js';

/**
 * The REST form of the SmsBackend port: for every method, its HTTP method and path under `REST_BASE_PATH`, where each
 * argument after the principal travels, and the zod schemas (those of `src/model`) of its request and its response.
 * The REST server (`pbx-sms/adapters/rest-server`) serves it and the HTTP backend (`pbx-sms/adapters/http`) calls it,
 * both from this one table, so the two cannot disagree; a vendor writing their own client or server can read it too.
 * The principal never travels: the server's `authenticate` names it from the request.
 */
export const REST_BASE_PATH = '/v1';

/** The path of the live event stream (Server-Sent Events), under `REST_BASE_PATH`. */
export const REST_EVENTS_PATH = '/events';

export const REST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RestMethod = (typeof REST_METHODS)[number];

/**
 * Where one argument of a method travels:
 * - `path`: a segment of the path, `{name}` in it, URI-encoded (an id, or a number as typed);
 * - `query`: the whole argument (an object of scalars) as the query string, one parameter per member;
 * - `body`: the whole argument as the JSON body;
 * - `field`: the argument as one member `name` of a JSON body object (`{ "muted": true }`);
 * - `file`: an object whose `file` member (a File or Blob) is the request body, sent as it is (`Content-Type` one of
 *   `REST_FILE_TYPES`, `Content-Length` required), and whose other members (`schema`) are the query string.
 *
 * `name` also names the argument in a `ValidationError` about it as a whole (a `null` import is refused on `import`).
 */
export type RestArgument =
  | { readonly in: 'path'; readonly name: string; readonly schema: z.ZodType }
  | { readonly in: 'query'; readonly name: string; readonly schema: z.ZodObject }
  | { readonly in: 'body'; readonly name: string; readonly schema: z.ZodType }
  | { readonly in: 'field'; readonly name: string; readonly schema: z.ZodType }
  | { readonly in: 'file'; readonly name: string; readonly schema: z.ZodObject };

/** The media type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The media types a recipient file may be sent as (a `file` argument's body): CSV as browsers and spreadsheets label it
 * (Windows often says `application/vnd.ms-excel` for a .csv), XLSX, and bytes of no stated type. Which one it is, is
 * told from the bytes.
 */
export const REST_FILE_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', XLSX_TYPE, 'application/octet-stream'] as const;

/** One method of the port over HTTP. */
export interface RestOperation<Args extends readonly unknown[] = readonly unknown[], Result = unknown> {
  readonly method: RestMethod;
  /** Under `REST_BASE_PATH`, with `{name}` for each `path` argument. */
  readonly path: `/${string}`;
  /** One entry per argument after the principal, in order. */
  readonly args: { readonly [K in keyof Args]-?: RestArgument };
  /** The schema of the JSON response; null for a method that returns nothing (204 No Content). */
  readonly response: [Result] extends [void] ? null : z.ZodType;
  /** The success status: 201 for what creates, 204 for what returns nothing, 200 otherwise. */
  readonly status: 200 | 201 | 204;
  /**
   * A POST that sends or creates: the HTTP backend gives it an `Idempotency-Key` header of its own making, and may then
   * send it again after a network failure.
   */
  readonly idempotent: boolean;
  /** One line for the API reference. */
  readonly summary: string;
}

type ApiName = Exclude<keyof SmsBackend, 'subscribe' | 'close'>;
type ArgsOf<F> = F extends (principal: never, ...args: infer A) => unknown ? A : never;
type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** The table's type: every method of every group of the port, exactly once, with one argument entry per argument. */
export type RestOperations = {
  readonly [G in ApiName]: { readonly [M in keyof SmsBackend[G]]-?: RestOperation<ArgsOf<SmsBackend[G][M]>, ResultOf<SmsBackend[G][M]>> };
};

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_TYPE = 'application/problem+json';

/**
 * An error answer (RFC 9457 problem details), with the `SmsError`'s own members beside the standard ones: `name` (the
 * error class, such as `ValidationError`), `code`, and what that class carries (`field`, `issues`, `line`, `resource`,
 * `id`, `state`, `action`, `resetAt`...). A 500 carries only `errorId`, the id under which the server logged it.
 */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  name: z.string().optional(),
  code: z.string(),
  field: z.string().optional(),
  line: z.number().int().optional(),
  issues: z.array(z.looseObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() })).optional(),
  errorId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

/** A phone number as a person types it, which the backend reads in the organisation's default country. */
const TypedPhone = z.string().max(40);

/** Routing as typed: the mobile in any form the default country reads (the backend stores it in E.164). */
const NumberRoutingInput = NumberRoutingUpdate.extend({ mobile: TypedPhone.nullable().optional() });

/** A keyword rule as typed: its mobile route in any form the default country reads. */
const KeywordRuleInput = KeywordRuleCreate.extend({
  routes: KeywordRoutes.partial().extend({ mobile: TypedPhone.nullable().optional() }).optional(),
});

const NewExtension = Extension.omit({ id: true });
const NewDepartment = Department.omit({ id: true });

const id = { in: 'path', name: 'id', schema: Id } as const;
const path = (name: string, schema: z.ZodType = Id) => ({ in: 'path', name, schema }) as const;
const query = (schema: z.ZodObject, name = 'query') => ({ in: 'query', name, schema }) as const;
const body = (name: string, schema: z.ZodType) => ({ in: 'body', name, schema }) as const;
const field = (name: string, schema: z.ZodType) => ({ in: 'field', name, schema }) as const;
const file = (name: string, schema: z.ZodObject) => ({ in: 'file', name, schema }) as const;

interface Shape {
  status?: 200 | 201 | 204;
  idempotent?: boolean;
}

function op<const A extends readonly RestArgument[], R extends z.ZodType | null>(
  method: RestMethod, at: `/${string}`, args: A, response: R, summary: string, shape: Shape = {},
) {
  const status = shape.status ?? (response === null ? 204 : 200);
  return { method, path: at, args, response, status, idempotent: shape.idempotent ?? false, summary } as const;
}

/** Creates a record: 201, with an `Idempotency-Key`. */
const CREATES: Shape = { status: 201, idempotent: true };
/** Sends, or finds-or-creates: 200, with an `Idempotency-Key`. */
const SENDS: Shape = { idempotent: true };

/**
 * The REST mapping of every SmsBackend method. The type asks for each method of the port, exactly once: a method added
 * to the port without an entry here, or an entry for a method it does not have, does not compile.
 */
export const REST_OPERATIONS = {
  directory: {
    search: op('GET', '/directory', [query(SearchQuery)], pageOf(DirectoryUser), 'Search the chat directory by name or extension.'),
    get: op('GET', '/directory/{id}', [id], DirectoryUser, 'One person of the chat directory.'),
    supportAccess: op('GET', '/support-access', [query(PageRequest)], pageOf(SupportAccess), "Operators' looks into the organisation, newest first."),
    me: op('GET', '/me', [], User, 'The calling user, as the directory stores them.'),
    users: op('GET', '/users', [query(SearchQuery)], pageOf(User), 'The users of the organisation.'),
    createUser: op('POST', '/users', [body('user', UserInput)], User, 'Create a user.', CREATES),
    updateUser: op('PATCH', '/users/{id}', [id, body('user', UserInput.partial())], User, 'Change a user.'),
    removeUser: op('DELETE', '/users/{id}', [id], null, 'Remove a user.'),
    extensions: op('GET', '/extensions', [query(ExtensionQuery)], pageOf(Extension), 'The extensions, by number.'),
    createExtension: op('POST', '/extensions', [body('extension', NewExtension)], Extension, 'Create an extension.', CREATES),
    updateExtension: op('PATCH', '/extensions/{id}', [id, body('extension', NewExtension.partial())], Extension, 'Change an extension.'),
    removeExtension: op('DELETE', '/extensions/{id}', [id], null, 'Remove an extension.'),
    departments: op('GET', '/departments', [query(PageRequest)], pageOf(Department), 'The departments.'),
    createDepartment: op('POST', '/departments', [body('department', NewDepartment)], Department, 'Create a department.', CREATES),
    updateDepartment: op('PATCH', '/departments/{id}', [id, body('department', NewDepartment.partial())], Department, 'Change a department.'),
  },
  numbers: {
    list: op('GET', '/numbers', [query(NumberQuery)], pageOf(SmsNumber), 'SMS numbers (a user sees those of their extensions).'),
    get: op('GET', '/numbers/{id}', [id], SmsNumber, 'One SMS number.'),
    create: op('POST', '/numbers', [body('number', NumberCreate)], SmsNumber, 'Add an SMS number.', CREATES),
    update: op('PATCH', '/numbers/{id}', [id, body('number', NumberUpdate)], SmsNumber, 'Change a number (label, extensions).'),
    assign: op('PUT', '/numbers/{id}/extensions/{extensionId}', [id, path('extensionId')], SmsNumber, 'Assign a number to an extension.'),
    unassign: op('DELETE', '/numbers/{id}/extensions/{extensionId}', [id, path('extensionId')], SmsNumber, 'Take a number from an extension.'),
    remove: op('DELETE', '/numbers/{id}', [id], SmsNumber, 'Take a number out of service (its history stays).', { status: 200 }),
    setRouting: op('PATCH', '/numbers/{id}/routing', [id, body('routing', NumberRoutingInput)], NumberRouting, 'Where replies to the number go.'),
  },
  contacts: {
    list: op('GET', '/contacts', [query(ContactQuery)], pageOf(Contact), 'Global and personal contacts.'),
    get: op('GET', '/contacts/{id}', [id], Contact, 'One contact.'),
    create: op('POST', '/contacts', [body('contact', ContactCreate)], Contact, 'Create a contact.', CREATES),
    update: op('PATCH', '/contacts/{id}', [id, body('contact', ContactUpdate)], Contact, 'Change a contact.'),
    remove: op('DELETE', '/contacts/{id}', [id], null, 'Delete a contact.'),
    import: op('POST', '/contacts/imports', [body('import', ContactImport)], ContactImportResult, 'Import parsed rows of a contact file (at most 1000 a call).', CREATES),
    resolve: op('GET', '/contact-matches/{e164}', [path('e164', TypedPhone.min(1))], ContactMatch.nullable(), 'Who a number is ("Bob Smith – Mobile"), or null.'),
  },
  conversations: {
    list: op('GET', '/conversations', [query(ConversationQuery)], pageOf(Conversation), "The caller's conversations, newest first."),
    get: op('GET', '/conversations/{id}', [id], Conversation, 'One conversation.'),
    open: op('POST', '/conversations', [body('conversation', ConversationOpen)], Conversation, 'Find or start the conversation with a number or a user.', SENDS),
    markRead: op('POST', '/conversations/{id}/read', [id], Conversation, 'Mark a conversation read.'),
    setMuted: op('PUT', '/conversations/{id}/muted', [id, field('muted', z.boolean())], Conversation, 'Mute or unmute a conversation.'),
    remove: op('DELETE', '/conversations/{id}', [id], null, 'Delete a conversation for the caller.'),
    unread: op('POST', '/conversations/visits', [], UnreadSummary, 'What the caller missed since their last visit; records this visit.'),
  },
  messages: {
    list: op('GET', '/conversations/{id}/messages', [id, query(PageRequest)], pageOf(Message), "A conversation's messages; the next page holds older ones."),
    get: op('GET', '/messages/{id}', [id], Message, 'One message.'),
    send: op('POST', '/messages', [body('message', MessageSend)], Message, 'Send (or schedule) an SMS or a chat message.', CREATES),
    cancel: op('POST', '/messages/{id}/cancel', [id], Message, 'Cancel a scheduled message before it is due.'),
    retry: op('POST', '/messages/{id}/retry', [id], Message, 'Send a failed message again, as a new message.', CREATES),
    capabilities: op('GET', '/send-capabilities', [], SendCapabilities, 'Whether the caller may send now, and from what.'),
  },
  campaigns: {
    list: op('GET', '/campaigns', [query(CampaignQuery)], pageOf(Campaign), 'Campaigns.'),
    get: op('GET', '/campaigns/{id}', [id], Campaign, 'One campaign.'),
    create: op('POST', '/campaigns', [body('campaign', CampaignDraft)], Campaign, 'Create a draft campaign.', CREATES),
    update: op('PATCH', '/campaigns/{id}', [id, body('campaign', CampaignUpdate)], Campaign, 'Edit a draft (a scheduled one goes back to draft).'),
    remove: op('DELETE', '/campaigns/{id}', [id], null, 'Delete a draft.'),
    duplicate: op('POST', '/campaigns/{id}/duplicate', [id], Campaign, 'Copy a campaign as a new draft.', CREATES),
    validate: op('GET', '/campaigns/{id}/validation', [id], CampaignValidation, 'What keeps a campaign from starting.'),
    estimate: op('GET', '/campaigns/{id}/estimate', [id], CampaignEstimate, "A campaign's recipients, segments and cost."),
    estimateDraft: op('POST', '/campaign-estimates', [body('campaign', CampaignUpdate)], CampaignDraftEstimate, 'Check and estimate an unsaved draft (stores nothing).'),
    schedule: op('POST', '/campaigns/{id}/schedule', [id, field('scheduledAt', Timestamp)], Campaign, 'Schedule a campaign.'),
    start: op('POST', '/campaigns/{id}/start', [id], Campaign, 'Start a campaign now.', SENDS),
    stop: op('POST', '/campaigns/{id}/stop', [id], Campaign, 'Stop a running campaign.'),
    restart: op('POST', '/campaigns/{id}/restart', [id], Campaign, 'Resume a stopped campaign (never sends twice to a recipient).', SENDS),
    recipients: op('GET', '/campaigns/{id}/recipients', [id, query(RecipientQuery)], pageOf(CampaignRecipient), "A campaign's recipients and their states."),
    createUpload: op('POST', '/uploads', [body('upload', UploadCreate)], Upload, 'Upload a parsed recipient file.', CREATES),
    uploadFile: op('POST', '/upload-files', [file('upload', RecipientFileFields)], Upload, 'Upload a CSV or XLSX recipient file as the request body, read as a stream.', CREATES),
    getUpload: op('GET', '/uploads/{id}', [id], Upload, 'One uploaded recipient file.'),
  },
  lists: {
    list: op('GET', '/lists', [query(SearchQuery)], pageOf(PredefinedList), 'Predefined recipient lists.'),
    get: op('GET', '/lists/{id}', [id], PredefinedList, 'One list.'),
    create: op('POST', '/lists', [body('list', z.object({ name: Name }))], PredefinedList, 'Create a list.', CREATES),
    rename: op('PATCH', '/lists/{id}', [id, field('name', Name)], PredefinedList, 'Rename a list.'),
    remove: op('DELETE', '/lists/{id}', [id], null, 'Delete a list.'),
    entries: op('GET', '/lists/{id}/entries', [id, query(ListEntryQuery)], pageOf(ListEntry), "A list's entries."),
    addEntry: op('POST', '/lists/{id}/entries', [id, body('entry', ListEntryInput)], ListEntry, 'Add an entry to a list.', CREATES),
    updateEntry: op('PATCH', '/lists/{id}/entries/{entryId}', [id, path('entryId'), body('entry', ListEntryInput.partial())], ListEntry, 'Change an entry.'),
    removeEntry: op('DELETE', '/lists/{id}/entries/{entryId}', [id, path('entryId')], null, 'Remove an entry.'),
    import: op('POST', '/lists/{id}/imports', [id, body('import', ListImportInput)], ListImportReport, 'Import parsed rows into a list.', CREATES),
    importFile: op('POST', '/lists/{id}/file-imports', [id, file('import', RecipientFileFields)], ListImportReport, 'Import a CSV or XLSX file sent as the request body into a list, read as a stream.', CREATES),
  },
  blocklist: {
    list: op('GET', '/blocklist', [query(BlocklistQuery)], pageOf(BlocklistEntry), 'The blocklist.'),
    check: op('POST', '/blocklist/matches', [field('e164s', z.array(z.string().max(40)).max(1000))], z.array(z.string()), 'Which of these numbers are blocked (at most 1000).'),
    add: op('POST', '/blocklist', [body('entry', BlocklistAdd)], BlocklistEntry, 'Block a number.', CREATES),
    remove: op('DELETE', '/blocklist/{e164}', [path('e164', TypedPhone.min(1))], null, 'Unblock a number.'),
    import: op('POST', '/blocklist/imports', [body('import', BlocklistImport)], BlocklistImportResult, 'Block parsed rows (at most 1000 a call).', CREATES),
    history: op('GET', '/blocklist/history', [query(BlocklistHistoryQuery)], pageOf(BlocklistAudit), 'Every addition and removal.'),
  },
  templates: {
    list: op('GET', '/templates', [query(TemplateQuery)], pageOf(Template), 'Global and personal templates.'),
    get: op('GET', '/templates/{id}', [id], Template, 'One template.'),
    create: op('POST', '/templates', [body('template', TemplateCreate)], Template, 'Create a template.', CREATES),
    update: op('PATCH', '/templates/{id}', [id, body('template', TemplateUpdate)], Template, 'Change a template.'),
    remove: op('DELETE', '/templates/{id}', [id], null, 'Delete a template.'),
  },
  keywords: {
    list: op('GET', '/keywords', [query(PageRequest)], pageOf(KeywordRule), 'Inbound keyword rules.'),
    get: op('GET', '/keywords/{id}', [id], KeywordRule, 'One keyword rule.'),
    create: op('POST', '/keywords', [body('keyword', KeywordRuleInput)], KeywordRule, 'Create a keyword rule.', CREATES),
    update: op('PATCH', '/keywords/{id}', [id, body('keyword', KeywordRuleInput.partial())], KeywordRule, 'Change a keyword rule.'),
    remove: op('DELETE', '/keywords/{id}', [id], null, 'Delete a keyword rule.'),
  },
  usage: {
    summary: op('GET', '/usage/summary', [query(UsageQuery)], UsageSummary, 'Usage and cost totals.'),
    rows: op('GET', '/usage/rows', [query(UsageQuery)], z.array(UsageRow), 'Usage per extension and month.'),
  },
  settings: {
    get: op('GET', '/settings', [], Settings, "The organisation's settings."),
    update: op('PATCH', '/settings', [body('settings', SettingsUpdate)], Settings, 'Change settings.'),
  },
  organisations: {
    list: op('GET', '/organisations', [query(OrganisationQuery)], pageOf(Organisation), 'Organisations (operators).'),
    get: op('GET', '/organisations/{id}', [id], Organisation, 'One organisation (operators).'),
    create: op('POST', '/organisations', [body('organisation', OrganisationCreate)], Organisation, 'Create an organisation (operators).', CREATES),
    update: op('PATCH', '/organisations/{id}', [id, body('organisation', OrganisationUpdate)], Organisation, 'Rename an organisation or change its caps (operators).'),
    suspend: op('POST', '/organisations/{id}/suspend', [id], Organisation, 'Suspend an organisation (operators).'),
    resume: op('POST', '/organisations/{id}/resume', [id], Organisation, 'Lift a suspension (operators).'),
    remove: op('DELETE', '/organisations/{id}', [id, query(OrganisationRemoval, 'confirmation')], null, 'Delete an organisation and all its data; confirmName repeats its name (operators).'),
    usage: op('GET', '/usage/organisations', [query(OrganisationUsageQuery)], z.array(OrganisationUsage), 'Usage per organisation and month (operators).'),
  },
} as const satisfies RestOperations;

/** Every operation with its group and method name, in the table's order. */
export function restOperations(): { group: ApiName; name: string; operation: RestOperation }[] {
  return (Object.entries(REST_OPERATIONS) as [ApiName, Record<string, RestOperation>][]).flatMap(([group, methods]) =>
    Object.entries(methods).map(([name, operation]) => ({ group, name, operation })),
  );
}

/** The data of each type of live event, from the model's schemas. */
const EVENT_DATA = {
  'message.received': z.object({ message: Message, conversation: Conversation.nullable() }),
  'message.status': z.object({ message: Message }),
  'conversation.updated': z.object({ conversation: Conversation, removed: z.boolean().optional() }),
  'campaign.progress': z.object({ campaignId: Id, counts: CampaignCounts }),
  'campaign.status': z.object({ campaign: Campaign }),
  'blocklist.changed': z.object({ e164: z.string(), action: z.enum(['added', 'removed']), entry: BlocklistEntry }),
  'contact.changed': z.object({
    contactId: Id,
    action: z.enum(['created', 'updated', 'removed']),
    numbers: z.array(z.object({ e164: z.string(), contact: ContactMatch.nullable() })),
  }),
  'template.changed': z.object({ action: z.enum(['created', 'updated', 'removed']), template: Template }),
} as const satisfies Record<SmsEventType, z.ZodType>;

/**
 * A live event as the event stream carries it: the `data:` of each Server-Sent Event (whose `id:` is the event's `id`
 * and `event:` its `type`).
 */
export const RestEvent = z.discriminatedUnion(
  'type',
  SMS_EVENT_TYPES.map((type) => z.object({ id: z.number().int().positive(), type: z.literal(type), at: Timestamp, data: EVENT_DATA[type] })) as unknown as [
    z.ZodObject<{ id: z.ZodNumber; type: z.ZodLiteral<SmsEventType>; at: typeof Timestamp; data: z.ZodType }>,
  ],
);
