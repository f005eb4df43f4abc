// `npm run bench`: builds the generated federation (bench/dataset.ts) at two sizes — today's
// network (600 structures) and the national one (4,500 structures, every IAE network) — starts the
// real server on each (production settings, loopback only, CAP_BENCH=1 for the baseline route),
// measures, each loop bounded in time, and writes bench/RESULTS.md with both sizes side by side.
//
//   npm run bench                        everything, both sizes (about eight minutes)
//   npm run bench -- --sizes=600         one size only (600 or 4500, or any number of structures)
//   npm run bench -- --only=save,pdf     some measures only (start, save, results, pdf, pages, csv, cpu);
//                                        save includes the open-loop 500/s load (bench/open-loop.ts)
//   npm run bench -- --only=cpu          the server's CPU time per request of each page (a busy machine)
//   npm run bench -- --profile           the server writes a V8 CPU profile (.cpuprofile) on exit
//   npm run bench -- --duration=5        seconds per load test (default 10)
//   npm run bench -- --cache=DIR         keep the generated databases in DIR and reuse them while
//                                        bench/dataset.ts and the migrations are unchanged
//   npm run bench -- --keep              keep the temporary folder (database, server log, profile)
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import PDFDocument from 'pdfkit';
import Database from 'better-sqlite3';
import { buildDatasetFile, type DatasetSummary } from './dataset.ts';
import { openLoop, type OpenLoopRequest } from './open-loop.ts';
import { openDatabase } from '../src/db/open.ts';
import { recordRun } from '../src/db/job-runs.ts';
import { lastSlot, REMINDER_JOB, weekOf } from '../src/mail/scheduler.ts';
import { markActionTitlesCurrent } from '../src/db/action-titles.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const NOTES_MARK = '<!-- Analyse : ce qui suit est écrit à la main et conservé par bench/run.ts -->';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DURATION = Number(option('duration') ?? 10);
const ONLY = option('only')?.split(',');
const wanted = (name: string) => !ONLY || ONLY.includes(name);

const fmt = (n: number, digits = 1) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
const int = (n: number) => new Intl.NumberFormat('fr-FR').format(Math.round(n));
/** « 0 conflit », « 1 erreur », « 19 680 enregistrements » (French: plural from 2). */
const plural = (n: number, word: string) => `${int(n)} ${word}${Math.abs(n) >= 2 ? 's' : ''}`;
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const log = (...a: unknown[]) => console.log('·', ...a);

// ---------------------------------------------------------------------------------------------
// The server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The arguments of `npm start` after `node`: the bench runs the server exactly as operators do. */
const START_ARGS = (() => {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [cmd, ...rest] = start.split(/\s+/);
  if (cmd !== 'node') throw new Error(`script start inattendu : ${start}`);
  return rest;
})();

/**
 * Records this week's Monday reminders as done: the server would otherwise catch up on them at its
 * first start and write a message per member of the generated federation to the outbox while being
 * measured. That is a Monday morning's work, not what the bench measures. Likewise the one-time
 * upgrade of legacy action titles: the generator writes today's titles, and looking through a
 * million actions for none (a minute and a half on this machine at 4,500) is not a start-up time.
 */
function skipOneTimeJobs(file: string): void {
  const db = openDatabase(file);
  try {
    const now = new Date();
    recordRun(db, REMINDER_JOB, weekOf(lastSlot(now)), 0, now, now);
    markActionTitlesCurrent(db, now);
  } finally {
    db.$client.close();
  }
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => req.destroy());
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  /** Spawn to first healthy /healthz. */
  startMs: number;
  logFile: string;
}

async function startServer(dataDir: string, opts: { profileDir?: string } = {}): Promise<Server> {
  const port = await freePort();
  const logFile = join(dataDir, `server-${port}.log`);
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), CAP_DATA_DIR: dataDir, CAP_BENCH: '1' };
  delete env.CAP_ADMIN_EMAIL;
  delete env.CAP_ADMIN_PASSWORD;
  const extra = option('node-args')?.split(' ').filter(Boolean) ?? [];
  const nodeArgs = [...extra, ...(opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : []), ...START_ARGS];
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => out.push(d));
  child.on('exit', () => writeFileSync(logFile, Buffer.concat(out)));
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`le serveur s’est arrêté au démarrage :\n${Buffer.concat(out).toString()}`);
    if (await healthy(port)) break;
    if (performance.now() - started > 60_000) throw new Error('le serveur ne répond pas sur /healthz après 60 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, port, startMs: performance.now() - started, logFile };
}

function stopServer(s: Server): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

/** Peak resident set size of a process so far (VmHWM), in bytes. */
function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The server's own CPU time per request, over `n` requests one after the other: what a page costs
 * whatever else the machine is doing (on a shared machine, latencies measure the queue for the
 * processor as much as the page). Resolution 10 ms over all `n` (cpuMs below).
 */
async function cpuPerRequest(pid: number, url: string, headers: Record<string, string>, n = 40): Promise<number | null> {
  for (let i = 0; i < 3; i++) await (await request(url, { headers })).arrayBuffer();
  const before = cpuMs(pid);
  if (before === null) return null;
  for (let i = 0; i < n; i++) await (await request(url, { headers })).arrayBuffer();
  return (cpuMs(pid)! - before) / n;
}

