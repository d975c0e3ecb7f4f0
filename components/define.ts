// Registers every element: the side-effect file behind `import 'pbx-sms/components'`.
// One line per element, its `sms-*.ts` registration file; defining twice is a no-op, so order does not matter.
import './segment-counter/sms-segment-counter.js';
import './provider/sms-provider.js';
import './campaign-list/sms-campaign-list.js';
import './campaign-editor/sms-campaign-editor.js';
import './list-manager/sms-list-manager.js';
import './blocklist-manager/sms-blocklist-manager.js';
import './number-manager/sms-number-manager.js';
import './keyword-manager/sms-keyword-manager.js';
import './usage-report/sms-usage-report.js';
import './settings/sms-settings.js';
import './organisation-manager/sms-organisation-manager.js';
import './contact-manager/sms-contact-manager.js';
import './template-manager/sms-template-manager.js';
import './inbox/sms-inbox.js';
import './new-conversation/sms-new-conversation.js';
import './conversation/sms-conversation.js';
import './composer/sms-composer.js';
