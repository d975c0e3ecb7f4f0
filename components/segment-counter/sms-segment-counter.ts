import { defineElement } from '../internal/define-element.js';
import { SmsSegmentCounter } from './segment-counter.js';

defineElement('sms-segment-counter', SmsSegmentCounter);

declare global {
  interface HTMLElementTagNameMap {
    'sms-segment-counter': SmsSegmentCounter;
  }
}
