// The database schema. Ids are random text (never sequential), timestamps are ISO strings in
// UTC, JSON columns hold small lists that are always read whole.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { StructureType } from '../referential/schema.ts';
import { DIAGNOSTIC_STATUSES } from '../diagnostics/status.ts';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['member', 'consultant', 'admin'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  /** The name as lists sort and search it (src/sort-key.ts), kept with the name. */
  sortName: text('sort_name').notNull().default(''),
}, (t) => [uniqueIndex('users_email').on(t.email), index('users_sort').on(t.sortName, t.id)]);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  siret: text('siret').notNull(),
  types: text('types', { mode: 'json' }).$type<StructureType[]>().notNull(),
  region: text('region').notNull(),
  ftePermanent: real('fte_permanent').notNull().default(0),
  ftePathway: real('fte_pathway').notNull().default(0),
  ges: integer('ges', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  /** The name as lists sort and search it (src/sort-key.ts: « n° 2 » before « n° 11 »), kept with the name. */
  sortName: text('sort_name').notNull().default(''),
  /**
   * Its latest diagnostic, and its latest submitted or validated one: pointers kept by triggers on
   * diagnostics (drizzle/0010_derived_data_triggers.sql), so that lists join one row per
   * organisation instead of searching its diagnostics (src/db/diagnostics.ts, latestDiagnosticId).
   */
  latestDiagnosticId: text('latest_diagnostic_id').references((): AnySQLiteColumn => diagnostics.id, { onDelete: 'set null' }),
  settledDiagnosticId: text('settled_diagnostic_id').references((): AnySQLiteColumn => diagnostics.id, { onDelete: 'set null' }),
}, (t) => [index('organisations_region').on(t.region), index('organisations_name').on(t.name), index('organisations_sort').on(t.sortName, t.id)]);

export const memberships = sqliteTable('memberships', {
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('memberships_org').on(t.organisationId)]);

export const consultantRegions = sqliteTable('consultant_regions', {
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  region: text('region').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.region] })]);

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
  expiresAt: text('expires_at').notNull(),
}, (t) => [index('sessions_user').on(t.userId)]);

export const referentials = sqliteTable('referentials', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  document: text('document', { mode: 'json' }).notNull(),
  /** SHA-256 of the canonical JSON, to detect a changed built-in text. */
  checksum: text('checksum').notNull(),
  status: text('status', { enum: ['draft', 'published'] }).notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  publishedAt: text('published_at'),
});

