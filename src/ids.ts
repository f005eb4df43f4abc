import { randomBytes } from 'node:crypto';

/** Random, URL-safe ids: sequential ids would let anyone guess other structures' pages. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
