// Admin pages for referential versions and the services catalogue, through app.request() like a
// browser: list, browse, export, import (round-trip and refusals), publish, default, services CRUD,
// and the 404 every other visitor gets.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { auditEvents, diagnostics, referentials } from '../../src/db/schema.ts';
import { activeServiceCodes, builtinReferential, builtinReferentials, getService, listReferentials } from '../../src/referential/store.ts';
import { importable } from '../fixtures/importable.ts';

/** Posts a multipart form (file upload) with the client's cookies and CSRF token. */
async function postMultipart(ctx: TestContext, c: Client, path: string, parts: { file?: { name: string; content: string }; json?: string; csrf?: string | null }) {
  const form = new FormData();
  const token = parts.csrf === undefined ? c.csrf : parts.csrf;
  if (token !== null) form.set('_csrf', token);
  if (parts.file) form.set('file', new File([parts.file.content], parts.file.name, { type: 'application/json' }));
  else form.set('file', new File([], '', { type: 'application/octet-stream' }));
  form.set('json', parts.json ?? '');
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await ctx.app.request(path, { method: 'POST', body: form, headers: { Cookie: cookie } });
  // Keep the flash cookie like a browser, so that the next page shows the message.
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const i = pair!.indexOf('=');
    const value = pair!.slice(i + 1).trim();
    if (value && !/max-age=0/i.test(line)) c.cookies.set(pair!.slice(0, i).trim(), value);
  }
  return res;
}

async function follow(c: Client, res: Response) {
  expect(res.status).toBe(303);
  return text(await (await c.get(res.headers.get('Location')!)).text());
}

function auditCount(ctx: TestContext) {
  return ctx.db.select().from(auditEvents).all().length;
}

