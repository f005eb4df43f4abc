// A generated federation for the benchmark: 600 organisations over the 14 regions with the member
// mix of the 2022 activity report, one member account each, a consultant per region, an admin,
// five diagnostics per organisation over five years (≈ 200,000 answers), their cached scores and
// their plans. Deterministic (seeded PRNG, ids included) so two runs measure the same data.
//
// Written with raw prepared better-sqlite3 statements in one transaction: the query builder would
// take minutes for 200,000 rows. Scores and actions come from the real pure modules (scoresOf,
// proposeActions), so what the pages read is what the app itself would have stored.
import { rmSync } from 'node:fs';
import type { Db } from '../src/db/open.ts';
import { seededRandom as prng } from '../src/random.ts';
import { openDatabase } from '../src/db/open.ts';
import { defaultReferentialId, ensureBuiltins, getReferential } from '../src/referential/store.ts';
import type { Question, Referential, StructureType } from '../src/referential/schema.ts';
import { REGIONS } from '../src/regions.ts';
import { hashPassword } from '../src/auth/password.ts';
import { isApplicable } from '../src/scoring/index.ts';
import { scoresOf, type AnswerRow, type DiagnosticContext, type DiagnosticStatus } from '../src/db/diagnostics.ts';
import type { Organisation } from '../src/db/organisations.ts';
import { proposeActions } from '../src/plan/prioritise.ts';
import { demoSiret } from '../src/demo/siret.ts';
import { sortKey } from '../src/sort-key.ts';
import { rebuildDerivedData } from '../src/db/derived-data.ts';

export const BENCH_PASSWORD = 'cap-bench-2026';
export const BENCH_ADMIN = 'admin@bench.cap.test';
/** The member of the first organisation: its latest diagnostic is an open draft, every question answered. */
export const BENCH_MEMBER = 'membre-1@bench.cap.test';

export interface DatasetOptions {
  organisations?: number;
  diagnosticsPerOrganisation?: number;
  seed?: number;
  /** « Today » of the dataset: diagnostics spread over the five years before it. */
  now?: Date;
}

export interface DatasetSummary {
  organisations: number;
  users: number;
  diagnostics: number;
  answers: number;
  actions: number;
  reviewComments: number;
  auditEvents: number;
  ms: number;
  /** What the bench drives: the first organisation, its member and diagnostics. */
  bench: {
    memberEmail: string;
    adminEmail: string;
    password: string;
    organisationId: string;
    /** Latest diagnostic, a draft: every applicable question answered, with its revision. */
    draftId: string;
    draftRevisions: Record<string, number>;
    /** The diagnostic before it: validated, complete, with a plan and a previous one to compare. */
    completeId: string;
    /** The consultant of the region with the most organisations (the busiest regional list). */
    consultantEmail: string;
    consultantRegion: string;
    consultantOrganisations: number;
  };
}


const REGION_WEIGHTS: Record<string, number> = {
  'Auvergne-Rhône-Alpes': 10, 'Bourgogne-Franche-Comté': 6, Bretagne: 7, 'Centre-Val de Loire': 5, 'Hauts-de-France': 9,
  'Île-de-France': 10, Normandie: 6, 'Nouvelle-Aquitaine': 10, Occitanie: 10, 'Pays de la Loire': 7,
  'Provence-Alpes-Côte d’Azur': 8, Guadeloupe: 2, Guyane: 1.5, 'Océan Indien': 2.5,
};

/** Shares from domain.md (2022 members): 47 % AI, 24 % ACI, 7 % EI, 8 % ETTI, 14 % the rest. */
const TYPE_SHARES: [StructureType, number][] = [
  ['AI', 0.47], ['ACI', 0.24], ['EI', 0.07], ['ETTI', 0.08], ['EITI', 0.035], ['GEIQ', 0.035], ['EBE', 0.035], ['autre', 0.035],
];
/** Combinations seen in the network (an AI and an ACI under one association, EI + ETTI…). */
const SECOND_TYPE: Partial<Record<StructureType, StructureType>> = { AI: 'ACI', ACI: 'AI', EI: 'ETTI', ETTI: 'EI' };