function currentRss(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time the server process has used so far (user + system, all its threads: the checkpoint
 * thread and the garbage collector count), in ms; null where /proc is not there. Unlike a
 * throughput, CPU per request hardly depends on what else runs on the machine.
 */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const CLOCK_TICKS = 100;

/** Samples the server's resident memory every 50 ms and keeps the highest value per phase. */
class RssSampler {
  phase = 'démarrage';
  readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout;
  constructor(pid: number) {
    this.timer = setInterval(() => {
      const rss = currentRss(pid);
      if (rss !== null) this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, rss));
    }, 50);
  }
  stop() {
    clearInterval(this.timer);
  }
}

// ---------------------------------------------------------------------------------------------
// A signed-in client (cookie + CSRF token), as a browser would get them

interface Session {
  cookie: string;
  csrf: string;
}

/**
 * fetch, retried once when the server closed an idle keep-alive connection just as it was reused
 * (Node closes idle connections after 5 s; the bench pauses longer between some measures).
 */
async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw e;
    return fetch(url, init);
  }
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    const i = pair.indexOf('=');
    out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  }
  return out;
}

/** A cookie by its CAP name, with or without the __Host- prefix production gives it (src/web/cookies.ts). */
function capCookie(all: Record<string, string>, name: string): string | undefined {
  for (const full of [`__Host-${name}`, name]) if (all[full]) return `${full}=${all[full]}`;
  return undefined;
}

async function login(base: string, email: string, password: string): Promise<Session> {
  const form = await request(`${base}/login`, { redirect: 'manual' });
  const anon = capCookie(cookiesOf(form), 'cap_csrf');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!anon || !token) throw new Error('page de connexion sans jeton CSRF');
  const res = await request(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: anon },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  const cookie = capCookie(cookiesOf(res), 'cap_session');
  if (res.status !== 303 || !cookie) throw new Error(`connexion refusée pour ${email} (${res.status})`);
  const home = await request(`${base}/`, { headers: { Cookie: cookie } });
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(await home.text())?.[1];
  if (!csrf) throw new Error('jeton CSRF de session introuvable sur la page d’accueil');
  return { cookie, csrf };
}

// ---------------------------------------------------------------------------------------------
// Measures

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  /** Server CPU time per completed request (ms), when the server's pid was given. */
  cpuPerRequest?: number;
}

function summarise(r: Result): Load {
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { rps: requests / r.duration, p50: r.latency.p50, p99: r.latency.p99, requests, statuses, errors: r.errors + r.timeouts };
}

async function load(opts: Parameters<typeof autocannon>[0], warmup = 2, serverPid?: number): Promise<Load> {
  if (warmup) await autocannon({ ...opts, duration: warmup });
  const before = serverPid ? cpuMs(serverPid) : null;
  const result = summarise(await autocannon({ ...opts, duration: DURATION, timeout: 10 }));
  const after = serverPid ? cpuMs(serverPid) : null;
  if (before !== null && after !== null && result.requests) result.cpuPerRequest = (after - before) / result.requests;
  return result;
}

/** A question of the draft owned by one request at a time, so every save carries the right revision. */
interface Slot {
  code: string;
  revision: number;
  level: number;
  busy: boolean;
}

function saveBody(code: string, level: number, revision: number): string {
  return new URLSearchParams({ [`level.${code}`]: String(level), [`comment.${code}`]: '', [`revision.${code}`]: String(revision) }).toString();
}

function resync(file: string, draftId: string, slots: Slot[]) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT question_code AS code, revision, level FROM answers WHERE diagnostic_id = ?').all(draftId) as { code: string; revision: number; level: number | null }[];
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const slot of slots) {
      const r = byCode.get(slot.code);
      slot.revision = r?.revision ?? 0;
      slot.level = r?.level ?? -1;
      slot.busy = false;
    }
  } finally {
    db.close();
  }
}

