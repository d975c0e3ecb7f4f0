/** A column name written as a key: letters and digits, its words joined by `_`, `-` or `.` or in camelCase, no spaces. */
const KEY = /^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*$/;

/**
 * A merge-field column as people read it. A name written as a key is humanised (`first_name` and `firstName` are
 * "First name", `SUBURB` is "Suburb", `column2`, the name of a column without a header, is "Column 2"); a name written
 * for people ("Date of birth", "Nº client") is shown as written in the file's header.
 *
 * @example
 * columnLabel('first_name')    // 'First name'
 * columnLabel('Date of birth') // 'Date of birth'
 */
export function columnLabel(column: string): string {
  if (!KEY.test(column)) return column;
  const name = column === column.toUpperCase() ? column.toLowerCase() : column;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z]{2,})(\d+)$/, '$1 $2')
    .split(/[\s_.-]+/)
    .map((word, index) => (index > 0 && /^[A-Z][a-z]/.test(word) ? word.toLowerCase() : word));
  const label = words.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
