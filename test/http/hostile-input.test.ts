// Hostile input, end to end. Every free-text field is typed through the application's own forms
// with script, markup, template, SQL, emoji and right-to-left payloads; every page that shows the
// field must show the text escaped (no element, no attribute injected), the PDF and the CSV exports
// must carry it literally, and the database must store it as typed with its tables intact. Then
// requests no browser sends: oversized, malformed, wrongly typed, with extra fields, and paths that
// try to read files outside static/.
import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, text, user, type TestContext } from '../support/app.ts';
import { actions, answers, diagnostics, organisations, referentials, reviewComments, services, users } from '../../src/db/schema.ts';
import { escapeHtml } from '../../src/web/errors.tsx';
import { withRevision } from '../support/plan.ts';
import {
  buildWorld,
  expectShownEscaped,
  FORMULAS,
  injectedMarkup,
  parseCsv,
  PAYLOADS,
  pdfText,
  squash,
  THEME,
  type FieldKey,
  type Values,
  type World,
} from './hostile-input-fixtures.ts';

// ---------------------------------------------------------------------------------------------
// Where text shows: each page, who looks at it.

type Who = 'admin' | 'member' | 'consultant';
const PAGES = {
  accueil: { as: 'member', path: () => '/' },
  'liste des structures': { as: 'admin', path: () => '/organisations' },
  'page de la structure': { as: 'member', path: (w) => `/organisations/${w.orgId}` },
  'fiche structure (admin)': { as: 'admin', path: (w) => `/admin/organisations/${w.orgId}/edit` },
  'vue d’ensemble': { as: 'member', path: (w) => `/diagnostics/${w.diagId}` },
  'vue d’ensemble (conseil)': { as: 'consultant', path: (w) => `/diagnostics/${w.diagId}` },
  'page du thème': { as: 'member', path: (w) => `/diagnostics/${w.diagId}/themes/${THEME}` },
  'page du thème (conseil)': { as: 'consultant', path: (w) => `/diagnostics/${w.diagId}/themes/${THEME}` },
  résultats: { as: 'member', path: (w) => `/diagnostics/${w.diagId}/results` },
  'résultats (conseil)': { as: 'consultant', path: (w) => `/diagnostics/${w.diagId}/results` },
  plan: { as: 'member', path: (w) => `/diagnostics/${w.diagId}/plan` },
  historique: { as: 'member', path: (w) => `/diagnostics/${w.diagId}/history` },
  // Newest first, a hundred events a page: the diagnostic's start and first answer are on page 2.
  'historique (début)': { as: 'member', path: (w) => `/diagnostics/${w.diagId}/history?page=2` },
  'tableau fédéral': { as: 'consultant', path: () => '/federation' },
  'journal : référentiels': { as: 'admin', path: () => '/admin/audit?entity=referential' },
  'journal : services': { as: 'admin', path: () => '/admin/audit?entity=service' },
  'journal : structures': { as: 'admin', path: () => '/admin/audit?entity=organisation' },
  'journal : comptes': { as: 'admin', path: () => '/admin/audit?entity=user' },
  'journal : diagnostics': { as: 'admin', path: () => '/admin/audit?entity=diagnostic' },
  'journal : réponses': { as: 'admin', path: () => '/admin/audit?entity=answer' },
  'journal : remarques': { as: 'admin', path: () => '/admin/audit?entity=review_comment' },
  'journal : actions': { as: 'admin', path: () => '/admin/audit?entity=action' },
  comptes: { as: 'admin', path: () => '/admin/users' },
  'fiche compte': { as: 'admin', path: (w) => `/admin/users/${w.memberId}/edit` },
  services: { as: 'admin', path: () => '/admin/services' },
  'fiche service': { as: 'admin', path: (w) => `/admin/services/${w.serviceCode}/edit` },
  référentiels: { as: 'admin', path: () => '/admin/referentials' },
  'version du référentiel': { as: 'admin', path: (w) => `/admin/referentials/${w.refId}` },
  'mon compte': { as: 'member', path: () => '/account' },
} satisfies Record<string, { as: Who; path: (w: World) => string }>;
type PageName = keyof typeof PAGES;

// ---------------------------------------------------------------------------------------------
// Every free-text field: how it is set (see buildWorld), the pages that show it as text, the pages
// that hold it in a form field's value attribute, and whether the PDF and which CSV carry it.

