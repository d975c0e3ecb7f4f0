import { defineElement } from '../internal/define-element.js';
import { SmsCampaignList } from './campaign-list.js';

defineElement('sms-campaign-list', SmsCampaignList);

declare global {
  interface HTMLElementTagNameMap {
    'sms-campaign-list': SmsCampaignList;
  }
}