function revisionIn(body: string): number | null {
  const m = /name="revision(?:\.[^"]*)?"[^>]*value="(\d+)"/.exec(body) ?? /value="(\d+)"[^>]*name="revision(?:\.[^"]*)?"/.exec(body);
  return m ? Number(m[1]) : null;
}

/** Takes a question nobody is saving and a level different from its stored one; settles it with the answer. */
function takeSlot(pool: Slot[], state: { cursor: number; counter: number }): { slot: Slot; level: number } {
  let i = -1;
  for (let k = 0; k < pool.length && i < 0; k++) if (!pool[(state.cursor + k) % pool.length]!.busy) i = (state.cursor + k) % pool.length;
  // Every question taken: only after many lost responses; reuse one (a conflict, counted).
  if (i < 0) i = state.cursor;
  state.cursor = (i + 1) % pool.length;
  const slot = pool[i]!;
  slot.busy = true;
  return { slot, level: (slot.level + 1 + (state.counter++ % 4)) % 5 };
}

function settleSlot(slot: Slot, level: number, status: number, body: string) {
  const rev = revisionIn(body);
  if (status === 200) {
    slot.revision = rev ?? slot.revision + 1;
    slot.level = level;
  } else if (rev !== null) slot.revision = rev;
  slot.busy = false;
}

const htmxHeaders = (s: Session) => ({ Cookie: s.cookie, 'X-CSRF-Token': s.csrf, 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' });

/** The same saves, one request at a time as the open-loop load asks for them. */
function openLoopSaves(s: Session, draftId: string, slots: Slot[]): () => OpenLoopRequest {
  const state = { cursor: 0, counter: 0 };
  return () => {
    const { slot, level } = takeSlot(slots, state);
    return { method: 'POST', path: `/diagnostics/${draftId}/answers/${slot.code}`, headers: htmxHeaders(s), body: saveBody(slot.code, level, slot.revision), onResponse: (status, body) => settleSlot(slot, level, status, body) };
  };
}

/** The WAL file's size, sampled every 20 ms while saves run: its largest value. */
class WalSampler {
  max = 0;
  private timer: NodeJS.Timeout;
  constructor(file: string) {
    this.timer = setInterval(() => {
      try {
        this.max = Math.max(this.max, statSync(`${file}-wal`).size);
      } catch {
        /* no WAL at this instant */
      }
    }, 20);
  }
  stop() {
    clearInterval(this.timer);
    return this.max;
  }
}

/**
 * The htmx autosave at 50 connections. The revision check (409 on a stale revision) would make
 * concurrent saves of one question conflict, as it should: each request takes a question nobody
 * else is saving, sends its current revision and a level different from the stored one (an equal
 * value is not written), and gives the question back with the new revision when answered.
 *
 * autocannon builds every connection's first request before sending any, into one shared buffer,
 * so all first requests are the last one built: those are made identical (the first question,
 * kept out of the pool, same level, same revision). One of them saves; the others post the
 * stored value again, which is no conflict (200, nothing written). Questions whose response was
 * lost (end of a run, reset connection) stay taken until `resync` reads the database again.
 */
function answerSaveRequests(base: string, s: Session, draftId: string, slots: Slot[]) {
  const [first, ...pool] = slots;
  if (!first || pool.length < 60) throw new Error('le brouillon du banc d’essai a trop peu de questions');
  const firstLevel = (first.level + 1) % 5;
  let live = false;
  const state = { cursor: 0, counter: 0 };
  const headers = htmxHeaders(s);
  return {
    url: base,
    connections: 50,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: CannonRequest, context: Record<string, unknown>): CannonRequest => {
          let slot = first;
          let level = firstLevel;
          if (live) {
            ({ slot, level } = takeSlot(pool, state));
            context.slot = slot;
            context.level = level;
          }
          // The fields htmx sends for one question of a theme page (hx-params).
          return { ...req, method: 'POST', path: `/diagnostics/${draftId}/answers/${slot.code}`, headers, body: saveBody(slot.code, level, slot.revision) };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          live = true;
          const slot = context.slot as Slot | undefined;
          const rev = revisionIn(body);
          if (!slot) {
            if (rev !== null) first.revision = Math.max(first.revision, rev);
            first.level = firstLevel;
            return;
          }
          settleSlot(slot, context.level as number, status, body);
        },
      },
    ],
  };
}

async function timeRequests(n: number, fn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[\s\S]*?\/Count\s+(\d+)/g)) count = Math.max(count, Number(m[1]));
  return count;
}

const FONT_DIR = join(ROOT, 'static', 'fonts');
const LOREM =
  'Le plan de progrès reprend, thème par thème, les actions proposées à partir des réponses : obligations légales d’abord, puis les écarts les plus lourds. Chaque action indique les services de la fédération qui peuvent aider, son responsable et son échéance.';

/** A pdfkit document with the same page count and the same embedded TTF, nothing else: pdfkit's own floor. */
function barePdf(pages: number, fonts: { regular: Buffer; bold: Buffer }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 64, left: 50, right: 50 } });
    doc.pipe(
      new Writable({
        write(chunk: Buffer, _e, cb) {
          chunks.push(chunk);
          cb();
        },
      }).on('finish', () => resolve(Buffer.concat(chunks))).on('error', reject),
    );
    doc.registerFont('Sans', fonts.regular);
    doc.registerFont('Sans-Bold', fonts.bold);
    for (let p = 0; p < pages; p++) {
      if (p) doc.addPage();
      doc.font('Sans-Bold').fontSize(16).text(`Page ${p + 1} sur ${pages} — « plan de progrès »`);
      doc.font('Sans').fontSize(10).text(LOREM);
    }
    doc.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Report

/** What one size measured: values by measure id, in the order measured. */
interface Measured {
  value: string;
  /** The number behind the value, for the growth column (ms, bytes, req/s…). */
  n?: number;
  /** Target met at this size; undefined when the measure has no target. */
  met?: boolean | null;
}

interface MeasureDef {
  label: string;
  target?: string;
  /** Lower is better (times, sizes) or higher (throughput): how the growth reads. */
  higherIsBetter?: boolean;
}

/** Labels and targets of every measure; the table keeps this order. */
const MEASURES = new Map<string, MeasureDef>();
const define = (id: string, def: MeasureDef) => (MEASURES.has(id) ? undefined : MEASURES.set(id, def));

interface SizeRun {
  size: number;
  summary: DatasetSummary;
  values: Map<string, Measured>;
  notes: string[];
  seconds: number;
}