interface Field {
  key: FieldKey;
  label: string;
  setBy: string;
  pages: PageName[];
  attributes?: PageName[];
  pdf?: boolean;
  csv?: 'réponses' | 'fédération';
}

const FIELDS: Field[] = [
  { key: 'referentialLabel', label: 'libellé d’une version du référentiel', setBy: 'POST /admin/referentials/import', pages: ['vue d’ensemble', 'résultats', 'référentiels', 'version du référentiel', 'journal : référentiels'], pdf: true },
  { key: 'serviceName', label: 'nom d’un service', setBy: 'POST /admin/services', pages: ['services', 'fiche service', 'plan', 'journal : services'], attributes: ['fiche service'], pdf: true },
  { key: 'serviceDescription', label: 'description d’un service', setBy: 'POST /admin/services', pages: ['fiche service', 'journal : services'], pdf: true },
  { key: 'serviceContact', label: 'contact d’un service', setBy: 'POST /admin/services', pages: ['services', 'plan', 'journal : services'], attributes: ['fiche service'], pdf: true },
  {
    key: 'orgName',
    label: 'nom de la structure',
    setBy: 'POST /admin/organisations',
    pages: ['accueil', 'liste des structures', 'page de la structure', 'fiche structure (admin)', 'vue d’ensemble', 'page du thème', 'résultats', 'plan', 'historique', 'tableau fédéral', 'journal : structures', 'comptes', 'fiche compte', 'mon compte'],
    attributes: ['fiche structure (admin)'],
    pdf: true,
    csv: 'fédération',
  },
  {
    key: 'memberName',
    label: 'nom d’un membre',
    setBy: 'POST /admin/users',
    pages: ['accueil', 'page de la structure', 'vue d’ensemble', 'page du thème', 'page du thème (conseil)', 'historique', 'journal : comptes', 'journal : réponses', 'comptes', 'fiche compte', 'mon compte'],
    attributes: ['fiche compte'],
    csv: 'réponses',
  },
  {
    key: 'consultantName',
    label: 'nom d’un conseiller',
    setBy: 'POST /admin/users',
    pages: ['vue d’ensemble', 'page du thème', 'résultats', 'historique', 'tableau fédéral', 'journal : comptes', 'journal : remarques', 'comptes'],
    pdf: true,
    csv: 'réponses',
  },
  { key: 'participantName', label: 'nom d’un participant', setBy: 'POST /organisations/:orgId/diagnostics', pages: ['vue d’ensemble', 'vue d’ensemble (conseil)', 'historique (début)', 'journal : diagnostics'], pdf: true },
  { key: 'answerComment', label: 'commentaire d’une réponse', setBy: 'POST /diagnostics/:id/answers/:code', pages: ['page du thème', 'page du thème (conseil)', 'historique (début)', 'journal : réponses'], pdf: true, csv: 'réponses' },
  { key: 'remarkDiagnostic', label: 'remarque sur le diagnostic', setBy: 'POST /diagnostics/:id/comments', pages: ['vue d’ensemble', 'vue d’ensemble (conseil)', 'résultats', 'résultats (conseil)', 'historique', 'journal : remarques'], pdf: true },
  { key: 'remarkTheme', label: 'remarque sur un thème', setBy: 'POST /diagnostics/:id/comments', pages: ['page du thème', 'page du thème (conseil)', 'résultats', 'résultats (conseil)', 'historique', 'journal : remarques'], pdf: true },
  { key: 'remarkQuestion', label: 'remarque sur une question', setBy: 'POST /diagnostics/:id/comments', pages: ['page du thème', 'page du thème (conseil)', 'résultats', 'historique', 'journal : remarques'], pdf: true, csv: 'réponses' },
  { key: 'changesMessage', label: 'message de demande de modifications', setBy: 'POST /diagnostics/:id/request-changes', pages: ['vue d’ensemble', 'vue d’ensemble (conseil)', 'historique', 'journal : diagnostics'] },
  { key: 'actionTitle', label: 'intitulé d’une action', setBy: 'POST /diagnostics/:id/actions/:actionId', pages: ['plan', 'historique', 'journal : actions'], attributes: ['plan'], pdf: true },
  // Proposed actions print the referential's recommendation in the PDF, not their description.
  { key: 'actionDescription', label: 'description d’une action', setBy: 'POST /diagnostics/:id/actions/:actionId', pages: ['plan', 'historique', 'journal : actions'] },
  { key: 'actionOwner', label: 'responsable d’une action', setBy: 'POST /diagnostics/:id/actions/:actionId', pages: ['plan', 'historique', 'journal : actions'], attributes: ['plan'], pdf: true },
  { key: 'actionNotes', label: 'notes de suivi d’une action', setBy: 'POST /diagnostics/:id/actions/:actionId', pages: ['plan', 'historique', 'journal : actions'], pdf: true },
  { key: 'dropReason', label: 'raison d’abandon', setBy: 'POST /diagnostics/:id/actions/:actionId/drop', pages: ['plan', 'historique', 'journal : actions'], pdf: true },
  { key: 'customTitle', label: 'intitulé d’une action ajoutée', setBy: 'POST /diagnostics/:id/actions', pages: ['plan', 'historique', 'journal : actions'], attributes: ['plan'], pdf: true },
  { key: 'customDescription', label: 'description d’une action ajoutée', setBy: 'POST /diagnostics/:id/actions', pages: ['plan', 'historique', 'journal : actions'], pdf: true },
  { key: 'customOwner', label: 'responsable d’une action ajoutée', setBy: 'POST /diagnostics/:id/actions', pages: ['plan', 'historique', 'journal : actions'], attributes: ['plan'], pdf: true },
  { key: 'customNotes', label: 'notes d’une action ajoutée', setBy: 'POST /diagnostics/:id/actions', pages: ['plan', 'historique', 'journal : actions'], pdf: true },
];

