import type { Clock } from '../../clock';

const WINDOW_MS = 60_000;
/** Addresses remembered at most (a flood from many addresses cannot grow the map without bound). */
const MAX_ADDRESSES = 10_000;

/**
 * Slows the guessing of access tokens as sign-in is slowed: an address that presents `max` bad
 * tokens within a minute is refused every bearer request (good tokens too) until the minute ends.
 * Only failures count, so a script making many requests with a good token is never slowed. A
 * guess is hopeless anyway (256 random bits); this keeps the log and the audit trail quiet.
 */
export class BearerThrottle {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly max: number,
  ) {}

  private current(address: string): { start: number; failures: number } | undefined {
    const window = this.windows.get(address);
    if (window && this.clock.now().getTime() - window.start >= WINDOW_MS) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  isBlocked(address: string): boolean {
    return (this.current(address)?.failures ?? 0) >= this.max;
  }

  recordFailure(address: string): void {
    const window = this.current(address);
    if (window) {
      window.failures++;
      return;
    }
    if (this.windows.size >= MAX_ADDRESSES) this.prune();
    this.windows.set(address, { start: this.clock.now().getTime(), failures: 1 });
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [address, window] of this.windows)
      if (now - window.start >= WINDOW_MS) this.windows.delete(address);
    // Still full: the oldest entries go (Map keeps insertion order).
    for (const address of this.windows.keys()) {
      if (this.windows.size < MAX_ADDRESSES) break;
      this.windows.delete(address);
    }
  }
}
