/** Tags already reported as taken by another constructor, so that each is reported once. */
const reported = new Set<string>();

/**
 * Registers a custom element unless its tag is already defined. Defining the same class twice is a no-op (a page
 * may import `pbx-sms/components` and a single `pbx-sms/components/sms-*` file); a tag taken by another
 * constructor (usually a second copy of the package on the page) is left alone, with one console warning.
 * Does nothing where there is no `customElements` registry (server-side imports).
 *
 * @example
 * defineElement('sms-segment-counter', SmsSegmentCounter);
 * defineElement('sms-segment-counter', SmsSegmentCounter); // no-op
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, constructor);
    return;
  }
  if (existing === constructor || reported.has(tag)) return;
  reported.add(tag);
  console.warn(
    `pbx-sms: <${tag}> is already defined by another class (is a second copy of pbx-sms loaded?); keeping the first definition.`,
  );
}
