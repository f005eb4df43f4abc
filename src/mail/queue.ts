// Putting a message in the queue. Nothing is sent here: the worker sends, so a request never waits
// on a mail server. Callers pass their transaction, so a message exists exactly when the change it
// announces was committed.
import type { DbOrTx } from '../db/actions.ts';
import { findMergeable, insertMail, updatePending } from '../db/mail-queue.ts';
import type { MailKind, PayloadOf } from './kinds.ts';
import { subjectOf } from './templates.tsx';

export interface QueuedMail<K extends MailKind> {
  kind: K;
  to: { email: string; userId: string | null };
  payload: PayloadOf[K];
  /** The token of the link an invitation or a reset carries; wiped once sent. */
  secret?: string | null;
  /** At most one message ever per key (reminders: one per person and week). */
  dedupeKey?: string;
  mergeKey?: string;
  notBefore?: Date;
}

/** Queues a message; null when its dedupe key says it was already queued. */
export function queueMail<K extends MailKind>(db: DbOrTx, mail: QueuedMail<K>, now: Date): string | null {
  return insertMail(
    db,
    {
      kind: mail.kind,
      recipient: mail.to.email,
      userId: mail.to.userId,
      subject: subjectOf({ kind: mail.kind, payload: mail.payload } as never),
      payload: mail.payload,
      secret: mail.secret ?? null,
      dedupeKey: mail.dedupeKey ?? null,
      mergeKey: mail.mergeKey ?? null,
      notBefore: mail.notBefore,
    },
    now,
  );
}

/**
 * Folds a message into one of the same merge key that has not left yet (`merge` combines the
 * payloads), or queues it. Several remarks written in a row reach a member as one message.
 */
export function queueOrMerge<K extends MailKind>(
  db: DbOrTx,
  mail: QueuedMail<K> & { mergeKey: string },
  merge: (waiting: PayloadOf[K], next: PayloadOf[K]) => PayloadOf[K],
  now: Date,
): string | null {
  const waiting = findMergeable(db, mail.mergeKey);
  if (waiting && waiting.kind === mail.kind) {
    const payload = merge(waiting.payload as PayloadOf[K], mail.payload);
    if (updatePending(db, waiting.id, subjectOf({ kind: mail.kind, payload } as never), payload)) return waiting.id;
  }
  return queueMail(db, mail, now);
}
