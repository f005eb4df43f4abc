// The database schema. Ids are random text (never sequential), timestamps are ISO strings in
// UTC, JSON columns hold small lists that are always read whole.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
}, (t) => [uniqueIndex('users_email').on(t.email)]);

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
}, (t) => [index('organisations_region').on(t.region), index('organisations_name').on(t.name)]);

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
  /** Overall score cached when submitted, so lists and dashboards need not re-score. */
  overallScore: real('overall_score'),
  themeScores: text('theme_scores', { mode: 'json' }).$type<Record<string, number | null>>(),
}, (t) => [
  index('diagnostics_org_created').on(t.organisationId, t.createdAt),
  // By person (a user's data export, and SET NULL when an account is deleted).
  index('diagnostics_created_by').on(t.createdBy),
  index('diagnostics_submitted_by').on(t.submittedBy),
  index('diagnostics_validated_by').on(t.validatedBy),
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
}, (t) => [index('review_comments_diag').on(t.diagnosticId), index('review_comments_author').on(t.authorId)]);

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