describe('referential versions', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeEach(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
    admin = new Client(ctx);
    await admin.login('admin@cap.test');
  });

  it('lists the versions with their status, default flag and use', async () => {
    const orgId = org(ctx.db);
    ctx.db.insert(diagnostics).values({ id: 'd1', organisationId: orgId, referentialId: 'cap-2023', status: 'draft', mode: 'autodiagnostic', participants: [], createdAt: ctx.now.value.toISOString() }).run();
    const res = await admin.get('/admin/referentials');
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = text(html);
    expect(page).toContain('Référentiels');
    expect(page).toMatch(/CAP 2023 cap-2023 Publiée Intégrée 81 1 diagnostic/);
    expect(page).toMatch(/CAP 2026 cap-2026 Publiée Par défaut Intégrée 101 Aucun/);
    expect(html).toContain('href="/admin/referentials/cap-2023"');
    expect(html).toContain('href="/admin/referentials/cap-2023/export.json"');
    expect(html).toMatch(/<form method="post" action="\/admin\/referentials\/import" enctype="multipart\/form-data"/);
    expect(html).toContain('name="file" type="file"');
  });

  it('shows one version with every field of its questions', async () => {
    const res = await admin.get('/admin/referentials/cap-2023');
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain('Référentiel « CAP 2023 »');
    expect(page).toContain('4 thèmes, 25 critères, 81 questions');
    const ai = builtinReferentials()[0]!.themes[1]!.criteria.find((c) => c.code === 'SV-7')!.questions[0]!;
    expect(page).toContain(text(`SV-7.1 ${ai.text}`));
    expect(page).toContain('Seulement : AI');
    expect(page).toContain(text(`Aide : ${ai.help}`));
    for (let n = 0; n < 5; n++) expect(page).toContain(text(`Niveau ${n} : ${ai.levels[n]}`));
    for (const e of ai.evidence) expect(page).toContain(text(e));
    expect(page).toContain('Obligation légale Oui');
    expect(page).toContain('« Non applicable » permis Oui');
    expect(page).toContain('Types de structure concernés Association intermédiaire (AI)');
    expect(page).toContain('Clauses ISO 9001 8.2 (Réalisation des activités opérationnelles) ; 8.5 (Réalisation des activités opérationnelles)');
    expect(page).toContain('Questions centrales ISO 26000 Loyauté des pratiques');
    expect(page).toContain(text(`Recommandation pour le plan de progrès ${ai.recommendation.title} ${ai.recommendation.text}`));
    expect(page).toMatch(/Services qui aident .*JUR-PLATEFORME/);
    expect(page).toContain(getService(ctx.db, 'JUR-PLATEFORME')!.name);
    // Published, no longer the default: it may become it again.
    expect(page).toContain('En faire la version par défaut');
    expect(page).not.toContain('Publier cette version');
    // CAP 2023 has no glossary, guide or mapping.
    expect(page).not.toContain('Glossaire');
    expect((await admin.get('/admin/referentials/inconnue')).status).toBe(404);
  });

  it('shows the legal sources, compliance level and ISO 26000 issues of CAP 2026, with its guide, glossary and mapping', async () => {
    const html = await (await admin.get('/admin/referentials/cap-2026')).text();
    const page = text(html);
    expect(page).toContain('C’est la version par défaut des nouveaux diagnostics.');
    const ref = builtinReferential();
    const q = ref.themes[2]!.criteria.find((c) => c.code === 'FS-2')!.questions[0]!;
    expect(q.code).toBe('FS-2.1');
    expect(page).toContain('Obligation remplie à partir du niveau 3');
    expect(page).toContain(text(`${q.legalRefs![0]!.text}, ${q.legalRefs![0]!.article}`));
    expect(page).toContain('vérifiée le 1er décembre 2026');
    expect(page).toContain('Domaines d’action ISO 26000 6.4.6 Santé et sécurité au travail');
    expect(page).toContain('Guide de choix du niveau');
    expect(page).toContain(`Glossaire (${ref.glossary!.length} termes)`);
    expect(page).toContain('Correspondance avec la version cap-2023');
    // ID-1.3 of CAP 2023 went into SV-1.2, linked to its question.
    expect(html).toMatch(/<code>ID-1\.3<\/code><\/th><td><a href="#q-SV-1\.2">SV-1\.2<\/a><\/td>/);
  });

  it('exports a version as a JSON download', async () => {
    const res = await admin.get('/admin/referentials/cap-2023/export.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="cap-2023.json"');
    expect(JSON.parse(await res.text())).toEqual(builtinReferentials()[0]);
    expect(JSON.parse(await (await admin.get('/admin/referentials/cap-2026/export.json')).text())).toEqual(builtinReferential());
    expect((await admin.get('/admin/referentials/inconnue/export.json')).status).toBe(404);
  });

  it('round-trips: export, change the id, import gives the same document as a draft', async () => {
    // CAP 2023 predates the legal sources and no longer validates: round-trip a version that does.
    await admin.get('/admin/referentials');
    await postMultipart(ctx, admin, '/admin/referentials/import', { json: JSON.stringify(importable('cap-source', 'CAP 2023')) });
    const exported = await (await admin.get('/admin/referentials/cap-source/export.json')).text();
    const doc = JSON.parse(exported);
    doc.id = 'cap-2025';
    doc.label = 'CAP 2025';
    const res = await postMultipart(ctx, admin, '/admin/referentials/import', { file: { name: 'cap-2025.json', content: JSON.stringify(doc, null, 2) } });
    expect(res.headers.get('Location')).toBe('/admin/referentials/cap-2025');
    const page = await follow(admin, res);
    expect(page).toContain('La version « CAP 2025 » est importée comme brouillon (101 questions). Relisez-la, puis publiez-la.');
    expect(page).toContain('Brouillon');
    expect(page).toContain('Publier cette version');
    const again = JSON.parse(await (await admin.get('/admin/referentials/cap-2025/export.json')).text());
    expect(again).toEqual(doc);
    expect({ ...again, id: 'cap-source', label: 'CAP 2023' }).toEqual(JSON.parse(exported));
    const trail = ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2025')).all();
    expect(trail.map((e) => e.action)).toEqual(['import']);
    expect(trail[0]!.userId).toBeTruthy();
  });

  it('imports from the pasted JSON when no file is chosen', async () => {
    await admin.get('/admin/referentials');
    const json = JSON.stringify(importable('cap-colle', 'CAP collé'));
    const res = await postMultipart(ctx, admin, '/admin/referentials/import', { json });
    expect(res.headers.get('Location')).toBe('/admin/referentials/cap-colle');
  });

  it('refuses an invalid file with every error grouped by question, in French, with its path, and stores nothing', async () => {
    const doc = JSON.parse(JSON.stringify(importable('cap-faux', 'CAP faux')));
    doc.themes[2].criteria[0].questions[2].iso9001 = ['7.1', '4.9'];
    doc.themes[0].criteria[5].questions[0].code = 'ID-1.1'; // ID-6.1, new in CAP 2026: no mapping points to it
    doc.themes[1].criteria[0].questions[0].services[0] = 'SERVICE-FANTOME';
    doc.themes[3].criteria[0].questions[0].weight = 4;
    const before = { refs: listReferentials(ctx.db).length, audit: auditCount(ctx) };
    await admin.get('/admin/referentials');
    const res = await postMultipart(ctx, admin, '/admin/referentials/import', { file: { name: 'faux.json', content: JSON.stringify(doc) } });
    expect(res.status).toBe(422);
    const page = text(await res.text());
    expect(page).toContain('Import refusé : 4 erreurs, rien n’a été enregistré');
    // Grouped by question, in the document's order, each field in French with its JSON path after it.
    expect(page).toContain('Question ID-1.1 n° 1 du critère ID-6, thème « Identité et projet » code : code « ID-1.1 » déjà utilisé : question n° 1 du critère ID-1, thème « Identité et projet » chemin : themes[0].criteria[5].questions[0].code');
    expect(page).toContain('Question SV-1.1 n° 1 du critère SV-1, thème « Services aux personnes en parcours et aux clients » service n° 1 : service « SERVICE-FANTOME » absent du catalogue chemin : themes[1].criteria[0].questions[0].services[0]');
    expect(page).toContain('Question FS-1.4 n° 3 du critère FS-1, thème « Fonctions support et ressources » clause ISO 9001 n° 2 : clause ISO 9001 inconnue « 4.9 »');
    expect(page).toContain('chemin : themes[2].criteria[0].questions[2].iso9001[1]');
    expect(page).toContain('Question AC-1.1 n° 1 du critère AC-1, thème « Amélioration continue » poids : doit être 1, 2 ou 3, pas 4 chemin : themes[3].criteria[0].questions[0].weight');
    expect({ refs: listReferentials(ctx.db).length, audit: auditCount(ctx) }).toEqual(before);
    expect(ctx.db.select().from(referentials).where(eq(referentials.id, 'cap-faux')).get()).toBeUndefined();
  });

  it('refuses unreadable JSON, an empty form, and an id already taken; keeps the pasted text', async () => {
    await admin.get('/admin/referentials');
    const broken = '{\n  "id": "cap-x",\n  "label" "x"\n}';
    const bad = await postMultipart(ctx, admin, '/admin/referentials/import', { json: broken });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(text(html)).toMatch(/Le document Le contenu n’est pas un JSON lisible \(vers la ligne 3, colonne \d+\)/);
    expect(text(html)).toContain('"label" "x"');
    const empty = await postMultipart(ctx, admin, '/admin/referentials/import', {});
    expect(empty.status).toBe(422);
    expect(text(await empty.text())).toContain('Choisissez un fichier JSON ou collez son contenu.');
    const taken = await postMultipart(ctx, admin, '/admin/referentials/import', { file: { name: 'x.json', content: JSON.stringify({ ...importable('cap-2023', 'CAP 2023'), mapping: undefined }) } });
    expect(taken.status).toBe(422);
    expect(text(await taken.text())).toContain('Le document identifiant de la version : la version « cap-2023 » existe déjà : choisissez un autre identifiant chemin : id');
    expect(listReferentials(ctx.db)).toHaveLength(2);
  });

  it('publishes a draft, then makes it the default; a draft cannot be the default', async () => {
    await admin.get('/admin/referentials');
    await postMultipart(ctx, admin, '/admin/referentials/import', { json: JSON.stringify(importable('cap-2025', 'CAP 2025')) });
    await admin.get('/admin/referentials/cap-2025');
    const early = await admin.post('/admin/referentials/cap-2025/default');
    expect(await follow(admin, early)).toContain('Publiez d’abord cette version pour pouvoir en faire la version par défaut.');

    const pub = await admin.post('/admin/referentials/cap-2025/publish');
    expect(pub.headers.get('Location')).toBe('/admin/referentials/cap-2025');
    const page = await follow(admin, pub);
    expect(page).toContain('La version « CAP 2025 » est publiée.');
    expect(page).toContain('En faire la version par défaut');
    expect(page).not.toContain('Publier cette version');
    expect(await follow(admin, await admin.post('/admin/referentials/cap-2025/publish'))).toContain('Cette version est déjà publiée.');

    const def = await admin.post('/admin/referentials/cap-2025/default');
    expect(await follow(admin, def)).toContain('« CAP 2025 » est désormais la version par défaut des nouveaux diagnostics.');
    const list = text(await (await admin.get('/admin/referentials')).text());
    expect(list).toMatch(/CAP 2023 cap-2023 Publiée Intégrée 81/);
    expect(list).toMatch(/CAP 2025 cap-2025 Publiée Par défaut 101/);
    const actions = ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2025')).all().map((e) => e.action);
    expect(actions).toEqual(['import', 'publish', 'set-default']);
    expect((await admin.post('/admin/referentials/inconnue/publish')).status).toBe(404);
  });

  it('refuses a forged form (no CSRF token)', async () => {
    await admin.get('/admin/referentials');
    const res = await postMultipart(ctx, admin, '/admin/referentials/import', { json: '{}', csrf: null });
    expect(res.status).toBe(403);
    expect((await admin.post('/admin/referentials/cap-2023/default', {}, { csrf: null })).status).toBe(403);
  });
});

