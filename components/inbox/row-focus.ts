import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { Conversation } from '../../src/model/conversation.js';

/** Focus stops in a row: the conversation itself, then its mute and delete buttons. */
const COLUMNS = 3;

export interface RowFocusOptions {
  /** The rows, in order. */
  items: () => readonly Conversation[];
  /** The open conversation: the tab stop starts there. */
  selectedId: () => string | undefined;
  /** The list is on screen (not hidden behind a conversation shown in its place). */
  visible: () => boolean;
  /** Enter or Space on a row's first column. */
  onOpen: (conversation: Conversation) => void;
  /** The Delete key on a row. */
  onDelete: (conversation: Conversation) => void;
}

/**
 * The keyboard of the inbox's grid: one tab stop (a row and a column: the conversation, mute or delete), moved with
 * the arrows, Home and End; and the focus kept on its conversation when live updates move or re-render rows. Give
 * the grid `ref(focus.grid)`, `@keydown=${focus.onKeydown}` and `@focusin=${focus.onFocusin}`, and each cell its
 * `tabindex` from `tabStop()` and its `data-column`.
 */
export class RowFocusController implements ReactiveController {
  readonly grid = createRef<HTMLElement>();
  /** The row (its conversation's id) and column that hold the tab stop, once the user moved it. */
  activeId: string | undefined;
  activeColumn = 0;
  private focusWasInList = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: RowFocusOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdate(): void {
    this.focusWasInList = this.hasFocus();
  }

  hostUpdated(): void {
    if (this.focusWasInList && !this.hasFocus() && this.options.visible()) this.focusActive();
  }

  /** The focus is in the grid. */
  hasFocus(): boolean {
    const active = this.host.shadowRoot?.activeElement;
    return !!active && !!this.grid.value?.contains(active);
  }

  /** The row and column that hold the list's one tab stop. */
  tabStop(): { id: string | undefined; column: number } {
    const items = this.options.items();
    if (items.some((item) => item.id === this.activeId)) return { id: this.activeId, column: this.activeColumn };
    const selectedId = this.options.selectedId();
    return { id: (items.find((item) => item.id === selectedId) ?? items[0])?.id, column: 0 };
  }

  /** Moves the tab stop to a row and column, and the focus with it once rendered. */
  async focusRow(id: string, column: number): Promise<void> {
    this.activeId = id;
    this.activeColumn = column;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focusActive();
  }

  /** A row is going away: the tab stop moves to its neighbour (the next, else the previous). */
  forget(id: string): void {
    if (this.activeId !== id) return;
    const items = this.options.items();
    const index = items.findIndex((item) => item.id === id);
    this.activeId = (items[index + 1] ?? items[index - 1])?.id;
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const items = this.options.items();
    const target = event.target as HTMLElement;
    const index = items.findIndex((item) => item.id === target.closest<HTMLElement>('[role="row"]')?.dataset.id);
    const conversation = items[index];
    if (!conversation) return;
    const column = Number(target.dataset.column ?? 0);
    const moves: Record<string, [row: number, column: number]> = {
      ArrowDown: [Math.min(index + 1, items.length - 1), column],
      ArrowUp: [Math.max(index - 1, 0), column],
      Home: [0, column],
      End: [items.length - 1, column],
      ArrowRight: [index, Math.min(column + 1, COLUMNS - 1)],
      ArrowLeft: [index, Math.max(column - 1, 0)],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      void this.focusRow(items[move[0]]!.id, move[1]);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      this.options.onDelete(conversation);
    } else if ((event.key === 'Enter' || event.key === ' ') && column === 0) {
      event.preventDefault();
      this.options.onOpen(conversation);
    }
  };

  readonly onFocusin = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    const id = target.closest<HTMLElement>('[role="row"]')?.dataset.id;
    const column = Number(target.dataset.column ?? 0);
    if (!id || (id === this.activeId && column === this.activeColumn)) return;
    this.activeId = id;
    this.activeColumn = column;
    this.host.requestUpdate();
  };

  private focusActive(): void {
    const { id, column } = this.tabStop();
    if (!id) return;
    const row = [...(this.grid.value?.children ?? [])].find((element) => (element as HTMLElement).dataset.id === id);
    row?.querySelector<HTMLElement>(`[data-column="${column}"]`)?.focus();
  }
}
