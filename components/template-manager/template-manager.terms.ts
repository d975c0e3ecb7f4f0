import { commonTerms } from '../internal/common.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-template-manager>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', templateManagerTitle: 'Modèles de message', ... })`. The sample values fill the
 * preview's merge fields: translate them with names and a number people of that language recognise.
 */
export const templateManagerTerms = {
  ...commonTerms,
  templateManagerTitle: 'Message templates',
  templateManagerIntroAdmin: 'Global templates are offered to everyone in the organisation when they write a message.',
  templateManagerIntroUser: 'Your templates and the organisation’s global ones are offered when you write a message. Only administrators change global ones.',
  templateManagerViewOnly: 'Templates belong to the people of an organisation: its administrators and users manage them.',
  templateSearch: 'Search templates',
  templatesEmptyAdmin: 'No global templates yet. Add one for a message people send often, such as opening hours or a reminder.',
  templatesEmptyUser: 'No templates yet. Add one for a message you send often.',
  /** {0}: what was searched for. */
  templatesNoMatch: 'No template matches “{0}”.',
  columnTemplateName: 'Name',
  columnTemplateMessage: 'Message',
  columnTemplateParts: 'Parts',
  columnActions: 'Actions',
  templateEntriesLoaded: { one: '# template shown', other: '# templates shown' },
  templateGlobalBadge: 'Global',
  templateGlobalTitle: 'A global template: only administrators change it.',
  /** The merge fields of a template in the table: "Fields: first_name, date". */
  templateFieldsList: 'Fields: {0}',
  templateNoFields: 'No merge fields',
  templateParts: { one: '# part', other: '# parts' },
  addTemplate: 'Add a template',
  addTemplateTitleGlobal: 'Add a global template',
  addTemplateTitlePersonal: 'Add a template',
  addTemplateButton: 'Add template',
  editTemplate: 'Edit {0}',
  editTemplateTitle: 'Edit {0}',
  viewTemplate: 'View {0}',
  /** The title of a global template a user opens: {0} its name. */
  viewTemplateTitle: '{0} (global template)',
  viewTemplateHint: 'Only administrators change global templates. Copy it to make a template of your own from it.',
  copyTemplateButton: 'Copy to my templates',
  templateAdded: '{0} was added.',
  templateSaved: '{0} was saved.',
  templateCopied: '{0} was copied to your templates.',
  templateName: 'Name',
  templateNameHint: 'What people pick it by, such as “Opening hours”.',
  templateNameRequired: 'Type a name.',
  templateBody: 'Message',
  templateBodyHint: 'Merge fields such as {{first_name}} are filled in for each recipient when the message is written.',
  templateBodyRequired: 'Type the message.',
  /** {0}: the most characters a template may have. */
  templateBodyTooLong: 'A template has at most {0} characters.',
  insertMergeField: 'Insert a merge field',
  /** {0}: the field, as `{{first_name}}`. */
  insertMergeFieldButton: 'Insert {0}',
  templatePreviewLabel: 'Preview with sample values',
  templatePreviewEmpty: 'The preview shows here as you type.',
  /** {0}: the fields, comma-separated. */
  templateNoSample: 'No sample value for {0}: the sender types it.',
  sampleFirstName: 'Alex',
  sampleLastName: 'Morgan',
  sampleName: 'Alex Morgan',
  samplePhone: '+61412345678',
  removeTemplate: 'Remove {0}',
  removeTemplateTitle: 'Remove {0}?',
  removeTemplateMessageGlobal: 'Nobody in the organisation will be offered it any more. Messages already sent with it are kept.',
  removeTemplateMessagePersonal: 'You will not be offered it any more. Messages already sent with it are kept.',
  removeTemplateConfirm: 'Remove template',
  templateRemoved: '{0} was removed.',
} satisfies Terms;

export type TemplateManagerTerms = typeof templateManagerTerms;
