/**
 * pbx-sms: the framework-agnostic SDK. Pure SMS rules, the domain model, the client and the local engine.
 * Components live in `pbx-sms/components`, adapters in `pbx-sms/adapters/*`.
 * @packageDocumentation
 */

// --- errors ---
export { PermissionError, isPermissionError } from './errors/permission-error.js';
export { NotFoundError, isNotFoundError } from './errors/not-found-error.js';
export { ConflictError, isConflictError } from './errors/conflict-error.js';
export { StateError, isStateError } from './errors/state-error.js';
export { LimitError, isLimitError } from './errors/limit-error.js';
export { SmsError, isSmsError } from './errors/sms-error.js';
export { ValidationError, isValidationError } from './errors/validation-error.js';
export type { ValidationErrorOptions, ValidationIssue } from './errors/validation-error.js';
export { CarrierError, isCarrierError, CARRIER_ERROR_CODES } from './errors/carrier-error.js';
export type { CarrierErrorCode, CarrierErrorOptions } from './errors/carrier-error.js';
export { PhoneNumberError, isPhoneNumberError, PHONE_NUMBER_ERROR_CODES } from './errors/phone-number-error.js';
export type { PhoneNumberErrorCode, PhoneNumberErrorOptions } from './errors/phone-number-error.js';
export { RecipientFileError, isRecipientFileError, RECIPIENT_FILE_ERROR_CODES } from './errors/recipient-file-error.js';
export { HttpError, isHttpError } from './errors/http-error.js';
export type { HttpErrorOptions } from './errors/http-error.js';
export type { RecipientFileErrorCode, RecipientFileErrorOptions } from './errors/recipient-file-error.js';

// --- segments and encoding ---
export { countSegments, gsmSeptets, isGsmCodeUnit, SEGMENT_LIMITS, SMS_ENCODINGS } from './segments.js';
export type { SegmentCount, SmsEncoding } from './segments.js';
export { toGsmSafe, gsmLookAlike } from './gsm-safe.js';
export type { GsmReplacement, GsmSafeResult } from './gsm-safe.js';

// --- phone numbers and recipients ---
export { formatPhone, isE164, parsePhone, PHONE_TYPES, toE164 } from './phone.js';
export { E164 } from './model/e164.js';
export type { FormatPhoneOptions, PhoneParseIssue, PhoneParseOptions, PhoneParseResult, PhoneType } from './phone.js';
export { parseRecipients, recipientsTemplateCsv, toCsv, RECIPIENT_FORMATS } from './csv.js';
export type {
  AbortSignalLike, BlobLike, ByteStreamLike, CsvColumn, ParsedRecipients, RecipientFile, FileProgress, ParseRecipientsOptions, Recipient, RecipientDuplicate,
  RecipientFormat, RecipientRowError, RecipientRowErrorCode, RecipientsInput, RecipientsProgress,
} from './csv.js';

// --- keywords, alpha tags, templates, cost ---
export {
  classifyKeyword, createKeywordClassifier, isReservedKeyword, normalizeKeyword, DEFAULT_KEYWORDS, KEYWORD_CLASSES, KEYWORD_PACKS,
} from './keywords.js';
export type { KeywordClass, KeywordClassifier, KeywordOptions, KeywordSets } from './keywords.js';
export { validateAlphaTag, ALPHA_TAG_ERROR_CODES, ALPHA_TAG_MAX_LENGTH } from './alpha-tag.js';
export { AlphaTag } from './model/alpha-tag.js';
export type { AlphaTagErrorCode, AlphaTagFailure, AlphaTagResult } from './alpha-tag.js';
export { renderTemplate, templateFields, compileTemplate } from './template.js';
export type { CompiledTemplate, RenderTemplateOptions, TemplateResult, TemplateValues } from './template.js';
export { estimateCost, COST_BASES } from './cost.js';
export type { CostBasis, CostEstimate, EstimateCostInput } from './cost.js';

