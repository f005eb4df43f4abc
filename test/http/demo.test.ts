// The whole demo: loading it twice changes nothing, and the federation's review shows for the
// Bretagne structures (a validated diagnostic, another sent back for changes).
import { describe, it, expect } from 'vitest';
import { Client, makeApp, text } from '../support/app.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { listOrganisationDiagnostics } from '../../src/db/diagnostics.ts';
import type { Db } from '../../src/db/open.ts';

function counts(db: Db): Record<string, number> {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name <> 'sessions'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

describe('demo data', () => {
  it('is idempotent and shows the federation’s review', async () => {
    const ctx = makeApp();
    const ids = await loadDemo(ctx.db, ctx.now.value);
    const first = counts(ctx.db);
    await loadDemo(ctx.db, ctx.now.value);
    expect(counts(ctx.db)).toEqual(first);
    expect(first.review_comments).toBeGreaterThanOrEqual(5);

    const [validated] = listOrganisationDiagnostics(ctx.db, ids.organisations[2]!);
    expect(validated!.status).toBe('validated');
    const [sentBack] = listOrganisationDiagnostics(ctx.db, ids.organisations[3]!);
    expect(sentBack!.status).toBe('changes_requested');

    const m3 = new Client(ctx);
    await m3.login('membre3@cap.test', DEMO_PASSWORD);
    const results = text(await (await m3.get(`/diagnostics/${validated!.id}/results`)).text());
    expect(results).toMatch(/Validé avec Yann Le Gall le \d+ \w+ \d{4}/);
    expect(results).toContain('Diagnostic sérieux et bien documenté');

    const m4 = new Client(ctx);
    await m4.login('membre4@cap.test', DEMO_PASSWORD);
    const overview = text(await (await m4.get(`/diagnostics/${sentBack!.id}`)).text());
    expect(overview).toContain('merci de compléter les preuves');

    const consultant = new Client(ctx);
    await consultant.login('conseil.bretagne@cap.test', DEMO_PASSWORD);
    const dashboard = text(await (await consultant.get('/federation')).text());
    expect(dashboard).toContain('Ti Labour Bretagne (démo)');
    expect(dashboard).toContain('Armor Intérim Solidaire (démo)');
    expect(dashboard).not.toContain('Garonne Services Emploi (démo)');
  });
});

describe('home page of a member', () => {
  it('leads back into the latest diagnostic, or to starting one', async () => {
    const ctx = makeApp();
    const ids = await loadDemo(ctx.db, ctx.now.value);
    const [draft] = listOrganisationDiagnostics(ctx.db, ids.organisations[0]!);
    const m1 = new Client(ctx);
    await m1.login('membre1@cap.test', DEMO_PASSWORD);
    const html = await (await m1.get('/')).text();
    // The CAP 2026 draft carried over from CAP 2023: the questions new in CAP 2026 are still to
    // answer, and the way back leads to the first of them.
    expect(text(html)).toMatch(/Diagnostic du \d+ \S+ \d{4} — Brouillon \d+ \/ \d+ questions répondues Reprendre à la question [A-Z]+-\d+\.\d+ \([^)]+\) Plan de progrès/);
    expect(html).toContain(`href="/diagnostics/${draft!.id}"`);
    expect(html).toMatch(new RegExp(`href="/diagnostics/${draft!.id}/themes/[a-z-]+#q-[A-Z]+-\\d+_\\d+"`));

    const m3 = new Client(ctx);
    await m3.login('membre3@cap.test', DEMO_PASSWORD);
    expect(text(await (await m3.get('/')).text())).toMatch(/— Validé Voir les résultats Plan de progrès Démarrer le diagnostic suivant/);

    const m5 = new Client(ctx);
    await m5.login('membre5@cap.test', DEMO_PASSWORD);
    const none = await (await m5.get('/')).text();
    expect(text(none)).toContain('Commencer un diagnostic');
    expect(none).toContain(`href="/organisations/${ids.organisations[4]}#start-title"`);
  });
});
