// Rendering helpers: a full page in the French layout, or a bare fragment for htmx.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from '../../views/layout.tsx';
import type { AppEnv } from '../context.ts';

export function page(
  c: Context<AppEnv>,
  title: string,
  body: Child,
  opts: { status?: ContentfulStatusCode; wide?: boolean } = {},
) {
  const html = (
    <Layout title={title} user={c.get('user')} csrf={c.get('csrf')} flash={c.get('flash')} path={c.req.path} wide={opts.wide}>
      {body}
    </Layout>
  );
  return c.html('<!DOCTYPE html>' + html.toString(), opts.status ?? 200);
}

export function fragment(c: Context<AppEnv>, body: Child, status: ContentfulStatusCode = 200) {
  return c.html((<>{body}</>).toString(), status);
}

export function isHtmx(c: Context): boolean {
  return c.req.header('HX-Request') === 'true';
}
