/** At most `size` sends in flight: `room()` tells how many more may start (waiting for one), `take()` starts one. */
export class SendWindow {
  private active = 0;
  private roomWaiters: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** How many sends may start now: at once when some may, else a promise of the number once one ends. */
  room(): number | Promise<number> {
    if (this.active < this.size) return this.size - this.active;
    return new Promise<void>((resolve) => this.roomWaiters.push(resolve)).then(() => this.size - this.active);
  }

  /** Ends the waits for room at once, each with the room there is (none, when the window is still full): a stop. */
  wake(): void {
    for (const resolve of this.roomWaiters.splice(0)) resolve();
  }

  take(): void {
    this.active += 1;
  }

  release(): void {
    this.active -= 1;
    for (const resolve of this.roomWaiters.splice(0)) resolve();
    if (this.active === 0) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  drained(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }
}
