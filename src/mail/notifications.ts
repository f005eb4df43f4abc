// Notices of the review workflow: who is told what, queued with the change that caused it.
// - a diagnostic submitted → the consultants of its region;
// - changes requested, a remark, a validation → the structure's members;
// - a member's reply to a remark → the consultant who wrote the remark.
// The person who acted is never told of their own act, and nobody who turned the topic off.
import type { Db } from '../db/open.ts';
import type { DbOrTx } from '../db/actions.ts';
import { getOrganisation } from '../db/organisations.ts';
import { consultantsOf, membersOf, type Recipient } from '../db/mail-recipients.ts';
import { getPerson } from '../db/users.ts';
import { personName } from '../people.ts';
import { optedOut } from '../db/mail-preferences.ts';
import { findUser } from '../db/users.ts';
import { t } from '../i18n/index.ts';
import type { DiagnosticRef, NoticeTopic, RemarkItem } from './kinds.ts';
import { queueMail, queueOrMerge } from './queue.ts';

/** Remarks written within this delay of each other reach members as one message. */
export const REMARK_GROUPING_MS = 10 * 60_000;

export interface DiagnosticInfo {
  id: string;
  organisationId: string;
  createdAt: string;
}

function ref(db: Db, d: DiagnosticInfo): Omit<DiagnosticRef, 'recipientName'> | null {
  const org = getOrganisation(db, d.organisationId);
  if (!org) return null;
  return { diagnosticId: d.id, organisationName: org.name, region: org.region, diagnosticCreatedAt: d.createdAt };
}

function audience<R extends Recipient>(db: DbOrTx, people: R[], topic: NoticeTopic, actorId: string | null): R[] {
  const others = people.filter((p) => p.userId !== actorId);
  const off = optedOut(db, others.map((p) => p.userId), topic);
  // One message per person even if they appear twice (member of the structure twice over, etc.).
  const seen = new Set<string>();
  return others.filter((p) => !off.has(p.userId) && !seen.has(p.userId) && seen.add(p.userId));
}

const actorName = (db: Db, id: string | null) => personName(id ? getPerson(db, id) : null, 'federation') ?? t.common.theFederation;

/** Returns how many messages were queued. */
export function notifySubmitted(db: Db, d: DiagnosticInfo, actorId: string | null, now: Date): number {
  const base = ref(db, d);
  if (!base) return 0;
  const submitterName = personName(actorId ? getPerson(db, actorId) : null) ?? base.organisationName;
  let n = 0;
  for (const c of audience(db, consultantsOf(db, base.region), 'submitted', actorId)) {
    if (queueMail(db, { kind: 'submitted', to: { email: c.email, userId: c.userId }, payload: { ...base, recipientName: c.name, submitterName } }, now)) n++;
  }
  return n;
}

export function notifyChangesRequested(db: Db, d: DiagnosticInfo, actorId: string | null, message: string, now: Date): number {
  const base = ref(db, d);
  if (!base) return 0;
  const reviewerName = actorName(db, actorId);
  let n = 0;
  for (const m of audience(db, membersOf(db, [d.organisationId]), 'changes_requested', actorId)) {
    if (queueMail(db, { kind: 'changes_requested', to: { email: m.email, userId: m.userId }, payload: { ...base, recipientName: m.name, reviewerName, message } }, now)) n++;
  }
  return n;
}

export function notifyValidated(db: Db, d: DiagnosticInfo, actorId: string | null, now: Date): number {
  const base = ref(db, d);
  if (!base) return 0;
  const reviewerName = actorName(db, actorId);
  let n = 0;
  for (const m of audience(db, membersOf(db, [d.organisationId]), 'validated', actorId)) {
    if (queueMail(db, { kind: 'validated', to: { email: m.email, userId: m.userId }, payload: { ...base, recipientName: m.name, reviewerName } }, now)) n++;
  }
  return n;
}

/**
 * A remark: queued a little later than now, and folded into a message still waiting for the same
 * person and diagnostic, so that ten remarks written in a row make one message, not ten.
 */
export function notifyRemark(db: Db, d: DiagnosticInfo, actorId: string | null, remark: RemarkItem, now: Date): number {
  const base = ref(db, d);
  if (!base) return 0;
  const reviewerName = actorName(db, actorId);
  let n = 0;
  for (const m of audience(db, membersOf(db, [d.organisationId]), 'remark', actorId)) {
    const id = queueOrMerge(
      db,
      {
        kind: 'remark',
        to: { email: m.email, userId: m.userId },
        payload: { ...base, recipientName: m.name, reviewerName, remarks: [remark] },
        mergeKey: `remark:${d.id}:${m.userId}`,
        notBefore: new Date(now.getTime() + REMARK_GROUPING_MS),
      },
      (waiting, next) => ({ ...waiting, remarks: [...waiting.remarks, ...next.remarks] }),
      now,
    );
    if (id) n++;
  }
  return n;
}

/** A member answered a remark: its author hears of it (if still a consultant who wants to). */
export function notifyReply(db: Db, d: DiagnosticInfo, remarkAuthorId: string | null, actorId: string, reply: RemarkItem, now: Date): number {
  const base = ref(db, d);
  if (!base || !remarkAuthorId || remarkAuthorId === actorId) return 0;
  const author = findUser(db, remarkAuthorId);
  if (!author || !author.active || author.deleted || author.role === 'member') return 0;
  if (optedOut(db, [author.id], 'reply').size) return 0;
  const authorName = personName(actorId ? getPerson(db, actorId) : null) ?? base.organisationName;
  return queueMail(
    db,
    { kind: 'reply', to: { email: author.email, userId: author.id }, payload: { ...base, recipientName: author.name, authorName, where: reply.where, path: reply.path, body: reply.body } },
    now,
  )
    ? 1
    : 0;
}
