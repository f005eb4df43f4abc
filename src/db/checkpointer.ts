// WAL checkpoints off the request path. In WAL mode every commit appends to cap.db-wal; a
// checkpoint copies those pages back into cap.db and syncs it (2 to 10 ms with its fsyncs). SQLite
// runs one inside the commit that crosses wal_autocheckpoint pages (1,000 by default: every ~170
// answer saves), so one save in 170 paid for it (bench/RESULTS.md). Here a worker thread with its
// own connection does that work:
// - every 50 ms, a PASSIVE checkpoint copies the pages written meanwhile (it never waits for, nor
//   blocks, the server's connection);
// - a WAL only starts over from its beginning once every frame is back in the database, which
//   PASSIVE passes never see under writes that do not pause: the WAL would grow without end. So
//   when it holds more than WAL_RESTART_PAGES, the thread runs a RESTART checkpoint: it waits (in
//   the thread) for the write in progress, copies the few pages the last pass left, syncs, and the
//   next write starts the WAL over. Writes wait meanwhile, a few milliseconds, once every few
//   thousand pages; journal_size_limit then gives the file's space back.
// The server connection's own threshold is raised far above, as a safety net should the thread stop.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Db } from './open.ts';

/** Frames (pages of 4 KiB) in the WAL past which the thread makes it start over: about 16 MiB. */
export const WAL_RESTART_PAGES = 4000;
/** The server connection's own threshold: reached only if the thread stopped. */
export const WAL_SAFETY_PAGES = 16000;
/** Bytes the WAL file is truncated to when it starts over. */
const JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;

// The worker is plain CommonJS, evaluated as is: no TypeScript loader needed in the thread.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
// A RESTART waits here, in the thread, for the server's write in progress to end.
db.pragma('busy_timeout = 1000');
let timer = null;
let stopped = false;
function tick() {
  if (stopped) return;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.log > workerData.restartPages) db.pragma('wal_checkpoint(RESTART)');
  } catch (e) {
    // Busy: the next tick tries again.
  }
  timer = setTimeout(tick, workerData.intervalMs);
}
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  stopped = true;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the thread and closes its connection (before the server closes its own). */
  stop(): Promise<void>;
}

/** Starts the checkpoint thread for the database file `file`, opened by `db`. Not for `:memory:`. */
export function startCheckpointer(db: Db, file: string, opts: { intervalMs?: number; restartPages?: number } = {}): Checkpointer {
  db.$client.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`);
  db.$client.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs: opts.intervalMs ?? 50, restartPages: opts.restartPages ?? WAL_RESTART_PAGES } });
  // A crash of the thread leaves the server's own threshold to checkpoint: nothing is lost, the
  // WAL is only larger.
  worker.on('error', (e) => console.error('[cap] le fil des points de contrôle du WAL s’est arrêté :', e));
  let exited = false;
  const done = new Promise<void>((resolve) => worker.once('exit', () => ((exited = true), resolve())));
  return {
    stop() {
      if (!exited) worker.postMessage('stop');
      return done;
    },
  };
}
