/** Text boxes that behave as people expect: they grow with their text, and what changes their text is seen as typing. */

/** True where CSS sizes a text box to its text (`field-sizing: content`, the `grow` class of controlStyles). */
const NATIVE = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/**
 * Sizes a `textarea.grow` to its text where CSS cannot (browsers without `field-sizing`), within its min and max
 * height. Call it after each render that may have changed the text.
 *
 * @example
 * protected override updated(): void { fitTextarea(this.textarea.value); }
 */
export function fitTextarea(textarea: HTMLTextAreaElement | undefined): void {
  if (NATIVE || !textarea) return;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
}

/**
 * Puts `text` in a text box as typing does: its value, then an `input` event (bubbling, composed), so that the
 * element's own `@input` handler and a host that follows the text through `input` both have it.
 *
 * @example
 * replaceAsTyped(textarea, toGsmSafe(textarea.value).text);
 */
export function replaceAsTyped(textarea: HTMLTextAreaElement, text: string, inputType = 'insertReplacementText'): void {
  textarea.value = text;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType }));
}

/**
 * Puts `text` where the caret is in a text box (over the selection, if any) as typing does, the caret after it and
 * the focus in the box; an `input` event follows, as with `replaceAsTyped`.
 *
 * @example
 * insertAsTyped(textarea, '{{first_name}}');
 */
export function insertAsTyped(textarea: HTMLTextAreaElement, text: string): void {
  textarea.focus();
  textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}
