// WAL checkpoints off the request path. In WAL mode every commit appends to cap.db-wal; a
// checkpoint copies those pages back into cap.db and syncs it (2 to 10 ms with its fsyncs). SQLite
// runs one inside the commit that crosses wal_autocheckpoint pages (1,000 by default: every ~170
// answer saves), so one save in 170 paid for it (bench/RESULTS.md). Here a worker thread with its
// own connection copies the pages every 50 ms (PASSIVE: it never waits for, nor blocks, the server's
// connection). The server's own threshold is raised, not removed: it is the bound. Under writes
// that never pause the worker may never catch up to the WAL's last frame, and a WAL only starts over
// from its beginning once every frame is back in the database; then the commit that crosses the
// threshold checkpoints the few frames left, and the WAL restarts. journal_size_limit gives the
// file's space back after that.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Db } from './open.ts';

/** The server connection's own checkpoint threshold, in pages (4 KiB): the WAL stays near 16 MiB at most. */
export const WAL_BOUND_PAGES = 4000;
/** Bytes the WAL file is truncated to when it starts over. */
const JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;

// The worker is plain CommonJS, evaluated as is: no TypeScript loader needed in the thread.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
let timer = null;
let stopped = false;
function tick() {
  if (stopped) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    // Busy (the server's own checkpoint at its threshold): the next tick does it.
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
export function startCheckpointer(db: Db, file: string, opts: { intervalMs?: number } = {}): Checkpointer {
  db.$client.pragma(`wal_autocheckpoint = ${WAL_BOUND_PAGES}`);
  db.$client.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs: opts.intervalMs ?? 50 } });
  // A crash of the thread leaves the server's own threshold to checkpoint: nothing is lost.
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
