import type { Context } from 'hono';
import { Layout } from '../../views/layout.tsx';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';

const TITLES: Record<number, string> = {
  400: t.common.badRequest,
  403: t.common.forbiddenTitle,
  404: t.common.notFoundTitle,
  413: t.common.tooLarge,
  500: t.common.serverErrorTitle,
};

/** A French error page; htmx requests get the bare message so it lands beside the control. */
export function errorPage(c: Context<AppEnv>, status: number, message: string): string {
  if (c.req.header('HX-Request') === 'true') return `<p class="field-error" role="alert">${escapeHtml(message)}</p>`;
  const title = TITLES[status] ?? t.common.invalid;
  const body = (
    <Layout title={title} user={c.get('user') ?? null} csrf={c.get('csrf') ?? ''} path={c.req.path}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t.common.nav.home}</a>
      </p>
    </Layout>
  );
  return '<!DOCTYPE html>' + body.toString();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
