// createApp builds the whole web application from injected dependencies; nothing is global, so
// every test gets its own app on its own in-memory database.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps, AppEnv, EvidenceSettings, MailDeps } from './context.ts';
import { resolveSession } from './auth/sessions.ts';
import { csrfProtect, csrfToken, CsrfError, isStreamedUpload } from './auth/csrf.ts';
import { FileStore } from './evidence/store.ts';
import { EVIDENCE_LIMITS } from './validation/limits.ts';
import { newId } from './ids.ts';
import { takeFlash } from './web/flash.ts';
import { errorPage } from './web/errors.tsx';
import { hasAnyUser } from './db/users.ts';
import { ping } from './db/open.ts';
import { LoginThrottle } from './auth/throttle.ts';
import { resetThrottle, RESET_ANSWER_MS, type ResetThrottle } from './auth/reset-throttle.ts';
import { staticFiles } from './web/static.ts';
import { readCookie } from './web/cookies.ts';
import { checkBody } from './web/body.ts';
import { requestLog, silentLogger, type Logger } from './web/request-log.ts';
import { LIMITS } from './validation/limits.ts';
import { authRoutes } from './routes/auth.tsx';
import { homeRoutes } from './routes/home.tsx';
import { organisationRoutes } from './routes/organisations.tsx';
import { adminUserRoutes } from './routes/admin-users.tsx';
import { adminOrganisationRoutes } from './routes/admin-organisations.tsx';
import { accountRoutes } from './routes/account.tsx';
import { adminReferentialRoutes } from './routes/admin-referentials.tsx';
import { adminServiceRoutes } from './routes/admin-services.tsx';
import { benchRoutes } from './routes/bench.tsx';
import { resultRoutes } from './routes/results.tsx';
import { diagnosticRoutes, startDiagnosticRoutes } from './routes/diagnostics.tsx';
import { diagnosticLifecycleRoutes } from './routes/diagnostic-lifecycle.tsx';
import { planRoutes } from './routes/plan.tsx';
import { federationRoutes } from './routes/federation.tsx';
import { reviewRoutes } from './routes/review.tsx';
import { exportRoutes } from './routes/exports.tsx';
import { auditRoutes } from './routes/audit.tsx';
import { evidenceRoutes } from './routes/evidence.tsx';
import { certificationRoutes } from './routes/certification.tsx';
import { invitationRoutes } from './routes/invitations.tsx';
import { passwordResetRoutes } from './routes/password-reset.tsx';
import { unsubscribeRoutes, UNSUBSCRIBE_PATH } from './routes/unsubscribe.tsx';
import { adminInvitationRoutes } from './routes/admin-invitations.tsx';
import { adminMailRoutes } from './routes/admin-mail.tsx';
import { t } from './i18n/index.ts';

export interface CreateAppOptions {
  db: AppDeps['db'];
  clock?: () => Date;
  secureCookies?: boolean;
  throttle?: LoginThrottle;
  /** Mounts POST /bench/baseline for bench/run.ts; off unless CAP_BENCH=1. */
  benchBaseline?: boolean;
  trustProxy?: boolean;
  /**
   * Evidence files: the server passes CAP_DATA_DIR/files and the quota setting. Without a store
   * (tests, tools), files go to a folder of the system's temporary directory, made on first use.
   */
  evidence?: Partial<EvidenceSettings>;
  resetThrottle?: ResetThrottle;
  mail?: Partial<MailDeps>;
  /** One line per request (src/web/request-log.ts); silent unless given, so tests stay quiet. */
  logger?: Logger;
}

const MAX_BODY = LIMITS.bodyBytes;

