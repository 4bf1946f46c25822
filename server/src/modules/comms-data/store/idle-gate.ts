/**
 * Counts the work running on one database and runs a maintenance step only when none is: a step
 * asked for while work runs waits for the last of it to end, and work that arrives while the step
 * runs waits for the step (milliseconds). Used to hand an import's cached blocks back to the
 * operating system without a query ever running under the lowered memory limit.
 */
export class IdleGate {
  private active = 0;
  private pending: (() => Promise<void>) | null = null;
  private running: Promise<void> | null = null;

  /** Waits for a running step, then counts the caller as active until {@link leave}. */
  async enter(): Promise<void> {
    while (this.running) await this.running;
    this.active += 1;
  }

  leave(): void {
    this.active -= 1;
    if (this.active === 0) this.start();
  }

  /**
   * Runs `step` once no work is active (at once if none is). A step already waiting is replaced:
   * the steps are all the same maintenance. `step` must not reject and must not enter the gate.
   */
  whenIdle(step: () => Promise<void>): void {
    this.pending = step;
    if (this.active === 0) this.start();
  }

  /** Drops a step that has not started and waits for a running one (before the database closes). */
  async close(): Promise<void> {
    this.pending = null;
    while (this.running) await this.running;
  }

  private start(): void {
    const step = this.pending;
    if (!step || this.running) return;
    this.pending = null;
    this.running = step().finally(() => {
      this.running = null;
      if (this.active === 0) this.start();
    });
  }
}
