import { html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ALPHA_TAG_MAX_LENGTH, validateAlphaTag } from '../../src/alpha-tag.js';
import type { Department } from '../../src/model/directory.js';
import { icon } from '../internal/icon.js';
import type { LocalizeController } from '../internal/localize.js';
import type { SettingsTerms } from './settings.terms.js';

const removeIcon = icon(svg`<path d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>`);

/** One department's alpha tags as the form holds them: the tags shown, and the tag being typed. */
export interface DepartmentTags {
  department: Department;
  tags: string[];
  typed: string;
  /** "Add" was pressed: an empty tag is refused too. */
  tried: boolean;
}

export interface AlphaTagsOptions {
  localize: LocalizeController<SettingsTerms>;
  /** Speaks a change politely (a tag added or removed, to be saved). */
  announce: (text: string) => void;
  /** The tags of a department changed: what the backend said about them no longer holds. */
  changed: (departmentId: string) => void;
}

/** A character as a person can read it in an error: itself, or its code point when it cannot be seen. */
function shown(character: string): string {
  const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(character) ? `“${character}” (${code})` : code;
}

/**
 * The alpha tags of every department in `<sms-settings>`: each department's tags with a remove button, and a field
 * to add one, checked as typed by the core's rule (`validateAlphaTag`: 1 to 11 letters, digits, spaces and hyphens,
 * not starting with a digit, at least one letter), its characters counted against the 11 allowed. Changes wait for
 * the form's save.
 */