export const services = sqliteTable('services', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  description: text('description').notNull(),
  /** How to get the service, in a sentence (« inscription en ligne… »). */
  contact: text('contact').notNull(),
  /** Who to ask, by name; and how to reach them. Empty when the catalogue has none. */
  contactName: text('contact_name').notNull().default(''),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  /** The service's web page or registration link (https). */
  url: text('url').notNull().default(''),
  /** Structure types the service is for; empty: every type. Never proposed to the others. */
  structureTypes: text('structure_types', { mode: 'json' }).$type<StructureType[]>().notNull().default([]),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const diagnostics = sqliteTable('diagnostics', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  referentialId: text('referential_id').notNull().references(() => referentials.id),
  status: text('status', { enum: DIAGNOSTIC_STATUSES }).notNull(),
  mode: text('mode', { enum: ['autodiagnostic', 'accompagne'] }).notNull(),
  participants: text('participants', { mode: 'json' }).$type<{ name: string; role: string }[]>().notNull(),
  previousId: text('previous_id'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: text('created_at').notNull(),
  submittedAt: text('submitted_at'),
  submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  validatedAt: text('validated_at'),
  validatedBy: text('validated_by').references(() => users.id, { onDelete: 'set null' }),
  reviewMessage: text('review_message'),
  /** Set while archived by an administrator: when, by whom, and the status to restore. */
  archivedAt: text('archived_at'),
  archivedBy: text('archived_by').references(() => users.id, { onDelete: 'set null' }),
  archivedFrom: text('archived_from', { enum: DIAGNOSTIC_STATUSES }),
  /** When the federation last asked for changes (the « À faire » list: unanswered after 30 days). */
  changesRequestedAt: text('changes_requested_at'),
  /**
   * Scores cached where the answers change (each answer saved, submission, a change of the
   * structure's types), so that lists and dashboards never score: provisional while editable.
   */
  overallScore: real('overall_score'),
  themeScores: text('theme_scores', { mode: 'json' }).$type<Record<string, number | null>>(),
}, (t) => [
  index('diagnostics_org_created').on(t.organisationId, t.createdAt),
  // By person (a user's data export, and SET NULL when an account is deleted).
  index('diagnostics_created_by').on(t.createdBy),
  index('diagnostics_submitted_by').on(t.submittedBy),
  index('diagnostics_validated_by').on(t.validatedBy),
  // Diagnostics awaiting review, oldest first, and change requests by age (the « À faire » lists).
  index('diagnostics_status_submitted').on(t.status, t.submittedAt),
  index('diagnostics_archived_by').on(t.archivedBy),
]);

export const answers = sqliteTable('answers', {
  diagnosticId: text('diagnostic_id').notNull().references(() => diagnostics.id, { onDelete: 'cascade' }),
  questionCode: text('question_code').notNull(),
  /** 0-4, or null when the answer is « non applicable ». */
  level: integer('level'),
  na: integer('na', { mode: 'boolean' }).notNull().default(false),
  comment: text('comment').notNull().default(''),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedByRole: text('updated_by_role'),
  updatedAt: text('updated_at').notNull(),
  revision: integer('revision').notNull().default(1),
  /** Date of the diagnostic this answer was copied from, until someone touches it. */
  prefilledFrom: text('prefilled_from'),
}, (t) => [
  primaryKey({ columns: [t.diagnosticId, t.questionCode] }),
  // By person (a user's data export, SET NULL on deletion); a save by the same person leaves it be.
  index('answers_updated_by').on(t.updatedBy),
]);

export const reviewComments = sqliteTable('review_comments', {
  id: text('id').primaryKey(),
  diagnosticId: text('diagnostic_id').notNull().references(() => diagnostics.id, { onDelete: 'cascade' }),
  targetKind: text('target_kind', { enum: ['diagnostic', 'theme', 'question'] }).notNull(),
  target: text('target').notNull().default(''),
  authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
  body: text('body').notNull(),
  createdAt: text('created_at').notNull(),
  /** A reply (by the structure's team or a reviewer) to the remark `parentId`; null for a remark. */
  parentId: text('parent_id').references((): AnySQLiteColumn => reviewComments.id, { onDelete: 'cascade' }),
  /** A remark marked as dealt with, by whom; null while open. */
  resolvedAt: text('resolved_at'),
  resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  /** Set when a member replies, cleared when a reviewer replies or closes it: the reviewer's turn. */
  memberRepliedAt: text('member_replied_at'),
}, (t) => [
  index('review_comments_diag').on(t.diagnosticId),
  index('review_comments_author').on(t.authorId),
  index('review_comments_parent').on(t.parentId),
  index('review_comments_resolved_by').on(t.resolvedBy),
  // Remarks a member answered, oldest first: few at a time, hence partial.
  index('review_comments_member_replied').on(t.memberRepliedAt).where(sql`member_replied_at IS NOT NULL`),
]);

export const actions = sqliteTable('actions', {
  id: text('id').primaryKey(),
  diagnosticId: text('diagnostic_id').notNull().references(() => diagnostics.id, { onDelete: 'cascade' }),
  questionCode: text('question_code'),
  origin: text('origin', { enum: ['proposed', 'custom', 'carried'] }).notNull(),
  carriedFromId: text('carried_from_id'),
  themeSlug: text('theme_slug').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  services: text('services', { mode: 'json' }).$type<string[]>().notNull(),
  priority: text('priority').notNull(),
  rank: integer('rank').notNull().default(0),
  quickWin: integer('quick_win', { mode: 'boolean' }).notNull().default(false),
  owner: text('owner').notNull().default(''),
  dueDate: text('due_date'),
  status: text('status', { enum: ['todo', 'in_progress', 'done'] }).notNull().default('todo'),
  notes: text('notes').notNull().default(''),
  droppedReason: text('dropped_reason'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  /** Grows with each edit, drop or restore: an edit built on an older one is a conflict (like answers). */
  revision: integer('revision').notNull().default(1),
}, (t) => [index('actions_diag').on(t.diagnosticId), index('actions_updated_by').on(t.updatedBy)]);

export const auditEvents = sqliteTable('audit_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  organisationId: text('organisation_id'),
  diagnosticId: text('diagnostic_id'),
  before: text('before', { mode: 'json' }),
  after: text('after', { mode: 'json' }),
}, (t) => [
  index('audit_diag').on(t.diagnosticId, t.at),
  index('audit_user').on(t.userId),
  index('audit_at').on(t.at),
  // A diagnostic's history (diagnosticHistory: « diagnostic_id = ? OR entity = 'diagnostic' AND
  // entity_id = ? »). Partial: the few status events only, so that the autosave's audit insert
  // does not pay for one more index (a full one cost it a third of its time in bench/run.ts).
  index('audit_diagnostic_entity').on(t.entityId).where(sql`entity = 'diagnostic'`),
  // The journal filtered by kind of record, newest first (entities are few: inserts append).
  index('audit_entity_at').on(t.entity, t.at),
]);

// ---- E-mail ----------------------------------------------------------------------------------

/**
 * Outgoing messages: the queue the worker sends from, and the log of what was sent. A message is
 * rendered when it is sent, from its kind and payload (so nothing secret sits in the payload); the
 * link token of an invitation or a password reset waits in `secret` and is wiped once sent.
 */
export const mailQueue = sqliteTable('mail_queue', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  recipient: text('recipient').notNull(),
  userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
  subject: text('subject').notNull(),
  payload: text('payload', { mode: 'json' }).notNull(),
  secret: text('secret'),
  /** Unique: the sent-log that makes reminders idempotent (one per person and week). */
  dedupeKey: text('dedupe_key'),
  /** Messages still waiting with the same key are merged (remarks written in a row). */
  mergeKey: text('merge_key'),
  status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: text('next_attempt_at').notNull(),
  lastError: text('last_error'),
  createdAt: text('created_at').notNull(),
  sentAt: text('sent_at'),
}, (t) => [
  uniqueIndex('mail_queue_dedupe').on(t.dedupeKey),
  index('mail_queue_due').on(t.status, t.nextAttemptAt),
  index('mail_queue_merge').on(t.mergeKey).where(sql`status = 'pending'`),
  index('mail_queue_created').on(t.createdAt),
  index('mail_queue_user').on(t.userId),
]);

