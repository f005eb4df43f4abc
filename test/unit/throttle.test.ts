// The login throttle on its own: attempts are counted before the check runs, per account and
// address with a growing delay, and per address.
import { describe, it, expect } from 'vitest';
import { LoginThrottle } from '../../src/auth/throttle.ts';

const MIN = 60_000;
/** A password check that takes a moment, like scrypt, and says whether the password was right. */
const slowCheck = (ok: boolean, calls: { n: number }) => async () => {
  calls.n++;
  await new Promise((r) => setTimeout(r, 5));
  return ok;
};

describe('LoginThrottle', () => {
  it('evaluates at most 5 of 300 concurrent guesses; the right password sent last is refused', async () => {
    const throttle = new LoginThrottle();
    const keys = { account: 'cible@cap.test', address: '203.0.113.7' };
    const calls = { n: 0 };
    const guesses = Array.from({ length: 300 }, () => throttle.attempt(keys, 0, slowCheck(false, calls)));
    const right = throttle.attempt(keys, 0, slowCheck(true, calls));
    const verdicts = await Promise.all([...guesses, right]);
    expect(calls.n).toBe(5);
    expect(verdicts.filter((v) => v.kind === 'checked')).toHaveLength(5);
    expect(await right).toEqual({ kind: 'throttled', retryAfterMs: MIN });
  });

  it('locks one account from one address with a delay that doubles, one attempt at the end of each', async () => {
    const throttle = new LoginThrottle();
    const keys = { account: 'cible@cap.test', address: '203.0.113.7' };
    const calls = { n: 0 };
    let now = 0;
    for (let i = 0; i < 5; i++) expect(await throttle.attempt(keys, now, slowCheck(false, calls))).toEqual({ kind: 'checked', ok: false });
    for (const delay of [1, 2, 4, 8, 16, 32, 60, 60]) {
      expect(await throttle.attempt(keys, now + delay * MIN - 1, slowCheck(true, calls))).toEqual({ kind: 'throttled', retryAfterMs: 1 });
      now += delay * MIN;
      // Two at once at the end of the delay: one is evaluated, the other waits for the next delay.
      const [first, second] = await Promise.all([throttle.attempt(keys, now, slowCheck(false, calls)), throttle.attempt(keys, now, slowCheck(false, calls))]);
      expect(first).toEqual({ kind: 'checked', ok: false });
      expect(second.kind).toBe('throttled');
    }
    expect(calls.n).toBe(5 + 8);
    // The owner's right password, once the delay is over, clears the count.
    now += 60 * MIN;
    expect(await throttle.attempt(keys, now, slowCheck(true, calls))).toEqual({ kind: 'checked', ok: true });
    for (let i = 0; i < 5; i++) expect((await throttle.attempt(keys, now, slowCheck(false, calls))).kind).toBe('checked');
  });

  it('never locks the owner out from another address', async () => {
    const throttle = new LoginThrottle();
    const calls = { n: 0 };
    const attacker = { account: 'cible@cap.test', address: '203.0.113.7' };
    const owner = { account: 'cible@cap.test', address: '198.51.100.20' };
    await Promise.all(Array.from({ length: 50 }, () => throttle.attempt(attacker, 0, slowCheck(false, calls))));
    expect((await throttle.attempt(attacker, 1000, slowCheck(true, calls))).kind).toBe('throttled');
    expect(await throttle.attempt(owner, 1000, slowCheck(true, calls))).toEqual({ kind: 'checked', ok: true });
  });

  it('keeps a per-address limit: 20 failures over any accounts lock the address for 15 minutes', async () => {
    const throttle = new LoginThrottle();
    const calls = { n: 0 };
    const address = '203.0.113.7';
    const sprayed = await Promise.all(Array.from({ length: 40 }, (_, i) => throttle.attempt({ account: `compte${i}@cap.test`, address }, 0, slowCheck(false, calls))));
    expect(sprayed.filter((v) => v.kind === 'checked')).toHaveLength(20);
    expect(calls.n).toBe(20);
    expect(await throttle.attempt({ account: 'autre@cap.test', address }, 14 * MIN, slowCheck(true, calls))).toEqual({ kind: 'throttled', retryAfterMs: MIN });
    expect(await throttle.attempt({ account: 'autre@cap.test', address: '198.51.100.20' }, 14 * MIN, slowCheck(true, calls))).toEqual({ kind: 'checked', ok: true });
    expect(await throttle.attempt({ account: 'autre@cap.test', address }, 15 * MIN, slowCheck(true, calls))).toEqual({ kind: 'checked', ok: true });
  });

  it('counts a check that throws as a failure and frees its place', async () => {
    const throttle = new LoginThrottle();
    const keys = { account: 'cible@cap.test', address: '203.0.113.7' };
    for (let i = 0; i < 5; i++) {
      await expect(
        throttle.attempt(keys, 0, async () => {
          throw new Error('hash failed');
        }),
      ).rejects.toThrow('hash failed');
    }
    expect(await throttle.attempt(keys, 1000, async () => true)).toEqual({ kind: 'throttled', retryAfterMs: MIN - 1000 });
  });
});
