import type { Child } from 'hono/jsx';
import { t } from '../src/i18n/index.ts';
import type { CurrentUser, Flash } from '../src/context.ts';
import { LiveRegion } from './live.tsx';

export interface LayoutProps {
  title: string;
  user: CurrentUser | null;
  csrf: string;
  flash?: Flash | null;
  children?: Child;
  /** Current path, to mark the active navigation link. */
  path?: string;
  wide?: boolean;
}

function NavLink({ href, path, also = [], children }: { href: string; path?: string; also?: string[]; children: Child }) {
  const under = (base: string) => path === base || (base !== '/' && !!path?.startsWith(base + '/'));
  const current = under(href) || also.some(under);
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

// htmx drops 4xx answers by default; ours carry a French message to show beside the control that
// was refused (404 gone, 409 conflict or read-only, 422 invalid), so those are swapped in like a 200.
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '(404|409|422)', swap: true, error: false },
    { code: '[45]..', swap: false, error: true },
  ],
});

export function Layout({ title, user, csrf, flash, children, path, wide }: LayoutProps) {
  const n = t.common.nav;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={csrf} />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{`${title} — ${t.common.appName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body class={wide ? 'page--wide' : undefined} hx-headers={JSON.stringify({ 'X-CSRF-Token': csrf })}>
        <a class="skip-link" href="#contenu">
          {t.common.skipLink}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              <span class="brand__name">{t.common.appName}</span>
              <span class="brand__tagline">
                {t.common.appTagline}
                <span class="brand__tagline-more">{t.common.appTaglineMore}</span>
              </span>
            </a>
            {user && (
              // A disclosure that needs no script: on a phone it folds the navigation and the
              // account behind « Menu »; on a wider screen the CSS shows both and hides the toggle.
              <details class="site-menu">
                <summary class="site-menu__toggle">{t.common.menu}</summary>
                <nav aria-label={t.common.mainNav} class="main-nav">
                  <ul>
                    <NavLink href="/" path={path}>{n.home}</NavLink>
                    {user.role === 'admin' ? (
                      <NavLink href="/admin/organisations" path={path} also={['/organisations']}>{n.organisations}</NavLink>
                    ) : (
                      <NavLink href="/organisations" path={path}>{n.organisations}</NavLink>
                    )}
                    {user.role !== 'member' && <NavLink href="/federation" path={path}>{n.federation}</NavLink>}
                    {user.role === 'admin' && <NavLink href="/admin/users" path={path} also={['/admin/invitations']}>{n.users}</NavLink>}
                    {user.role === 'admin' && <NavLink href="/admin/referentials" path={path}>{n.referentials}</NavLink>}
                    {user.role === 'admin' && <NavLink href="/admin/services" path={path}>{n.services}</NavLink>}
                    {user.role === 'admin' && <NavLink href="/admin/audit" path={path}>{n.audit}</NavLink>}
                    {user.role === 'admin' && <NavLink href="/admin/mail" path={path}>{t.adminMail.navLabel}</NavLink>}
                    <NavLink href="/account" path={path}>{n.account}</NavLink>
                  </ul>
                </nav>
                <div class="user-box">
                  <span class="user-box__name">
                    {user.name} <span class="badge">{t.common.roles[user.role]}</span>
                  </span>
                  <form method="post" action="/logout" class="inline">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="button button--link">
                      {t.common.logout}
                    </button>
                  </form>
                </div>
              </details>
            )}
          </div>
        </header>
        <main id="contenu" class="main" tabindex={-1}>
          {flash && (
            <div class={`flash flash--${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
              {flash.message}
            </div>
          )}
          {children}
        </main>
        <LiveRegion />
        <footer class="site-footer">
          <p>CAP — Coorace Ambition Progrès</p>
        </footer>
      </body>
    </html>
  );
}
