// One-click unsubscribe links: `<userId>.<topic>.<signature>`. The signature (HMAC-SHA-256 with a
// key made once per installation) is the authority, so the link works without signing in, from a
// mail reader's « Se désabonner » button (RFC 8058) as well as from the footer.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTICE_TOPICS, type NoticeTopic } from './kinds.ts';

export const UNSUBSCRIBE_KEY = 'unsubscribe';

function sign(key: Buffer, userId: string, topic: string): string {
  return createHmac('sha256', key).update(`unsubscribe\n${userId}\n${topic}`).digest('base64url');
}

export function unsubscribeToken(key: Buffer, userId: string, topic: NoticeTopic): string {
  return `${userId}.${topic}.${sign(key, userId, topic)}`;
}

/** The person and topic of a token, or null when it was not made here (or was altered). */
export function readUnsubscribeToken(key: Buffer, token: string): { userId: string; topic: NoticeTopic } | null {
  if (token.length > 200) return null;
  const [userId, topic, signature, ...rest] = token.split('.');
  if (!userId || !topic || !signature || rest.length) return null;
  if (!(NOTICE_TOPICS as readonly string[]).includes(topic)) return null;
  const expected = Buffer.from(sign(key, userId, topic));
  const got = Buffer.from(signature);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) return null;
  return { userId, topic: topic as NoticeTopic };
}
