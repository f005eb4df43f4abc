// How often « mot de passe oublié » may be asked: per e-mail address (a mailbox is not flooded with
// links, whoever asks), and per client address (one machine does not spray addresses). Counted in
// memory; every request counts, known address or not, so the limit says nothing about which
// addresses have an account. Unlike password guessing (src/auth/throttle.ts), nothing is secret
// here: a plain count per window is enough, and per e-mail whatever the address on purpose.

interface Window {
  hits: number[];
  lockedUntil: number;
}

interface Rule {
  max: number;
  windowMs: number;
  lockMs: number;
}

const PER_EMAIL: Rule = { max: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
const PER_ADDRESS: Rule = { max: 20, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
/** Beyond this many remembered keys, the expired ones are swept. */
const SWEEP_AT = 50_000;

export class ResetThrottle {
  private windows = new Map<string, Window>();

  /** Milliseconds before another request is accepted; 0 when it may go now. */
  retryAfter(keys: { account: string; address: string }, now: number): number {
    return Math.max(this.lockOf(`a:${keys.account}`, now), this.lockOf(`i:${keys.address}`, now));
  }

  /** Counts a request (every one, whatever became of it). */
  recordFailure(keys: { account: string; address: string }, now: number): void {
    this.hit(`a:${keys.account}`, PER_EMAIL, now);
    this.hit(`i:${keys.address}`, PER_ADDRESS, now);
  }

  private lockOf(key: string, now: number): number {
    const w = this.windows.get(key);
    return w && w.lockedUntil > now ? w.lockedUntil - now : 0;
  }

  private hit(key: string, rule: Rule, now: number): void {
    const w = this.windows.get(key) ?? { hits: [], lockedUntil: 0 };
    w.hits = w.hits.filter((t) => now - t < rule.windowMs);
    w.hits.push(now);
    if (w.hits.length >= rule.max) {
      w.lockedUntil = now + rule.lockMs;
      w.hits = [];
    }
    this.windows.set(key, w);
    if (this.windows.size > SWEEP_AT) {
      for (const [k, v] of this.windows) if (v.lockedUntil <= now && v.hits.every((t) => now - t >= rule.windowMs)) this.windows.delete(k);
    }
  }
}

export function resetThrottle(): ResetThrottle {
  return new ResetThrottle();
}

/**
 * The answer to a reset request is sent no sooner than this after it arrived, whether a message was
 * queued or not: the few inserts for a known address are then invisible in the timing.
 */
export const RESET_ANSWER_MS = 250;
