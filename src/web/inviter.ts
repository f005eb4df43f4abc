// The signed-in user as an inviter (src/auth/invite-rules.ts): with the structures they lead.
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Inviter } from '../auth/invite-rules.ts';
import { leadOf } from '../db/leads.ts';
import { currentUser } from './guards.ts';

export function inviterOf(c: Context<AppEnv>): Inviter & { name: string } {
  const user = currentUser(c);
  return { ...user, leadOf: user.role === 'member' ? leadOf(c.get('deps').db, user.id) : [] };
}
