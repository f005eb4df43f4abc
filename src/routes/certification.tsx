// Toward certification: the ISO 9001 gap analysis of a diagnostic (page and spreadsheet), the
// region's services followed by progress (consultants, admins), and the blank questionnaire for
// workshops (any signed-in person).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireFederation, requireUser } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { servicesFollowUpFor } from '../db/service-follow-up.ts';
import { BENCHMARK_MIN_PEERS } from '../db/peers.ts';
import { scopeRegions } from '../db/federation.ts';
import { defaultReferentialId, getReferential, listServices } from '../referential/store.ts';
import { STRUCTURE_TYPES, type StructureType } from '../referential/schema.ts';
import { buildGapReport } from '../certification/report.ts';
import { slugify } from '../plan/format.ts';
import { parisDay } from '../dates.ts';
import type { Db } from '../db/open.ts';
import { GapPage } from '../../views/iso9001.tsx';
import { ServicesFollowUpSection } from '../../views/actions-progress.tsx';
import { WorkshopPage } from '../../views/workshop.tsx';
import { parseFederationQuery } from '../federation/query.ts';

export const certificationRoutes = new Hono<AppEnv>();

certificationRoutes.get('/diagnostics/:id/iso9001', loadDiagnostic('diagnostic.view'), (c) => {
  const { db, clock } = c.get('deps');
  const ctx = c.var.diagnostic;
  return page(c, t.certification.iso.pageTitle(ctx.organisation.name), <GapPage diagnosticId={ctx.diagnostic.id} report={buildGapReport(db, ctx, clock())} />, { wide: true });
});

let xlsxModule: Promise<typeof import('../certification/xlsx.ts')> | undefined;

certificationRoutes.get('/diagnostics/:id/iso9001.xlsx', loadDiagnostic('diagnostic.view'), async (c) => {
  const { db, clock } = c.get('deps');
  const ctx = c.var.diagnostic;
  const now = clock();
  const { renderGapWorkbook } = await (xlsxModule ??= import('../certification/xlsx.ts'));
  const body = await renderGapWorkbook(buildGapReport(db, ctx, now));
  const name = `analyse-iso-9001-${slugify(ctx.organisation.name)}-${parisDay(now)}.xlsx`;
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(body));
});

certificationRoutes.get('/federation/progres', requireFederation, (c) => {
  const { db } = c.get('deps');
  const user = currentUser(c);
  const q = parseFederationQuery(c.req.query());
  const data = servicesFollowUpFor(db, user, q, BENCHMARK_MIN_PEERS);
  const names = new Map(listServices(db).map((s) => [s.code, s.name]));
  const regions = scopeRegions(db, user);
  const R = t.certification.region;
  return page(
    c,
    R.title,
    <section>
      <p class="breadcrumb">
        <a href="/federation">{t.federation.title}</a>
      </p>
      <h1>{R.title}</h1>
      <form method="get" action="/federation/progres" class="filters">
        <div class="field">
          <label for="f-region">{R.regionFilter}</label>
          <select id="f-region" name="region">
            <option value="">{R.allRegions}</option>
            {regions.map((r) => (
              <option value={r} selected={r === q.region}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-type">{t.workshop.typeLabel}</label>
          <select id="f-type" name="type">
            <option value="">{R.allTypes}</option>
            {STRUCTURE_TYPES.map((st) => (
              <option value={st} selected={st === q.type}>
                {t.common.structureTypes[st] ?? st}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {R.apply}
        </button>
      </form>
      <ServicesFollowUpSection data={data} serviceNames={names} />
    </section>,
  );
});

// ---------------------------------------------------------------------------------------------
// The blank questionnaire

const typeSchema = z.enum(STRUCTURE_TYPES);

function defaultReferential(db: Db) {
  const id = defaultReferentialId(db);
  return id ? getReferential(db, id) : undefined;
}

certificationRoutes.get('/questionnaire-vierge', requireUser, (c) => {
  const { db } = c.get('deps');
  const ref = defaultReferential(db);
  const parsed = typeSchema.safeParse(c.req.query('type'));
  return page(c, t.workshop.pageTitle, <WorkshopPage type={parsed.success ? parsed.data : 'AI'} referentialLabel={ref?.label ?? ''} />);
});

let blankModule: Promise<typeof import('../workshop/questionnaire-pdf.ts')> | undefined;
/** The PDF for a (referential, type) is the same all day: kept, a few at a time. */
const blankCache = new Map<string, Buffer>();
const BLANK_CACHE_SIZE = 16;

certificationRoutes.get('/questionnaire-vierge.pdf', requireUser, async (c) => {
  const { db, clock } = c.get('deps');
  const ref = defaultReferential(db);
  const parsed = typeSchema.safeParse(c.req.query('type'));
  if (!parsed.success || !ref) {
    return page(c, t.workshop.pageTitle, <WorkshopPage type="AI" error={t.workshop.unknownType} referentialLabel={ref?.label ?? ''} />, { status: 422 });
  }
  const type: StructureType = parsed.data;
  const now = clock();
  const key = `${ref.id}|${type}|${parisDay(now)}`;
  let pdf = blankCache.get(key);
  if (!pdf) {
    const { renderBlankQuestionnaire } = await (blankModule ??= import('../workshop/questionnaire-pdf.ts'));
    pdf = (await renderBlankQuestionnaire({ referential: ref, type, date: now })).pdf;
    if (blankCache.size >= BLANK_CACHE_SIZE) blankCache.delete(blankCache.keys().next().value!);
    blankCache.set(key, pdf);
  }
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="questionnaire-cap-${slugify(type)}-${parisDay(now)}.pdf"`);
  return c.body(new Uint8Array(pdf));
});
