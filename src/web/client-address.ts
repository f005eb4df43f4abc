// The address login throttling counts per (login and « Mon compte »'s password change).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../context.ts';

/**
 * Behind a reverse proxy every request comes from the proxy, so with trustProxy the last
 * X-Forwarded-For entry (the one the proxy appended) is used. Without a socket (app.request in
 * tests) every request counts as 'local'.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
