// The plan report: everything the plan's PDF prints, gathered and labelled (French labels, people's
// names, the referential's texts) into plain data; src/plan/pdf.ts lays it out. This is the
// presentation model of the PDF, beside its consumer: the database only returns rows.
import type { Db } from '../db/open.ts';
import { answerLevel, loadAnswers, type DiagnosticContext } from '../db/diagnostics.ts';
import { benchmarkFor, comparisonWithPrevious } from '../db/peers.ts';
import { isEditable } from '../diagnostics/status.ts';
import type { Comparison } from '../scoring/compare.ts';
import { listActions, type ActionRow } from '../db/actions.ts';
import { listComments } from '../db/reviews.ts';
import { getPerson } from '../db/users.ts';
import { getServicesByCode } from '../referential/store.ts';
import { servicesFor } from './services.ts';
import { indexOf } from '../referential/lookup.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import type { Level } from '../scoring/levels.ts';
import { frenchDate, parisDay } from '../dates.ts';
import { listEvidence } from '../db/evidence.ts';
import { fileSize } from '../i18n/fr/evidence.ts';
import { authorOf, personName, uploaderOf } from '../people.ts';
import { t } from '../i18n/index.ts';

export interface PlanReportAction {
  id: string;
  title: string;
  description: string;
  /** The description was written by the structure (not the referential's recommendation). */
  ownDescription: boolean;
  themeSlug: string;
  priority: string;
  /** The plan's own order (proposed actions by urgency, the structure's own after them). */
  rank: number;
  quickWin: boolean;
  origin: 'proposed' | 'custom' | 'carried';
  questionCode: string | null;
  owner: string;
  /** `AAAA-MM-JJ` or null. */
  dueDate: string | null;
  status: 'todo' | 'in_progress' | 'done';
  notes: string;
  /** Service codes. */
  services: string[];
  droppedReason: string | null;
}

export interface PlanReportService {
  code: string;
  name: string;
  kind: string;
  description: string;
  contact: string;
  contactName: string;
  email: string;
  phone: string;
  url: string;
  active: boolean;
}

export interface PlanReportAnswer {
  code: string;
  level: Level | null;
  /** The question's own descriptor of the chosen level. */
  levelText: string | null;
  comment: string;
}

/** Everything the PDF prints, as plain data. */
export interface PlanReport {
  organisation: { name: string; types: string[]; region: string };
  /** When the PDF is made: printed on every page. */
  date: Date;
  /** That day in Paris, `AAAA-MM-JJ`: actions due before it and not done are overdue. */
  today: string;
  referentialLabel: string;
  status: string;
  mode: string;
  startedAt: Date;
  submittedAt: Date | null;
  validated: { by: string; at: Date } | null;
  participants: { name: string; role: string }[];
  scores: DiagnosticScores;
  actions: PlanReportAction[];
  /** Services referenced by the actions, deactivated ones included (old plans keep them). */
  services: PlanReportService[];
  answers: PlanReportAnswer[];
  /** Questions of the referential that do not apply to the structure's types. */
  notApplicable: number;
  /** Evidence files by question code, each as « name (size) — who, date », for the annex. */
  evidence?: ReadonlyMap<string, readonly string[]>;
  /** The comparison with the previous diagnostic, as the results page shows it; null without one. */
  /** `previousLabel`: the previous diagnostic's referential version, when it was another one. */
  comparison: { previousDate: Date; previousLabel: string | null; result: Comparison } | null;
  /** Peers' averages shown on the results page (the region's first), labelled; empty when hidden. */
  benchmark: { label: string; peers: number; overall: number | null; themes: Partial<Record<string, number | null>> }[];
  /** Set while the diagnostic is open: answers carried over and not yet confirmed. */
  provisional: { toConfirm: number } | null;
  /** The federation's review remarks; `target` is already a label (« Ensemble du diagnostic », a theme, a question code). */
  reviews: { target: string; author: string; at: Date; body: string }[];
}

