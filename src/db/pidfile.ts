// The running server announces itself with CAP_DATA_DIR/cap.pid, so that tools which must not run
// beside it (restore) can refuse. A SIGKILL leaves the file behind: a pid that no longer names a
// live Node process counts as stale.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PID_FILE = 'cap.pid';

export function pidFile(dataDir: string): string {
  return join(dataDir, PID_FILE);
}

export function writePidFile(dataDir: string): void {
  writeFileSync(pidFile(dataDir), `${process.pid}\n`);
}

/** Removes the pid file, but only if it still names this process (a newer server may own it). */
export function releasePidFile(dataDir: string): void {
  try {
    if (Number(readFileSync(pidFile(dataDir), 'utf8').trim()) === process.pid) rmSync(pidFile(dataDir), { force: true });
  } catch {
    /* already gone */
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux, a recycled pid held by something other than Node is not a CAP server. */
function looksLikeNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc (macOS) or not readable: trust the liveness check
  }
}

/** The pid of a CAP server running on `dataDir`, or null. */
export function runningServer(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  // After a crash in a container the old pid may be ours or our parent's (npm): stale then.
  if (pid === process.pid || pid === process.ppid) return null;
  return isAlive(pid) && looksLikeNode(pid) ? pid : null;
}
