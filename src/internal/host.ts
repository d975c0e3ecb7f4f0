/**
 * The few host globals src/ uses, typed structurally: src/ is checked without DOM and Node types so that it runs in
 * a browser tab and in Node alike. Every declaration here exists in both.
 */
export interface HostGlobals {
  setTimeout(callback: () => void, ms?: number): unknown;
  clearTimeout(handle: unknown): void;
  queueMicrotask(callback: () => void): void;
  btoa(data: string): string;
  atob(data: string): string;
  crypto?: { getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T; randomUUID?(): string };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
  TextEncoder: new () => { encode(input: string): Uint8Array };
  /** Prioritized Task Scheduling (Chromium): `yield()` lets the page breathe, then resumes first. */
  scheduler?: { yield?(): Promise<void> };
  /** Node only: runs a callback after pending I/O, without the 1 ms floor of `setTimeout(0)`. */
  setImmediate?(callback: () => void): unknown;
  /** Browsers (and Node): a message to oneself is a task without the nested-timer clamp. */
  MessageChannel?: new () => HostMessageChannel;
}

/** The part of `MessageChannel` used to queue a task. */
export interface HostMessageChannel {
  port1: { onmessage: ((event: unknown) => void) | null };
  port2: { postMessage(message: unknown): void };
}

/** The host's globals, typed. */
export const host = globalThis as unknown as HostGlobals;