/**
 * The structure's lead (« référent·e »), who may invite colleagues to it. Apart from the
 * membership, so that editing someone's structures keeps the mark; it counts only while the
 * person is still a member (see leadOf).
 */
export const organisationLeads = sqliteTable('organisation_leads', {
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('organisation_leads_org').on(t.organisationId)]);

/** Kinds of notice a person turned off (« Mon compte »); no row means on. */
export const mailOptOuts = sqliteTable('mail_opt_outs', {
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.kind] })]);

/** Random keys made once per installation (the signature of unsubscribe links). */
export const appKeys = sqliteTable('app_keys', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Periodic jobs that ran, one row per job and period: a restart does not run a week twice. */
export const jobRuns = sqliteTable('job_runs', {
  job: text('job').notNull(),
  period: text('period').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  queued: integer('queued').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.job, t.period] })]);

/** An invitation to create an account: the link carries a token, the table only its SHA-256. */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ['member', 'consultant', 'admin'] }).notNull(),
  organisationIds: text('organisation_ids', { mode: 'json' }).$type<string[]>().notNull(),
  regions: text('regions', { mode: 'json' }).$type<string[]>().notNull(),
  lead: integer('lead', { mode: 'boolean' }).notNull().default(false),
  invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  sentCount: integer('sent_count').notNull().default(1),
  acceptedAt: text('accepted_at'),
  acceptedUserId: text('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
  revokedAt: text('revoked_at'),
}, (t) => [
  uniqueIndex('invitations_token').on(t.tokenHash),
  index('invitations_email').on(t.email),
  index('invitations_invited_by').on(t.invitedBy),
  index('invitations_accepted_user').on(t.acceptedUserId),
]);

/** A password reset link: single use, short-lived, stored as the SHA-256 of its token. */
export const passwordResets = sqliteTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
}, (t) => [index('password_resets_user').on(t.userId)]);

