// How often « mot de passe oublié » may be asked: per e-mail address (a mailbox is not flooded with
// links, whoever asks), and per client address (one machine does not spray addresses). Counted in
// memory like login attempts, with the same class; every request counts, known address or not, so
// the limit says nothing about which addresses have an account.
import { LoginThrottle } from './throttle.ts';

export function resetThrottle(): LoginThrottle {
  return new LoginThrottle({
    perAccount: { maxFailures: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
    perAddress: { maxFailures: 20, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  });
}

/**
 * The answer to a reset request is sent no sooner than this after it arrived, whether a message was
 * queued or not: the few inserts for a known address are then invisible in the timing.
 */
export const RESET_ANSWER_MS = 250;
