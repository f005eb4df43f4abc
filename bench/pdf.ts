// `npm run bench:pdf`: how long the progress plan's PDF takes for a complete diagnostic (every
// applicable question answered and commented, 30 actions), against a bare pdfkit document with the
// same page count and the same embedded font, rendered in the same run. Reports medians and the
// ratio; asserts nothing (timings belong here, not in the tests).
//
//   npm run bench:pdf                 30 runs of each, after 3 warm-up runs
//   npm run bench:pdf -- --runs=100
import PDFDocument from 'pdfkit';
import { Writable } from 'node:stream';
import { cpus } from 'node:os';
import { openDatabase } from '../src/db/open.ts';
import { ensureBuiltins } from '../src/referential/store.ts';
import { insertOrganisation } from '../src/db/organisations.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../src/db/diagnostics.ts';
import { listActions, syncProposedActions, updateAction } from '../src/db/actions.ts';
import { buildPlanReport, type PlanReport } from '../src/plan/report.ts';
import { PAGE, registerFonts, writePlanPdf } from '../src/plan/pdf.ts';
import { insertDiagnostic } from '../test/support/plan.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(option('runs') ?? 30);
const WARMUP = Number(option('warmup') ?? 3);
const TARGET_MS = 300;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 1) => n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A sink that only counts bytes: what is timed is layout and encoding, not a disk. */
function sink(onDone: (bytes: number) => void): Writable {
  let bytes = 0;
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb();
    },
    final(cb) {
      onDone(bytes);
      cb();
    },
  });
}

function timed(render: (out: Writable) => void): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    render(sink((bytes) => resolve({ ms: performance.now() - t0, bytes })));
  });
}

/** The baseline: as many pages, the same two DejaVu faces embedded from their files, one line each. */
function bare(pages: number, out: Writable): void {
  const doc = new PDFDocument({ size: 'A4', bufferPages: true, margin: 50 });
  doc.pipe(out);
  registerFonts(doc, { reuseParsed: false });
  for (let i = 0; i < pages; i++) {
    if (i) doc.addPage();
    doc.font(i % 2 ? 'CAP-Sans-Bold' : 'CAP-Sans').fontSize(10).text(`Page ${i + 1} — réseau Coorace, « plan de progrès »`, 50, 50);
  }
  doc.end();
}

function completeDiagnosticReport(): PlanReport {
  const db = openDatabase(':memory:');
  const now = new Date('2026-11-26T10:00:00Z');
  ensureBuiltins(db, now);
  const orgId = insertOrganisation(
    db,
    { name: 'Cœur d’Écluse — Ça pousse à Bézières', siret: '73282932000074', types: ['ACI'], region: 'Occitanie', ftePermanent: 6, ftePathway: 24, ges: false },
    now,
  );
  const { id } = insertDiagnostic(db, {
    organisationId: orgId,
    types: ['ACI'],
    weak: 30,
    status: 'submitted',
    comment: (code) => `Constat de l’équipe sur ${code} : des pratiques réelles, à écrire et à partager ; l’œuvre est commencée, ça avance.`,
  });
  const ctx = getDiagnosticContext(db, id)!;
  const scores = scoreDiagnosticById(db, ctx);
  syncProposedActions(db, ctx, scores, null, now);
  const scope = { diagnosticId: id, organisationId: orgId };
  listActions(db, id).forEach((a, i) => {
    if (i % 2) return;
    updateAction(db, scope, a.id, { title: a.title, description: a.description, owner: 'Hélène Garçon', dueDate: i % 4 ? '2026-10-01' : '2027-03-31', status: i % 3 ? 'in_progress' : 'done', notes: 'Point d’étape au prochain comité de pilotage.' }, a.revision, null, now);
  });
  const actions = listActions(db, id);
  if (actions.length !== 30) throw new Error(`expected 30 actions, got ${actions.length}`);
  if (!scores.complete) throw new Error('the diagnostic should be complete');
  return buildPlanReport(db, ctx, scores, now);
}

async function main() {
  const t0 = performance.now();
  const report = completeDiagnosticReport();
  const setup = performance.now() - t0;

  // Cold: the first document of a process parses the fonts; measured once, reported apart.
  const cold = await timed((out) => writePlanPdf(report, out));
  let pages = 0;
  await timed((out) => (pages = writePlanPdf(report, out).pages));
  for (let i = 0; i < WARMUP; i++) {
    await timed((out) => writePlanPdf(report, out));
    await timed((out) => bare(pages, out));
  }

  // Interleaved, so that a noisy neighbour slows both series alike.
  const plan: number[] = [];
  const base: number[] = [];
  let planBytes = 0;
  let baseBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const p = await timed((out) => writePlanPdf(report, out));
    const b = await timed((out) => bare(pages, out));
    plan.push(p.ms);
    base.push(b.ms);
    planBytes = p.bytes;
    baseBytes = b.bytes;
  }
  const noReuse: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 10); i++) noReuse.push((await timed((out) => writePlanPdf(report, out, { reuseParsedFonts: false }))).ms);

  const mPlan = median(plan);
  const mBase = median(base);
  const cpu = cpus()[0]?.model ?? 'inconnu';
  console.log(`PDF du plan de progrès — diagnostic complet (${report.scores.coverage.answered} réponses commentées, ${report.actions.length} actions), A4 ${PAGE.width}×${PAGE.height} pt`);
  console.log(`Machine : ${cpus().length} × ${cpu}, Node ${process.version} ; ${RUNS} rendus de chaque, alternés, après ${WARMUP} d’échauffement (préparation des données : ${fmt(setup, 0)} ms)`);
  console.log('');
  console.log(`  plan de progrès        ${pages} pages, ${fmt(planBytes / 1024, 0)} Kio   médiane ${fmt(mPlan)} ms   (min ${fmt(Math.min(...plan))}, max ${fmt(Math.max(...plan))})`);
  console.log(`  document pdfkit nu     ${pages} pages, ${fmt(baseBytes / 1024, 0)} Kio   médiane ${fmt(mBase)} ms   (min ${fmt(Math.min(...base))}, max ${fmt(Math.max(...base))})`);
  console.log(`  rapport plan / nu      ${fmt(mPlan / mBase, 2)}`);
  console.log('');
  console.log(`  premier rendu du processus (polices à analyser) : ${fmt(cold.ms)} ms`);
  console.log(`  sans réutiliser les polices analysées : médiane ${fmt(median(noReuse))} ms sur ${noReuse.length} rendus`);
  console.log(`  objectif : médiane < ${TARGET_MS} ms — ${mPlan < TARGET_MS ? 'atteint' : 'NON atteint'}`);
}

await main();
