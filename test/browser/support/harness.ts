// Browser-test harness: the real app served in-process on a random port over a temp SQLite file,
// and Debian's Chromium driven by playwright-core. Every browser test uses these helpers.
//
//   const srv = await startServer({ demo: true });
//   const ctx = await launchBrowser();
//   const page = await ctx.newPage();
//   await login(page, srv.url, DEMO.member1, DEMO_PASSWORD);
//   expect(await checkA11y(page)).toEqual([]);
//   await ctx.close(); await srv.close();
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { openDatabase, dataFile, type Db } from '../../../src/db/open.ts';
import { createApp } from '../../../src/app.ts';
import { ensureBuiltins } from '../../../src/referential/store.ts';
import { loadDemo } from '../../../src/demo/index.ts';
import { FileStore, filesDir } from '../../../src/evidence/store.ts';
import { DEMO_PASSWORD as DEMO_PASSWORD_SRC } from '../../../src/demo/base.ts';
import type { DemoIds } from '../../../src/demo/base.ts';

const require = createRequire(import.meta.url);

/** Password of every demo account (src/demo/base.ts). */
export const DEMO_PASSWORD: string = DEMO_PASSWORD_SRC;

/** Demo accounts (loaded by `startServer({ demo: true })`). */
export const DEMO = {
  admin: 'admin@cap.test',
  consultantOccitanie: 'conseil.occitanie@cap.test',
  consultantBretagne: 'conseil.bretagne@cap.test',
  /** Garonne Services Emploi (démo) — AI, Occitanie. */
  member1: 'membre1@cap.test',
  /** Les Jardins du Lauragais (démo) — ACI, Occitanie. */
  member2: 'membre2@cap.test',
  /** Ti Labour Bretagne (démo) — EI, Bretagne. */
  member3: 'membre3@cap.test',
  /** Armor Intérim Solidaire (démo) — ETTI, Bretagne. */
  member4: 'membre4@cap.test',
  /** Chantier des Terrils (démo) — ACI, Hauts-de-France. */
  member5: 'membre5@cap.test',
  /** Flandre Services Proximité (démo) — AI member of a GES, Hauts-de-France. */
  member6: 'membre6@cap.test',
} as const;

/** Demo organisation names, in the order of `DemoIds.organisations` (membreN → index N-1). */
export const DEMO_ORGS = [
  'Garonne Services Emploi (démo)',
  'Les Jardins du Lauragais (démo)',
  'Ti Labour Bretagne (démo)',
  'Armor Intérim Solidaire (démo)',
  'Chantier des Terrils (démo)',
  'Flandre Services Proximité (démo)',
] as const;

/** Text with the no-break spaces of French typography (« », before : ; ? !) as plain spaces. */
export function plain(s: string): string {
  return s.replace(/[\u00a0\u202f]/g, ' ');
}

export const CHROMIUM = process.env.CAP_CHROMIUM ?? '/usr/bin/chromium';
export const SCREEN_DIR = '/tmp/cap-screens';

// ---------------------------------------------------------------- server

export interface StartServerOptions {
  /** Load the demo dataset (loadDemo) before serving. */
  demo?: boolean;
  /** Fixed clock for the app (default: real time). */
  clock?: () => Date;
}

export interface TestServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:43567 */
  url: string;
  db: Db;
  /** Ids of the demo organisations and users (only with `demo: true`). */
  demo?: DemoIds;
  /** Data directory (holds cap.db). */
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the real app in-process on 127.0.0.1 with a random port and a fresh temp database. */
export async function startServer(opts: StartServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cap-browser-data-'));
  const db = openDatabase(dataFile(dataDir));
  const now = opts.clock?.() ?? new Date();
  ensureBuiltins(db, now);
  const demo = opts.demo ? await loadDemo(db, now) : undefined;
  // Evidence files in the data folder, as the server keeps them.
  const app = createApp({ db, clock: opts.clock, evidence: { store: new FileStore(filesDir(dataDir)) } });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    demo,
    dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      db.$client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- browser

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

// Temp profiles still on disk; whatever a crashed test left is removed when the process exits.
const profiles = new Set<string>();
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    profiles.delete(dir);
  } catch {
    /* retried at exit */
  }
}
process.once('exit', () => {
  for (const dir of profiles) removeProfile(dir);
});

export interface LaunchOptions {
  /** Viewport size (default 1280 × 900). */
  viewport?: { width: number; height: number };
  /** Disable JavaScript, to check that pages work without it. */
  javaScriptEnabled?: boolean;
}

/**
 * Launches Chromium with its own temp profile and returns the (persistent) browser context.
 * `ctx.close()` stops the browser and removes the profile. CSP is NOT bypassed: a page that
 * needs an inline script fails here as it would for users.
 */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'cap-browser-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  ctx.setDefaultTimeout(15_000);
  profiles.add(profile);
  // close() waits for Chromium to exit, then removes its profile.
  const close = ctx.close.bind(ctx);
  ctx.close = async (...a: Parameters<BrowserContext['close']>) => {
    await close(...a);
    removeProfile(profile);
  };
  return ctx;
}