/** Inputs that decide a generated database's content: a cached file is reused only if they match. */
function datasetKey(size: number): string {
  const h = createHash('sha256');
  h.update(String(size));
  for (const f of ['bench/dataset.ts', 'src/random.ts', 'src/demo/siret.ts']) h.update(readFileSync(join(ROOT, f)));
  for (const f of readdirSync(join(ROOT, 'drizzle')).filter((x) => x.endsWith('.sql')).sort()) h.update(readFileSync(join(ROOT, 'drizzle', f)));
  return h.digest('hex').slice(0, 16);
}

/** The generated federation in `dir/cap.db`, from the cache folder when the same inputs built it. */
async function dataset(dir: string, size: number): Promise<DatasetSummary> {
  const file = join(dir, 'cap.db');
  const cacheDir = option('cache');
  if (!cacheDir) return buildDatasetFile(file, { organisations: size });
  mkdirSync(cacheDir, { recursive: true });
  const key = datasetKey(size);
  const cached = join(cacheDir, `cap-${size}-${key}.db`);
  const meta = `${cached}.json`;
  if (!existsSync(cached) || !existsSync(meta)) {
    for (const f of readdirSync(cacheDir)) if (f.startsWith(`cap-${size}-`)) rmSync(join(cacheDir, f), { force: true });
    const summary = await buildDatasetFile(cached, { organisations: size });
    writeFileSync(meta, JSON.stringify(summary));
  } else log(`jeu de données ${size} repris de ${cached}`);
  copyFileSync(cached, file);
  return JSON.parse(readFileSync(meta, 'utf8')) as DatasetSummary;
}

const sizeLabel = (size: number) => `${int(size)} structures`;
const kib = (bytes: number) => `${fmt(bytes / 1024, 0)} Kio`;

