// Admin pages for referential versions: list, browse, export as JSON, import (every error listed
// with its path, nothing stored when anything is wrong), publish, choose the default.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireAdmin } from '../web/guards.ts';
import {
  getReferentialRow,
  getServicesByCode,
  importReferential,
  listReferentials,
  publishReferential,
  referentialUsage,
  setDefaultReferential,
} from '../referential/store.ts';
import { referentialSchema, type Referential } from '../referential/schema.ts';
import { indexOf } from '../referential/lookup.ts';
import { parseReferentialJson, questionCount, type ValidationError } from '../referential/validate.ts';
import { groupErrors } from '../referential/error-places.ts';
import { ImportPage, ReferentialList, ReferentialPage } from '../../views/admin-referentials.tsx';

export const adminReferentialRoutes = new Hono<AppEnv>();
adminReferentialRoutes.use(requireAdmin);

const r = t.referentials;

/** The stored document, parsed: stored versions were validated on the way in. */
function documentOf(row: { document: unknown }): Referential {
  return referentialSchema.parse(row.document);
}

adminReferentialRoutes.get('/', (c) => {
  const { db } = c.get('deps');
  const usage = referentialUsage(db);
  const versions = listReferentials(db).map((row) => ({ row, usage: usage.get(row.id) ?? 0, questions: questionCount(documentOf(row)) }));
  return page(c, r.listTitle, <ReferentialList versions={versions} csrf={c.get('csrf')} />, { wide: true });
});

adminReferentialRoutes.get('/import', (c) => page(c, r.importTitle, <ImportPage csrf={c.get('csrf')} errors={[]} />));

type Submitted = { ok: true; input: unknown; pasted?: string } | { ok: false; errors: ValidationError[]; pasted?: string };

async function readSubmission(c: Context<AppEnv>): Promise<Submitted> {
  const form = await c.req.formData();
  const file = form.get('file');
  const pastedRaw = form.get('json');
  const pasted = typeof pastedRaw === 'string' && pastedRaw.trim() ? pastedRaw : undefined;
  let text: string;
  if (file && typeof file !== 'string' && file.size > 0) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return { ok: false, errors: [{ path: '(document)', message: r.notUtf8 }] };
    }
  } else if (pasted) {
    text = pasted;
  } else {
    return { ok: false, errors: [{ path: '(document)', message: r.noInput }] };
  }
  const json = parseReferentialJson(text);
  return json.ok ? { ok: true, input: json.value, pasted } : { ok: false, errors: json.errors, pasted };
}

adminReferentialRoutes.post('/import', async (c) => {
  const { db, clock } = c.get('deps');
  const submitted = await readSubmission(c);
  const result = submitted.ok ? importReferential(db, submitted.input, currentUser(c).id, clock()) : submitted;
  if (!result.ok) {
    const groups = groupErrors(submitted.ok ? submitted.input : null, result.errors);
    return page(c, r.importTitle, <ImportPage csrf={c.get('csrf')} errors={groups} json={submitted.pasted} />, { status: 422, wide: true });
  }
  const ref = result.referential;
  return redirectWith(c, `/admin/referentials/${ref.id}`, { kind: 'success', message: r.imported(ref.label, questionCount(ref)) });
});

adminReferentialRoutes.get('/:refId/export.json', (c) => {
  const row = getReferentialRow(c.get('deps').db, c.req.param('refId')) ?? notFound();
  c.header('Content-Disposition', `attachment; filename="${row.id}.json"`);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(row.document, null, 2) + '\n', 200, { 'Content-Type': 'application/json; charset=utf-8' });
});

adminReferentialRoutes.get('/:refId', (c) => {
  const { db } = c.get('deps');
  const row = getReferentialRow(db, c.req.param('refId')) ?? notFound();
  const ref = documentOf(row);
  const codes = indexOf(ref).entries.flatMap((e) => e.question.services);
  return page(
    c,
    r.versionTitle(row.label),
    <ReferentialPage
      row={row}
      ref={ref}
      usage={referentialUsage(db).get(row.id) ?? 0}
      services={getServicesByCode(db, codes)}
      csrf={c.get('csrf')}
      openAll={c.req.query('tout') === '1'}
    />,
    { wide: true },
  );
});

adminReferentialRoutes.post('/:refId/publish', (c) => {
  const { db, clock } = c.get('deps');
  const row = getReferentialRow(db, c.req.param('refId')) ?? notFound();
  const url = `/admin/referentials/${row.id}`;
  if (!publishReferential(db, row.id, currentUser(c).id, clock())) return redirectWith(c, url, { kind: 'info', message: r.alreadyPublished });
  return redirectWith(c, url, { kind: 'success', message: r.published_(row.label) });
});

adminReferentialRoutes.post('/:refId/default', (c) => {
  const { db, clock } = c.get('deps');
  const row = getReferentialRow(db, c.req.param('refId')) ?? notFound();
  const url = `/admin/referentials/${row.id}`;
  if (row.isDefault) return redirectWith(c, url, { kind: 'info', message: r.defaultNow });
  if (!setDefaultReferential(db, row.id, currentUser(c).id, clock())) return redirectWith(c, url, { kind: 'error', message: r.publishFirst });
  return redirectWith(c, url, { kind: 'success', message: r.defaultSet(row.label) });
});
