/**
 * Recipient files: reading CSV and XLSX recipient lists (`parseRecipients`), the downloadable template, and safe
 * CSV output (`toCsv`). The pieces live in src/recipients/.
 */
export { parseRecipients } from './recipients/parse.js';
export { recipientsTemplateCsv, toCsv } from './recipients/to-csv.js';
export type { CsvColumn } from './recipients/to-csv.js';
export { RECIPIENT_FORMATS } from './recipients/types.js';
export type {
  AbortSignalLike,
  BlobLike,
  ByteStreamLike,
  ParsedRecipients,
  RecipientFile,
  FileProgress,
  ParseRecipientsOptions,
  Recipient,
  RecipientDuplicate,
  RecipientFormat,
  RecipientRowError,
  RecipientRowErrorCode,
  RecipientsInput,
  RecipientsProgress,
} from './recipients/types.js';
