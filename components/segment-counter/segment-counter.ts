import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { toGsmSafe } from '../../src/gsm-safe.js';
import { countSegments, type SegmentCount } from '../../src/segments.js';
import { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import { Announcer } from '../internal/announcer.js';
import { displayCharacter } from '../internal/characters.js';
import { LocalizeController } from '../internal/localize.js';
import { sharedStyles } from '../internal/theme.js';
import styles from './segment-counter.styles.js';
import { segmentCounterTerms } from './segment-counter.terms.js';

/** Characters named before "and N more". */
const SHOWN_CHARACTERS = { full: 12, compact: 5 } as const;

/**
 * @tagname sms-segment-counter
 * @summary Shows how a message will be sent: its encoding (GSM-7 or Unicode), the characters left in the current
 * part and the number of parts. Names the characters that force Unicode, offers to replace their look-alikes with
 * GSM-safe ones, and tells screen readers politely when the parts or the encoding change.
 *
 * @event {SmsGsmReplaceEvent} sms-gsm-replace - The user asked for the GSM-safe text (`detail.text`, what was
 * replaced in `detail.replaced`). The counter does not change its own `text`: whoever owns the text applies it.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart encoding - The encoding badge, "GSM-7" or "Unicode".
 * @csspart remaining - The characters left in the current part.
 * @csspart segments - The number of parts and the capacity of each (not shown while there is no text).
 * @csspart non-gsm - The characters that force Unicode, with the replace button.
 * @csspart replace-button - The "Replace with GSM-safe characters" button.
 * @csspart warning - The message shown when the parts exceed `max-segments`.
 *
 * @cssproperty --sms-segment-counter-background - Background of the counter. Default: `--sms-color-surface`.
 * @cssproperty --sms-segment-counter-padding - Padding of the counter. Default: `--sms-spacing`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Background of the character chips.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: the capacity per part, code points.
 * @cssproperty --sms-color-border - Borders of the badge and the chips.
 * @cssproperty --sms-color-accent - Background of the replace button.
 * @cssproperty --sms-color-on-accent - Text of the replace button.
 * @cssproperty --sms-color-warning - Text of the Unicode badge and of the warning.
 * @cssproperty --sms-color-warning-surface - Background of the Unicode badge and of the warning.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 *
 * @example
 * ```html
 * <sms-segment-counter text="Your code is 4321" max-segments="3"></sms-segment-counter>
 * ```
 */
export class SmsSegmentCounter extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The message text to measure. */
  @property() text = '';

  /**
   * The most parts a message should have; above it the counter shows a warning (it only warns: the element that owns
   * the text decides whether it may be sent, as `<sms-composer max-segments>` does). No limit when unset.
   */
  @property({ type: Number, attribute: 'max-segments' }) maxSegments?: number;

  /** A one-line layout for composers: the capacity per part and the code points of visible characters are hidden. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private readonly localize = new LocalizeController(this, segmentCounterTerms);
  private readonly announcer = new Announcer(this);
  private count: SegmentCount = countSegments('');
  private replaceable = false;

  /** True when the message has more parts than `maxSegments`. */
  get exceeded(): boolean {
    return this.maxSegments !== undefined && this.maxSegments > 0 && this.count.segments > this.maxSegments;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) {
      const text = this.text ?? '';
      this.count = countSegments(text);
      this.replaceable = this.count.encoding === 'UCS-2' && toGsmSafe(text).replaced.length > 0;
    }
  }

  protected override firstUpdated(): void {
    this.announcer.settle(this.summary());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('text') || changed.has('maxSegments')) this.announcer.announce(this.summary());
  }

  /** What is spoken when it changes: the parts, the encoding and any warning; never the characters left. */
  private summary(): string {
    if (this.count.segments === 0) return '';
    const spoken = this.localize.term('segmentAnnouncement', this.segmentsText(), this.encodingText());
    if (!this.exceeded) return spoken;
    return this.localize.term('announcementWithWarning', spoken, this.localize.term('overMaximum', this.maxSegments!));
  }

  private segmentsText(): string {
    return this.localize.term('segments', this.count.segments);
  }

  private encodingText(): string {
    return this.localize.term(this.count.encoding === 'GSM-7' ? 'encodingGsm' : 'encodingUcs2');
  }

  private replace(): void {
    const { text, replaced } = toGsmSafe(this.text ?? '');
    if (replaced.length > 0) this.dispatchEvent(new SmsGsmReplaceEvent({ text, replaced }));
  }

  override render(): TemplateResult {
    const { count, localize } = this;
    const classes = `base ${count.encoding === 'GSM-7' ? 'gsm' : 'ucs2'}${this.exceeded ? ' exceeded' : ''}`;
    return html`
      <div part="base" class=${classes} role="group" aria-label=${localize.term('messageLength')}>
        <div class="summary">
          <span part="encoding" class="encoding"
            ><span class="sms-visually-hidden">${localize.term('encodingLabel')} </span>${this.encodingText()}</span
          >
          <span part="remaining" class="remaining">${localize.term('charactersLeft', count.remaining)}</span>
          ${count.segments > 0
            ? html`<span part="segments" class="segments"
                >${this.segmentsText()}<span class="per-segment"> · ${localize.term('perSegment', count.perSegment)}</span></span
              >`
            : nothing}
        </div>
        ${count.nonGsm.length > 0 ? this.renderNonGsm(count.nonGsm) : nothing}
        ${this.exceeded
          ? html`<div part="warning" class="warning">${localize.term('overMaximum', this.maxSegments!)}</div>`
          : nothing}
        ${this.announcer.render()}
      </div>
    `;
  }

  private renderNonGsm(characters: readonly string[]): TemplateResult {
    const shown = characters.slice(0, this.compact ? SHOWN_CHARACTERS.compact : SHOWN_CHARACTERS.full);
    const hidden = characters.length - shown.length;
    return html`
      <div part="non-gsm" class="non-gsm">
        <span class="non-gsm-label" id="non-gsm-label">${this.localize.term('nonGsmIntro')}</span>
        <ul class="characters" aria-labelledby="non-gsm-label">
          ${shown.map((char) => this.renderCharacter(char))}
        </ul>
        ${hidden > 0 ? html`<span class="more">${this.localize.term('moreCharacters', hidden)}</span>` : nothing}
        ${this.replaceable
          ? html`<button part="replace-button" type="button" @click=${this.replace}>
              ${this.localize.term('replaceNonGsm')}
            </button>`
          : nothing}
      </div>
    `;
  }

  /** A character as text (never markup); an invisible one by its code point alone. */
  private renderCharacter(char: string): TemplateResult {
    const { code, invisible } = displayCharacter(char);
    return invisible
      ? html`<li class="character invisible"><span class="code">${code}</span></li>`
      : html`<li class="character" title=${code}><bdi class="glyph">${char}</bdi> <span class="code">${code}</span></li>`;
  }
}
