/**
 * pbx-sms/adapters/http: the `SmsBackend` port over HTTP, calling the REST server of `pbx-sms/adapters/rest-server`.
 * Runs in browsers and in Node (ky, fetch, Server-Sent Events read with eventsource-parser).
 * @packageDocumentation
 */
export { createHttpBackend } from './backend.js';
export type { HttpBackendOptions } from './options.js';
export type { TokenSource } from './tokens.js';
