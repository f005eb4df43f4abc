// The attacks of a hostile signed-in member, replayed against the real server (started as
// `npm start` starts it, behind a trusted proxy so that client addresses count): each one gets a
// 4xx with a French message, changes nothing it should not, and the server goes on answering.
// The request log is on: no line may show a 5xx, a password, a token or an answer's text.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Database from 'better-sqlite3';
import { dataFile, openDatabase } from '../../src/db/open.ts';
import { LIMITS } from '../../src/validation/limits.ts';
import { t } from '../../src/i18n/index.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/applicability.ts';
import { PASSWORD, text, user } from '../support/app.ts';
import { insertDiagnostic, seedDataDir, tempDir, removeTempDirs, type Seeded } from '../support/datadir.ts';
import { freePort, HttpClient, killServers, startServer, type Server } from '../support/server.ts';

const SECRET_COMMENT = 'texte-de-reponse-confidentiel';
let server: Server;
let seeded: Seeded;
let dir: string;
let otherDraft: string;
const results: string[] = [];
/** Session and CSRF tokens of the clients: none may reach the log. */
const secrets: string[] = [];
async function signedIn(email: string): Promise<HttpClient> {
  const c = new HttpClient(server.base);
  await c.login(email);
  secrets.push(c.csrf, ...c.cookies.values());
  return c;
}
const note = (line: string) => results.push(line);

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dataFile(dir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function healthy() {
  const res = await fetch(`${server.base}/healthz`);
  expect(res.status).toBe(200);
}

/** Requests seen from a client address, as the trusted proxy reports it. */
function from(address: string): Record<string, string> {
  return { 'X-Forwarded-For': address };
}

const code = builtinReferential()
  .themes.flatMap((th) => th.criteria.flatMap((c) => c.questions))
  .find((q) => isApplicable(q, ['ACI']))!.code;

beforeAll(async () => {
  dir = tempDir('attacks');
  seeded = await seedDataDir(dir, 3);
  const db = openDatabase(dataFile(dir));
  await user(db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
  otherDraft = insertDiagnostic(db, seeded.organisationId, null);
  db.$client.close();
  server = await startServer(dir, await freePort(), { CAP_TRUST_PROXY: '1', CAP_LOG_LEVEL: 'info' });
}, 30_000);

afterAll(() => {
  console.info(`Attaques rejouées contre le vrai serveur :\n${results.map((r) => `- ${r}`).join('\n')}`);
  killServers();
  removeTempDirs();
});

describe('attacks replayed against the real server', { timeout: 120_000 }, () => {
  it('1. 23,500 participants in one 1 MB form: 422 at once, a short page, nothing created', async () => {
    const member = await signedIn(seeded.memberEmails[0]!);
    const body = new URLSearchParams({ mode: 'autodiagnostic' });
    for (let i = 0; i < 23_500; i++) {
      body.append('participantName', 'x');
      body.append('participantRole', 'direction');
    }
    const before = query<{ n: number }>('SELECT count(*) AS n FROM diagnostics')[0]!.n;
    const t0 = performance.now();
    const huge = await member.post(`/organisations/${seeded.organisationId}/diagnostics`, body);
    const html = await huge.text();
    const ms = performance.now() - t0;
    expect(huge.status).toBe(422);
    expect(text(html)).toContain(text(t.common.tooManyFields(LIMITS.formFields)));
    expect(html.length).toBeLessThan(100_000);

    // Under the field limit, 500 rows: the participants rule answers, echoing 30 rows at most.
    const many = new URLSearchParams({ mode: 'autodiagnostic' });
    for (let i = 0; i < 500; i++) {
      many.append('participantName', `Participant ${i}`);
      many.append('participantRole', 'direction');
    }
    const res = await member.post(`/organisations/${seeded.organisationId}/diagnostics`, many);
    const page = await res.text();
    expect(res.status).toBe(422);
    expect(text(page)).toContain(text(t.questionnaire.errors.tooManyParticipants(500)));
    expect(page).toContain('Participant 29');
    expect(page).not.toContain('Participant 30');
    expect(query<{ n: number }>('SELECT count(*) AS n FROM diagnostics')[0]!.n).toBe(before);
    await healthy();
    note(`23 500 participants (1 Mo) : ${huge.status} en ${Math.round(ms)} ms, page de ${Math.round(html.length / 1024)} Ko ; 500 participants : ${res.status}, 30 lignes renvoyées ; rien de créé`);
  });

  it('2. actions beyond the plan limit: 422 naming the limit; the PDF still renders', { timeout: 120_000 }, async () => {
    const member = await signedIn(seeded.memberEmails[0]!);
    await member.page(`/diagnostics/${seeded.diagnosticId}/plan`);
    const existing = query<{ n: number }>('SELECT count(*) AS n FROM actions WHERE diagnostic_id = ?', seeded.diagnosticId)[0]!.n;
    const long = 'x'.repeat(190);
    const add = () =>
      member.post(`/diagnostics/${seeded.diagnosticId}/actions`, { title: long, themeSlug: 'identite', priority: 'haute', description: 'd'.repeat(1000), notes: 'n'.repeat(1000), owner: 'o'.repeat(120) });
    for (let i = existing; i < LIMITS.actionsPerDiagnostic; i++) expect((await add()).status).toBe(303);
    const refused: number[] = [];
    for (let i = 0; i < 20; i++) refused.push((await add()).status);
    expect(new Set(refused)).toEqual(new Set([422]));
    const last = await add();
    expect(text(await last.text())).toContain(text(t.plan.errors.tooManyActions));
    expect(query<{ n: number }>('SELECT count(*) AS n FROM actions WHERE diagnostic_id = ?', seeded.diagnosticId)[0]!.n).toBe(LIMITS.actionsPerDiagnostic);
    const t0 = performance.now();
    const pdf = await member.fetch(`/diagnostics/${seeded.diagnosticId}/plan.pdf`);
    await pdf.arrayBuffer();
    expect(pdf.status).toBe(200);
    await healthy();
    note(`actions au-delà de ${LIMITS.actionsPerDiagnostic} : 21 essais, tous 422 (« ${t.plan.errors.tooManyActions.slice(0, 40)}… ») ; PDF du plan plein : 200 en ${Math.round(performance.now() - t0)} ms`);
  });

  it('3. 300 concurrent wrong logins for one account: at most 5 reach the hash; the right password then gets 429', { timeout: 60_000 }, async () => {
    const target = seeded.memberEmails[1]!;
    const client = new HttpClient(server.base);
    await client.page('/login');
    const guess = (password: string) => client.post('/login', { email: target, password }, { headers: from('203.0.113.10') });
    const wrong = await Promise.all(Array.from({ length: 300 }, (_, i) => guess(`mauvais-mot-de-passe-${i}`)));
    const right = await guess(PASSWORD);
    const count = (s: number) => wrong.filter((r) => r.status === s).length;
    expect(count(401)).toBeLessThanOrEqual(5);
    expect(count(401) + count(429)).toBe(300);
    expect(right.status).toBe(429);
    expect(right.headers.get('Retry-After')).toMatch(/^\d+$/);
    await healthy();
    note(`300 connexions concurrentes fausses sur un compte : ${count(401)} évaluées (401), ${count(429)} refusées (429) ; le bon mot de passe ensuite : ${right.status}`);
  });

  it('3b. the same race on the current password of « Mon compte »', { timeout: 60_000 }, async () => {
    const member = await signedIn(seeded.memberEmails[2]!);
    const attempt = (current: string) =>
      member.post('/account/password', { current, password: 'une-nouvelle-phrase-longue', passwordConfirm: 'une-nouvelle-phrase-longue' }, { headers: from('203.0.113.11') });
    const wrong = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(`mauvais-${i}-xxxxxx`)));
    const right = await attempt(PASSWORD);
    const evaluated = wrong.filter((r) => r.status === 422).length;
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(wrong.filter((r) => r.status === 429).length).toBe(300 - evaluated);
    expect(right.status).toBe(429);
    // The password did not change: it still opens a session (from the proxy's own address).
    await new HttpClient(server.base).login(seeded.memberEmails[2]!);
    note(`300 essais concurrents du mot de passe actuel : ${evaluated} évalués, ${300 - evaluated} refusés (429) ; le bon ensuite : ${right.status}, mot de passe inchangé`);
  });

  it('4. guesses from one address do not lock the owner out from another; the per-address limit stays', async () => {
    const owner = seeded.adminEmail;
    const attacker = new HttpClient(server.base);
    await attacker.page('/login');
    for (let i = 0; i < 8; i++) await attacker.post('/login', { email: owner, password: `essai-${i}-au-hasard` }, { headers: from('198.51.100.66') });
    const blocked = await attacker.post('/login', { email: owner, password: PASSWORD }, { headers: from('198.51.100.66') });
    expect(blocked.status).toBe(429);
    const ownerClient = new HttpClient(server.base);
    await ownerClient.page('/login');
    const ok = await ownerClient.post('/login', { email: owner, password: PASSWORD }, { headers: from('192.0.2.44') });
    expect(ok.status).toBe(303);
    // Spraying many accounts from one address: the address is locked for everyone it tries.
    const sprayer = new HttpClient(server.base);
    await sprayer.page('/login');
    const sprayed: number[] = [];
    for (let i = 0; i < 25; i++) sprayed.push((await sprayer.post('/login', { email: `inconnu${i}@exemple.fr`, password: 'au-hasard-1234' }, { headers: from('198.51.100.99') })).status);
    expect(sprayed.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(sprayed.slice(20).every((s) => s === 429)).toBe(true);
    note(`8 mauvais mots de passe depuis une adresse : le propriétaire se connecte depuis une autre (${ok.status}), l’attaquant est bloqué (${blocked.status}) ; 25 comptes essayés depuis une adresse : 20 évalués puis 429`);
  });

  it('5. two concurrent edits of one action with the token in the header: one saved, the other 409 with both values', async () => {
    const a = await signedIn(seeded.memberEmails[0]!);
    const b = await signedIn(seeded.memberEmails[0]!);
    const [action] = query<{ id: string; revision: number; title: string }>('SELECT id, revision, title FROM actions WHERE diagnostic_id = ? ORDER BY rank LIMIT 1', seeded.diagnosticId);
    await a.page(`/diagnostics/${seeded.diagnosticId}/plan`);
    await b.page(`/diagnostics/${seeded.diagnosticId}/plan`);
    const audits = () => query<{ n: number }>("SELECT count(*) AS n FROM audit_events WHERE entity = 'action' AND entity_id = ? AND action = 'update'", action!.id)[0]!.n;
    const before = audits();
    const base = { title: action!.title, description: '', owner: '', dueDate: '', notes: '', revision: String(action!.revision) };
    const [done, owned] = await Promise.all([
      a.post(`/diagnostics/${seeded.diagnosticId}/actions/${action!.id}`, { ...base, status: 'done' }, { htmx: true }),
      b.post(`/diagnostics/${seeded.diagnosticId}/actions/${action!.id}`, { ...base, status: 'todo', owner: 'Bernard Lefèvre' }, { htmx: true }),
    ]);
    const statuses = [done.status, owned.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = done.status === 409 ? done : owned;
    const loserHtml = text(await loser.text());
    expect(loserHtml).toContain(text(t.plan.conflict.title));
    const [row] = query<{ status: string; owner: string; revision: number }>('SELECT status, owner, revision FROM actions WHERE id = ?', action!.id);
    if (done.status === 200) {
      expect(row).toMatchObject({ status: 'done', owner: '', revision: action!.revision + 1 });
      expect(loserHtml).toContain('Bernard Lefèvre');
    } else {
      expect(row).toMatchObject({ status: 'todo', owner: 'Bernard Lefèvre', revision: action!.revision + 1 });
    }
    expect(audits()).toBe(before + 1);
    note(`deux modifications concurrentes d’une action (jeton en en-tête) : ${statuses.join(' et ')}, la valeur enregistrée est celle de la requête acceptée, une seule ligne de journal`);
  });

  it('6. the referential import refuses JSON, plain text and deep nesting with 415 or 422, never 500', async () => {
    const admin = await signedIn(seeded.adminEmail);
    await admin.page('/admin/referentials/import');
    const headers = { 'X-CSRF-Token': admin.csrf };
    const asJson = await admin.fetch('/admin/referentials/import', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"id":"x"}' });
    const asText = await admin.fetch('/admin/referentials/import', { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'json=x' });
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepJson = await admin.fetch('/admin/referentials/import', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: deep });
    const deepField = await admin.post('/admin/referentials/import', { json: deep });
    const deepFieldText = text(await deepField.text());
    expect([asJson.status, asText.status, deepJson.status]).toEqual([415, 415, 415]);
    expect(deepField.status).toBe(422);
    expect(deepFieldText).toContain(text(t.referentials.tooDeep(100_000, LIMITS.jsonDepth)));
    await healthy();
    note(`import de référentiel en JSON, en texte brut, en JSON imbriqué sur 100 000 niveaux : ${asJson.status}, ${asText.status}, ${deepJson.status} ; le même JSON collé dans le formulaire : ${deepField.status}`);
  });

  it('7. a deactivated organisation is read-only for its members, and reactivation restores it', async () => {
    const admin = await signedIn(seeded.adminEmail);
    await admin.page(`/organisations/${seeded.organisationId}`);
    expect((await admin.post(`/admin/organisations/${seeded.organisationId}/active`, { active: '0' })).status).toBe(303);

    const member = await signedIn(seeded.memberEmails[0]!);
    const save = await member.saveAnswer(otherDraft, code, { level: 3, comment: SECRET_COMMENT, revision: 0 });
    expect(save.status).toBe(409);
    expect(text(await save.text())).toContain(text(t.common.readOnlyOrganisation));
    const start = await member.post(`/organisations/${seeded.organisationId}/diagnostics`, { mode: 'autodiagnostic', participantName: 'Alice', participantRole: 'direction' });
    expect(start.status).toBe(409);
    for (const path of [`/diagnostics/${seeded.diagnosticId}`, `/diagnostics/${seeded.diagnosticId}/results`, `/diagnostics/${seeded.diagnosticId}/plan`, `/diagnostics/${seeded.diagnosticId}/plan.pdf`]) {
      const res = await member.fetch(path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
    }
    const list = await member.page('/organisations');
    expect(text(list.html)).toContain(text(t.orgs.inactiveState));
    expect(query('SELECT * FROM answers WHERE diagnostic_id = ?', otherDraft)).toEqual([]);

    await admin.page(`/organisations/${seeded.organisationId}`);
    expect((await admin.post(`/admin/organisations/${seeded.organisationId}/active`, { active: '1' })).status).toBe(303);
    const again = await member.saveAnswer(otherDraft, code, { level: 3, comment: SECRET_COMMENT, revision: 0 });
    expect(again.status).toBe(200);
    note(`structure désactivée : réponse ${save.status}, nouveau diagnostic ${start.status} (message en français), vue, résultats, plan et PDF 200, « désactivée » dans la liste ; réactivée : réponse 200`);
  });

  it('leaves the server answering, with a request log free of 5xx and of secrets', async () => {
    await healthy();
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { status?: number; path?: string });
    expect(lines.length).toBeGreaterThan(500);
    expect(lines.filter((l) => (l.status ?? 0) >= 500)).toEqual([]);
    expect(secrets.length).toBeGreaterThan(10);
    for (const secret of [PASSWORD, SECRET_COMMENT, 'mauvais-mot-de-passe', ...secrets]) expect(server.output()).not.toContain(secret);
    note(`après tout cela : /healthz 200 ; ${lines.length} lignes de journal, aucune en 5xx, aucun mot de passe, jeton ni texte de réponse`);
  });
});
