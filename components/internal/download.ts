/**
 * Saves text as a file in the browser (a CSV export, the recipients template) without a server round trip.
 * A UTF-8 byte order mark is added to CSV so that spreadsheet programs read accents correctly.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const bom = type.startsWith('text/csv') ? '\ufeff' : '';
  const url = URL.createObjectURL(new Blob([bom, text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