const NAME_HEADS = ['Tremplin', 'Passerelle', 'Envol', 'Atelier', 'Chantier', 'Jardins', 'Régie', 'Solidarité', 'Horizon', 'Ressources', 'Partage', 'Élan'];
const NAME_TAILS = ['Emploi', 'Services', 'Insertion', 'Avenir', 'Travail', 'Proximité', 'Nature', 'Bâtiment', 'Recyclerie', 'Solidaire'];
const PLACES = ['du Lauragais', 'de la Garonne', 'des Monts', 'du Val', 'de l’Estuaire', 'des Coteaux', 'du Bocage', 'de la Vallée', 'des Deux Rives', 'du Plateau', 'de l’Étang', 'des Collines'];
const FIRST = ['Sophie', 'Karim', 'Maëlle', 'Erwan', 'Nadia', 'Thomas', 'Inès', 'Yann', 'Chloé', 'Mehdi', 'Léa', 'François', 'Aïcha', 'Hugo', 'Zoé', 'Noël'];
const LAST = ['Durand', 'Benali', 'Guillou', 'Tanguy', 'Lefebvre', 'Vermeulen', 'Martin', 'Le Gall', 'Moreau', 'Diallo', 'Fournier', 'Lambert', 'Rousseau', 'Perrin'];
const PARTICIPANT_ROLES = ['Direction', 'Chargée d’insertion', 'Encadrant technique', 'Administratrice', 'Salarié en parcours', 'Responsable qualité'];
const COMMENTS = [
  'Procédure écrite en 2024, à mettre à jour après le changement de locaux.',
  'Fait oralement en réunion d’équipe ; pas encore de trace écrite.',
  'Voir le compte rendu du conseil d’administration de juin.',
  'Tableau de suivi partagé sur le serveur, mis à jour chaque mois.',
  'À revoir avec la délégation régionale : nous ne savons pas si cela s’applique à nous.',
  'Enquête de satisfaction envoyée aux clients en mars ; 42 % de réponses.',
  'Le DUERP existe mais n’a pas été revu depuis deux ans.',
];
const REVIEW_BODIES = [
  'Pouvez-vous préciser les preuves disponibles pour ce thème ?',
  'Le niveau indiqué semble élevé au regard des documents présentés.',
  'Très bon travail collectif, merci pour la qualité des commentaires.',
];

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The cached scores exactly as submitting a diagnostic stores them. */
export function cachedScores(ctx: DiagnosticContext, rows: readonly AnswerRow[]) {
  const scores = scoresOf(ctx, rows);
  return { overall: scores.overall, themes: Object.fromEntries(scores.themes.map((t) => [t.slug, t.score])) as Record<string, number | null>, scores };
}

/**
 * Fills `db` (migrated, built-ins in place, no organisation yet) with the generated federation.
 * Defaults: 600 organisations × 5 diagnostics; pass smaller numbers for tests.
 */