/** Each field gets the payload followed by its own tag, so that a page can be checked field by field. */
function valuesFor(payload: string): Values {
  return Object.fromEntries(FIELDS.map((f) => [f.key, `${payload} [${f.key}]`])) as Values;
}

/** Bidirectional controls a PDF reader may add around right-to-left runs: presentation, not content. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What the database holds for each field. */
function stored(w: World): Values {
  const db = w.ctx.db;
  const d = db.select().from(diagnostics).where(eq(diagnostics.id, w.diagId)).get()!;
  const o = db.select().from(organisations).where(eq(organisations.id, w.orgId)).get()!;
  const sv = db.select().from(services).where(eq(services.code, w.serviceCode)).get()!;
  const act = (id: string) => db.select().from(actions).where(eq(actions.id, id)).get()!;
  const remark = (kind: 'diagnostic' | 'theme' | 'question') =>
    db.select().from(reviewComments).where(and(eq(reviewComments.diagnosticId, w.diagId), eq(reviewComments.targetKind, kind))).get()!.body;
  const name = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!.name;
  const [edited, dropped, custom] = [act(w.editedActionId), act(w.droppedActionId), act(w.customActionId)];
  return {
    referentialLabel: db.select().from(referentials).where(eq(referentials.id, w.refId)).get()!.label,
    serviceName: sv.name,
    serviceDescription: sv.description,
    serviceContact: sv.contact,
    orgName: o.name,
    memberName: name(w.memberId),
    consultantName: name(w.consultantId),
    participantName: d.participants[0]!.name,
    answerComment: db.select().from(answers).where(and(eq(answers.diagnosticId, w.diagId), eq(answers.questionCode, w.question))).get()!.comment,
    remarkDiagnostic: remark('diagnostic'),
    remarkTheme: remark('theme'),
    remarkQuestion: remark('question'),
    changesMessage: d.reviewMessage!,
    actionTitle: edited.title,
    actionDescription: edited.description,
    actionOwner: edited.owner,
    actionNotes: edited.notes,
    dropReason: dropped.droppedReason!,
    customTitle: custom.title,
    customDescription: custom.description,
    customOwner: custom.owner,
    customNotes: custom.notes,
  };
}

