// CSV exports: a diagnostic's answers (anyone who may view the diagnostic) and the federation's
// selection (consultants for their regions, admins). Same scope rules as the pages they mirror.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fileSize } from '../i18n/fr/evidence.ts';
import { currentUser, requireFederation } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { csvResponse, csvStreamResponse, toCsv, type CsvValue } from '../web/csv.ts';
import { loadAnswersWithAuthors } from '../db/diagnostics.ts';
import { federationChunks } from '../db/federation.ts';
import { listComments } from '../db/reviews.ts';
import { userRoles } from '../db/users.ts';
import { parseFederationQuery } from '../federation/query.ts';
import { themeHeads } from '../web/federation.ts';
import { evidenceByQuestion, listEvidence, type EvidenceWithUploader } from '../db/evidence.ts';
import { isApplicable } from '../scoring/index.ts';
import { indexOf } from '../referential/lookup.ts';
import { numericDate, numericDateTime, parisDay } from '../dates.ts';
import { authorOf, personName, uploaderOf } from '../people.ts';

export const exportRoutes = new Hono<AppEnv>();

const x = t.federation.exports;
const when = (iso: string | null | undefined) => (iso ? numericDateTime(iso) : '');
const date = (iso: string | null | undefined) => (iso ? numericDate(iso) : '');
const score = (n: number | null | undefined) => (typeof n === 'number' ? Math.round(n * 10) / 10 : null);

exportRoutes.get('/diagnostics/:id/export.csv', loadDiagnostic('diagnostic.view'), (c) => {
  const { db, clock } = c.get('deps');
  const { referential, organisation, diagnostic } = c.var.diagnostic;
  const answers = new Map(loadAnswersWithAuthors(db, diagnostic.id).map((a) => [a.questionCode, a]));
  const roles = userRoles(db, [...answers.values()].flatMap((a) => (a.updatedBy ? [a.updatedBy] : [])));
  // Reviewer remarks travel with the answers: an export that drops them is incomplete.
  const remarks = new Map<string, string[]>();
  for (const cm of listComments(db, diagnostic.id)) {
    if (cm.targetKind !== 'question') continue;
    const list = remarks.get(cm.target) ?? [];
    // Replies follow their remark, marked as such (the team's answers are part of the record).
    list.push(`${cm.parentId ? '↳ ' : ''}${personName(authorOf(cm), cm.authorRole === 'member' ? 'team' : 'federation') ?? ''} (${date(cm.createdAt)}) : ${cm.body}`);
    remarks.set(cm.target, list);
  }
  // Evidence files by name, size and who attached them (the files themselves are downloaded from the page).
  const files = evidenceByQuestion(listEvidence(db, diagnostic.id));
  const fileLine = (f: EvidenceWithUploader) => `${f.name} (${fileSize(f.size)}) — ${personName(uploaderOf(f)) ?? t.common.deletedUser}, ${date(f.uploadedAt)}`;
  const rows: CsvValue[][] = [];
  for (const { theme, criterion, question: q } of indexOf(referential).entries) {
    const a = answers.get(q.code);
    if (!a && !isApplicable(q, organisation.types)) continue;
    const level = !a ? '' : a.na ? x.na : a.level === null ? '' : String(a.level);
    const who = a ? x.who(personName(authorOf(a)), a.updatedByRole ?? (a.updatedBy ? (roles.get(a.updatedBy) ?? null) : null)) : '';
    rows.push([
      theme.title,
      `${criterion.code} ${criterion.title}`,
      q.code,
      q.text,
      level,
      a?.comment ?? '',
      who,
      when(a?.updatedAt),
      (remarks.get(q.code) ?? []).join('\n'),
      (files.get(q.code) ?? []).map(fileLine).join('\n'),
    ]);
  }
  const header = [...x.answersHeader, t.federation.review.commentsTitle, t.evidence.csvHeader];
  const name = x.fileAnswers(organisation.name, parisDay(clock()));
  return csvResponse(c, name, toCsv(header, rows));
});

exportRoutes.get('/federation/export.csv', requireFederation, (c) => {
  const { db, clock } = c.get('deps');
  const now = clock();
  const q = parseFederationQuery(c.req.query());
  const themes = themeHeads(db);
  // Structures with a diagnostic, in the page's order, read and sent 500 at a time.
  const chunks = function* () {
    for (const chunk of federationChunks(db, currentUser(c), q, now)) {
      yield chunk.flatMap((r) => {
        const d = r.latest;
        if (!d) return [];
        return [
          [
            r.name,
            r.region,
            r.types.join(', '),
            t.common.diagnosticStatus[d.status],
            date(d.createdAt),
            date(d.submittedAt),
            date(d.validatedAt),
            score(d.overall),
            ...themes.map((th) => score(d.themes[th.slug as keyof typeof d.themes])),
            r.actionsDone,
            r.actionsTotal,
            r.overdue,
            r.pending.length,
            date(r.pending[0]?.submittedAt),
            r.siret,
          ],
        ];
      });
    }
  };
  return csvStreamResponse(c, x.fileFederation(parisDay(now)), x.federationHeader(themes.map((th) => th.title)), chunks());
});