function evidenceLines(db: Db, diagnosticId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of listEvidence(db, diagnosticId)) {
    const who = personName(uploaderOf(e)) ?? t.common.deletedUser;
    out.set(e.questionCode, [...(out.get(e.questionCode) ?? []), t.evidence.pdfLine(e.name, fileSize(e.size), who, frenchDate(new Date(e.uploadedAt)))]);
  }
  return out;
}

export function buildPlanReport(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores, now: Date, actionRows?: ActionRow[]): PlanReport {
  const { diagnostic: d, organisation: o, referential: ref } = ctx;
  const index = indexOf(ref);
  const rows = actionRows ?? listActions(db, d.id);
  // A service reserved to other structure types is never shown to this one.
  const services = servicesFor(getServicesByCode(db, rows.flatMap((a) => a.services)), o.types);
  const validated = d.status === 'validated' && d.validatedAt ? { by: personName(d.validatedBy ? getPerson(db, d.validatedBy) : null, 'federation') ?? t.common.theFederation, at: new Date(d.validatedAt) } : null;
  const comparison = comparisonWithPrevious(db, d, scores);
  const bench = benchmarkFor(db, ctx);
  const answerRows = loadAnswers(db, d.id);
  return {
    comparison: comparison ? { previousDate: new Date(comparison.previous.createdAt), previousLabel: comparison.previousLabel, result: comparison.result } : null,
    benchmark: [bench.regional, bench.national]
      .filter((g) => g.shown)
      .map((g) => ({ label: g.scope === 'national' ? t.results.benchmarkNational : t.results.benchmarkRegional(g.region ?? ''), peers: g.peers, overall: g.overall, themes: g.themes })),
    provisional: isEditable(d.status) ? { toConfirm: answerRows.filter((a) => a.prefilledFrom !== null).length } : null,
    organisation: { name: o.name, types: o.types.map((ty) => t.common.structureTypes[ty] ?? ty), region: o.region },
    date: now,
    today: parisDay(now),
    referentialLabel: ref.label,
    status: t.common.diagnosticStatus[d.status],
    mode: t.plan.pdf.modes[d.mode] ?? d.mode,
    startedAt: new Date(d.createdAt),
    submittedAt: d.submittedAt ? new Date(d.submittedAt) : null,
    validated,
    participants: d.participants,
    scores,
    actions: rows.map((a) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      // A proposed action's description is the referential's recommendation until a member edits it.
      ownDescription: a.origin !== 'proposed' || (a.description !== '' && a.description !== (a.questionCode ? index.questions.get(a.questionCode)?.question.recommendation.text : undefined)),
      themeSlug: a.themeSlug,
      priority: a.priority,
      rank: a.rank,
      quickWin: a.quickWin,
      origin: a.origin,
      questionCode: a.questionCode,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      notes: a.notes,
      services: a.services.filter((code) => services.has(code)),
      droppedReason: a.droppedReason,
    })),
    services: [...services.values()].map((s) => ({ code: s.code, name: s.name, kind: s.kind, description: s.description, contact: s.contact, contactName: s.contactName, email: s.email, phone: s.phone, url: s.url, active: s.active })),
    answers: answerRows.map((a) => {
      const level = answerLevel(a);
      return { code: a.questionCode, level, levelText: typeof level === 'number' ? (index.questions.get(a.questionCode)?.question.levels[level] ?? null) : null, comment: a.comment };
    }),
    notApplicable: Math.max(0, index.entries.length - scores.questions.length),
    evidence: evidenceLines(db, d.id),
    // The federation's remarks; the conversation that follows them stays on the pages and in the CSV.
    reviews: listComments(db, d.id).filter((c) => c.parentId === null).map((c) => ({
      target: c.targetKind === 'diagnostic' ? t.plan.pdf.reviewWhole : c.targetKind === 'theme' ? (index.themes.get(c.target)?.title ?? c.target) : c.target,
      author: personName(authorOf(c), 'federation') ?? t.common.theFederation,
      at: new Date(c.createdAt),
      body: c.body,
    })),
  };
}
