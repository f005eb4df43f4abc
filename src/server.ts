// Starts CAP: settings, database, migrations, built-in referential, first admin, HTTP server, and
// in the same process the mail worker and the Monday reminders.
import { serve } from '@hono/node-server';
import { parseSettings, publicUrl, SettingsError } from './settings.ts';
import { dataFile, openDatabase } from './db/open.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import { createApp } from './app.ts';
import { createLogger } from './web/request-log.ts';
import { ensureAdminFromSettings } from './bootstrap.ts';
import { ensureBuiltins } from './referential/store.ts';
import { upgradeLegacyActionTitles } from './db/action-titles.ts';
import { ensureDerivedData } from './db/derived-data.ts';
import { releasePidFile, writePidFile } from './db/pidfile.ts';
import { outboxDir, transportFromSettings } from './mail/setup.ts';
import { MailWorker } from './mail/worker.ts';
import { ReminderScheduler } from './mail/scheduler.ts';
import type { MailTransport } from './mail/transport.ts';
import { FileStore, filesDir } from './evidence/store.ts';
import { referencedHashes } from './db/evidence.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let settings;
try {
  settings = parseSettings(process.env);
} catch (e) {
  if (e instanceof SettingsError) fail(e.message);
  throw e;
}

let transport: MailTransport;
try {
  transport = transportFromSettings(settings);
} catch (e) {
  fail(`Le dossier des courriels ${outboxDir(settings.CAP_DATA_DIR)} ne peut pas être écrit : ${(e as Error).message}`);
}

const file = dataFile(settings.CAP_DATA_DIR);
const db = openDatabase(file);
// WAL checkpoints in a thread of their own, off the request path (src/db/checkpointer.ts).
const checkpointer = startCheckpointer(db, file);
ensureBuiltins(db, new Date());
upgradeLegacyActionTitles(db, new Date());
// A database written before the derived data existed gets it once (a few seconds at the national size).
const filled = ensureDerivedData(db);
if (filled.sortKeys || filled.scores || filled.peerStatistics || filled.serviceFollowUp) {
  console.log(
    `Données dérivées complétées : ${filled.sortKeys} clés de tri, ${filled.scores} scores mis en cache${filled.peerStatistics ? ', statistiques des pairs recalculées' : ''}${filled.serviceFollowUp ? `, services suivis de progrès de ${filled.serviceFollowUp} structures` : ''}.`,
  );
}
try {
  await ensureAdminFromSettings(db, settings, new Date());
} catch (e) {
  if (e instanceof SettingsError) fail(e.message);
  throw e;
}

// Evidence files: an upload cut by a crash leaves a temporary file, or a file whose row never
// committed; both go before the first request (nothing can be uploading yet).
const store = new FileStore(filesDir(settings.CAP_DATA_DIR)).ensure();
const swept = store.sweep(referencedHashes(db));
if (swept.temporary || swept.orphans) console.log(`Justificatifs : ${swept.temporary} fichier(s) temporaire(s) et ${swept.orphans} fichier(s) sans référence retirés.`);

// cap.pid tells `npm run restore` that a server holds the database; any exit removes it.
writePidFile(settings.CAP_DATA_DIR);
process.on('exit', () => releasePidFile(settings.CAP_DATA_DIR));

// Started once the server listens (links then name the port it really got).
let worker: MailWorker | null = null;
let scheduler: ReminderScheduler | null = null;

const mailTransport = settings.CAP_SMTP_URL
  ? { kind: 'smtp' as const, where: new URL(settings.CAP_SMTP_URL).host }
  : { kind: 'outbox' as const, where: outboxDir(settings.CAP_DATA_DIR) };
const logger = createLogger(settings.CAP_LOG_LEVEL);
const app = createApp({
  db,
  logger,
  secureCookies: settings.NODE_ENV === 'production',
  benchBaseline: settings.CAP_BENCH,
  trustProxy: settings.CAP_TRUST_PROXY,
  evidence: { store, quotaBytes: settings.CAP_FILES_QUOTA_MB * 1024 * 1024 },
  mail: { wake: () => worker?.wake(), transport: mailTransport },
});
const server = serve({ fetch: app.fetch, port: settings.PORT, hostname: settings.HOST }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`CAP est prêt : http://${host}:${info.port}/ (données : ${file})`);
  const links = publicUrl({ ...settings, PORT: info.port });
  const smtp = settings.CAP_SMTP_URL ? new URL(settings.CAP_SMTP_URL) : null;
  console.log(smtp ? `Courriels envoyés par ${smtp.host} ; liens vers ${links}.` : `Courriels écrits dans ${outboxDir(settings.CAP_DATA_DIR)} (aucun CAP_SMTP_URL) ; liens vers ${links}.`);
  const w = new MailWorker({ db, transport, clock: () => new Date(), publicUrl: links });
  worker = w;
  scheduler = new ReminderScheduler({ db, clock: () => new Date(), onQueued: () => w.wake() });
  w.start();
  scheduler.start();
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} reçu : arrêt de CAP…`);
  scheduler?.stop();
  // close() stops accepting connections and waits for requests in flight to finish; the worker
  // finishes the message it is sending. Then the database closes.
  const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  void Promise.all([httpClosed, worker?.stop().catch(() => undefined)]).then(async () => {
    await checkpointer.stop().catch(() => undefined);
    db.$client.close();
    console.log('CAP est arrêté.');
    process.exit(0);
  });
  // Idle keep-alive connections would otherwise hold the close for minutes.
  const s = server as unknown as { closeIdleConnections?: () => void };
  s.closeIdleConnections?.();
  setTimeout(() => {
    db.$client.close();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
