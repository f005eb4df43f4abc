// The life of a diagnostic, in one place: draft → submitted → (changes_requested → submitted)* →
// validated, and archived by an administrator at any point once it is old. Pure: the
// questionnaire, the review, the plan, the federation dashboard and the comparisons all ask here
// whether a diagnostic may still change, counts as settled, may be deleted or archived.

export const DIAGNOSTIC_STATUSES = ['draft', 'submitted', 'changes_requested', 'validated', 'archived'] as const;
export type DiagnosticStatus = (typeof DIAGNOSTIC_STATUSES)[number];

/** Every status but « archived »: what lists, filters and « the latest diagnostic » consider. */
export const LIVE_STATUSES = ['draft', 'submitted', 'changes_requested', 'validated'] as const satisfies readonly DiagnosticStatus[];

/** Submitted or validated: answered in full, read-only, its scores cached; what comparisons count. */
export const SETTLED_STATUSES = ['submitted', 'validated'] as const satisfies readonly DiagnosticStatus[];

/**
 * The statuses in which the team may change answers (and start again after a review). A structure
 * has at most one diagnostic in one of them: its open diagnostic.
 */
export const EDITABLE_STATUSES = ['draft', 'changes_requested'] as const satisfies readonly DiagnosticStatus[];

/** Members may edit answers only while the diagnostic is open. */
export function isEditable(status: DiagnosticStatus): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** Submitted or validated: its answers no longer move. */
export function isSettled(status: DiagnosticStatus): boolean {
  return (SETTLED_STATUSES as readonly string[]).includes(status);
}

/**
 * Only a draft never submitted may be deleted (with its answers, remarks and plan): once submitted,
 * the federation has seen it, and it stays in the history (an administrator may archive it).
 */
export function isDeletable(status: DiagnosticStatus): boolean {
  return status === 'draft';
}

/** Any diagnostic not archived yet may be archived; archiving keeps the status it had, to restore it. */
export function isArchivable(status: DiagnosticStatus): boolean {
  return status !== 'archived';
}

/** The review's two decisions, and submitting: each allowed from these statuses only. */
export const TRANSITIONS = {
  submit: { from: EDITABLE_STATUSES, to: 'submitted' },
  requestChanges: { from: ['submitted'], to: 'changes_requested' },
  validate: { from: ['submitted'], to: 'validated' },
} as const satisfies Record<string, { from: readonly DiagnosticStatus[]; to: DiagnosticStatus }>;

export type Transition = keyof typeof TRANSITIONS;

/** Whether `transition` may happen from `status` (the database re-checks it in its update). */
export function canTransition(status: DiagnosticStatus, transition: Transition): boolean {
  return (TRANSITIONS[transition].from as readonly string[]).includes(status);
}

/** How a diagnostic is led: by the team alone, or with a consultant of the federation. */
export const DIAGNOSTIC_MODES = ['autodiagnostic', 'accompagne'] as const;
export type DiagnosticMode = (typeof DIAGNOSTIC_MODES)[number];

/** Participant functions; French labels in t.questionnaire.participantRoles. */
export const PARTICIPANT_ROLES = ['direction', 'permanent', 'parcours', 'administrateur', 'autre'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
