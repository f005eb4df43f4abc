// The real server, as operators run it (`node --max-old-space-size=160 --import tsx src/server.ts`,
// like `npm start`), on a free loopback port, with a browser-like HTTP client, and what the kernel
// says about the process: its resident memory and CPU time, read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { PASSWORD } from './app.ts';
import { ROOT } from './datadir.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  proc: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcess[] = [];

/** Kills every server this test file started and left running (call it from afterEach or afterAll). */
export function killServers(): void {
  for (const p of running.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
}

/** The heap bound of `npm start` (package.json): the tests run the server as it is run in service. */
export const START_ARGS = ['--max-old-space-size=160', '--import', 'tsx', 'src/server.ts'];

/**
 * Starts the server on `dataDir` and resolves once it says it is ready. Its request log is kept
 * quiet unless `env` asks for it (CAP_LOG_LEVEL), so that thousands of requests do not fill the
 * test's memory.
 */
export async function startServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const proc = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', CAP_DATA_DIR: dataDir, CAP_ADMIN_EMAIL: 'admin@cap.test', CAP_ADMIN_PASSWORD: PASSWORD, CAP_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 15 s:\n${out}`)), 15_000);
    proc.stdout!.on('data', () => {
      if (out.includes('CAP est prêt')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`server exited before being ready:\n${out}`)));
  });
  return { proc, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

export function waitFor(server: Server, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (server.output().includes(text) ? resolve() : setTimeout(check, 10));
    check();
  });
}

/** Resident memory of a process now and at its peak (VmRSS, VmHWM in /proc/<pid>/status), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU time a process has used so far (user + system, /proc/<pid>/stat), in milliseconds. */
export function cpuTimeOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** A browser-like HTTP client over fetch: cookie jar and the CSRF token from the last page. */
export class HttpClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(path: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}) {
    const res = await fetch(this.base + path, { ...init, redirect: 'manual', headers: { Cookie: this.cookieHeader(), ...(init.headers ?? {}) } });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
    return res;
  }

  async page(path: string) {
    const res = await this.fetch(path);
    const html = await res.text();
    const m = html.match(/name="csrf-token" content="([^"]*)"/);
    if (m?.[1]) this.csrf = m[1];
    return Object.assign(res, { html });
  }

  /** A form post as a browser sends it (the token in the body), or as htmx does (in the header). */
  post(path: string, fields: Record<string, string | string[]> | URLSearchParams, opts: { htmx?: boolean; headers?: Record<string, string> } = {}) {
    const body = fields instanceof URLSearchParams ? new URLSearchParams(fields) : new URLSearchParams();
    if (!(fields instanceof URLSearchParams)) for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', ...(opts.headers ?? {}) };
    if (opts.htmx) Object.assign(headers, { 'HX-Request': 'true', 'X-CSRF-Token': this.csrf });
    else body.set('_csrf', this.csrf);
    return this.fetch(path, { method: 'POST', headers, body: body.toString() });
  }

  async login(email: string, password = PASSWORD) {
    await this.page('/login');
    const res = await this.post('/login', { email, password });
    expect(res.status).toBe(303);
    await this.page('/');
  }

  /** The questionnaire's autosave: one answer, with the revision it was built from. */
  saveAnswer(diagnosticId: string, code: string, v: { level: number; comment: string; revision: number }) {
    return this.post(`/diagnostics/${diagnosticId}/answers/${encodeURIComponent(code)}`, { level: String(v.level), comment: v.comment, revision: String(v.revision) }, { htmx: true });
  }
}