export function createApp(options: CreateAppOptions) {
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    secureCookies: options.secureCookies ?? false,
    throttle: options.throttle ?? new LoginThrottle(),
    trustProxy: options.trustProxy ?? false,
    evidence: {
      store: options.evidence?.store ?? new FileStore(join(tmpdir(), `cap-files-${newId()}`)),
      maxFileBytes: options.evidence?.maxFileBytes ?? EVIDENCE_LIMITS.fileBytes,
      quotaBytes: options.evidence?.quotaBytes ?? EVIDENCE_LIMITS.defaultQuotaBytes,
      maxPerAnswer: options.evidence?.maxPerAnswer ?? EVIDENCE_LIMITS.perAnswer,
    },
    resetThrottle: options.resetThrottle ?? resetThrottle(),
    mail: { wake: () => {}, transport: { kind: 'outbox', where: 'outbox' }, resetAnswerMs: RESET_ANSWER_MS, ...options.mail },
  };
  // Once a user exists there is no going back to the setup state: remember it.
  let setupDone = false;

  const logger = options.logger ?? silentLogger;
  const app = new Hono<AppEnv>();

  app.use(requestLog(logger));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Inline style attributes draw progress bars; scripts stay strictly external.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
      // A response that sets its own policy keeps it (evidence downloads are sandboxed harder).
      overwrite: false,
    }),
  );

  app.get('/healthz', (c) => {
    try {
      ping(deps.db);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'error' }, 503);
    }
  });

  app.route('/static', staticFiles());

  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('user', null);
    c.set('sessionId', null);
    c.set('csrf', '');
    c.set('flash', null);
    const token = readCookie(c, 'cap_session');
    if (token) {
      const s = resolveSession(deps.db, token, deps.clock());
      if (s) {
        c.set('user', s.user);
        c.set('csrf', s.csrf);
        c.set('sessionId', s.id);
      }
    }
    if (c.req.method === 'GET') c.set('flash', takeFlash(c));
    await next();
    // A signed-in person's pages (and a response opening a session) stay out of every cache: a
    // shared computer's back button or a proxy must not show them to the next person.
    if ((c.get('user') || c.res.headers.has('Set-Cookie')) && !/no-store/.test(c.res.headers.get('Cache-Control') ?? '')) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });

  // hono's bodyLimit asks for c.req.raw.body, which makes @hono/node-server build a whole web
  // Request, GETs included: a quarter of the CPU of a small POST (bench/RESULTS.md). A body whose
  // length is announced is checked on Content-Length (Node's parser holds the body to it); others
  // (chunked) still go through bodyLimit, which counts the bytes as they arrive.
  const tooLarge = (c: Context) => c.html(errorPage(c as never, 413, t.common.tooLarge), 413);
  const limitBody = bodyLimit({ maxSize: MAX_BODY, onError: tooLarge });
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // An evidence upload carries one file of up to 10 Mo: its route bounds the body itself (an
    // announced length before reading, the bytes as they stream), with a message about the file.
    if (isStreamedUpload(c.req.method, c.req.path, c.req.header('Content-Type') ?? '')) return next();
    const length = c.req.header('Content-Length');
    if (length && /^\d{1,15}$/.test(length) && !c.req.header('Transfer-Encoding')) return Number(length) > MAX_BODY ? tooLarge(c) : next();
    return limitBody(c, next);
  });
  app.use(checkBody);

  app.use(async (c, next) => {
    if (!setupDone) setupDone = hasAnyUser(deps.db);
    if (!setupDone && !c.req.path.startsWith('/setup')) return c.redirect('/setup', 303);
    await next();
  });

  app.use(csrfToken);
  // The one-click unsubscribe (RFC 8058) is posted by mail readers with no cookie nor token: its
  // signed link is the proof (src/routes/unsubscribe.tsx).
  app.use((c, next) => (c.req.method === 'POST' && c.req.path.startsWith(UNSUBSCRIBE_PATH) ? next() : csrfProtect(c, next)));

  app.route('/', authRoutes);
  app.route('/', homeRoutes);
  app.route('/organisations', organisationRoutes);
  app.route('/admin/users', adminUserRoutes);
  app.route('/admin/organisations', adminOrganisationRoutes);
  app.route('/account', accountRoutes);
  app.route('/admin/referentials', adminReferentialRoutes);
  app.route('/admin/services', adminServiceRoutes);
  if (options.benchBaseline) app.route('/bench', benchRoutes);
  app.route('/organisations', startDiagnosticRoutes);
  app.route('/diagnostics', diagnosticRoutes);
  app.route('/diagnostics', diagnosticLifecycleRoutes);
  app.route('/diagnostics', resultRoutes);
  app.route('/diagnostics', planRoutes);
  app.route('/diagnostics', evidenceRoutes);
  app.route('/', certificationRoutes);

  app.route('/federation', federationRoutes);
  app.route('/diagnostics', reviewRoutes);
  app.route('/', exportRoutes);
  app.route('/', auditRoutes);
  app.route('/invitations', invitationRoutes);
  app.route('/password-reset', passwordResetRoutes);
  app.route('/unsubscribe', unsubscribeRoutes);
  app.route('/admin/invitations', adminInvitationRoutes);
  app.route('/admin/mail', adminMailRoutes);

  app.notFound((c) => c.html(errorPage(c, 404, t.common.notFound), 404));

  app.onError((err, c) => {
    if (err instanceof CsrfError) return c.html(errorPage(c, 403, t.common.csrf), 403);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 404) return c.html(errorPage(c, 404, t.common.notFound), 404);
      return c.html(errorPage(c, status, err.message || t.common.badRequest), status);
    }
    logger.error({ err, method: c.req.method, path: c.req.path }, 'erreur inattendue');
    return c.html(errorPage(c, 500, t.common.serverError), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
