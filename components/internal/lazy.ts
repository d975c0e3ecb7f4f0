import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A module loaded on demand: call it to load (once), read `value` once it has loaded. */
export interface LazyModule<T> {
  (): Promise<T>;
  /** The module once loaded, else undefined. */
  readonly value: T | undefined;
}

/**
 * Wraps a dynamic `import()` so that the module is fetched once, on first call, and fetched again on the next call
 * after a failure (a network error). What is loaded this way stays out of the bundle that renders an element first.
 *
 * @example
 * const signals = lazy(() => import('./notification-signals.js'));
 * void signals().then((module) => module.playTone());
 * signals.value?.stopTitleFlash();
 */
export function lazy<T>(load: () => Promise<T>): LazyModule<T> {
  let pending: Promise<T> | undefined;
  const get = Object.assign(
    () =>
      (pending ??= load().then(
        (value) => (get.value = value),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
    { value: undefined as T | undefined },
  );
  return get;
}

/**
 * Starts loading a lazy module when the host connects (in parallel with the host's first data), and updates the
 * host once it has loaded, or failed to (the next connection tries again). Until then `ready` is false: render the
 * loading state rather than a view that would change once the module is there.
 *
 * @example
 * private readonly composer = new LoadOnConnectController(this, lazy(() => import('../composer/sms-composer.js')));
 * render() { return this.data && this.composer.ready ? this.renderThread() : renderLoading('Loading…'); }
 */
export class LoadOnConnectController<T> implements ReactiveController {
  private failed = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    protected readonly module: LazyModule<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.module.value) return;
    void this.module()
      .then(
        () => (this.failed = false),
        () => (this.failed = true),
      )
      .then(() => this.host.requestUpdate());
  }

  /** True once the module is loaded, or could not be. */
  get ready(): boolean {
    return this.module.value !== undefined || this.failed;
  }
}
