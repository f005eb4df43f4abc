// Reading an upload: a multipart/form-data body (a plain HTML form, or the same form sent by
// script with progress) parsed as a stream with @fastify/busboy, so a 10 Mo file goes to disk as
// it arrives instead of sitting in memory. One file per request; a few short fields.
//
// The CSRF token of a plain form travels in the body: it must come before the file (the form puts
// its hidden field first, as browsers send fields in document order), and no byte of the file is
// kept until it has been checked. A script sends it in the X-CSRF-Token header instead.
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { FileStore, Received, ReceiveResult } from './store.ts';

export type UploadResult =
  | { kind: 'file'; file: Received; filename: string; fields: Map<string, string> }
  | { kind: 'no-file'; fields: Map<string, string> }
  | { kind: 'too-large'; limit: number }
  | { kind: 'empty' }
  | { kind: 'forbidden' }
  | { kind: 'bad-request' };

export interface UploadOptions {
  store: FileStore;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest whole body; more is cut off and refused. */
  maxBodyBytes: number;
  /** Whether the request may send a file, given the fields read so far (the CSRF check). */
  authorized: (fields: ReadonlyMap<string, string>) => boolean;
}

class BodyTooLarge extends Error {}

/** Passes bytes through, failing once more than `max` went by (a body sent without a length). */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      seen += chunk.length;
      if (seen > max) cb(new BodyTooLarge());
      else cb(null, chunk);
    },
  });
}

export function readUpload(body: Readable, contentType: string, opts: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { 'content-type': contentType },
        limits: { fields: 8, fieldNameSize: 64, fieldSize: 4096, files: 1, parts: 10, headerPairs: 20, fileSize: opts.maxFileBytes + 1 },
      });
    } catch {
      // No boundary, or not multipart at all.
      resolve({ kind: 'bad-request' });
      return;
    }
    let receiving: Promise<ReceiveResult> | null = null;
    let fileStream: Readable | null = null;
    let filename = '';
    let refused: UploadResult | null = null;
    let settled = false;

    const settle = async (failure: UploadResult | null) => {
      if (settled) return;
      settled = true;
      // A failed body leaves the file part unfinished: end it, so the copy stops and cleans up.
      if (failure && fileStream && !fileStream.readableEnded) fileStream.destroy(new Error('upload aborted'));
      const got = receiving ? await receiving.catch(() => null) : null;
      const outcome: UploadResult | null = failure ?? refused;
      if (outcome) {
        if (got?.kind === 'received') opts.store.discard(got.file);
        resolve(outcome);
        return;
      }
      if (!got) resolve({ kind: 'no-file', fields });
      else if (got.kind === 'too-large') resolve({ kind: 'too-large', limit: got.limit });
      // A browser posts an empty part, with an empty name, when no file was chosen.
      else if (got.kind === 'empty') resolve(filename === '' ? { kind: 'no-file', fields } : { kind: 'empty' });
      else resolve({ kind: 'file', file: got.file, filename, fields });
    };

    parser.on('field', (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on('file', (_field, stream, name) => {
      // Errors of a part (a body cut short) reach the copy through its iterator, or the parser's
      // own 'error'; this listener only keeps them from being reported twice as uncaught.
      stream.on('error', () => {});
      if (receiving || refused) {
        stream.resume();
        return;
      }
      if (!opts.authorized(fields)) {
        refused = { kind: 'forbidden' };
        stream.resume();
        return;
      }
      filename = name ?? '';
      fileStream = stream;
      receiving = opts.store.receive(stream, opts.maxFileBytes);
    });
    parser.on('finish', () => void settle(null));
    parser.on('error', () => void settle({ kind: 'bad-request' }));

    const limited = byteLimit(opts.maxBodyBytes);
    limited.on('error', (e) => {
      void settle(e instanceof BodyTooLarge ? { kind: 'too-large', limit: opts.maxFileBytes } : { kind: 'bad-request' });
      body.destroy();
    });
    body.on('error', () => void settle({ kind: 'bad-request' }));
    body.pipe(limited).pipe(parser);
  });
}

/** A web request body as a Node stream (tests and the Node server both give a web stream). */
export function nodeStream(body: ReadableStream<Uint8Array> | null): Readable {
  if (!body) return Readable.from([]);
  return Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
}
