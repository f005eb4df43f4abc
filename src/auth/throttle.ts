// Password guessing, throttled in memory: CAP runs as one process, and a restart resetting the
// counters is an acceptable trade for not writing to the database on every failed attempt.
//
// Two rules, both counted *before* the password is hashed, so that attempts still in flight count:
// N concurrent guesses get at most the allowance evaluated, the others 429 at once.
// - Per account *and* address: 5 failures, then a delay that doubles with each further failure
//   (1, 2, 4… minutes, at most an hour), one attempt allowed at the end of each delay. Guesses from
//   one address never lock the account's owner out from another address.
// - Per address: 20 failures in 15 minutes, whatever the accounts, lock the address for 15 minutes
//   (spraying one password over many accounts).
// A success clears the account-and-address count; the address's count stays.

export interface ThrottleKeys {
  /** The account as typed (lower-cased e-mail), known or not: unknown e-mails count the same. */
  account: string;
  address: string;
}

export interface ThrottleRules {
  /** Failures per account and address before delays begin. */
  pairFree: number;
  /** The first delay; each further failure doubles it… */
  pairBaseDelayMs: number;
  /** …up to this. */
  pairMaxDelayMs: number;
  /** A pair with no failure for this long is forgotten. */
  pairForgetMs: number;
  addressMaxFailures: number;
  addressWindowMs: number;
  addressLockMs: number;
}

export const DEFAULT_RULES: ThrottleRules = {
  pairFree: 5,
  pairBaseDelayMs: 60_000,
  pairMaxDelayMs: 60 * 60_000,
  pairForgetMs: 24 * 60 * 60_000,
  addressMaxFailures: 20,
  addressWindowMs: 15 * 60_000,
  addressLockMs: 15 * 60_000,
};

export type Verdict = { kind: 'throttled'; retryAfterMs: number } | { kind: 'checked'; ok: boolean };

interface Pair {
  failures: number;
  inFlight: number;
  lockedUntil: number;
  lastFailureAt: number;
}

interface Address {
  failures: number[];
  inFlight: number;
  lockedUntil: number;
}

/** Beyond this many remembered pairs, the forgotten ones are swept (and, past twice as many, the oldest). */
const SWEEP_AT = 50_000;

export class LoginThrottle {
  private pairs = new Map<string, Pair>();
  private addresses = new Map<string, Address>();

  constructor(private readonly rules: ThrottleRules = DEFAULT_RULES) {}

  /** The delay after `failures` failures of one account from one address (0 while under the allowance). */
  delayAfter(failures: number): number {
    if (failures < this.rules.pairFree) return 0;
    return Math.min(this.rules.pairMaxDelayMs, this.rules.pairBaseDelayMs * 2 ** Math.min(30, failures - this.rules.pairFree));
  }

  /**
   * Counts an attempt, then runs `check` (the password verification) unless the attempt is over the
   * allowance. The attempt is counted synchronously, before `check` starts: concurrent attempts see
   * each other. A `check` that throws counts as a failure.
   */
  async attempt(keys: ThrottleKeys, now: number, check: () => Promise<boolean>): Promise<Verdict> {
    const wait = this.admit(keys, now);
    if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };
    let ok = false;
    try {
      ok = await check();
    } finally {
      this.settle(keys, ok, now);
    }
    return { kind: 'checked', ok };
  }

  /** Admits an attempt (0) or says how long to wait; an admitted attempt is in flight until settled. */
  private admit(keys: ThrottleKeys, now: number): number {
    const pk = pairKey(keys);
    const pair = this.pairs.get(pk) ?? { failures: 0, inFlight: 0, lockedUntil: 0, lastFailureAt: 0 };
    const address = this.addresses.get(keys.address) ?? { failures: [], inFlight: 0, lockedUntil: 0 };
    if (pair.failures && now - pair.lastFailureAt >= this.rules.pairForgetMs && !pair.inFlight) Object.assign(pair, { failures: 0, lockedUntil: 0 });
    address.failures = address.failures.filter((t) => now - t < this.rules.addressWindowMs);
    const wait = Math.max(this.pairWait(pair, now), this.addressWait(address, now));
    if (wait > 0) return wait;
    pair.inFlight++;
    address.inFlight++;
    this.pairs.set(pk, pair);
    this.addresses.set(keys.address, address);
    if (this.pairs.size > SWEEP_AT) this.sweep(now);
    return 0;
  }

  private pairWait(pair: Pair, now: number): number {
    if (pair.lockedUntil > now) return pair.lockedUntil - now;
    // Under the allowance, attempts in flight use it up; past it, one attempt at a time.
    const allowance = Math.max(this.rules.pairFree, pair.failures + 1);
    return pair.failures + pair.inFlight >= allowance ? Math.max(1000, this.delayAfter(pair.failures + pair.inFlight)) : 0;
  }

  private addressWait(address: Address, now: number): number {
    if (address.lockedUntil > now) return address.lockedUntil - now;
    const recent = address.failures.filter((t) => now - t < this.rules.addressWindowMs).length;
    return recent + address.inFlight >= this.rules.addressMaxFailures ? this.rules.addressLockMs : 0;
  }

  private settle(keys: ThrottleKeys, ok: boolean, now: number): void {
    const pk = pairKey(keys);
    const pair = this.pairs.get(pk);
    const address = this.addresses.get(keys.address);
    if (pair) pair.inFlight = Math.max(0, pair.inFlight - 1);
    if (address) address.inFlight = Math.max(0, address.inFlight - 1);
    if (ok) {
      if (pair && !pair.inFlight) this.pairs.delete(pk);
      else if (pair) Object.assign(pair, { failures: 0, lockedUntil: 0 });
      return;
    }
    if (pair) {
      pair.failures++;
      pair.lastFailureAt = now;
      const delay = this.delayAfter(pair.failures);
      if (delay) pair.lockedUntil = now + delay;
    }
    if (address) {
      address.failures.push(now);
      address.failures = address.failures.filter((t) => now - t < this.rules.addressWindowMs);
      if (address.failures.length >= this.rules.addressMaxFailures) {
        address.lockedUntil = now + this.rules.addressLockMs;
        address.failures = [];
      }
    }
  }

  /** Bounds memory under a spray of distinct e-mails or addresses. */
  private sweep(now: number): void {
    for (const [k, p] of this.pairs) {
      // A pair past its allowance keeps its count (the next delay grows from it) for a day.
      const keep = p.failures >= this.rules.pairFree ? this.rules.pairForgetMs : this.rules.addressWindowMs;
      if (!p.inFlight && p.lockedUntil <= now && now - p.lastFailureAt >= keep) this.pairs.delete(k);
    }
    for (const [k, a] of this.addresses) if (!a.inFlight && a.lockedUntil <= now && a.failures.every((t) => now - t >= this.rules.addressWindowMs)) this.addresses.delete(k);
    // Still too many (a flood of fresh failures): forget the oldest entries rather than grow.
    if (this.pairs.size > 2 * SWEEP_AT) {
      for (const [k, p] of this.pairs) {
        if (this.pairs.size <= SWEEP_AT) break;
        if (!p.inFlight) this.pairs.delete(k);
      }
    }
  }
}

function pairKey(keys: ThrottleKeys): string {
  return `${keys.account}\u0000${keys.address}`;
}
