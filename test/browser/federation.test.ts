// The federation's side in a real browser (issue 7): the Occitanie consultant opens the dashboard,
// comments a question of membre1's submitted diagnostic and requests changes; the member then
// sees the remark beside the question and the message on the overview. axe-core clean, no CSP error.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { checkA11y, DEMO, DEMO_ORGS, firstPage, htmxRequest, launchBrowser, login, mainText, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { diagnostics, organisations } from '../../src/db/schema.ts';

describe('federation: dashboard and review', () => {
  let srv: TestServer;
  let consultant: BrowserContext;
  let member: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };
  let submittedId: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const garonne = srv.db.select().from(organisations).where(eq(organisations.name, DEMO_ORGS[0])).get()!;
    submittedId = srv.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'submitted'))).get()!.id;
    consultant = await launchBrowser();
    page = await firstPage(consultant);
    watched = watchErrors(page);
    await login(page, srv.url, DEMO.consultantOccitanie);
  });
  afterAll(async () => {
    await member?.close();
    await consultant?.close();
    await srv?.close();
  });

  test('the consultant sees the Occitanie organisations, not Bretagne’s; the dashboard is axe-core clean', async () => {
    await page.getByRole('link', { name: 'Suivi fédéral' }).first().click();
    await page.waitForURL((u) => u.pathname === '/federation');
    const text = await mainText(page);
    expect(text).toContain(DEMO_ORGS[0]);
    expect(text).toContain(DEMO_ORGS[1]);
    expect(text).not.toContain(DEMO_ORGS[2]);
    expect(text).not.toContain(DEMO_ORGS[3]);
    expect(text).toContain('Portrait de la sélection');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'federation-occitanie');

    // Sorting by score is a plain link; the filter is a plain GET form.
    await page.getByRole('link', { name: /^Score global/ }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'score');
    await page.getByLabel('Type de structure', { exact: true }).selectOption('ACI');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL((u) => u.searchParams.get('type') === 'ACI');
    const filtered = await mainText(page);
    expect(filtered).toContain(DEMO_ORGS[1]);
    expect(filtered).not.toContain(DEMO_ORGS[0]);
  });

  test('the consultant comments a question of the submitted diagnostic, then requests changes', async () => {
    await page.goto(`${srv.url}/diagnostics/${submittedId}/themes/identite`);
    const block = page.locator('#remarques-question-ID-1-1');
    await block.locator('summary').click();
    // Only spaces: refused (422) and the French message lands beside the question.
    await block.getByLabel('Ajouter une remarque sur la question ID-1.1').fill('   ');
    const refused = await htmxRequest(page, () => block.getByRole('button', { name: 'Publier la remarque' }).click(), /\/comments$/);
    expect(refused.status()).toBe(422);
    expect(await page.locator('#remarques-question-ID-1-1 .field-error').innerText()).toBe('Écrivez la remarque.');
    await block.getByLabel('Ajouter une remarque sur la question ID-1.1').fill('Pouvez-vous joindre la charte signée par le CA ?');
    const res = await htmxRequest(page, () => block.getByRole('button', { name: 'Publier la remarque' }).click(), /\/comments$/);
    expect(res.status()).toBe(200);
    await expect.poll(() => page.locator('#remarques-question-ID-1-1 .review-comment').count()).toBe(1);
    expect(await page.locator('#remarques-question-ID-1-1').innerText()).toContain('Pouvez-vous joindre la charte signée par le CA ?');
    expect(await checkA11y(page)).toEqual([]);

    await page.goto(`${srv.url}/diagnostics/${submittedId}`);
    await page.getByLabel('Message à la structure').fill('Merci de compléter les preuves du thème « Identité et projet ».');
    await Promise.all([page.waitForURL((u) => u.pathname === `/diagnostics/${submittedId}`), page.getByRole('button', { name: 'Demander des modifications' }).click()]);
    const text = await mainText(page);
    expect(text).toContain('Modifications demandées : la structure peut de nouveau modifier ses réponses.');
    expect(text).toContain('Merci de compléter les preuves du thème « Identité et projet ».');
    await screenshot(page, 'review-requested');
    expect(watched.errors.filter((e) => !e.includes('/comments'))).toEqual([]);
  });

  test('the member sees the remark beside the question and the message on the overview', async () => {
    member = await launchBrowser();
    const m = await firstPage(member);
    const errors = watchErrors(m);
    await login(m, srv.url, DEMO.member1);
    await m.goto(`${srv.url}/diagnostics/${submittedId}/themes/identite`);
    const remark = m.locator('#remarques-question-ID-1-1');
    expect(await remark.innerText()).toContain('Pouvez-vous joindre la charte signée par le CA ?');
    // No new remark for a member, but a reply: typed, sent with htmx, shown in place.
    expect(await remark.getByText('Ajouter une remarque').count()).toBe(0);
    await remark.getByText('Répondre', { exact: true }).click();
    await remark.getByLabel(/Répondre à la remarque sur la question ID-1\.1/).fill('La charte signée est jointe au compte rendu du CA.');
    await remark.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await m.locator('#remarques-question-ID-1-1', { hasText: 'La charte signée est jointe au compte rendu du CA.' }).waitFor();
    expect(await checkA11y(m)).toEqual([]);
    await screenshot(m, 'review-member-reply');
    await m.goto(`${srv.url}/diagnostics/${submittedId}`);
    expect(await mainText(m)).toContain('Modifications demandées par la fédération');
    expect(await checkA11y(m)).toEqual([]);
    await screenshot(m, 'review-member-overview');
    expect(errors.errors).toEqual([]);
  });
});
