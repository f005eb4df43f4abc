// What CAP sends by e-mail: each kind of message and the data its template needs. Pure types and
// tables, shared by the queue, the templates and the preferences page.
import type { Role } from '../auth/permissions.ts';

/** Notices a person may turn off on « Mon compte » (default: on). */
export const NOTICE_TOPICS = ['submitted', 'changes_requested', 'remark', 'validated', 'reply', 'reminders'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

export const MAIL_KINDS = [
  'invitation',
  'password_reset',
  'submitted',
  'changes_requested',
  'remark',
  'validated',
  'reply',
  'reminder_member',
  'reminder_consultant',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** The preference a kind of message answers to; null for messages nobody can turn off. */
export function topicOf(kind: MailKind): NoticeTopic | null {
  switch (kind) {
    case 'invitation':
    case 'password_reset':
      return null;
    case 'reminder_member':
    case 'reminder_consultant':
      return 'reminders';
    default:
      return kind;
  }
}

/** Which roles a topic concerns, so « Mon compte » offers only what can reach the person. */
export const TOPIC_ROLES: Record<NoticeTopic, readonly Role[]> = {
  submitted: ['consultant'],
  changes_requested: ['member'],
  remark: ['member'],
  validated: ['member'],
  reply: ['consultant'],
  reminders: ['member', 'consultant'],
};

/** Every payload carries the name the message greets. */
export interface Greeted {
  recipientName: string;
}

/** A diagnostic as messages name it: its structure and the day it was started. */
export interface DiagnosticRef extends Greeted {
  diagnosticId: string;
  organisationName: string;
  region: string;
  /** ISO instant the diagnostic was started (« diagnostic du 2 mars 2026 »). */
  diagnosticCreatedAt: string;
}

export interface InvitationPayload extends Greeted {
  role: Role;
  inviterName: string;
  organisationNames: string[];
  regions: string[];
  /** ISO instant the link stops working. */
  expiresAt: string;
}

export interface PasswordResetPayload extends Greeted {
  expiresAt: string;
}

export interface SubmittedPayload extends DiagnosticRef {
  submitterName: string;
}

export interface ChangesRequestedPayload extends DiagnosticRef {
  reviewerName: string;
  message: string;
}

export interface RemarkItem {
  /** Where the remark sits: the diagnostic, a theme or a question, as the page names it. */
  where: string;
  /** Path of the page that shows it, from the site's root. */
  path: string;
  body: string;
}

export interface RemarkPayload extends DiagnosticRef {
  reviewerName: string;
  remarks: RemarkItem[];
}

export interface ValidatedPayload extends DiagnosticRef {
  reviewerName: string;
}

export interface ReplyPayload extends DiagnosticRef {
  authorName: string;
  where: string;
  path: string;
  body: string;
}

export interface ReminderAction {
  title: string;
  owner: string;
  /** AAAA-MM-JJ */
  dueDate: string;
  overdue: boolean;
}

export interface MemberReminderPayload extends DiagnosticRef {
  /** The Monday of the week, AAAA-MM-JJ (Paris). */
  week: string;
  actions: ReminderAction[];
}

export interface FollowUpItem {
  organisationId: string;
  organisationName: string;
  region: string;
  diagnosticId: string | null;
  /** The date the line is about: submission, request for changes, or the last diagnostic (ISO). */
  since: string | null;
}

export interface ConsultantReminderPayload extends Greeted {
  week: string;
  regions: string[];
  awaitingReview: FollowUpItem[];
  changesRequested: FollowUpItem[];
  noRecentDiagnostic: FollowUpItem[];
}

export interface PayloadOf {
  invitation: InvitationPayload;
  password_reset: PasswordResetPayload;
  submitted: SubmittedPayload;
  changes_requested: ChangesRequestedPayload;
  remark: RemarkPayload;
  validated: ValidatedPayload;
  reply: ReplyPayload;
  reminder_member: MemberReminderPayload;
  reminder_consultant: ConsultantReminderPayload;
}

/** A message to render: its kind and payload, and for a link that opens an account, its token. */
export type MailContent = { [K in MailKind]: { kind: K; payload: PayloadOf[K]; secret?: string | null } }[MailKind];
