// Guards used by route modules (the loaded-resource guards are in load.ts). Anonymous visitors are sent to the login page; a signed-in user
// who may not see a resource gets 404, as if it did not exist.
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, CurrentUser } from '../context.ts';
import { can } from '../auth/permissions.ts';
import { t } from '../i18n/index.ts';

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) {
    const next_ = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
    if (c.req.header('HX-Request') === 'true') {
      c.header('HX-Redirect', `/login${next_}`);
      return c.body(null, 401);
    }
    return c.redirect(`/login${next_}`, 303);
  }
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) return requireUser(c, next);
  if (user.role !== 'admin') throw new HTTPException(404, { message: t.common.notFound });
  await next();
};

export const requireFederation: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) return requireUser(c, next);
  if (!can(user, 'federation.view')) throw new HTTPException(404, { message: t.common.notFound });
  await next();
};

export function currentUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new HTTPException(401, { message: t.auth.sessionExpired });
  return user;
}

export function notFound(): never {
  throw new HTTPException(404, { message: t.common.notFound });
}