describe('the services catalogue', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeEach(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
    admin = new Client(ctx);
    await admin.login('admin@cap.test');
  });

  it('lists the services with their kind, contact, use and state', async () => {
    const res = await admin.get('/admin/services');
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = text(html);
    expect(page).toContain('Services de la fédération');
    const s = getService(ctx.db, 'JUR-PLATEFORME')!;
    expect(page).toContain(`${s.name} JUR-PLATEFORME Juridique ${s.contact}`);
    expect(html).toContain('href="/admin/services/JUR-PLATEFORME/edit"');
    expect(html).toContain('href="/admin/services/new"');
  });

  it('creates a service, refusing invalid input and a code already taken', async () => {
    await admin.get('/admin/services/new');
    const bad = await admin.post('/admin/services', { code: 'mauvais code', name: '', kind: 'magie', description: '', contact: '' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    const badPage = text(badHtml);
    expect(badPage).toContain('Le formulaire contient des erreurs');
    expect(badPage).toContain('Le code s’écrit en majuscules, chiffres et tirets');
    expect(badPage).toContain('Ce champ est obligatoire.');
    expect(badPage).toContain('Choisissez une valeur de la liste.');
    expect(badHtml).toContain('value="mauvais code"');

    const taken = await admin.post('/admin/services', { code: 'CAP-RSE', name: 'Doublon', kind: 'outil', description: 'x', contact: 'y' });
    expect(taken.status).toBe(422);
    expect(text(await taken.text())).toContain('Un service existe déjà avec ce code.');

    const before = auditCount(ctx);
    const ok = await admin.post('/admin/services', { code: 'outil-rgpd', name: 'Kit RGPD', kind: 'outil', description: 'Modèles de registre et de mentions.', contact: 'rgpd@coorace.test' });
    expect(ok.headers.get('Location')).toBe('/admin/services');
    const list = await follow(admin, ok);
    expect(list).toContain('Le service « Kit RGPD » est ajouté au catalogue.');
    expect(list).toContain('Kit RGPD OUTIL-RGPD Outil rgpd@coorace.test');
    expect(getService(ctx.db, 'OUTIL-RGPD')).toMatchObject({ active: true, kind: 'outil' });
    expect(auditCount(ctx)).toBe(before + 1);
  });

  it('edits a service; its code does not change', async () => {
    const edit = await admin.get('/admin/services/CAP-RSE/edit');
    expect(edit.status).toBe(200);
    const html = await edit.text();
    expect(html).toContain('action="/admin/services/CAP-RSE"');
    expect(html).not.toContain('name="code"');
    const bad = await admin.post('/admin/services/CAP-RSE', { name: '', kind: 'accompagnement', description: 'd', contact: 'c' });
    expect(bad.status).toBe(422);
    const ok = await admin.post('/admin/services/CAP-RSE', { code: 'AUTRE', name: 'Accompagnement RSE régional', kind: 'accompagnement', description: 'Nouvelle description.', contact: 'rse@coorace.test' });
    expect(await follow(admin, ok)).toContain('Le service « Accompagnement RSE régional » est enregistré.');
    expect(getService(ctx.db, 'CAP-RSE')).toMatchObject({ name: 'Accompagnement RSE régional', contact: 'rse@coorace.test' });
    expect(getService(ctx.db, 'AUTRE')).toBeUndefined();
    const trail = ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'CAP-RSE')).all().map((e) => e.action);
    expect(trail).toEqual(['create', 'update']);
    expect((await admin.get('/admin/services/INCONNU/edit')).status).toBe(404);
  });

  it('deactivates a service so that it is no longer proposed, and reactivates it', async () => {
    await admin.get('/admin/services/CAP-RSE/edit');
    const off = await admin.post('/admin/services/CAP-RSE/active', { active: '0' });
    expect(off.headers.get('Location')).toBe('/admin/services/CAP-RSE/edit');
    const page = await follow(admin, off);
    expect(page).toContain('n’est plus proposé dans les nouveaux plans');
    expect(page).toContain('Réactiver le service');
    expect(activeServiceCodes(ctx.db).has('CAP-RSE')).toBe(false);
    expect(text(await (await admin.get('/admin/services')).text())).toMatch(/CAP-RSE .* Désactivé/);
    // The referential still shows it, marked as deactivated.
    expect(text(await (await admin.get('/admin/referentials/cap-2023')).text())).toMatch(/\(\s*CAP-RSE\s*\)\s*désactivé/);
    const on = await admin.post('/admin/services/CAP-RSE/active', { active: '1' });
    expect(await follow(admin, on)).toContain('est réactivé');
    expect(activeServiceCodes(ctx.db).has('CAP-RSE')).toBe(true);
  });
});

