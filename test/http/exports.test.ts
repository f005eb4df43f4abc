// CSV exports: headers, BOM, `;` separator, CRLF, quoting, CSV-injection neutralisation, content
// and scope of GET /diagnostics/:id/export.csv and GET /federation/export.csv.
import { describe, it, expect, beforeEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, type TestContext } from '../support/app.ts';
import { network } from './federation-fixtures.ts';
import { answers, reviewComments } from '../../src/db/schema.ts';

let ctx: TestContext;

async function as(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

/** The raw bytes and the text (BOM kept) of a CSV response. */
async function csv(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { bytes, body, lines: body.replace(/^\uFEFF/, '').split('\r\n') };
}

beforeEach(async () => {
  ctx = makeApp();
  await network(ctx.db);
});

describe('GET /diagnostics/:id/export.csv', () => {
  it('sends UTF-8 with BOM, `;`, CRLF, one row per applicable question with who and when', async () => {
    const c = await as('membre.alpha@cap.test');
    const res = await c.get('/diagnostics/diag-a2/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="reponses-Alpha-Insertion-2026-03-02.csv"; filename*=UTF-8''reponses-Alpha%20Insertion-2026-03-02.csv`);
    const { bytes, body, lines } = await csv(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe('"Thème";"Critère";"Code";"Question";"Niveau";"Commentaire";"Répondu par";"Le";"Remarques de la fédération";"Justificatifs"');
    // 77 questions of the CAP 2023 referential apply to an ACI; a final empty string after the last CRLF.
    expect(lines.length).toBe(1 + 77 + 1);
    expect(lines[1]).toBe(
      '"Identité et projet";"ID-1 Valeurs et projet de la structure";"ID-1.1";"Les valeurs de la structure sont-elles écrites (charte, préambule des statuts, projet) et font-elles explicitement référence aux principes de l’économie sociale et solidaire ?";"1";"Valeurs à écrire";"membre.alpha (membre)";"20/01/2026 11:30";"";""',
    );
    expect(lines.find((l) => l.includes('"ID-3.1"'))).toMatch(/;"Non applicable";"";"membre\.alpha \(membre\)";"20\/01\/2026 11:30";"";""$/);
    // Unanswered: empty level, nobody, no date.
    expect(lines.find((l) => l.includes('"ID-1.3"') || l.includes('"ID-2.2"'))).toMatch(/;"";"";"";"";"";""$/);
  });

  it('quotes and neutralises hostile comments, and carries the federation’s remarks', async () => {
    const hostile = [
      ['ID-1.1', '=HYPERLINK("http://evil.example";"clic")'],
      ['ID-1.2', '+33 6 12 34 56 78'],
      ['ID-2.1', '-2+3'],
      ['ID-3.1', '@SUM(A1:A9)'],
    ] as const;
    for (const [code, comment] of hostile) ctx.db.update(answers).set({ comment }).where(and(eq(answers.diagnosticId, 'diag-a2'), eq(answers.questionCode, code))).run();
    ctx.db.insert(answers).values({ diagnosticId: 'diag-a2', questionCode: 'ID-2.2', level: 2, na: false, comment: '\tcaché; "cité"\nligne 2', updatedBy: null, updatedAt: '2026-01-20T10:30:00Z' }).run();
    ctx.db.insert(reviewComments).values({ id: 'rc1', diagnosticId: 'diag-a2', targetKind: 'question', target: 'ID-1.1', authorId: null, body: '=1+1 à vérifier', createdAt: '2026-02-10T10:00:00Z' }).run();
    const { lines, body } = await csv(await (await as('conseil.occitanie@cap.test')).get('/diagnostics/diag-a2/export.csv'));
    const row = (code: string) => lines.find((l) => l.includes(`"${code}"`))!;
    expect(row('ID-1.1')).toContain(`;"'=HYPERLINK(""http://evil.example"";""clic"")";`);
    expect(row('ID-1.1').endsWith(`;" (10/02/2026) : =1+1 à vérifier";""`)).toBe(true);
    expect(row('ID-1.2')).toContain(`;"'+33 6 12 34 56 78";`);
    expect(row('ID-2.1')).toContain(`;"'-2+3";`);
    expect(row('ID-3.1')).toContain(`;"'@SUM(A1:A9)";`);
    // A newline inside a quoted value stays a value: the row is split by CRLF only.
    expect(body).toContain(`;"'\tcaché; ""cité""\nligne 2";`);
    expect(body).not.toMatch(/;"[=+\-@]/);
  });

  it('answers 404 for another organisation’s diagnostic, and asks anonymous visitors to log in', async () => {
    expect((await (await as('membre.delta@cap.test')).get('/diagnostics/diag-a2/export.csv')).status).toBe(404);
    expect((await (await as('conseil.bretagne@cap.test')).get('/diagnostics/diag-a2/export.csv')).status).toBe(404);
    expect((await (await as('conseil.occitanie@cap.test')).get('/diagnostics/diag-d1/export.csv')).status).toBe(404);
    expect((await (await as('conseil.occitanie@cap.test')).get('/diagnostics/inconnu/export.csv')).status).toBe(404);
    expect((await new Client(ctx).get('/diagnostics/diag-a2/export.csv')).status).toBe(303);
  });
});

describe('GET /federation/export.csv', () => {
  const HEADER =
    '"Structure";"Région";"Types";"Statut";"Commencé le";"Soumis le";"Validé le";"Score global";"Score « Identité et projet »";"Score « Services aux personnes en parcours et aux clients »";"Score « Fonctions support et ressources »";"Score « Amélioration continue »";"Actions faites";"Actions (hors abandonnées)";"Actions en retard";"Diagnostics à relire";"À relire depuis le";"SIRET"';

  it('gives a consultant one row per latest diagnostic of their region, and nothing of Bretagne', async () => {
    const res = await (await as('conseil.occitanie@cap.test')).get('/federation/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="suivi-federal-2026-03-02.csv"; filename*=UTF-8''suivi-federal-2026-03-02.csv`);
    const { bytes, lines, body } = await csv(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines).toEqual([
      HEADER,
      '"Alpha Insertion";"Occitanie";"ACI";"Soumis";"15/01/2026";"15/01/2026";"";"70";"80";"60";"70";"70";"1";"3";"1";"1";"15/01/2026";"73282932000074"',
      '"Bêta Services";"Occitanie";"AI, EI";"Brouillon";"01/12/2024";"";"";"75";"75";"";"";"";"0";"0";"0";"0";"";"44306184100047"',
      '',
    ]);
    expect(body).not.toContain('Delta');
    expect(body).not.toContain('Bretagne');
  });

  it('applies the page’s filters and order, and gives an admin every region', async () => {
    const occ = await as('conseil.occitanie@cap.test');
    expect((await csv(await occ.get('/federation/export.csv?type=AI'))).lines.slice(1, -1).map((l) => l.split(';')[0])).toEqual(['"Bêta Services"']);
    expect((await csv(await occ.get('/federation/export.csv?region=Bretagne'))).lines).toEqual([HEADER, '']);
    const admin = await as('admin@cap.test');
    const all = (await csv(await admin.get('/federation/export.csv?sort=score&dir=desc'))).lines.slice(1, -1);
    expect(all.map((l) => l.split(';')[0])).toEqual(['"Delta Bretagne"', '"Bêta Services"', '"Alpha Insertion"']);
    expect(all[0]).toBe('"Delta Bretagne";"Bretagne";"EI";"Validé";"01/02/2026";"01/02/2026";"01/02/2026";"90";"90";"90";"90";"90";"0";"1";"1";"0";"";"48265332500011"');
  });

  it('neutralises an organisation name that looks like a formula', async () => {
    const { organisations } = await import('../../src/db/schema.ts');
    ctx.db.update(organisations).set({ name: '=cmd|" /C calc"!A0' }).where(eq(organisations.name, 'Alpha Insertion')).run();
    const { lines } = await csv(await (await as('conseil.occitanie@cap.test')).get('/federation/export.csv'));
    expect(lines).toContain(`"'=cmd|"" /C calc""!A0";"Occitanie";"ACI";"Soumis";"15/01/2026";"15/01/2026";"";"70";"80";"60";"70";"70";"1";"3";"1";"1";"15/01/2026";"73282932000074"`);
  });

  it('shows the consultant of Bretagne only Delta, and refuses members', async () => {
    const { lines } = await csv(await (await as('conseil.bretagne@cap.test')).get('/federation/export.csv'));
    expect(lines.slice(1, -1).map((l) => l.split(';')[0])).toEqual(['"Delta Bretagne"']);
    expect((await (await as('membre.alpha@cap.test')).get('/federation/export.csv')).status).toBe(404);
  });
});
