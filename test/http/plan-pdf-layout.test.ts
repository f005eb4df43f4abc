// The plan PDF's comparison table, on the demo's Garonne Services Emploi (CAP 2026 draft started
// from its CAP 2023 diagnostic, regional and national averages): a header that wraps in a narrow
// column (« Moyenne régionale (Occitanie) ») pushes the rows down instead of being drawn over them.
import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, type TestContext } from '../support/app.ts';
import { pdfText, pdfTextItems } from '../support/pdf.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { diagnostics } from '../../src/db/schema.ts';

let pdf: Uint8Array;

beforeAll(async () => {
  const ctx: TestContext = makeApp();
  await loadDemo(ctx.db, ctx.now.value);
  const member = new Client(ctx);
  await member.login('membre1@cap.test', DEMO_PASSWORD);
  const id = ctx.db.select().from(diagnostics).where(eq(diagnostics.referentialId, 'cap-2026')).all().find((d) => d.previousId !== null && d.status === 'draft')!.id;
  const res = await member.get(`/diagnostics/${id}/plan.pdf`);
  expect(res.status).toBe(200);
  pdf = new Uint8Array(await res.arrayBuffer());
}, 120_000);

describe('the comparison table of the plan PDF', () => {
  it('says the previous diagnostic followed CAP 2023, and draws its wrapped headers above its first row', async () => {
    const pages = (await pdfText(pdf)).split('\f');
    const n = pages.findIndex((p) => p.includes('Évolution et comparaison')) + 1;
    expect(n).toBeGreaterThan(0);
    expect(pages[n - 1]).toContain('version CAP 2023');
    const items = await pdfTextItems(pdf, n);
    const first = items.find((i) => i.str === 'Score global' && i.y < items.find((h) => h.str === 'Évolution et comparaison')!.y)!;
    const headers = items.filter((i) => /^(Moyenne|régionale|nationale|\(Occitanie\))$/.test(i.str));
    expect(headers.map((h) => h.str)).toEqual(expect.arrayContaining(['régionale', '(Occitanie)']));
    // PDF y grows upwards: every header line sits above the top of the first row's text.
    for (const h of headers) expect(h.y, h.str).toBeGreaterThan(first.y + first.height);
  });
});
