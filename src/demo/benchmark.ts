// Generated demo organisations, so that the results page of « Garonne Services Emploi » (AI,
// Occitanie) shows the benchmark nationally and in its region: the benchmark needs at least five
// other comparable organisations with a submitted diagnostic. Clearly named as demo data.
// Deterministic (seeded generator) and idempotent (an organisation that exists is left alone).
import type { Db } from '../db/open.ts';
import { seededRandom } from '../random.ts';
import { answers, diagnostics } from '../db/schema.ts';
import { findOrganisationBySiret, insertOrganisation, type OrganisationInput } from '../db/organisations.ts';
import { listOrganisationDiagnostics } from '../db/diagnostics.ts';
import { audit } from '../db/audit.ts';
import { defaultReferentialId, getReferential } from '../referential/store.ts';
import type { Referential, StructureType } from '../referential/schema.ts';
import { isApplicable, scoreDiagnostic, type Level } from '../scoring/index.ts';
import { newId } from '../ids.ts';
import { demoSiret } from './siret.ts';

/** Seven in Occitanie, seven elsewhere: both benchmark groups clear the threshold of five. */
const REGIONS = [
  'Occitanie', 'Nouvelle-Aquitaine', 'Occitanie', 'Auvergne-Rhône-Alpes', 'Occitanie', 'Bretagne', 'Occitanie',
  'Hauts-de-France', 'Occitanie', 'Île-de-France', 'Occitanie', 'Pays de la Loire', 'Occitanie', 'Normandie',
] as const;

export const DEMO_BENCHMARK_COUNT = REGIONS.length;


export function demoBenchmarkOrganisation(n: number, random: () => number): OrganisationInput {
  return {
    name: `Structure de démonstration n° ${n} (démo)`,
    siret: demoSiret(`9100000200${String(n).padStart(3, '0')}`),
    types: ['AI'],
    region: REGIONS[(n - 1) % REGIONS.length]!,
    ftePermanent: 2 + Math.floor(random() * 8),
    ftePathway: 15 + Math.floor(random() * 40),
    ges: random() < 0.2,
  };
}

/**
 * Answers around a level typical of the organisation (each one has its own maturity), a few
 * « non applicable » where the question allows it, so that the groups' means look like real ones.
 */
export function demoAnswers(ref: Referential, types: readonly StructureType[], random: () => number): Map<string, Level> {
  const base = 1 + random() * 2.2;
  const themeShift = ref.themes.map(() => (random() - 0.5) * 1.2);
  const out = new Map<string, Level>();
  ref.themes.forEach((theme, i) => {
    for (const q of theme.criteria.flatMap((c) => c.questions)) {
      if (!isApplicable(q, types)) continue;
      if (q.naAllowed && random() < 0.1) {
        out.set(q.code, 'na');
        continue;
      }
      const level = Math.round(base + themeShift[i]! + (random() - 0.5) * 2);
      out.set(q.code, Math.min(4, Math.max(0, level)) as Level);
    }
  });
  return out;
}

const DAY = 86_400_000;

export function loadBenchmarkDemo(db: Db, now: Date): string[] {
  const refId = defaultReferentialId(db);
  const ref = refId ? getReferential(db, refId) : undefined;
  if (!refId || !ref) throw new Error('demo: no default referential');
  const ids: string[] = [];
  for (let n = 1; n <= DEMO_BENCHMARK_COUNT; n++) {
    const random = seededRandom(7919 * n);
    const input = demoBenchmarkOrganisation(n, random);
    const orgId = findOrganisationBySiret(db, input.siret)?.id ?? insertOrganisation(db, input, now);
    ids.push(orgId);
    if (listOrganisationDiagnostics(db, orgId).length > 0) continue;

    const levels = demoAnswers(ref, input.types, random);
    const scores = scoreDiagnostic(ref, input.types, levels);
    const createdAt = new Date(now.getTime() - (40 + n * 9) * DAY).toISOString();
    const submittedAt = new Date(now.getTime() - (20 + n * 9) * DAY).toISOString();
    const id = newId();
    db.transaction((tx) => {
      tx.insert(diagnostics)
        .values({
          id,
          organisationId: orgId,
          referentialId: refId,
          status: 'submitted',
          mode: 'autodiagnostic',
          participants: [{ name: 'Équipe de direction', role: 'direction' }],
          createdAt,
          submittedAt,
          overallScore: scores.overall,
          themeScores: Object.fromEntries(scores.themes.map((t) => [t.slug, t.score])),
        })
        .run();
      tx.insert(answers)
        .values(
          [...levels].map(([code, level]) => ({
            diagnosticId: id,
            questionCode: code,
            level: level === 'na' ? null : level,
            na: level === 'na',
            updatedByRole: 'member',
            updatedAt: submittedAt,
          })),
        )
        .run();
      audit(tx, { userId: null, action: 'demo.diagnostic', entity: 'diagnostic', entityId: id, organisationId: orgId, diagnosticId: id, after: { status: 'submitted', overallScore: scores.overall } }, now);
    });
  }
  return ids;
}
