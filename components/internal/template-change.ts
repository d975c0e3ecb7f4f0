import type { SmsEventMap } from '../../src/model/events.js';
import type { Template } from '../../src/model/template.js';

/**
 * Templates listed by name (as the backend lists them) as a `template.changed` event leaves them: a removed one leaves,
 * a new or changed one takes its place in name order. With `complete` false (more pages to read), one whose place is
 * after the last read is left for those pages.
 *
 * @example
 * client.on('template.changed', (change) => (this.templates = withTemplateChange(this.templates, change, true)));
 */
export function withTemplateChange(items: readonly Template[], { action, template }: SmsEventMap['template.changed'], complete: boolean): Template[] {
  const others = items.filter((item) => item.id !== template.id);
  if (action === 'removed') return others;
  const at = others.findIndex((item) => item.name.localeCompare(template.name) > 0);
  if (at < 0) return complete ? [...others, template] : others;
  return [...others.slice(0, at), template, ...others.slice(at)];
}
