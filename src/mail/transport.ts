// Where messages go: an SMTP server (CAP_SMTP_URL), or, by default, one RFC 5322 file per message
// in CAP_DATA_DIR/outbox/ so that a fresh install works and a person can open what would have
// been sent. Both build the message with nodemailer, so the file is exactly what SMTP would carry.
import nodemailer from 'nodemailer';
import { accessSync, constants, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutgoingMessage {
  /** The queue id: the outbox file and the Message-ID are named after it. */
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  /** When the message was queued: the outbox file name starts with it. */
  queuedAt: Date;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  /** Resolves once the server accepted the message (or the file is written); throws otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

/** A refusal that will not change by trying again (the server rejected the recipient or message). */
export function isPermanent(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number };
  return (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && typeof e.responseCode === 'number' && e.responseCode >= 500;
}

function fields(from: string, msg: OutgoingMessage) {
  return {
    from,
    to: msg.to,
    subject: msg.subject,
    text: msg.text,
    html: msg.html,
    messageId: msg.messageId,
    headers: msg.headers,
    textEncoding: 'quoted-printable' as const,
  };
}

// Timeouts keep a silent server from holding the worker (and a shutdown) for minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpTransport(url: string, from: string): MailTransport {
  // One pooled connection: a Monday's reminders go out over one session, not hundreds.
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 1, ...TIMEOUTS });
  return {
    kind: 'smtp',
    async send(msg) {
      await transporter.sendMail(fields(from, msg));
    },
    async close() {
      transporter.close();
    },
  };
}

/** `20260302T080000Z`: ISO 8601 (basic format), sorts by time, no « : » in file names. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function outboxFileName(msg: Pick<OutgoingMessage, 'id' | 'kind' | 'queuedAt'>): string {
  return `${fileStamp(msg.queuedAt)}-${msg.kind}-${msg.id}.eml`;
}

/** Throws at once (at start) if the folder cannot be made or written. */
export function outboxTransport(dir: string, from: string): MailTransport {
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
  // RFC 5322 wants CRLF line ends; mail readers open such .eml files as they are.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'outbox',
    async send(msg) {
      const info = await composer.sendMail(fields(from, msg));
      const file = join(dir, outboxFileName(msg));
      // Written aside, then renamed: a file in the outbox is always whole, and writing the same
      // message again (after a crash between the write and the queue update) replaces it.
      const part = join(dir, `.${msg.id}.part`);
      writeFileSync(part, info.message as Buffer);
      renameSync(part, file);
    },
    async close() {},
  };
}