function tables(ctx: TestContext): string[] {
  return (ctx.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const HX = { 'HX-Request': 'true' };

// ---------------------------------------------------------------------------------------------

describe('the markup check', () => {
  it('catches each markup payload written unescaped where it aims, and passes it escaped', () => {
    const [[, script], [, attribute], [, textarea]] = PAYLOADS;
    expect(injectedMarkup(`<p>${script}</p>`)).toEqual(['<script>']);
    expect(injectedMarkup(`<input value="${attribute}">`)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(injectedMarkup(`<textarea>${textarea}</textarea>`)).toEqual(['<b>']);
    expect(injectedMarkup('<a href="/x" onclick="alert(1)">x</a>')).toHaveLength(1);
    for (const [, p] of PAYLOADS) {
      expect(injectedMarkup(`<p>${escapeHtml(p)}</p><textarea>${escapeHtml(p)}</textarea><input value="${escapeHtml(p)}"><script src="/static/app.js" defer=""></script>`)).toEqual([]);
    }
  });
});

describe.each(PAYLOADS)('charge « %s »', (_label, payload) => {
  const values = valuesFor(payload);
  const visited = new Map<string, string>();
  const pages = new Map<PageName, string>();
  let w: World;
  let tablesBefore: string[];
  let pdf: string;
  let rawCsv: { réponses: string; fédération: string };
  let csv: { réponses: string[][]; fédération: string[][] };

  beforeAll(async () => {
    w = await buildWorld(values, visited);
    tablesBefore = tables(w.ctx);
    // Every page is read once, right after the world is built, before any test writes more.
    for (const [name, p] of Object.entries(PAGES) as [PageName, (typeof PAGES)[PageName]][]) {
      const res = await w[p.as].get(p.path(w));
      expect(res.status, name).toBe(200);
      pages.set(name, await res.text());
    }
    const pdfRes = await w.member.get(`/diagnostics/${w.diagId}/plan.pdf`);
    expect(pdfRes.headers.get('Content-Type')).toBe('application/pdf');
    pdf = squash((await pdfText(Buffer.from(await pdfRes.arrayBuffer()))).replace(BIDI_CONTROLS, ''));
    rawCsv = {
      réponses: await (await w.member.get(`/diagnostics/${w.diagId}/export.csv`)).text(),
      fédération: await (await w.consultant.get('/federation/export.csv')).text(),
    };
    csv = { réponses: parseCsv(rawCsv.réponses), fédération: parseCsv(rawCsv.fédération) };
  }, 60_000);

  it('no page, nor any page a form redirects to (with its flash message), carries injected markup', () => {
    expect(visited.size).toBeGreaterThan(10);
    for (const [name, html] of [...pages, ...visited]) {
      expect(injectedMarkup(html), name).toEqual([]);
      if (/[<>"'&]/.test(payload)) expect(html.includes(payload), name).toBe(false);
    }
  });

  it.each(FIELDS)('$label ($setBy) is shown escaped on every page that shows it', (f) => {
    for (const name of f.pages) expectShownEscaped(pages.get(name)!, values[f.key], `${name} / ${f.key}`);
    for (const name of f.attributes ?? []) {
      expect(pages.get(name)!, `${name} / value="…" de ${f.key}`).toContain(`value="${escapeHtml(values[f.key])}"`);
    }
  });

  it('the plan PDF prints every value as typed', () => {
    for (const f of FIELDS.filter((x) => x.pdf)) expect(pdf, f.key).toContain(squash(values[f.key]));
  });

  it('the CSV exports carry every value in one quoted cell, as typed', () => {
    for (const f of FIELDS.filter((x) => x.csv)) {
      const cells = csv[f.csv!].flat();
      expect(cells.some((cell) => cell === values[f.key] || cell.startsWith(values[f.key] + ' (') || cell.includes(`: ${values[f.key]}`)), f.key).toBe(true);
    }
    // Quoted, inner quotes doubled, between separators.
    expect(rawCsv.réponses).toContain(`;"${values.answerComment.replace(/"/g, '""')}";`);
    expect(rawCsv.fédération).toContain(`\r\n"${values.orgName.replace(/"/g, '""')}";`);
    // The same number of cells on every line: no payload broke a row apart.
    for (const rows of Object.values(csv)) expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('stores every value exactly as typed (SQL metacharacters included) and leaves the tables intact', () => {
    expect(stored(w)).toEqual(values);
    expect(tables(w.ctx)).toEqual(tablesBefore);
    expect(tables(w.ctx)).toContain('answers');
    expect(w.ctx.db.select().from(answers).where(eq(answers.diagnosticId, w.diagId)).all().length).toBeGreaterThan(50);
  });

  it('forms refused with 422 give the typed text back escaped', async () => {
    const v = `${payload} [refusé]`;
    // Start of the value attribute: the drop reason below is padded past its limit.
    const attr = `value="${escapeHtml(v)}`;
    const refusals: [string, Client, string, Record<string, string | string[]>, 'value' | 'texte'][] = [
      ['organisation', w.admin, '/admin/organisations', { name: v, siret: '123' }, 'value'],
      ['compte', w.admin, '/admin/users', { name: v, email: 'pas-une-adresse', role: 'member' }, 'value'],
      ['service', w.admin, '/admin/services', { code: '!', name: v, description: v, contact: v, kind: 'outil' }, 'texte'],
      ['diagnostic', w.member, `/organisations/${w.orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: v, participantRole: 'chef' }, 'value'],
      ['réponse', w.member, `/diagnostics/${w.diagId}/answers/${w.question}`, { level: '9', comment: v, revision: '1' }, 'texte'],
      ['action', w.member, `/diagnostics/${w.diagId}/actions/${w.editedActionId}`, withRevision(w.ctx.db, w.editedActionId, { title: v, notes: v, status: 'fini' }), 'value'],
      ['action ajoutée', w.member, `/diagnostics/${w.diagId}/actions`, { title: v, description: v, themeSlug: THEME }, 'value'],
      ['abandon', w.member, `/diagnostics/${w.diagId}/actions/${w.customActionId}/drop`, { reason: v.padEnd(600, '.') }, 'value'],
      ['remarque', w.consultant, `/diagnostics/${w.diagId}/comments`, { targetKind: 'nulle-part', body: v, back: `/diagnostics/${w.diagId}` }, 'texte'],
    ];
    for (const [name, c, path, fields, shows] of refusals) {
      for (const headers of [{}, HX]) {
        const res = await c.post(path, fields, { headers });
        const html = await res.text();
        expect(res.status, name).toBe(422);
        expect(injectedMarkup(html), name).toEqual([]);
        if (/[<>"'&]/.test(payload)) expect(html.includes(payload), name).toBe(false);
        // The htmx answer fragment is the question's status line: the field keeps its own text.
        if ('HX-Request' in headers && name === 'réponse') continue;
        const kept = shows === 'value' ? html.includes(attr) : text(html).includes(v);
        expect(kept, `${name}: la saisie refusée n’est pas rendue`).toBe(true);
      }
    }
    expect(stored(w)).toEqual(values);
  });

  it('htmx fragments of saved answers, remarks and actions escape the text too', async () => {
    const v = `${payload} [htmx]`;
    const rev = w.ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, w.diagId), eq(answers.questionCode, w.question))).get()!.revision;
    const saves: [string, Client, string, Record<string, string>][] = [
      ['réponse', w.member, `/diagnostics/${w.diagId}/answers/${w.question}`, { level: '2', comment: v, revision: String(rev), keep: `mine:${w.question}:${rev}` }],
      ['remarque', w.consultant, `/diagnostics/${w.diagId}/comments`, { targetKind: 'theme', target: THEME, body: v, back: `/diagnostics/${w.diagId}` }],
      ['action', w.member, `/diagnostics/${w.diagId}/actions/${w.customActionId}`, withRevision(w.ctx.db, w.customActionId, { title: v, owner: v, notes: v })],
    ];
    for (const [name, c, path, fields] of saves) {
      const res = await c.post(path, fields, { headers: HX });
      expect(res.status, name).toBe(200);
      expectShownEscaped(await res.text(), v, `fragment ${name}`);
    }
    expect(w.ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, w.diagId), eq(answers.questionCode, w.question))).get()!.comment).toBe(v);
  });
});

// ---------------------------------------------------------------------------------------------

describe.each(FORMULAS)('CSV : cellule « %s »', (formula) => {
  const values = valuesFor(formula);
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(values, new Map());
  }, 60_000);

  it('is written with a leading apostrophe in both exports, so that no spreadsheet runs it', async () => {
    const answersCsv = parseCsv(await (await w.member.get(`/diagnostics/${w.diagId}/export.csv`)).text());
    const row = answersCsv.find((r) => r.includes(w.question))!;
    expect(row).toContain(`'${values.answerComment}`);
    expect(row.some((cell) => cell.startsWith(`'${values.memberName} (`))).toBe(true);
    const federation = parseCsv(await (await w.consultant.get('/federation/export.csv')).text());
    expect(federation.map((r) => r[0])).toContain(`'${values.orgName}`);
    // No cell of either file starts like a formula.
    for (const cell of [...answersCsv, ...federation].flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('requests no browser sends', () => {
  let w: World;
  const answerOf = (code: string) => w.ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, w.diagId), eq(answers.questionCode, code))).get()!;
  beforeAll(async () => {
    w = await buildWorld(valuesFor('Texte ordinaire'), new Map());
  }, 60_000);

  function raw(c: Client, path: string, body: BodyInit, type: string, headers: Record<string, string> = {}) {
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return w.ctx.app.request(path, { method: 'POST', body, headers: { 'Content-Type': type, Cookie: cookie, 'X-CSRF-Token': c.csrf, ...headers } });
  }

  it('answers 413 in French to a body over 1 MB on the answer, remark and plan forms, and saves nothing', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const before = answerOf(w.question);
    const posts: [Client, string, Record<string, string>][] = [
      [w.member, `/diagnostics/${w.diagId}/answers/${w.question}`, { level: '3', comment: big, revision: String(before.revision) }],
      [w.consultant, `/diagnostics/${w.diagId}/comments`, { targetKind: 'diagnostic', body: big }],
      [w.member, `/diagnostics/${w.diagId}/actions`, { title: 'Trop long', description: big, themeSlug: THEME, priority: 'haute' }],
    ];
    for (const [c, path, fields] of posts) {
      const page = await c.post(path, fields);
      expect(page.status, path).toBe(413);
      expect(text(await page.text())).toContain('La requête est trop volumineuse (1 Mo au plus).');
      const hx = await c.post(path, fields, { headers: HX });
      expect(hx.status, path).toBe(413);
      expect(await hx.text()).toBe('<p class="field-error" role="alert">La requête est trop volumineuse (1 Mo au plus).</p>');
    }
    expect(answerOf(w.question)).toEqual(before);
    expect(w.ctx.db.select().from(reviewComments).where(eq(reviewComments.diagnosticId, w.diagId)).all()).toHaveLength(3);
    expect(w.ctx.db.select().from(actions).where(eq(actions.title, 'Trop long')).all()).toHaveLength(0);
  });

  it('refuses malformed answers with 422 and a French message, keeping the stored answer', async () => {
    const before = answerOf(w.question);
    const url = `/diagnostics/${w.diagId}/answers/${w.question}`;
    const cases: [Record<string, string>, string][] = [
      [{ level: '5' }, 'Choisissez un niveau de 0 à 4, ou « Non applicable ».'],
      [{ level: 'abc' }, 'Choisissez un niveau de 0 à 4, ou « Non applicable ».'],
      [{ level: '-1' }, 'Choisissez un niveau de 0 à 4, ou « Non applicable ».'],
      [{ level: '2.5' }, 'Choisissez un niveau de 0 à 4, ou « Non applicable ».'],
      [{ level: '2', revision: '-1' }, 'Le formulaire est incomplet (révision absente ou invalide) : rechargez la page.'],
      [{ level: '2', revision: 'x' }, 'Le formulaire est incomplet (révision absente ou invalide) : rechargez la page.'],
      [{ level: '2', revision: '1e3' }, 'Le formulaire est incomplet (révision absente ou invalide) : rechargez la page.'],
      [{ level: '2', comment: 'x'.repeat(2001) }, 'Le commentaire dépasse la limite de 2 000 caractères'],
    ];
    for (const [fields, message] of cases) {
      for (const headers of [{}, HX]) {
        const res = await w.member.post(url, { revision: String(before.revision), ...fields }, { headers });
        expect(res.status, JSON.stringify(fields)).toBe(422);
        expect(text(await res.text())).toContain(message);
      }
    }
    expect(answerOf(w.question)).toEqual(before);
    // A broken multipart body is a malformed request, told in French.
    const broken = await raw(w.member, url, '--xyz\r\nrien', 'multipart/form-data; boundary=xyz');
    expect(broken.status).toBe(400);
    expect(text(await broken.text())).toContain('La requête est mal formée.');
    expect(answerOf(w.question)).toEqual(before);
  });

  it('refuses malformed plan, remark and start forms with 422 and French messages', async () => {
    const plan = `/diagnostics/${w.diagId}/actions`;
    const edit = `${plan}/${w.customActionId}`;
    const cases: [Client, string, Record<string, string | string[]>, string[]][] = [
      [w.member, edit, { dueDate: '31/02/2026' }, ['Saisissez une date d’échéance valide : jour, mois et année (JJ/MM/AAAA).']],
      [w.member, edit, { dueDate: '2026-13-01' }, ['Saisissez une date d’échéance valide']],
      [w.member, edit, { status: 'fini' }, ['Choisissez un statut : à faire, en cours ou fait.']],
      [w.member, edit, { title: '   ' }, ['Donnez un intitulé à l’action.']],
      [w.member, `${edit}/drop`, { reason: '' }, ['Indiquez la raison de l’abandon.']],
      [w.member, plan, { title: 'Nouvelle', themeSlug: 'inconnu', priority: 'urgente', service: 'PAS-UN-SERVICE' }, ['Choisissez un des quatre thèmes.', 'Choisissez une priorité : obligation légale, haute, moyenne ou basse.', 'Choisissez un service du catalogue.']],
      [w.consultant, `/diagnostics/${w.diagId}/comments`, { targetKind: 'question', target: 'XX-9.9', body: 'Remarque' }, ['La cible de la remarque est inconnue pour ce diagnostic.']],
      [w.consultant, `/diagnostics/${w.diagId}/comments`, { targetKind: 'diagnostic', body: '  ' }, ['Écrivez la remarque.']],
      [w.member, `/organisations/${w.orgId}/diagnostics`, { mode: 'autre', participantName: 'Camille', participantRole: 'chef' }, ['Choisissez le mode du diagnostic.', 'Choisissez la fonction de chaque participant.']],
    ];
    const actionsBefore = w.ctx.db.select().from(actions).where(eq(actions.diagnosticId, w.diagId)).all();
    const diagnosticsBefore = w.ctx.db.select().from(diagnostics).all().length;
    for (const [c, path, fields, messages] of cases) {
      const res = await c.post(path, fields);
      expect(res.status, `${path} ${JSON.stringify(fields)}`).toBe(422);
      const body = text(await res.text());
      for (const m of messages) expect(body).toContain(m);
    }
    expect(w.ctx.db.select().from(actions).where(eq(actions.diagnosticId, w.diagId)).all()).toEqual(actionsBefore);
    expect(w.ctx.db.select().from(diagnostics).all()).toHaveLength(diagnosticsBefore);
  });

  it('takes one value when a single-valued field is sent twice: never both, never an array', async () => {
    const before = answerOf(w.question);
    const res = await w.member.post(`/diagnostics/${w.diagId}/answers/${w.question}`, { level: ['2', 'abc'], comment: ['a', 'b'], revision: [String(before.revision), '999'] });
    expect(res.status).toBe(303);
    expect(answerOf(w.question)).toMatchObject({ level: 2, comment: 'a', revision: before.revision + 1 });
    const edit = await w.member.post(`/diagnostics/${w.diagId}/actions/${w.customActionId}`, withRevision(w.ctx.db, w.customActionId, { owner: ['Camille', 'Dominique'], status: ['done', 'fini'] }));
    expect(edit.status).toBe(303);
    expect(w.ctx.db.select().from(actions).where(eq(actions.id, w.customActionId)).get()).toMatchObject({ owner: 'Camille', status: 'done' });
  });

  it('ignores fields the forms do not have: author, role, diagnostic, origin cannot be smuggled in', async () => {
    const other = w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, w.diagId)).get()!;
    const before = answerOf(w.question);
    const res = await w.member.post(`/diagnostics/${w.diagId}/answers/${w.question}`, {
      level: '3',
      comment: 'Réponse honnête',
      revision: String(before.revision),
      role: 'admin',
      updatedBy: w.consultantId,
      updatedByRole: 'consultant',
      diagnosticId: 'autre',
      questionCode: 'ID-9.9',
      prefilledFrom: other.id,
    });
    expect(res.status).toBe(303);
    expect(answerOf(w.question)).toMatchObject({ level: 3, comment: 'Réponse honnête', updatedBy: w.memberId, updatedByRole: 'member', prefilledFrom: null, revision: before.revision + 1 });
    expect(w.ctx.db.select().from(users).where(eq(users.id, w.memberId)).get()!.role).toBe('member');
    expect((await w.member.get('/admin/users')).status).toBe(404);

    const created = await w.member.post(`/diagnostics/${w.diagId}/actions`, {
      title: 'Action de la structure',
      themeSlug: THEME,
      priority: 'basse',
      id: 'choisi',
      origin: 'proposed',
      questionCode: w.question,
      diagnosticId: 'autre',
      status: 'done',
      rank: '-5',
      carriedFromId: w.editedActionId,
    });
    expect(created.status).toBe(303);
    const row = w.ctx.db.select().from(actions).where(eq(actions.title, 'Action de la structure')).get()!;
    expect(row).toMatchObject({ diagnosticId: w.diagId, origin: 'custom', questionCode: null, carriedFromId: null });
    expect(row.id).not.toBe('choisi');

    const remark = await w.consultant.post(`/diagnostics/${w.diagId}/comments`, { targetKind: 'diagnostic', body: 'Remarque signée', authorId: w.memberId, userId: w.memberId, diagnosticId: 'autre' });
    expect(remark.status).toBe(303);
    expect(w.ctx.db.select().from(reviewComments).where(eq(reviewComments.body, 'Remarque signée')).get()).toMatchObject({ diagnosticId: w.diagId, authorId: w.consultantId });
  });

  it('shows SQL metacharacters in filters literally and matches nothing with them', async () => {
    for (const filter of [{ user: "' OR 1=1 --" }, { entity: "x' OR '1'='1" }, { user: '1; DROP TABLE users;--' }] as Record<string, string>[]) {
      const res = await w.admin.get(`/admin/audit?${new URLSearchParams(filter)}`);
      expect(res.status).toBe(200);
      expect(text(await res.text())).toContain('Aucun événement ne correspond');
    }
    // In a path segment, they name nothing: 404, like any unknown id.
    for (const path of [`/organisations/${encodeURIComponent("' OR 1=1 --")}`, `/diagnostics/${encodeURIComponent("x' OR '1'='1")}/results`, `/diagnostics/${w.diagId}/themes/${encodeURIComponent("identite' --")}`]) {
      expect((await w.admin.get(path)).status, path).toBe(404);
    }
    const fed = await w.consultant.get(`/federation?region=${encodeURIComponent("Occitanie' OR 1=1 --")}&type=${encodeURIComponent("ACI' --")}`);
    expect(fed.status).toBe(200);
    expect(text(await fed.text())).not.toContain('Texte ordinaire [orgName]');
    expect(tables(w.ctx)).toEqual(expect.arrayContaining(['answers', 'users', 'organisations', 'audit_events']));
  });

  it('renders a forged flash cookie as text', async () => {
    const payload = '<script>alert(1)</script>';
    const cookie = [...w.member.cookies].filter(([k]) => k !== 'cap_flash').map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await w.ctx.app.request(`/diagnostics/${w.diagId}`, { headers: { Cookie: `${cookie}; cap_flash=${encodeURIComponent(JSON.stringify({ kind: 'success', message: payload }))}` } });
    expect(res.status).toBe(200);
    expectShownEscaped(await res.text(), payload, 'flash');
  });
});

// ---------------------------------------------------------------------------------------------

describe('static files stay inside static/', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
  });

  it('serves a real file (the control)', async () => {
    const res = await ctx.app.request('/static/app.css');
    expect(res.status).toBe(200);
  });

  it.each([
    '/static/..%2fpackage.json',
    '/static/%2e%2e%2fpackage.json',
    '/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/static/..%5cpackage.json',
    '/static/%2e%2e%5c%2e%2e%5cpackage.json',
    '/static/%252e%252e%252fpackage.json',
    '/static/%25%32%65%25%32%65/package.json',
    '/static/%2e%2e/%2e%2e/package.json',
    '/static/....//package.json',
    '/static/%2fetc%2fpasswd',
    '/static/app.css%00',
    '/static/app.css%00.js',
    '/static/.%00./package.json',
    '/static/%c0%ae%c0%ae/package.json',
    '/static/%u002e%u002e/package.json',
    '/static/%E0%A4%A',
    '/static/vendor',
    '/static/../src/app.ts',
  ])('%s is not found and reveals nothing', async (path) => {
    const res = await ctx.app.request(path);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toMatch(/"name": "cap"|root:x:0|createApp|CAP_DATA_DIR/);
  });
});
