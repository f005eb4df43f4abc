// The evidence files on disk: CAP_DATA_DIR/files/<sha-256 of the content>, never the uploaded
// name. Content addressing makes a stored file immutable (a name is its bytes), stores a document
// attached twice once, and lets a backup verify every copy.
//
// How nothing is ever half-written:
// - an upload streams into files/.tmp/<random> (same file system) while its hash and size are
//   counted; past the size limit the stream is abandoned and the temporary file removed;
// - the temporary file is flushed to disk (fsync) and only then renamed to its hash — rename is
//   atomic, so files/ holds whole files only;
// - the rename and the database row happen in one synchronous step (see src/db/evidence.ts):
//   Node runs nothing else in between, and a failed insert takes the file back;
// - a crash can still leave a temporary file, or a renamed file whose row never committed:
//   `sweep()` at start-up removes both, before any request is served.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const HASH = /^[0-9a-f]{64}$/;

export function isContentHash(value: string): boolean {
  return HASH.test(value);
}

/** A file received in full into the temporary folder, not yet part of the store. */
export interface Received {
  tempPath: string;
  /** SHA-256 of the content, lower-case hex. */
  hash: string;
  size: number;
}

export type ReceiveResult = { kind: 'received'; file: Received } | { kind: 'too-large'; limit: number } | { kind: 'empty' };

export class FileStore {
  readonly dir: string;
  readonly tempDir: string;

  constructor(dir: string) {
    this.dir = dir;
    this.tempDir = join(dir, '.tmp');
  }

  /** Creates the folders (idempotent). */
  ensure(): this {
    mkdirSync(this.tempDir, { recursive: true });
    return this;
  }

  /** Where the file with this content hash lives; throws on anything but a hash (no path games). */
  pathOf(hash: string): string {
    if (!isContentHash(hash)) throw new Error(`not a content hash: ${JSON.stringify(hash)}`);
    return join(this.dir, hash);
  }

  has(hash: string): boolean {
    return isContentHash(hash) && existsSync(this.pathOf(hash));
  }

  /**
   * Streams `input` into a temporary file, hashing and counting as it goes. Past `maxBytes`
   * nothing more is written and the rest of the stream is only read through (the multipart parser
   * cuts a part at its own limit), then the temporary file is removed. Zero bytes is refused too.
   */
  async receive(input: Readable, maxBytes: number): Promise<ReceiveResult> {
    this.ensure();
    const tempPath = join(this.tempDir, `${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const fh = await open(tempPath, 'wx', 0o640);
    let kept = false;
    try {
      for await (const chunk of input) {
        const buf = chunk as Buffer;
        size += buf.length;
        if (size > maxBytes) continue;
        hash.update(buf);
        await fh.write(buf);
      }
      if (size > maxBytes) return { kind: 'too-large', limit: maxBytes };
      if (size === 0) return { kind: 'empty' };
      await fh.sync();
      kept = true;
      return { kind: 'received', file: { tempPath, hash: hash.digest('hex'), size } };
    } finally {
      await fh.close();
      if (!kept) rmSync(tempPath, { force: true });
    }
  }

  /** Moves a received file to its place (synchronous: see the header). Same content twice is one file. */
  commit(file: Received): void {
    renameSync(file.tempPath, this.pathOf(file.hash));
    this.syncDir();
  }

  /** Forgets a received file that will not be kept. */
  discard(file: Received): void {
    rmSync(file.tempPath, { force: true });
  }

  /** Removes a stored file (its last row is gone). */
  remove(hash: string): void {
    rmSync(this.pathOf(hash), { force: true });
  }

  /** The hashes of the stored files (temporary files excluded). */
  list(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter(isContentHash).sort();
  }

  /** Bytes of a stored file, or null if it is missing. */
  sizeOf(hash: string): number | null {
    try {
      return statSync(this.pathOf(hash)).size;
    } catch {
      return null;
    }
  }

  /**
   * Start-up clean-up: removes temporary files and stored files no row references. Call it only
   * while no upload can be in flight (before serving).
   */
  sweep(referenced: ReadonlySet<string>): { temporary: number; orphans: number } {
    this.ensure();
    let temporary = 0;
    for (const name of readdirSync(this.tempDir)) {
      rmSync(join(this.tempDir, name), { force: true, recursive: true });
      temporary++;
    }
    let orphans = 0;
    for (const hash of this.list()) {
      if (referenced.has(hash)) continue;
      this.remove(hash);
      orphans++;
    }
    return { temporary, orphans };
  }

  /** Makes a rename durable: the directory entry itself is flushed. */
  private syncDir(): void {
    let fd: number | undefined;
    try {
      fd = openSync(this.dir, 'r');
      fsyncSync(fd);
    } catch {
      /* some file systems refuse fsync on a directory; the rename is still atomic */
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** SHA-256 of a file already on disk, streamed (backup and restore verify their copies with it). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The evidence folder of a data folder. */
export function filesDir(dataDir: string): string {
  return join(dataDir, 'files');
}
