/**
 * pbx-sms/components: the Lit elements, their event classes and the translation API. Importing this module
 * registers every `<sms-*>` element; import `pbx-sms/components/sms-NAME` instead to register one alone.
 * @packageDocumentation
 */
import './define.js';

// --- elements ---
export { SmsProvider } from './provider/provider.js';
export { SmsSegmentCounter } from './segment-counter/segment-counter.js';
export { SmsCampaignList } from './campaign-list/campaign-list.js';
export type { CampaignStatusFilter } from './campaign-list/campaign-list.js';
export { SmsCampaignEditor } from './campaign-editor/campaign-editor.js';
export { SmsListManager } from './list-manager/list-manager.js';
export { SmsBlocklistManager } from './blocklist-manager/blocklist-manager.js';
export { SmsNumberManager } from './number-manager/number-manager.js';
export { SmsKeywordManager } from './keyword-manager/keyword-manager.js';
export { SmsUsageReport } from './usage-report/usage-report.js';
export type { UsageRange } from './usage-report/usage-range.js';
export type { UsageGrouping, UsageMeasure } from './usage-report/usage-groups.js';
export { SmsSettings } from './settings/settings.js';
export { SmsOrganisationManager } from './organisation-manager/organisation-manager.js';
export { SmsContactManager } from './contact-manager/contact-manager.js';
export { SmsTemplateManager } from './template-manager/template-manager.js';
export { SmsInbox } from './inbox/inbox.js';
export { SmsNewConversation } from './new-conversation/new-conversation.js';
export { SmsConversation } from './conversation/conversation.js';
export { SmsComposer } from './composer/composer.js';

// --- events ---
export * from './events/index.js';

// --- localisation ---
export { registerTranslation } from './internal/localize.js';
export type { PluralTerm, SmsTranslation, Term, TermFunction } from './internal/localize.js';
export type { SegmentCounterTerms } from './segment-counter/segment-counter.terms.js';
export type { CampaignListTerms } from './campaign-list/campaign-list.terms.js';
export type { CampaignEditorTerms } from './campaign-editor/campaign-editor.terms.js';
export type { ListManagerTerms } from './list-manager/list-manager.terms.js';
export type { BlocklistManagerTerms } from './blocklist-manager/blocklist-manager.terms.js';
export type { NumberManagerTerms } from './number-manager/number-manager.terms.js';
export type { KeywordManagerTerms } from './keyword-manager/keyword-manager.terms.js';
export type { UsageReportTerms } from './usage-report/usage-report.terms.js';
export type { SettingsTerms } from './settings/settings.terms.js';
export type { OrganisationManagerTerms } from './organisation-manager/organisation-manager.terms.js';
export type { ContactManagerTerms } from './contact-manager/contact-manager.terms.js';
export type { TemplateManagerTerms } from './template-manager/template-manager.terms.js';
export type { InboxTerms } from './inbox/inbox.terms.js';
export type { NewConversationTerms } from './new-conversation/new-conversation.terms.js';
export type { ConversationTerms } from './conversation/conversation.terms.js';
export type { ComposerTerms } from './composer/composer.terms.js';