async function runSize(size: number): Promise<SizeRun> {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'cap-bench-'));
  const profileDir = flag('profile') ? join(dir, 'profile') : undefined;
  const values = new Map<string, Measured>();
  const notes: string[] = [];
  const put = (id: string, def: MeasureDef, m: Measured) => {
    define(id, def);
    values.set(id, m);
  };
  let server: Server | undefined;
  let rssSampler: RssSampler | undefined;
  let summary: DatasetSummary;
  try {
    log(`${sizeLabel(size)} : jeu de données dans ${dir}…`);
    summary = await dataset(dir, size);
    skipOneTimeJobs(join(dir, 'cap.db'));
    log(`${summary.organisations} structures, ${summary.diagnostics} diagnostics, ${summary.answers} réponses, ${summary.actions} actions en ${fmt(summary.ms / 1000)} s`);

    // Start-up: the first start (tsx compiles the sources unless its cache is warm), then two more.
    if (wanted('start')) {
      const starts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = await startServer(dir);
        starts.push(s.startMs);
        await stopServer(s);
      }
      log(`démarrages : ${starts.map((x) => ms(x)).join(', ')}`);
      put('start', { label: 'Démarrage jusqu’à /healthz sain (médiane de 3)', target: '< 1 500 ms' }, { value: `${ms(median(starts))} (premier : ${ms(starts[0]!)})`, n: median(starts), met: median(starts) < 1500 });
    }

    server = await startServer(dir, { profileDir });
    const rss = new RssSampler(server.child.pid!);
    rssSampler = rss;
    const base = `http://127.0.0.1:${server.port}`;
    const { bench } = summary;
    const member = await login(base, bench.memberEmail, bench.password);
    const admin = await login(base, bench.adminEmail, bench.password);
    const consultant = await login(base, bench.consultantEmail, bench.password);
    const memberHeaders = { Cookie: member.cookie };

    if (wanted('save')) {
      rss.phase = 'enregistrement';
      const slots: Slot[] = Object.entries(bench.draftRevisions).map(([code, revision]) => ({ code, revision, level: -1, busy: false }));
      const probe = await request(`${base}/diagnostics/${bench.draftId}/answers/${slots[0]!.code}`, {
        method: 'POST',
        headers: { Cookie: member.cookie, 'X-CSRF-Token': member.csrf, 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: saveBody(slots[0]!.code, 2, slots[0]!.revision),
      });
      const probeBody = await probe.text();
      // One line per measure, named by its label (the same at every size: the growth column).
      const row = (r: { label: string; value: string; target?: string; met?: boolean | null }) => put(`save:${r.label}`, { label: r.label, target: r.target }, { value: r.value, met: r.met });
      if (probe.status !== 200 || !probeBody) {
        row({ label: 'Enregistrement d’une réponse', value: `route indisponible (${probe.status})`, target: '≥ 40 % de la référence, p99 < 10 ms à 500/s', met: null });
      } else {
        resync(join(dir, 'cap.db'), bench.draftId, slots);
        const baseline = await load({
          url: `${base}/bench/baseline`,
          connections: 50,
          method: 'POST',
          headers: { Cookie: member.cookie, 'X-CSRF-Token': member.csrf, 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: saveBody(slots[0]!.code, 2, 1),
        }, 2, server.child.pid);
        // Requests still in flight when the warm-up ends are answered unseen: read the stored
        // revisions again (a read-only connection; WAL lets it read beside the server).
        await autocannon({ ...answerSaveRequests(base, member, bench.draftId, slots), duration: 2 });
        await new Promise((r) => setTimeout(r, 200));
        resync(join(dir, 'cap.db'), bench.draftId, slots);
        const wal = new WalSampler(join(dir, 'cap.db'));
        const save = await load(answerSaveRequests(base, member, bench.draftId, slots), 0, server.child.pid);
        const ratio = save.rps / baseline.rps;
        // The same saves offered at 500 per second, evenly spaced (bench/open-loop.ts); then with
        // autocannon's own rate option, which sends each second's quota in a burst.
        await new Promise((r) => setTimeout(r, 200));
        resync(join(dir, 'cap.db'), bench.draftId, slots);
        const steady = await openLoop(base, { rate: 500, seconds: DURATION, warmup: 2, next: openLoopSaves(member, bench.draftId, slots) });
        await new Promise((r) => setTimeout(r, 200));
        resync(join(dir, 'cap.db'), bench.draftId, slots);
        const bursts = await load({ ...answerSaveRequests(base, member, bench.draftId, slots), overallRate: 500 });
        const walMax = wal.stop();
        const steadyOther = steady.completed - (steady.statuses['200'] ?? 0) - (steady.statuses['409'] ?? 0);
        const conflicts = save.statuses['409'] ?? 0;
        const other = save.requests - (save.statuses['200'] ?? 0) - conflicts;
        log(`enregistrement : ${fmt(save.rps, 0)} req/s (référence ${fmt(baseline.rps, 0)}), p99 ${ms(save.p99)}, statuts ${JSON.stringify(save.statuses)}`);
        row({ label: 'Référence POST /bench/baseline, 50 connexions : débit', value: `${fmt(baseline.rps, 0)} req/s` });
        row({ label: 'Référence : latence p50 / p99', value: `${ms(baseline.p50)} / ${ms(baseline.p99)}` });
        row({ label: 'Enregistrement d’une réponse (htmx), 50 connexions : débit', value: `${fmt(save.rps, 0)} req/s (${plural(save.requests, 'enregistrement')}, ${plural(conflicts, 'conflit')}, ${plural(other + save.errors, 'erreur')})` });
        row({ label: 'Enregistrement : débit rapporté à la référence (même exécution)', value: `${fmt(ratio * 100, 0)} %`, target: '≥ 40 %', met: ratio >= 0.4 && other + save.errors === 0 });
        row({ label: 'Enregistrement, 50 connexions : latence p50 / p99', value: `${ms(save.p50)} / ${ms(save.p99)}` });
        if (baseline.cpuPerRequest && save.cpuPerRequest) {
          const cpuRatio = baseline.cpuPerRequest / save.cpuPerRequest;
          log(`CPU du serveur par requête : référence ${fmt(baseline.cpuPerRequest, 3)} ms, enregistrement ${fmt(save.cpuPerRequest, 3)} ms`);
          row({ label: 'CPU du serveur par requête : référence / enregistrement (rapport, peu sensible à la charge de fond)', value: `${fmt(baseline.cpuPerRequest, 3)} ms / ${fmt(save.cpuPerRequest, 3)} ms (${fmt(cpuRatio * 100, 0)} %)` });
        }
        log(`500/s régulier : p50 ${ms(steady.p50)}, p99 ${ms(steady.p99)}, max ${ms(steady.max)}, ${steady.completed}/${steady.offered}, en retard ${steady.late}, statuts ${JSON.stringify(steady.statuses)}`);
        row({
          label: 'Enregistrement à 500/s offerts, boucle ouverte régulière (un toutes les 2 ms) : p50 / p99 (max)',
          value: `${ms(steady.p50)} / ${ms(steady.p99)} (${ms(steady.max)}) ; ${plural(steady.completed, 'enregistrement')} sur ${int(steady.offered)} offerts, ${plural(steady.statuses['409'] ?? 0, 'conflit')}, ${plural(steadyOther + steady.errors, 'erreur')}`,
          target: 'p99 < 10 ms',
          met: steady.p99 < 10 && steady.completed === steady.offered && steadyOther + steady.errors === 0,
        });
        log(`500/s autocannon overallRate : p50 ${ms(bursts.p50)}, p99 ${ms(bursts.p99)}, statuts ${JSON.stringify(bursts.statuses)}`);
        row({ label: 'Enregistrement à 500/s, option overallRate d’autocannon (50 connexions, chaque seconde envoyée en rafale) : p50 / p99', value: `${ms(bursts.p50)} / ${ms(bursts.p99)}` });
        row({ label: 'Taille maximale du WAL pendant les enregistrements', value: `${fmt(walMax / 1048576, 1)} Mo`, target: '< 32 Mo (borné)', met: walMax < 32 * 1048576 });
      }
    }

    if (wanted('results')) {
      rss.phase = 'résultats';
      const url = `${base}/diagnostics/${bench.completeId}/results`;
      const def = { label: 'Page de résultats d’un diagnostic complet, 1 connexion : p50 / p99', target: 'p50 < 15 ms' };
      const check = await request(url, { headers: memberHeaders });
      if (check.status !== 200) put('results', def, { value: `indisponible (${check.status})`, met: null });
      else {
        const one = await load({ url, connections: 1, headers: memberHeaders });
        const ten = await load({ url, connections: 10, headers: memberHeaders }, 1);
        log(`résultats : p50 ${ms(one.p50)}, p99 ${ms(one.p99)} ; ${fmt(ten.rps, 0)} req/s à 10 connexions`);
        put('results', def, { value: `${ms(one.p50)} / ${ms(one.p99)}`, n: one.p50, met: one.p50 < 15 && one.errors === 0 });
        put('results-10', { label: 'Page de résultats, 10 connexions : débit, p50 / p99', higherIsBetter: true }, { value: `${fmt(ten.rps, 0)} req/s, ${ms(ten.p50)} / ${ms(ten.p99)}`, n: ten.rps });
      }
    }

    if (wanted('pdf')) {
      rss.phase = 'PDF';
      const url = `${base}/diagnostics/${bench.completeId}/plan.pdf`;
      const first = await request(url, { headers: memberHeaders });
      const def = { label: 'PDF du plan, 30 requêtes à la suite : médiane', target: '< 300 ms' };
      if (first.status !== 200 || !(first.headers.get('Content-Type') ?? '').includes('pdf')) {
        put('pdf', def, { value: `indisponible (${first.status})`, met: null });
      } else {
        const pdf = Buffer.from(await first.arrayBuffer());
        const pages = pdfPageCount(pdf);
        for (let i = 0; i < 3; i++) await (await request(url, { headers: memberHeaders })).arrayBuffer();
        const times = await timeRequests(30, async () => {
          await (await request(url, { headers: memberHeaders })).arrayBuffer();
        });
        const fonts = { regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')), bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')) };
        for (let i = 0; i < 3; i++) await barePdf(pages, fonts);
        const bare = await timeRequests(30, async () => {
          await barePdf(pages, fonts);
        });
        const ratio = median(times) / median(bare);
        log(`PDF : ${pages} pages, médiane ${ms(median(times))} ; pdfkit nu ${ms(median(bare))}`);
        put('pdf', def, { value: `${ms(median(times))} (${pages} pages, ${kib(pdf.length)})`, n: median(times), met: median(times) < 300 });
        put('pdf-bare', { label: 'pdfkit nu, même nombre de pages, même police TTF, dans le processus du bench : médiane' }, { value: ms(median(bare)), n: median(bare) });
        put('pdf-ratio', { label: 'PDF du plan rapporté à pdfkit nu' }, { value: `× ${fmt(ratio, 1)}`, n: ratio });
      }
    }

    if (wanted('pages') || wanted('cpu')) {
      // The federation's and the admin's lists, one connection: the time of a page, not of a queue.
      // Pages that do not exist on an older version answer 404: reported as unavailable, not failed.
      const pages: { id: string; phase: string; label: string; who: Session; url: string; fallback?: string; p50?: number; kib?: number }[] = [
        { id: 'federation-admin', phase: 'tableau de bord (admin)', label: 'Tableau de bord fédéral, administrateur, première page', who: admin, url: '/federation', p50: 200, kib: 300 },
        { id: 'federation-consultant', phase: 'tableau de bord (conseil)', label: `Tableau de bord fédéral, conseiller de la région la plus peuplée (${bench.consultantRegion})`, who: consultant, url: '/federation', p50: 100 },
        { id: 'federation-sorted', phase: 'tableau de bord (tris)', label: 'Tableau de bord, administrateur, trié par score décroissant', who: admin, url: '/federation?sort=score&dir=desc' },
        { id: 'federation-overdue', phase: 'tableau de bord (tris)', label: 'Tableau de bord, administrateur, trié par actions en retard', who: admin, url: '/federation?sort=overdue&dir=desc' },
        { id: 'federation-review', phase: 'tableau de bord (tris)', label: 'Tableau de bord, administrateur, diagnostics à relire, le plus ancien d’abord', who: admin, url: '/federation?status=submitted&sort=pending&dir=asc' },
        { id: 'federation-search', phase: 'tableau de bord (recherche)', label: 'Tableau de bord, administrateur, recherche « jardins lauragais »', who: admin, url: '/federation?q=jardins+lauragais' },
        { id: 'progress-consultant', phase: 'services suivis de progrès', label: `Services suivis de progrès (/federation/progres), conseiller (${bench.consultantRegion})`, who: consultant, url: '/federation/progres' },
        { id: 'progress-admin', phase: 'services suivis de progrès', label: 'Services suivis de progrès, administrateur, tout le réseau', who: admin, url: '/federation/progres' },
        { id: 'home-consultant', phase: 'accueil (À faire)', label: 'Accueil d’un conseiller (« À faire » de sa région)', who: consultant, url: '/', p50: 100 },
        { id: 'home-admin', phase: 'accueil (À faire)', label: 'Accueil de l’administrateur (« À faire » de toutes les régions)', who: admin, url: '/', p50: 100 },
        { id: 'admin-users', phase: 'comptes', label: 'Comptes (/admin/users), administrateur', who: admin, url: '/admin/users', p50: 100 },
        { id: 'admin-users-search', phase: 'comptes', label: 'Comptes, recherche « membre-42 »', who: admin, url: '/admin/users?q=membre-42', p50: 100 },
        // Before /admin/organisations listed them, the administration's list was /organisations.
        { id: 'organisations', phase: 'structures', label: 'Liste des structures (/admin/organisations), administrateur', who: admin, url: '/admin/organisations', fallback: '/organisations', p50: 100 },
        { id: 'organisations-search', phase: 'structures', label: 'Liste des structures, recherche « tremplin »', who: admin, url: '/admin/organisations?q=tremplin', p50: 100 },
      ];
      for (const p of pages) {
        rss.phase = p.phase;
        const headers = { Cookie: p.who.cookie };
        let url = `${base}${p.url}`;
        if (p.fallback && (await request(url, { headers })).status === 404) url = `${base}${p.fallback}`;
        const targets = [p.p50 !== undefined ? `p50 < ${p.p50} ms` : '', p.kib !== undefined ? `< ${p.kib} Kio` : ''].filter(Boolean).join(', ');
        const def = { label: `${p.label}, 1 connexion : p50 / p99, taille`, target: targets ? `${targets} à 4 500` : undefined };
        const check = await request(url, { headers });
        const bytes = (await check.arrayBuffer()).byteLength;
        if (check.status !== 200) {
          put(p.id, def, { value: `indisponible (${check.status})`, met: null });
          continue;
        }
        if (wanted('cpu')) {
          const cpu = await cpuPerRequest(server!.child.pid!, url, headers);
          log(`${p.id} : CPU du serveur ${cpu === null ? 'inconnu' : ms(cpu)} par requête`);
          if (cpu !== null) put(`${p.id}-cpu`, { label: `${p.label} : temps CPU du serveur par requête` }, { value: ms(cpu), n: cpu });
          if (ONLY && !ONLY.includes('pages')) continue;
        }
        const one = await load({ url, connections: 1, headers });
        log(`${p.id} : p50 ${ms(one.p50)}, p99 ${ms(one.p99)}, ${kib(bytes)}`);
        const met = (p.p50 === undefined || one.p50 < p.p50) && (p.kib === undefined || bytes < p.kib * 1024) && one.errors === 0;
        put(p.id, def, { value: `${ms(one.p50)} / ${ms(one.p99)}, ${kib(bytes)}`, n: one.p50, met: targets ? met : undefined });
      }
    }

    if (wanted('cpu')) {
      // The results page and the whole-network CSV, in server CPU time too (see cpuPerRequest).
      for (const [id, label, who, path, n] of [
        ['results-cpu', 'Page de résultats d’un diagnostic complet : temps CPU du serveur par requête', member, `/diagnostics/${bench.completeId}/results`, 40],
        ['csv-cpu', 'Export CSV fédéral de tout le réseau : temps CPU du serveur par requête', admin, '/federation/export.csv', 5],
      ] as const) {
        const cpu = await cpuPerRequest(server!.child.pid!, `${base}${path}`, { Cookie: who.cookie }, n);
        log(`${id} : ${cpu === null ? 'inconnu' : ms(cpu)}`);
        if (cpu !== null) put(id, { label }, { value: ms(cpu), n: cpu });
      }
    }

    if (wanted('pages')) {
      // What one server holds: the admin's dashboard and a consultant's, 10 connections at once.
      rss.phase = 'tableau de bord (10 connexions)';
      for (const [id, label, who] of [
        ['federation-admin-10', 'Tableau de bord, administrateur, 10 connexions : débit, p50 / p99', admin],
        ['federation-consultant-10', 'Tableau de bord, conseiller, 10 connexions : débit, p50 / p99', consultant],
      ] as const) {
        const url = `${base}/federation`;
        const headers = { Cookie: who.cookie };
        if ((await request(url, { headers })).status !== 200) continue;
        const ten = await load({ url, connections: 10, headers }, 1);
        log(`${id} : ${fmt(ten.rps, 0)} req/s, p50 ${ms(ten.p50)}, p99 ${ms(ten.p99)}`);
        put(id, { label, higherIsBetter: true }, { value: `${fmt(ten.rps, 0)} req/s, ${ms(ten.p50)} / ${ms(ten.p99)}`, n: ten.rps });
      }
    }

    if (wanted('csv')) {
      rss.phase = 'CSV';
      const url = `${base}/federation/export.csv`;
      const headers = { Cookie: admin.cookie };
      const def = { label: 'Export CSV fédéral de tout le réseau, administrateur, 5 requêtes : médiane (premier octet)', target: '< 1 s à 4 500' };
      const runs: { total: number; first: number; bytes: number; lines: number }[] = [];
      let status = 200;
      for (let i = 0; i < 6; i++) {
        const t = performance.now();
        const res = await request(url, { headers });
        status = res.status;
        const reader = res.body!.getReader();
        let first = 0;
        let bytes = 0;
        let lines = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (!first) first = performance.now() - t;
          bytes += value.byteLength;
          for (const b of value) if (b === 10) lines++;
        }
        if (i > 0) runs.push({ total: performance.now() - t, first, bytes, lines });
      }
      if (status !== 200) put('csv', def, { value: `indisponible (${status})`, met: null });
      else {
        const total = median(runs.map((r) => r.total));
        const first = median(runs.map((r) => r.first));
        log(`CSV : ${ms(total)} (premier octet ${ms(first)}), ${kib(runs[0]!.bytes)}, ${runs[0]!.lines} lignes`);
        put('csv', def, { value: `${ms(total)} (${ms(first)}), ${plural(runs[0]!.lines - 1, 'ligne')}, ${kib(runs[0]!.bytes)}`, n: total, met: total < 1000 });
      }
    }

    rss.stop();
    const peak = peakRss(server.child.pid!);
    notes.push(`mémoire résidente du serveur, maximum par phase : ${[...rss.peaks].map(([k, v]) => `${k} ${fmt(v / 1048576, 0)} Mo`).join(', ')}`);
    put('rss', { label: 'Mémoire résidente maximale du serveur (VmHWM), toutes mesures', target: '< 250 Mo' }, { value: peak === null ? 'inconnue' : `${fmt(peak / 1048576, 0)} Mo`, n: peak ?? undefined, met: peak === null ? null : peak < 250 * 1048576 });
    await stopServer(server);
    server = undefined;
    if (profileDir && existsSync(profileDir)) notes.push(`profil CPU du serveur : ${readdirSync(profileDir).map((f) => join(profileDir, f)).join(', ')}`);
  } finally {
    rssSampler?.stop();
    if (server) await stopServer(server);
    if (!flag('keep') && !flag('profile')) rmSync(dir, { recursive: true, force: true });
  }
  return { size, summary, values, notes, seconds: (performance.now() - t0) / 1000 };
}

