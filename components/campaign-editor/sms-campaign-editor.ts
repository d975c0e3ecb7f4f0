import '../segment-counter/sms-segment-counter.js';
import { defineElement } from '../internal/define-element.js';
import { SmsCampaignEditor } from './campaign-editor.js';

defineElement('sms-campaign-editor', SmsCampaignEditor);

declare global {
  interface HTMLElementTagNameMap {
    'sms-campaign-editor': SmsCampaignEditor;
  }
}
