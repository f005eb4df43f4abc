// The gap analysis of one diagnostic as plain data, shared by the page, the spreadsheet and the
// PDF annex: who, when, against which referential, and the two readings (ISO 9001 clauses, ISO
// 26000 core subjects).
import type { ClauseGap, GapInput, GapRequirement, GapSummary } from '../scoring/gap-analysis.ts';
import { iso26000GapAnalysis, iso9001GapAnalysis } from '../scoring/gap-analysis.ts';
import type { Iso26000Subject } from '../referential/schema.ts';
import type { Db } from '../db/open.ts';
import { scoreDiagnosticById, type DiagnosticContext } from '../db/diagnostics.ts';
import { gapInputFor } from '../db/certification.ts';
import { t } from '../i18n/index.ts';

export interface GapReport {
  organisation: { name: string; types: readonly string[]; region: string };
  /** When the report is made. */
  date: Date;
  /** When the diagnostic was started, and its status label. */
  diagnostic: { startedAt: Date; status: string };
  referentialLabel: string;
  iso9001: GapSummary<ClauseGap>;
  iso26000: GapSummary<GapRequirement & { subject: Iso26000Subject }>;
}

export function gapReport(meta: Omit<GapReport, 'iso9001' | 'iso26000'>, input: GapInput): GapReport {
  return { ...meta, iso9001: iso9001GapAnalysis(input), iso26000: iso26000GapAnalysis(input) };
}

/** The gap analysis of a diagnostic as the page, the spreadsheet and the PDF annex print it. */
export function buildGapReport(db: Db, ctx: DiagnosticContext, now: Date): GapReport {
  const scores = scoreDiagnosticById(db, ctx);
  const { diagnostic: d, organisation: o } = ctx;
  return gapReport(
    {
      organisation: { name: o.name, types: o.types.map((ty) => t.common.structureTypes[ty] ?? ty), region: o.region },
      date: now,
      diagnostic: { startedAt: new Date(d.createdAt), status: t.common.diagnosticStatus[d.status] },
      referentialLabel: ctx.referential.label,
    },
    gapInputFor(db, ctx, scores),
  );
}
