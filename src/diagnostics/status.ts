// The life of a diagnostic, in one place: draft → submitted → (changes_requested → submitted)* →
// validated. Pure: the questionnaire, the review, the plan, the federation dashboard and the
// comparisons all ask here whether a diagnostic may still change or counts as settled.

export const DIAGNOSTIC_STATUSES = ['draft', 'submitted', 'changes_requested', 'validated'] as const;
export type DiagnosticStatus = (typeof DIAGNOSTIC_STATUSES)[number];

/** Submitted or validated: answered in full, read-only, its scores cached; what comparisons count. */
export const SETTLED_STATUSES = ['submitted', 'validated'] as const satisfies readonly DiagnosticStatus[];

/** The statuses in which the team may change answers (and start again after a review). */
export const EDITABLE_STATUSES = ['draft', 'changes_requested'] as const satisfies readonly DiagnosticStatus[];

/** Members may edit answers only while the diagnostic is open. */
export function isEditable(status: DiagnosticStatus): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** Submitted or validated: its answers no longer move. */
export function isSettled(status: DiagnosticStatus): boolean {
  return (SETTLED_STATUSES as readonly string[]).includes(status);
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
