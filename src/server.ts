// Starts CAP: settings, database, migrations, built-in referential, first admin, HTTP server.
import { serve } from '@hono/node-server';
import { parseSettings, SettingsError } from './settings.ts';
import { dataFile, openDatabase } from './db/open.ts';
import { createApp } from './app.ts';
import { ensureAdminFromSettings } from './bootstrap.ts';
import { ensureBuiltins } from './referential/store.ts';
import { releasePidFile, writePidFile } from './db/pidfile.ts';

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

const file = dataFile(settings.CAP_DATA_DIR);
const db = openDatabase(file);
ensureBuiltins(db, new Date());
await ensureAdminFromSettings(db, settings, new Date());

// cap.pid tells `npm run restore` that a server holds the database; any exit removes it.
writePidFile(settings.CAP_DATA_DIR);
process.on('exit', () => releasePidFile(settings.CAP_DATA_DIR));

const app = createApp({ db, secureCookies: settings.NODE_ENV === 'production', benchBaseline: settings.CAP_BENCH, trustProxy: settings.CAP_TRUST_PROXY });
const server = serve({ fetch: app.fetch, port: settings.PORT, hostname: settings.HOST }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`CAP est prêt : http://${host}:${info.port}/ (données : ${file})`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} reçu : arrêt de CAP…`);
  // close() stops accepting connections and waits for requests in flight to finish.
  server.close(() => {
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
