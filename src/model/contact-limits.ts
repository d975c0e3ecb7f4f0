// The bounds of contacts, in a module of their own without zod, so that elements can read them for free.

/** Most numbers one contact holds. */
export const CONTACT_MAX_NUMBERS = 20;

/** Most rows one `contacts.import` call takes: a longer file goes in several calls. */
export const CONTACT_IMPORT_MAX_ROWS = 1000;