function growth(a: Measured | undefined, b: Measured | undefined): string {
  if (!a?.n || !b?.n) return '—';
  return `× ${fmt(b.n / a.n, b.n / a.n < 10 ? 1 : 0)}`;
}

function report(runs: SizeRun[]): string {
  const two = runs.length === 2;
  const head = ['mesure', ...runs.map((r) => sizeLabel(r.size)), ...(two ? ['croissance'] : []), 'cible', 'atteinte'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [id, def] of MEASURES) {
    const cells = runs.map((r) => r.values.get(id));
    if (cells.every((c) => !c)) continue;
    const withTarget = cells.filter((c) => c && c.met !== undefined);
    let met = '—';
    if (def.target && withTarget.length) {
      // A target written « à 4 500 » is judged at the national size only (the largest measured).
      const judged = def.target.includes('à 4 500') ? [cells[cells.length - 1]] : cells;
      const verdicts = judged.map((c) => c?.met);
      met = verdicts.some((v) => v === null || v === undefined) ? 'non mesuré' : verdicts.every(Boolean) ? '✅ oui' : '❌ non';
    }
    lines.push(`| ${[def.label, ...cells.map((c) => c?.value ?? '—'), ...(two ? [growth(cells[0], cells[1])] : []), def.target ?? '—', met].join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main() {
  const t0 = performance.now();
  const sizes = (option('sizes') ?? '600,4500').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!sizes.length) throw new Error('--sizes : des nombres de structures, par exemple --sizes=600,4500');
  const runs: SizeRun[] = [];
  for (const size of sizes) runs.push(await runSize(size));

  const cpu = cpus();
  const data = (r: SizeRun) =>
    `- ${sizeLabel(r.size)} (bench/dataset.ts, générées en ${fmt(r.summary.ms / 1000)} s, mesurées en ${fmt(r.seconds, 0)} s) : ${int(r.summary.users)} comptes, ${int(r.summary.diagnostics)} diagnostics, ${int(r.summary.answers)} réponses, ${int(r.summary.actions)} actions, ${int(r.summary.reviewComments)} remarques, ${int(r.summary.auditEvents)} événements du journal ; la région la plus peuplée, ${r.summary.bench.consultantRegion}, compte ${int(r.summary.bench.consultantOrganisations)} structures.`;
  const header = [
    '# Résultats du banc d’essai',
    '',
    `Produit par \`npm run bench\` le ${new Date().toISOString().slice(0, 16).replace('T', ' à ')} UTC, en ${fmt((performance.now() - t0) / 1000, 0)} s.`,
    '',
    `- Machine : ${cpu.length} cœurs (${cpu[0]?.model.trim() ?? 'modèle inconnu'}), ${fmt(totalmem() / 1073741824, 0)} Gio de mémoire ; Node ${process.version}.`,
    ...runs.map(data),
    `- Serveur réel, lancé comme \`npm start\` (\`node ${START_ARGS.join(' ')}\`), NODE_ENV=production, 127.0.0.1, CAP_BENCH=1, un serveur par taille ; charge par autocannon depuis le même processus que le bench ; ${DURATION} s par mesure après 2 s de mise en température.`,
    '- Débits : requêtes terminées par seconde. Latences : du premier octet envoyé à la réponse complète, vues du client. Tailles : corps de la réponse, non compressé. Croissance : valeur à la grande taille divisée par la valeur à la petite.',
    '',
  ].join('\n');
  const notes = runs.flatMap((r) => r.notes.map((n) => `- ${sizeLabel(r.size)} : ${n}.`));
  const table = report(runs);
  const body = `${header}\n${table}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
  console.log(`\n${table}\n${notes.join('\n')}\n`);
  if (ONLY || option('sizes')) {
    console.log('(mesure partielle ou tailles choisies : bench/RESULTS.md n’est pas réécrit)');
    return;
  }
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const kept = previous.includes(NOTES_MARK) ? previous.slice(previous.indexOf(NOTES_MARK)) : `${NOTES_MARK}\n`;
  writeFileSync(RESULTS, `${body}\n${kept}`);
  console.log(`bench/RESULTS.md écrit (${fmt((performance.now() - t0) / 1000, 0)} s).`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
