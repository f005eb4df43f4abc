// Test harness: a fresh app on a fresh in-memory database with the real migrations, and a tiny
// client that keeps cookies and the CSRF token like a browser would.
import { openDatabase, type Db } from '../../src/db/open.ts';
import { createApp } from '../../src/app.ts';
import type { MailDeps } from '../../src/context.ts';
import { insertUser } from '../../src/db/users.ts';
import { insertOrganisation, type OrganisationInput } from '../../src/db/organisations.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { LoginThrottle } from '../../src/auth/throttle.ts';
import type { Role } from '../../src/auth/permissions.ts';
import { ensureBuiltins } from '../../src/referential/store.ts';
import type { StructureType } from '../../src/referential/schema.ts';
import type { EvidenceSettings } from '../../src/context.ts';

export const PASSWORD = 'mot-de-passe-solide';
let cachedHash: string | undefined;
async function passwordHash() {
  cachedHash ??= await hashPassword(PASSWORD);
  return cachedHash;
}

export interface TestContext {
  db: Db;
  app: ReturnType<typeof createApp>;
  now: { value: Date };
}

export function makeApp(opts: { secureCookies?: boolean; trustProxy?: boolean; evidence?: Partial<EvidenceSettings>; mail?: Partial<MailDeps> } = {}): TestContext {
  const db = openDatabase(':memory:');
  const now = { value: new Date('2026-03-02T09:00:00Z') };
  ensureBuiltins(db, now.value);
  const app = createApp({ db, clock: () => now.value, secureCookies: opts.secureCookies, trustProxy: opts.trustProxy, throttle: new LoginThrottle(), evidence: opts.evidence, mail: opts.mail });
  return { db, app, now };
}

export function org(db: Db, overrides: Partial<Omit<OrganisationInput, 'types'>> & { types?: readonly string[] } = {}): string {
  const { types = ['ACI'], ...rest } = overrides;
  return insertOrganisation(
    db,
    { name: 'Structure test', siret: '73282932000074', types: types as StructureType[], region: 'Occitanie', ftePermanent: 4, ftePathway: 20, ges: false, ...rest },
    new Date('2026-01-01T00:00:00Z'),
  );
}

export async function user(db: Db, role: Role, email: string, scope: { organisationIds?: string[]; regions?: string[] } = {}): Promise<string> {
  return insertUser(db, { email, name: email.split('@')[0]!, role, passwordHash: await passwordHash(), ...scope }, new Date('2026-01-01T00:00:00Z'));
}

/** A browser-like client: cookie jar, CSRF token read from the last HTML page. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly ctx: TestContext) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.ctx.app.request(path, { headers: { Cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    if ((res.headers.get('Content-Type') ?? '').includes('text/html')) {
      const html = await res.clone().text();
      const m = html.match(/name="csrf-token" content="([^"]*)"/);
      if (m?.[1]) this.csrf = m[1];
    }
    return res;
  }

  async post(path: string, fields: Record<string, string | string[]> = {}, opts: { csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null) body.set('_csrf', token);
    const res = await this.ctx.app.request(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: this.cookieHeader(), ...(opts.headers ?? {}) },
    });
    this.keep(res);
    return res;
  }

  /**
   * A multipart post, as a browser sends a form with a file: parts in order (the CSRF token first,
   * as the page's forms put it, unless `csrf` is null or `csrfLast` puts it after the file).
   */
  async upload(
    path: string,
    parts: [string, string | { bytes: Uint8Array; name: string; type?: string }][],
    opts: { csrf?: string | null; csrfLast?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const form = new FormData();
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null && !opts.csrfLast) form.append('_csrf', token);
    for (const [k, v] of parts) {
      if (typeof v === 'string') form.append(k, v);
      else form.append(k, new File([new Uint8Array(v.bytes)], v.name, { type: v.type ?? 'application/octet-stream' }));
    }
    if (token !== null && opts.csrfLast) form.append('_csrf', token);
    const res = await this.ctx.app.request(path, { method: 'POST', body: form, headers: { Cookie: this.cookieHeader(), ...(opts.headers ?? {}) } });
    this.keep(res);
    return res;
  }

  async login(email: string, password = PASSWORD): Promise<Response> {
    await this.get('/login');
    const res = await this.post('/login', { email, password });
    await this.get('/');
    return res;
  }
}

/** The visible text of an HTML page, tags stripped and entities decoded, for assertions. */
export function text(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