/**
 * Evidence files (« justificatifs ») attached to the answer to one question of a diagnostic. The
 * bytes live in CAP_DATA_DIR/files/<hash> (src/evidence/store.ts); a file attached twice, or
 * carried over to the next diagnostic, is one file on disk and several rows here.
 */
export const evidenceFiles = sqliteTable('evidence_files', {
  id: text('id').primaryKey(),
  diagnosticId: text('diagnostic_id').notNull().references(() => diagnostics.id, { onDelete: 'cascade' }),
  questionCode: text('question_code').notNull(),
  /** SHA-256 of the content, lower-case hex: the file's name on disk. */
  hash: text('hash').notNull(),
  size: integer('size').notNull(),
  /** The MIME type proven by the content (never the one the browser declared). */
  mime: text('mime').notNull(),
  /** The cleaned display name (src/evidence/filename.ts); never used as a path. */
  name: text('name').notNull(),
  uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: text('uploaded_at').notNull(),
  /** The row of the previous diagnostic this one was copied from, when a diagnostic started from it. */
  carriedFromId: text('carried_from_id'),
}, (t) => [
  index('evidence_files_answer').on(t.diagnosticId, t.questionCode),
  index('evidence_files_hash').on(t.hash),
  index('evidence_files_uploaded_by').on(t.uploadedBy),
]);

// ---- Derived data for lists at the national scale ----------------------------------------------

/**
 * A plan's figures, kept by triggers on every write to its actions
 * (drizzle/0010_derived_data_triggers.sql, view plan_stats_source), so that the federation's lists filter and sort on plan progress and
 * overdue actions without reading actions. Dropped actions count nowhere.
 */
export const planStats = sqliteTable('plan_stats', {
  diagnosticId: text('diagnostic_id').primaryKey().references(() => diagnostics.id, { onDelete: 'cascade' }),
  total: integer('total').notNull(),
  done: integer('done').notNull(),
  /** Earliest due date (AAAA-MM-JJ) of an open action: overdue once it is before today. */
  firstOpenDue: text('first_open_due'),
  /** Due dates of the open actions, sorted: how many are overdue on a given day. */
  openDues: text('open_dues', { mode: 'json' }).$type<string[]>().notNull(),
  /** Service code → number of open actions that call for it. */
  openServices: text('open_services', { mode: 'json' }).$type<Record<string, number>>().notNull(),
});

/**
 * The region's services followed by progress (/federation/progres), one row per organisation whose
 * latest submitted or validated diagnostic (organisations.settled_diagnostic_id) has a predecessor:
 * service code → [completed actions calling on it whose question could be compared, of which
 * followed by a higher level] (rules: src/scoring/actions-progress.ts). Written where plans and
 * statuses change (src/db/service-follow-up.ts); the page adds the rows of its selection up.
 */
export const serviceFollowUp = sqliteTable('service_follow_up', {
  organisationId: text('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  diagnosticId: text('diagnostic_id').notNull().references(() => diagnostics.id, { onDelete: 'cascade' }),
  services: text('services', { mode: 'json' }).$type<Record<string, [number, number]>>().notNull(),
}, (t) => [index('service_follow_up_diagnostic').on(t.diagnosticId)]);

/**
 * Peer statistics: per region and combination of structure types (the `types` column as stored),
 * sums over the latest submitted or validated diagnostic of every active organisation, refreshed
 * when a diagnostic is submitted, sent back or validated and when an organisation changes
 * (src/db/peer-statistics.ts). The results page's comparison and the federation's picture add up a
 * few of these rows instead of reading every organisation's diagnostics and answers.
 */
export const peerStatistics = sqliteTable('peer_statistics', {
  region: text('region').notNull(),
  types: text('types').notNull(),
  organisations: integer('organisations').notNull(),
  overallSum: real('overall_sum').notNull(),
  overallCount: integer('overall_count').notNull(),
  /** Theme slug → [sum of scores, number of scores]. */
  themes: text('themes', { mode: 'json' }).$type<Record<string, [number, number]>>().notNull(),
  /** Band id → organisations whose overall score falls in it. */
  bands: text('bands', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  /** Question code → [sum of levels 0-4, number of levels] (N/A and unanswered left out). */
  questions: text('questions', { mode: 'json' }).$type<Record<string, [number, number]>>().notNull(),
}, (t) => [primaryKey({ columns: [t.region, t.types] })]);
