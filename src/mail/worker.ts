// The worker that sends queued messages, inside the server process. One message at a time:
// claim it (pending → sending), render it, hand it to the transport, record the outcome. A failure
// is retried with a growing delay; a refusal that will not change, or too many failures, leaves
// the message « failed » for the support page to resend. `stop()` waits for the message in flight,
// so a clean shutdown leaves nothing half-sent.
import type { Db } from '../db/open.ts';
import { claimNext, markCancelled, markFailed, markRetry, markSent, recoverInterrupted, type MailRow } from '../db/mail-queue.ts';
import { findUser } from '../db/users.ts';
import { appKey } from '../db/app-keys.ts';
import { topicOf, type MailContent, type MailKind } from './kinds.ts';
import { renderMail } from './templates.tsx';
import { isPermanent, type MailTransport } from './transport.ts';
import { UNSUBSCRIBE_KEY, unsubscribeToken } from './unsubscribe.ts';

export const RETRY = {
  /** First retry after a minute, then 2, 4, 8… capped at an hour… */
  baseMs: 60_000,
  maxDelayMs: 60 * 60_000,
  /** …and given up after this many attempts (about six hours of trying). */
  maxAttempts: 10,
};

/** Delay before the next try, after `attempts` failed ones. */
export function retryDelay(attempts: number): number {
  return Math.min(RETRY.baseMs * 2 ** Math.max(0, attempts - 1), RETRY.maxDelayMs);
}

export interface WorkerOptions {
  db: Db;
  transport: MailTransport;
  clock: () => Date;
  /** CAP_PUBLIC_URL, for the links in messages. */
  publicUrl: string;
  /** How often the queue is looked at when nothing wakes the worker (retries fall due). */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface BatchResult {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

function describe(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const parts = [e.code, e.responseCode, e.message ?? String(err)].filter((x) => x !== undefined && x !== '');
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, 500);
}

export class MailWorker {
  private readonly pollMs: number;
  private readonly log: (line: string) => void;
  private readonly host: string;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private started = false;
  private stopped = false;

  constructor(private readonly opts: WorkerOptions) {
    this.pollMs = opts.pollMs ?? 5_000;
    this.log = opts.log ?? ((line) => console.warn(line));
    this.host = new URL(opts.publicUrl).hostname || 'cap.local';
  }

  get transportKind(): MailTransport['kind'] {
    return this.opts.transport.kind;
  }

  /** Starts sending in the background; messages interrupted by a crash go back to the queue. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const recovered = recoverInterrupted(this.opts.db);
    if (recovered) this.log(`[cap] ${recovered} courriel(s) interrompu(s) par un arrêt brutal remis en file.`);
    this.schedule(0);
  }

  /** Something was queued: look now rather than at the next poll. */
  wake(): void {
    if (this.started && !this.stopped) this.schedule(0);
  }

  /** Sends every message due now, then resolves (tests, the demo). */
  drain(): Promise<BatchResult> {
    const run = this.chain.then(() => this.batch());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Stops taking messages, waits for the one in flight, closes the connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
    await this.opts.transport.close();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain()
        .catch((e) => this.log(`[cap] file des courriels : ${describe(e)}`))
        .finally(() => {
          if (!this.stopped && !this.timer) this.schedule(this.pollMs);
        });
    }, ms);
    // The server's socket keeps the process alive; the worker alone never does.
    this.timer.unref();
  }

  private async batch(): Promise<BatchResult> {
    const result: BatchResult = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
    while (!this.stopped) {
      const row = claimNext(this.opts.db, this.opts.clock());
      if (!row) break;
      result[await this.deliver(row)]++;
    }
    return result;
  }

  private async deliver(row: MailRow): Promise<keyof BatchResult> {
    const { db, clock } = this.opts;
    const kind = row.kind as MailKind;
    const topic = topicOf(kind);
    // A notice for an account closed since it was queued is dropped, not sent.
    if (topic && row.userId) {
      const user = findUser(db, row.userId);
      if (!user || !user.active || user.deleted) {
        markCancelled(db, row.id, 'compte désactivé ou supprimé');
        return 'cancelled';
      }
    }
    const base = this.opts.publicUrl;
    const unsubscribe = topic && row.userId ? `${base}/unsubscribe/${unsubscribeToken(appKey(db, UNSUBSCRIBE_KEY, clock()), row.userId, topic)}` : null;
    const content = { kind, payload: row.payload, secret: row.secret } as MailContent;
    const rendered = renderMail(content, { base, unsubscribe });
    const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
    if (unsubscribe) {
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      await this.opts.transport.send({
        id: row.id,
        kind,
        to: row.recipient,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers,
        messageId: `<${row.id}@${this.host}>`,
        queuedAt: new Date(row.createdAt),
      });
      markSent(db, row.id, clock());
      return 'sent';
    } catch (err) {
      const error = describe(err);
      if (isPermanent(err) || row.attempts >= RETRY.maxAttempts) {
        markFailed(db, row.id, error);
        this.log(`[cap] courriel ${row.id} (${kind}) abandonné après ${row.attempts} essai(s) : ${error}`);
        return 'failed';
      }
      markRetry(db, row.id, error, new Date(clock().getTime() + retryDelay(row.attempts)));
      this.log(`[cap] courriel ${row.id} (${kind}) non envoyé, nouvel essai plus tard : ${error}`);
      return 'retried';
    }
  }
}