/**
 * A second, fully independent browser session (its own Chromium and profile: no shared
 * cookies), e.g. a consultant and a member editing the same diagnostic.
 */
export function newContext(opts: LaunchOptions = {}): Promise<BrowserContext> {
  return launchBrowser(opts);
}

/** The context's first page (a persistent context opens with one blank tab). */
export async function firstPage(ctx: BrowserContext): Promise<Page> {
  return ctx.pages()[0] ?? (await ctx.newPage());
}

/**
 * Records what goes wrong in the page: console errors (CSP violations included), uncaught
 * exceptions and failed requests. Call early; read `errors` at the end of a test.
 */
export function watchErrors(page: Page): { errors: string[] } {
  const out = { errors: [] as string[] };
  page.on('console', (m) => {
    // "Failed to load resource" is reported below with its URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) out.errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    // Error pages reached on purpose (404, 403, 422) are the test's business, not sub-resources.
    if (r.status() >= 400 && r.request().resourceType() !== 'document' && !r.url().endsWith('/favicon.ico')) out.errors.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => out.errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Navigations interrupted by another navigation are not errors.
    const failure = r.failure()?.errorText ?? '';
    if (!failure.includes('ERR_ABORTED')) out.errors.push(`requestfailed: ${r.url()} ${failure}`);
  });
  return out;
}

// ---------------------------------------------------------------- actions

/** Logs in through the login form and waits for the page after the redirect. */
export async function login(page: Page, url: string, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('form[action="/login"] input[name="email"]').fill(email);
  await page.locator('form[action="/login"] input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'Se connecter' }).click()]);
}

/**
 * Opens the header's menu when it is folded (a phone-sized viewport), so that its links and the
 * logout button can be used; does nothing on a wide screen, where the menu is a bar.
 */
export async function openMenu(page: Page): Promise<void> {
  const toggle = page.locator('summary.site-menu__toggle');
  if ((await toggle.isVisible()) && !(await page.locator('details.site-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await toggle.click();
}

/** Logs out with the header button (opening the menu first on a phone). */
export async function logout(page: Page): Promise<void> {
  await openMenu(page);
  await Promise.all([page.waitForURL((u) => u.pathname === '/login' || u.pathname === '/'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
}

// ---------------------------------------------------------------- htmx

/**
 * Runs `action` (a click, a fill…), waits for the htmx request it triggers (optionally the one
 * whose URL matches `url`) and for htmx to finish swapping and settling. Returns the response.
 *
 *   const res = await htmxRequest(page, () => page.getByLabel('Niveau 3').check(), /\/answers\//);
 */
export async function htmxRequest(page: Page, action: () => Promise<unknown>, url?: string | RegExp): Promise<Response> {
  const response = page.waitForResponse((r) => {
    if (r.request().headers()['hx-request'] !== 'true') return false;
    if (url === undefined) return true;
    return typeof url === 'string' ? r.url().includes(url) : url.test(r.url());
  });
  await action();
  const res = await response;
  await htmxIdle(page);
  return res;
}

/** Waits until no htmx request, swap or settle is in progress in the page. */
export async function htmxIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added'));
}

// ---------------------------------------------------------------- files (PDF, CSV)

/**
 * GETs `path` with the cookies of the page's browser session (for PDF or CSV exports, which a
 * browser would download rather than display) and returns status, headers and body.
 */
export async function fetchAsUser(page: Page, url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const res = await page.context().request.get(url, { maxRedirects: 0 });
  return { status: res.status(), headers: res.headers(), body: await res.body() };
}

/** Text of a PDF (poppler's pdftotext, layout kept), to assert what a PDF says. */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

// ---------------------------------------------------------------- accessibility

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
  /** First failure summary, e.g. "Element has insufficient color contrast of 3.2". */
  summary: string;
}

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and returns the violations,
 * formatted so that a failing `expect(v).toEqual([])` shows what to fix. Injected through
 * `page.evaluate` (CDP), which the page's CSP does not block.
 */
export async function checkA11y(page: Page, opts: { exclude?: string[]; disableRules?: string[] } = {}): Promise<A11yViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ exclude, disableRules }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const rules = Object.fromEntries(disableRules.map((r) => [r, { enabled: false }]));
      const res = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules, resultTypes: ['violations'] });
      return res.violations as Array<{ id: string; impact: string | null; help: string; helpUrl: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
    },
    { exclude: opts.exclude ?? [], disableRules: opts.disableRules ?? [] },
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
  }));
}

// ---------------------------------------------------------------- screenshots

/**
 * Saves a full-page screenshot as /tmp/cap-screens/<name>.png and returns its path; with
 * `maxHeight`, only the top of a very long page (Chromium takes long over tens of thousands of pixels).
 */
export async function screenshot(page: Page, name: string, opts: { maxHeight?: number } = {}): Promise<string> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  const file = join(SCREEN_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  if (opts.maxHeight) {
    const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, opts.maxHeight) } });
  } else {
    await page.screenshot({ path: file, fullPage: true });
  }
  return file;
}

/** Visible text of the page's <main>, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').innerText()) ?? '').replace(/\s+/g, ' ').trim();
}