export async function generateDataset(db: Db, options: DatasetOptions = {}): Promise<DatasetSummary> {
  const started = performance.now();
  const nOrgs = options.organisations ?? 600;
  const perOrg = Math.max(1, options.diagnosticsPerOrganisation ?? 5);
  const now = (options.now ?? new Date('2026-03-02T09:00:00Z')).getTime();
  const rand = prng(options.seed ?? 20260302);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (a: number, b: number) => a + rand() * (b - a);
  const id = () => {
    let s = '';
    for (let i = 0; i < 16; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(rand() * 64)];
    return s;
  };
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;

  const referentialId = defaultReferentialId(db);
  const referential: Referential | undefined = referentialId ? getReferential(db, referentialId) : undefined;
  if (!referentialId || !referential) throw new Error('generateDataset: the built-in referential is missing (call ensureBuiltins first)');
  const questions: Question[] = referential.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions));
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const sql = db.$client;
  const insOrg = sql.prepare(
    `INSERT INTO organisations (id, name, sort_name, siret, types, region, fte_permanent, fte_pathway, ges, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insUser = sql.prepare(`INSERT INTO users (id, email, name, sort_name, password_hash, role, active, deleted, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?)`);
  const user = (uid: string, email: string, name: string, role: string, at: string) => insUser.run(uid, email, name, sortKey(name), passwordHash, role, at);
  const insMembership = sql.prepare(`INSERT INTO memberships (user_id, organisation_id) VALUES (?, ?)`);
  const insRegion = sql.prepare(`INSERT INTO consultant_regions (user_id, region) VALUES (?, ?)`);
  const insDiag = sql.prepare(
    `INSERT INTO diagnostics (id, organisation_id, referential_id, status, mode, participants, previous_id, created_by, created_at, submitted_at, submitted_by, validated_at, validated_by, review_message, changes_requested_at, overall_score, theme_scores)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAnswer = sql.prepare(
    `INSERT INTO answers (diagnostic_id, question_code, level, na, comment, updated_by, updated_by_role, updated_at, revision, prefilled_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAction = sql.prepare(
    `INSERT INTO actions (id, diagnostic_id, question_code, origin, carried_from_id, theme_slug, title, description, services, priority, rank, quick_win, owner, due_date, status, notes, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insComment = sql.prepare(`INSERT INTO review_comments (id, diagnostic_id, target_kind, target, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insAudit = sql.prepare(
    `INSERT INTO audit_events (at, user_id, action, entity, entity_id, organisation_id, diagnostic_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );

  // Deterministic allocation of the type mix and regions, then shuffled together.
  const primaryTypes: StructureType[] = [];
  for (const [type, share] of TYPE_SHARES) for (let i = 0; i < Math.round(share * nOrgs); i++) primaryTypes.push(type);
  while (primaryTypes.length < nOrgs) primaryTypes.push('AI');
  primaryTypes.length = nOrgs;
  for (let i = primaryTypes.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [primaryTypes[i], primaryTypes[j]] = [primaryTypes[j]!, primaryTypes[i]!];
  }
  const totalWeight = Object.values(REGION_WEIGHTS).reduce((a, b) => a + b, 0);
  const regionOf = (i: number) => {
    // Round-robin over the first 14 so every region has members, weighted draw afterwards.
    if (i < REGIONS.length) return REGIONS[i]!;
    let x = rand() * totalWeight;
    for (const r of REGIONS) if ((x -= REGION_WEIGHTS[r] ?? 1) < 0) return r;
    return REGIONS[0]!;
  };

  let nUsers = 0;
  let nDiagnostics = 0;
  let nAnswers = 0;
  let nActions = 0;
  let nComments = 0;
  let nAudit = 0;
  let bench: Omit<DatasetSummary['bench'], 'consultantEmail' | 'consultantRegion' | 'consultantOrganisations'> | undefined;
  const perRegion = new Map<string, number>();

  // Data added after the first version of this generator draws from its own sequence, so that
  // everything else stays the same row for row (figures compared across versions of the bench).
  const extra = prng((options.seed ?? 20260302) + 1);
  const extraId = () => {
    let s = '';
    for (let i = 0; i < 16; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(extra() * 64)];
    return s;
  };
  const remarks: { id: string; diagnosticId: string; memberId: string; at: number }[] = [];
  const insReply = sql.prepare(`INSERT INTO review_comments (id, diagnostic_id, target_kind, target, author_id, body, created_at, parent_id) SELECT ?, diagnostic_id, target_kind, target, ?, ?, ?, id FROM review_comments WHERE id = ?`);
  const markReplied = sql.prepare(`UPDATE review_comments SET member_replied_at = ?, resolved_at = ?, resolved_by = ? WHERE id = ?`);

  // Plan figures are rebuilt once at the end rather than by the trigger after each of a million
  // inserts (src/db/derived-data.ts); the trigger is put back as it was.
  const planTrigger = (sql.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'actions_plan_stats_insert'`).pluck().get() as string | undefined) ?? null;
  if (planTrigger) sql.exec('DROP TRIGGER actions_plan_stats_insert');

  const run = sql.transaction(() => {
    const created = iso(now - 6 * 365 * DAY);
    const adminId = id();
    user(adminId, BENCH_ADMIN, 'Administration fédérale', 'admin', created);
    nUsers++;
    const consultants = new Map<string, string>();
    REGIONS.forEach((region, r) => {
      const uid = id();
      user(uid, `conseil-${r + 1}@bench.cap.test`, person(), 'consultant', created);
      insRegion.run(uid, region);
      consultants.set(region, uid);
      nUsers++;
    });

    for (let o = 0; o < nOrgs; o++) {
      const orgId = id();
      const primary = primaryTypes[o]!;
      const second = SECOND_TYPE[primary];
      // The bench organisation combines AI and ACI (most questions apply); 6 % of others have two types.
      const types: StructureType[] = o === 0 ? ['AI', 'ACI'] : second && rand() < 0.06 ? [primary, second] : [primary];
      const region = o === 0 ? 'Occitanie' : regionOf(o);
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
      const name = `${pick(NAME_HEADS)} ${pick(NAME_TAILS)} ${pick(PLACES)} ${o + 1}`;
      const organisation: Organisation = {
        id: orgId,
        name,
        sortName: sortKey(name),
        latestDiagnosticId: null,
        settledDiagnosticId: null,
        siret: demoSiret(`92${String(o + 1).padStart(11, '0')}`),
        types,
        region,
        ftePermanent: Math.round(between(2, 20)),
        ftePathway: Math.round(between(8, 80)),
        ges: rand() < 0.04,
        active: true,
        createdAt: created,
      };
      insOrg.run(orgId, name, organisation.sortName, organisation.siret, JSON.stringify(types), region, organisation.ftePermanent, organisation.ftePathway, organisation.ges ? 1 : 0, created);
      const memberId = id();
      const memberName = person();
      user(memberId, `membre-${o + 1}@bench.cap.test`, memberName, 'member', created);
      insMembership.run(memberId, orgId);
      nUsers++;
      const consultantId = consultants.get(region)!;
      const applicable = questions.filter((q) => isApplicable(q, types));
      const maturity = between(0.6, 2.6);
      const bias = new Map(applicable.map((q) => [q.code, between(-0.8, 0.8)]));

      let previousId: string | null = null;
      let previousOpen: { id: string; themeSlug: string; title: string; questionCode: string | null }[] = [];
      for (let k = 0; k < perOrg; k++) {
        const latest = k === perOrg - 1;
        const diagId = id();
        const yearsAgo = perOrg - 1 - k;
        const createdAt = now - yearsAgo * 365 * DAY - between(20, 110) * DAY;
        let status: DiagnosticStatus = 'validated';
        if (o === 0) status = latest ? 'draft' : 'validated';
        else if (latest) {
          const x = rand();
          status = x < 0.3 ? 'draft' : x < 0.6 ? 'submitted' : x < 0.9 ? 'validated' : 'changes_requested';
        } else if (rand() < 0.12) status = 'submitted';
        const accompanied = rand() < 0.4;
        const mode = accompanied ? 'accompagne' : 'autodiagnostic';
        const author = accompanied ? consultantId : memberId;
        const participants = [{ name: memberName, role: 'Direction' }];
        for (let p = Math.floor(between(1, 5)); p > 0; p--) participants.push({ name: person(), role: pick(PARTICIPANT_ROLES) });

        // Answers: levels around the organisation's maturity, which grows a little every year.
        const level0 = maturity + k * 0.3;
        const answeredShare = status === 'draft' && o !== 0 ? between(0.55, 1) : 1;
        const rows: AnswerRow[] = [];
        const revisions: Record<string, number> = {};
        const answeredAt = createdAt + between(1, 15) * DAY;
        for (const q of applicable) {
          if (answeredShare < 1 && rand() > answeredShare) continue;
          const na = q.naAllowed && rand() < 0.08;
          const level = na ? null : Math.max(0, Math.min(4, Math.round(level0 + bias.get(q.code)! + between(-1, 1))));
          const row: AnswerRow = {
            diagnosticId: diagId,
            questionCode: q.code,
            level,
            na,
            comment: rand() < 0.18 ? pick(COMMENTS) : '',
            updatedBy: author,
            updatedByRole: accompanied ? 'consultant' : 'member',
            updatedAt: iso(answeredAt + between(0, 3) * DAY),
            revision: 1 + Math.floor(rand() * rand() * 4),
            prefilledFrom: previousId && rand() < 0.3 ? isoDate(createdAt - 365 * DAY) : null,
          };
          rows.push(row);
          revisions[q.code] = row.revision;
        }

        const submitted = status !== 'draft';
        const submittedAt = submitted ? answeredAt + between(5, 20) * DAY : null;
        const validatedAt = status === 'validated' ? submittedAt! + between(3, 25) * DAY : null;
        const ctx: DiagnosticContext = {
          diagnostic: {
            id: diagId, organisationId: orgId, referentialId, status, mode, participants, previousId, createdBy: author, createdAt: iso(createdAt),
            submittedAt: null, submittedBy: null, validatedAt: null, validatedBy: null, reviewMessage: null, changesRequestedAt: null, overallScore: null, themeScores: null, archivedAt: null, archivedBy: null, archivedFrom: null,
          },
          organisation,
          referential,
        };
        // Every diagnostic carries its cached scores, as the app writes them at each answer saved.
        const scored = cachedScores(ctx, rows);
        const cached = submitted ? scored : null;
        insDiag.run(
          diagId, orgId, referentialId, status, mode, JSON.stringify(participants), previousId, author, iso(createdAt),
          submittedAt === null ? null : iso(submittedAt), submitted ? author : null,
          validatedAt === null ? null : iso(validatedAt), validatedAt === null ? null : consultantId,
          status === 'changes_requested' ? 'Merci de compléter les preuves du thème « Services » avant validation.' : null,
          status === 'changes_requested' ? iso(submittedAt! + (2 + extra() * 58) * DAY) : null,
          scored.overall, JSON.stringify(scored.themes),
        );
        nDiagnostics++;
        for (const r of rows) insAnswer.run(diagId, r.questionCode, r.level, r.na ? 1 : 0, r.comment, r.updatedBy, r.updatedByRole, r.updatedAt, r.revision, r.prefilledFrom);
        nAnswers += rows.length;
        insAudit.run(iso(createdAt), author, 'create', 'diagnostic', diagId, orgId, diagId, JSON.stringify({ status: 'draft', mode }));
        nAudit++;
        if (submittedAt !== null) {
          insAudit.run(iso(submittedAt), author, 'submit', 'diagnostic', diagId, orgId, diagId, JSON.stringify({ status: 'submitted', overallScore: cached?.overall ?? null }));
          nAudit++;
        }
        if (validatedAt !== null) {
          insAudit.run(iso(validatedAt), consultantId, 'validate', 'diagnostic', diagId, orgId, diagId, JSON.stringify({ status: 'validated' }));
          nAudit++;
        }
        if (status === 'changes_requested' || (submitted && rand() < 0.25)) {
          for (let c = Math.floor(between(1, 4)); c > 0; c--) {
            const q = pick(applicable);
            const commentId = id();
            const at = submittedAt! + between(1, 3) * DAY;
            insComment.run(commentId, diagId, 'question', q.code, consultantId, pick(REVIEW_BODIES), iso(at));
            remarks.push({ id: commentId, diagnosticId: diagId, memberId, at });
            nComments++;
          }
        }

        // The plan: proposed actions of the submitted diagnostic, open actions of the previous
        // plan carried over, sometimes a custom one. Older plans are mostly done; the latest
        // ones are in progress, with some due dates already past (overdue).
        const open: typeof previousOpen = [];
        if (cached) {
          const planStart = submittedAt!;
          const ageYears = yearsAgo;
          const statusOf = () => {
            const x = rand();
            if (ageYears >= 1) return x < 0.75 ? 'done' : x < 0.9 ? 'in_progress' : 'todo';
            return x < 0.2 ? 'done' : x < 0.5 ? 'in_progress' : 'todo';
          };
          let rank = 0;
          const add = (a: { questionCode: string | null; origin: string; carriedFromId: string | null; themeSlug: string; title: string; description: string; services: string[]; priority: string; quickWin: boolean }) => {
            const actionId = id();
            const st = statusOf();
            const due = rand() < 0.85 ? isoDate(planStart + between(30, 420) * DAY) : null;
            insAction.run(
              actionId, diagId, a.questionCode, a.origin, a.carriedFromId, a.themeSlug, a.title, a.description, JSON.stringify(a.services), a.priority, ++rank,
              a.quickWin ? 1 : 0, rand() < 0.7 ? person() : '', due, st, st === 'done' && rand() < 0.5 ? 'Réalisé, voir le compte rendu.' : '',
              iso(planStart), iso(Math.min(now, planStart + between(1, 200) * DAY)), author,
            );
            nActions++;
            if (st !== 'done') open.push({ id: actionId, themeSlug: a.themeSlug, title: a.title, questionCode: a.questionCode });
          };
          for (const p of proposeActions(referential, cached.scores)) {
            add({ questionCode: p.questionCode, origin: 'proposed', carriedFromId: null, themeSlug: p.themeSlug, title: p.title, description: p.description, services: p.services, priority: p.priority, quickWin: p.quickWin });
          }
          for (const prev of previousOpen.slice(0, 3)) {
            add({ questionCode: prev.questionCode, origin: 'carried', carriedFromId: prev.id, themeSlug: prev.themeSlug, title: prev.title, description: '', services: [], priority: 'moyenne', quickWin: false });
          }
          if (rand() < 0.3) {
            add({ questionCode: null, origin: 'custom', carriedFromId: null, themeSlug: pick(referential.themes).slug, title: 'Organiser une journée portes ouvertes avec les partenaires du territoire', description: 'Action ajoutée par l’équipe.', services: [], priority: 'basse', quickWin: false });
          }
        }
        previousOpen = open;

        if (o === 0 && latest) {
          bench = { memberEmail: BENCH_MEMBER, adminEmail: BENCH_ADMIN, password: BENCH_PASSWORD, organisationId: orgId, draftId: diagId, draftRevisions: revisions, completeId: previousId ?? diagId };
        }
        previousId = diagId;
      }
    }
  });
  run();
  // Members answer about a third of the remarks, and mark half of those dealt with.
  sql.transaction(() => {
    for (const r of remarks) {
      if (extra() >= 0.35) continue;
      const at = r.at + (1 + extra() * 20) * DAY;
      if (at > now) continue;
      insReply.run(extraId(), r.memberId, 'Nous avons complété le compte rendu et ajouté la procédure en annexe.', iso(at), r.id);
      const resolved = extra() < 0.5;
      markReplied.run(iso(at), resolved ? iso(at) : null, resolved ? r.memberId : null, r.id);
      nComments++;
    }
  })();
  if (planTrigger) sql.exec(planTrigger);
  rebuildDerivedData(db);

  const [busiest, busiestCount] = [...perRegion].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return {
    organisations: nOrgs,
    users: nUsers,
    diagnostics: nDiagnostics,
    answers: nAnswers,
    actions: nActions,
    reviewComments: nComments,
    auditEvents: nAudit,
    ms: performance.now() - started,
    bench: { ...bench!, consultantEmail: `conseil-${(REGIONS as readonly string[]).indexOf(busiest) + 1}@bench.cap.test`, consultantRegion: busiest, consultantOrganisations: busiestCount },
  };
}

/** A fresh database file holding the generated federation (an existing file is replaced). */
export async function buildDatasetFile(file: string, options: DatasetOptions = {}): Promise<DatasetSummary> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  try {
    // A throwaway file: no fsync while filling it (the server reopens it with its own pragmas).
    db.$client.pragma('synchronous = OFF');
    // The national size (4,500 structures, 1 GB) inserts into random-keyed indexes: with SQLite's
    // default 2 MB page cache most inserts would read a page back from the file.
    db.$client.pragma('cache_size = -262144');
    ensureBuiltins(db, options.now ?? new Date('2026-03-02T09:00:00Z'));
    const summary = await generateDataset(db, options);
    // No ANALYZE: a production database has no planner statistics either.
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    return summary;
  } finally {
    db.$client.close();
  }
}

// `node --import tsx bench/dataset.ts [file]`: build a dataset file by hand and print its counts.
if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? '/tmp/cap-bench/cap.db';
  const s = await buildDatasetFile(file);
  console.log(`${file}: ${s.organisations} organisations, ${s.users} comptes, ${s.diagnostics} diagnostics, ${s.answers} réponses, ${s.actions} actions en ${Math.round(s.ms)} ms`);
}