export class AlphaTagsController {
  /** The departments, by name, as the form holds them. */
  entries: DepartmentTags[] = [];
  /** What the backend said about a department's tags when they were last saved, by department id. */
  readonly errors = new Map<string, string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AlphaTagsOptions,
  ) {}

  /** Fills the form with the departments as saved. */
  reset(departments: readonly Department[]): void {
    this.entries = departments.map((department) => ({ department, tags: [...department.alphaTags], typed: '', tried: false }));
    this.errors.clear();
    this.host.requestUpdate();
  }

  /** The departments whose tags differ from what is saved (a tag being typed is not counted until it is added). */
  changed(): DepartmentTags[] {
    return this.entries.filter((entry) => entry.tags.length !== entry.department.alphaTags.length || entry.tags.some((tag, index) => tag !== entry.department.alphaTags[index]));
  }

  /** True when a tag is being typed somewhere: leaving would lose it. */
  get typing(): boolean {
    return this.entries.some((entry) => entry.typed.trim() !== '');
  }

  /** A department as saved: the form keeps its tags as the backend gave them back. */
  saved(department: Department): void {
    const entry = this.entries.find((candidate) => candidate.department.id === department.id);
    if (!entry) return;
    entry.department = department;
    entry.tags = [...department.alphaTags];
    this.errors.delete(department.id);
    this.host.requestUpdate();
  }

  /** Why the core's rule (`validateAlphaTag`) refuses a tag, in the element's language; null when it is valid. */
  reason(typed: string): string | null {
    const { localize } = this.options;
    const result = validateAlphaTag(typed);
    if (result.ok) return null;
    if (result.code === 'alpha_tag.invalid_character') return localize.term('alpha_tag.invalid_character', shown(result.character ?? '?'));
    if (result.code === 'alpha_tag.too_long') return localize.term('alpha_tag.too_long', ALPHA_TAG_MAX_LENGTH, typed.trim().length);
    if (result.code === 'alpha_tag.not_a_string') return localize.term('alpha_tag.empty');
    return localize.term(result.code);
  }

  /** What is wrong with the tag being typed (an empty one only once "Add" was pressed), or null. */
  problem(entry: DepartmentTags): string | null {
    if (entry.typed.trim() === '' && !entry.tried) return null;
    const reason = this.reason(entry.typed);
    if (reason) return reason;
    const tag = entry.typed.trim();
    return entry.tags.includes(tag) ? this.options.localize.term('alphaTagTaken', tag) : null;
  }

  /**
   * Before saving: a valid tag still in a field is added, as the person meant it to be. False when a field holds a
   * tag that cannot be added (its reason shows under it).
   */
  commitTyped(): boolean {
    let ready = true;
    for (const entry of this.entries) {
      if (entry.typed.trim() === '') continue;
      if (this.problem(entry)) ready = false;
      else this.add(entry, { speak: false });
    }
    this.host.requestUpdate();
    return ready;
  }

  /** The id of the first field in error, to focus. */
  firstInvalid(): string | undefined {
    const index = this.entries.findIndex((entry) => this.problem(entry) !== null || this.errors.has(entry.department.id));
    return index < 0 ? undefined : `alpha-tag-${index}`;
  }

  private add(entry: DepartmentTags, { speak }: { speak: boolean }): void {
    entry.tried = true;
    if (this.problem(entry)) {
      this.host.requestUpdate();
      return;
    }
    const result = validateAlphaTag(entry.typed);
    if (!result.ok) return;
    entry.tags = [...entry.tags, result.tag];
    entry.typed = '';
    entry.tried = false;
    this.touched(entry);
    if (speak) this.options.announce(this.options.localize.term('alphaTagAdded', result.tag, entry.department.name));
  }

  private remove(entry: DepartmentTags, index: number): void {
    const tag = entry.tags[index]!;
    entry.tags = entry.tags.filter((_, at) => at !== index);
    this.touched(entry);
    this.options.announce(this.options.localize.term('alphaTagRemoved', tag, entry.department.name));
    // The focus goes to the next tag's remove button, else the previous one's, else the field to add one.
    const row = this.entries.indexOf(entry);
    void this.host.updateComplete.then(() => {
      const buttons = this.host.shadowRoot?.querySelectorAll<HTMLElement>(`#alpha-tags-${row} [part~="remove-alpha-tag"]`);
      const next = buttons?.[Math.min(index, buttons.length - 1)] ?? this.host.shadowRoot?.querySelector<HTMLElement>(`#alpha-tag-${row}`);
      next?.focus();
    });
  }

  private touched(entry: DepartmentTags): void {
    this.errors.delete(entry.department.id);
    this.options.changed(entry.department.id);
    this.host.requestUpdate();
  }

  private onKeydown(event: KeyboardEvent, entry: DepartmentTags): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    // Enter adds the tag typed, and does not submit the whole form.
    event.preventDefault();
    this.add(entry, { speak: true });
  }

  render(readOnly: boolean): TemplateResult {
    return html`${this.entries.map((entry, index) => this.renderDepartment(entry, index, readOnly))}`;
  }

  private renderDepartment(entry: DepartmentTags, index: number, readOnly: boolean): TemplateResult {
    const { localize } = this.options;
    const name = entry.department.name;
    const problem = this.problem(entry) ?? this.errors.get(entry.department.id) ?? null;
    const count = entry.typed.trim().length;
    return html`<fieldset class="choices department" part="department" aria-describedby=${entry.tags.length === 0 ? `alpha-tags-${index}` : nothing}>
      <legend><bdi>${name}</bdi></legend>
      ${entry.tags.length === 0
        ? html`<p id="alpha-tags-${index}" class="hint none">${localize.term('settingsNoAlphaTags')}</p>`
        : html`<ul id="alpha-tags-${index}" class="tags" aria-label=${localize.term('alphaTagsOf', name)}>
            ${entry.tags.map(
              (tag, at) => html`<li class=${readOnly ? 'tag' : 'tag removable'} part="alpha-tag">
                <bdi>${tag}</bdi>
                ${readOnly
                  ? nothing
                  : html`<button
                      type="button"
                      class="icon-button tag-remove"
                      part="remove-alpha-tag"
                      aria-label=${localize.term('removeAlphaTag', tag, name)}
                      title=${localize.term('removeAlphaTag', tag, name)}
                      @click=${() => this.remove(entry, at)}
                    >
                      ${removeIcon}
                    </button>`}
              </li>`,
            )}
          </ul>`}
      ${readOnly
        ? nothing
        : html`<div class="tag-entry">
              <label class="sms-visually-hidden" for="alpha-tag-${index}">${localize.term('newAlphaTag', name)}</label>
              <input
                id="alpha-tag-${index}"
                class="input"
                part="alpha-tag-input"
                autocomplete="off"
                spellcheck="false"
                placeholder=${localize.term('alphaTagPlaceholder')}
                .value=${entry.typed}
                aria-invalid=${problem ? 'true' : 'false'}
                aria-describedby="alpha-tag-${index}-message"
                @input=${(event: Event) => {
                  entry.typed = (event.target as HTMLInputElement).value;
                  entry.tried = false;
                  this.errors.delete(entry.department.id);
                  this.host.requestUpdate();
                }}
                @keydown=${(event: KeyboardEvent) => this.onKeydown(event, entry)}
              />
              <button type="button" class="button" part="add-alpha-tag" @click=${() => this.add(entry, { speak: true })}>
                ${localize.term('addAlphaTag')}
              </button>
            </div>
            <span id="alpha-tag-${index}-message" part="alpha-tag-message" class=${problem ? 'field-error' : 'hint'} aria-live="polite"
              >${problem ?? (count === 0 ? localize.term('alphaTagRule') : localize.term('alphaTagCount', count, ALPHA_TAG_MAX_LENGTH))}</span
            >`}
    </fieldset>`;
  }
}
