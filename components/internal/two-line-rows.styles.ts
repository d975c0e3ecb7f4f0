import { css } from 'lit';

/**
 * Rows of one height, as the row window needs (RowWindowController): each cell holds at most two single-line lines
 * (`.line`), long text ending in an ellipsis; the whole text belongs in the cell's title and in the element's form.
 * For the manager tables whose rows say two things in a cell (keywords: where messages go, or a reply and its parts;
 * templates: a message and its merge fields).
 */
export const twoLineRowStyles = css`
  .table-scroll tbody th,
  .table-scroll tbody td {
    height: 2.9rem;
  }

  .line {
    display: block;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
`;