describe('refusals for everyone but admins', () => {
  it('answers 404 to members and consultants and sends anonymous visitors to the login page', async () => {
    const ctx = makeApp();
    const orgId = org(ctx.db);
    await user(ctx.db, 'admin', 'admin@cap.test');
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
    const gets = ['/admin/referentials', '/admin/referentials/cap-2023', '/admin/referentials/cap-2023/export.json', '/admin/referentials/import', '/admin/services', '/admin/services/new', '/admin/services/CAP-RSE/edit'];
    const posts = ['/admin/referentials/import', '/admin/referentials/cap-2023/publish', '/admin/referentials/cap-2023/default', '/admin/services', '/admin/services/CAP-RSE', '/admin/services/CAP-RSE/active'];
    for (const email of ['membre@cap.test', 'conseil@cap.test']) {
      const c = new Client(ctx);
      await c.login(email);
      for (const path of gets) expect((await c.get(path)).status, `${email} GET ${path}`).toBe(404);
      for (const path of posts) expect((await c.post(path, { active: '0', name: 'x' })).status, `${email} POST ${path}`).toBe(404);
    }
    const anon = new Client(ctx);
    const res = await anon.get('/admin/referentials');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/login?next=%2Fadmin%2Freferentials');
    expect(activeServiceCodes(ctx.db).has('CAP-RSE')).toBe(true);
    expect(getService(ctx.db, 'CAP-RSE')!.name).not.toBe('x');
  });
});
