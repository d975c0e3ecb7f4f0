import { defineElement } from '../internal/define-element.js';
import { SmsUsageReport } from './usage-report.js';

defineElement('sms-usage-report', SmsUsageReport);

declare global {
  interface HTMLElementTagNameMap {
    'sms-usage-report': SmsUsageReport;
  }
}
