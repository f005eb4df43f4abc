// Login throttling, kept in memory: CAP runs as one process, and a restart resetting counters is
// an acceptable trade for not writing to the database on every failed attempt.

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly rules: { perAccount: ThrottleRule; perAddress: ThrottleRule } = {
      perAccount: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
      perAddress: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
    },
  ) {}

  /** Milliseconds until `key` may try again; 0 when allowed. */
  retryAfter(keys: { account: string; address: string }, now: number): number {
    return Math.max(this.lockOf(`a:${keys.account}`, now), this.lockOf(`i:${keys.address}`, now));
  }

  recordFailure(keys: { account: string; address: string }, now: number): void {
    this.bump(`a:${keys.account}`, this.rules.perAccount, now);
    this.bump(`i:${keys.address}`, this.rules.perAddress, now);
  }

  recordSuccess(keys: { account: string }): void {
    this.entries.delete(`a:${keys.account}`);
  }

  private lockOf(key: string, now: number): number {
    const e = this.entries.get(key);
    return e && e.lockedUntil > now ? e.lockedUntil - now : 0;
  }

  private bump(key: string, rule: ThrottleRule, now: number): void {
    const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    e.failures = e.failures.filter((t) => now - t < rule.windowMs);
    e.failures.push(now);
    if (e.failures.length >= rule.maxFailures) {
      e.lockedUntil = now + rule.lockMs;
      e.failures = [];
    }
    this.entries.set(key, e);
    // Bound memory under a spray of distinct emails.
    if (this.entries.size > 50_000) {
      for (const [k, v] of this.entries) if (v.lockedUntil <= now && v.failures.every((t) => now - t >= rule.windowMs)) this.entries.delete(k);
    }
  }
}