// --- model, ports, client, engine ---
export { systemClock, createManualClock } from './engine/clock.js';
export type { ManualClock, ManualClockOptions } from './engine/clock.js';
export {
  Id, Timestamp, Month, MinorUnits, Name, MessageBody, PageRequest, DEFAULT_PAGE_SIZE, pageOf, ROLES, Role,
  Principal, Department, Extension, User, DirectoryUser, NumberRouting, SmsNumber, NumberCreate, NumberUpdate,
  NumberRoutingUpdate, CONTACT_SCOPES, ContactScope, ContactNumber, Contact, ContactCreate, ContactUpdate,
  ContactMatch, CHANNELS, Channel, DIRECTIONS, Direction, MESSAGE_STATUSES, MessageStatus, FINAL_MESSAGE_STATUSES,
  canTransition, MessageError, Message, MessageSend, MessagePreview, Conversation, CONVERSATION_FILTERS,
  ConversationFilter, ConversationQuery, ConversationOpen, UnreadSummary, CampaignSender, CampaignRecipients,
  CAMPAIGN_STATUSES, CampaignStatus, RECIPIENT_STATES, RecipientState, CampaignCounts, emptyCounts, CampaignEstimate,
  Campaign, CampaignDraft, CampaignUpdate, CampaignQuery, CampaignIssue, CampaignValidation, CampaignDraftEstimate, CampaignRecipient,
  RecipientQuery, UploadCreate, Upload, MergeFields, ListImportReport, PredefinedList, ListEntry, ListEntryInput,
  RecipientFileFields, RecipientFileInput, MAX_REPORTED_ERRORS,
  ListEntryQuery, ListImportInput, BLOCKLIST_SOURCES, BlocklistSource, BlocklistEntry, BlocklistAdd, BlocklistQuery,
  BlocklistAudit, BlocklistImport, BlocklistImportResult, Template, TemplateCreate, TemplateUpdate, KeywordRoutes, KeywordRule, KeywordRuleCreate,
  KeywordRuleUpdate, UsageTotals, UsageRow, UsageQuery, UsageSummary, Settings, SettingsUpdate, SMS_EVENT_TYPES,
} from './model/index.js';
export {
  SearchQuery, ExtensionQuery, MAX_PAGE_SIZE, MAX_CURSOR_LENGTH, NumberQuery, ContactQuery, TemplateQuery, BlocklistHistoryQuery,
} from './model/index.js';
export {
  DEFAULT_ORGANISATION_ID, ORGANISATION_STATUSES, OrganisationStatus, Organisation, OrganisationCreate, OrganisationUpdate,
  OrganisationQuery, OrganisationRemoval, OrganisationUsage, OrganisationUsageQuery, OrganisationLimits, OrganisationLimitsUpdate,
  Operator, PRINCIPAL_ROLES, PrincipalRole, SupportAccess,
} from './model/index.js';
export type {
  Page, SmsEventMap, SmsEventType, SmsEvent, ContactNumberChange,
} from './model/index.js';
export type {
  SmsBackend, DirectoryApi, NumbersApi, ContactsApi, ConversationsApi, MessagesApi, CampaignsApi, ListsApi, BlocklistApi,
  TemplatesApi, KeywordsApi, UsageApi, SettingsApi, OrganisationsApi, SendCapabilities, UserInput,
} from './ports/backend.js';
export type {
  Carrier, CarrierCapabilities, CarrierSink, CarrierReportStatus, Clock, InboundSms, Notifier, OutboundSms, StatusReport,
} from './ports/carrier.js';
export { CARRIER_REPORT_STATUSES } from './ports/carrier.js';
export type {
  Collection, CollectionName, Condition, Query, Scalar, Store, StoreRecords, Where, ConversationRecord,
  ConversationStateRecord, CampaignRecipientRecord, ContactRecord, ListEntryRecord, MessageRecord, SettingsRecord,
  UploadRecipientRecord, UsageRecord, StoreScope, CrossCollection, CrossQuery, Located, AddressRecord, SendCountRecord,
  StoreSignals, CounterRecord, RelayedEventRecord,
} from './ports/store.js';
export { COLLECTIONS, MAX_QUERY_LIMIT, MAX_SIGNAL_BYTES, SIGNAL_CHANNEL, SYSTEM_SCOPE } from './ports/store.js';
export { checkSignal } from './store-signals.js';
export { createSmsClient } from './client.js';
export type { SmsClient, SmsClientOptions, SmsEventHandler } from './client.js';
export { createLocalBackend } from './engine/local-backend.js';
export type { LocalBackend, LocalBackendOptions } from './engine/local-backend.js';
export type { ProvisionUser } from './engine/principals.js';
export type { LocalBackendStats } from './engine/stats.js';
export type { EmailToSmsResult, InboundEmail } from './engine/email.js';
export { seedDemo } from './seed/seed-demo.js';
export type { DemoWorld, DemoUserKey, SeedDemoOptions } from './seed/seed-demo.js';
export { DEMO_ADMIN, demoMobile } from './seed/demo-data.js';
