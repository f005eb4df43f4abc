// E-mail in a real browser, on the demo: a structure's lead invites a colleague from the
// structure's page, the message lands in the outbox, its link opens the invitation page where the
// colleague sets a password and lands signed in; « mot de passe oublié », the notices on « Mon
// compte » and /admin/mail, each checked with axe-core (WCAG 2.1 AA) and photographed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { checkA11y, DEMO, firstPage, launchBrowser, login, logout, mainText, plain, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { MailWorker } from '../../src/mail/worker.ts';
import { outboxTransport } from '../../src/mail/transport.ts';

describe('invitations and notices in the browser', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let worker: MailWorker;
  let outbox: string;
  let watched: { errors: string[] };

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    outbox = join(srv.dataDir, 'outbox');
    worker = new MailWorker({ db: srv.db, transport: outboxTransport(outbox, 'CAP <ne-pas-repondre@localhost>'), clock: () => new Date(), publicUrl: srv.url, log: () => {} });
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
  });
  afterAll(async () => {
    await worker?.stop();
    await ctx?.close();
    await srv?.close();
  });

  test('a lead invites a colleague, who follows the e-mail’s link, sets a password and lands signed in', async () => {
    await login(page, srv.url, DEMO.member1);
    const orgId = srv.demo!.organisations[0]!;
    await page.goto(`${srv.url}/organisations/${orgId}`);
    expect(plain(await mainText(page))).toContain('Invitations en attente');
    await page.getByLabel('Nom affiché').fill('Chloé Garnier');
    await page.getByLabel('Adresse électronique').fill('chloe.garnier@cap.test');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').innerText()).toContain('L’invitation est envoyée à chloe.garnier@cap.test.');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-organisation-invitations');
    await logout(page);

    await worker.drain();
    const file = readdirSync(outbox).find((f) => f.includes('-invitation-') && readFileSync(join(outbox, f), 'utf8').includes('chloe.garnier@cap.test'))!;
    const mail = await simpleParser(readFileSync(join(outbox, file)));
    const link = new RegExp(`${srv.url}/invitations/[\\w-]+`).exec(mail.text ?? '')![0];

    await page.goto(link);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Bienvenue dans CAP');
    expect(plain(await mainText(page))).toContain('Sophie Durand vous invite comme membre de Garonne Services Emploi (démo)');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-invitation-accept');
    await page.getByLabel('Nom affiché').fill('Chloé Garnier');
    await page.locator('#f-password').fill('une phrase de passe à moi');
    await page.locator('#f-passwordConfirm').fill('une phrase de passe à moi');
    await page.getByRole('button', { name: 'Ouvrir mon compte' }).click();
    await page.waitForURL(`${srv.url}/`);
    expect(await page.getByRole('status').innerText()).toContain('Bienvenue dans CAP, Chloé Garnier.');
    expect(await page.locator('header').innerText()).toContain('Chloé Garnier');

    // « Mon compte »: the notices a member may choose.
    await page.goto(`${srv.url}/account#avis`);
    const notices = plain(await mainText(page));
    expect(notices).toContain('Avis par courriel');
    expect(notices).toContain('Modifications demandées par la fédération');
    expect(await page.getByLabel('Rappel du lundi').isChecked()).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-account-notices');
    await logout(page);
    expect(watched.errors).toEqual([]);
  });

  test('« mot de passe oublié » from the login page', async () => {
    await page.goto(`${srv.url}/login`);
    await page.getByRole('link', { name: 'Mot de passe oublié\u202f?' }).click();
    await page.waitForURL(`${srv.url}/password-reset`);
    expect(await checkA11y(page)).toEqual([]);
    await page.getByLabel('Adresse électronique').fill('membre2@cap.test');
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Vérifiez votre messagerie');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-password-reset-sent');
    await worker.drain();
    const file = readdirSync(outbox).find((f) => f.includes('-password_reset-'))!;
    const mail = await simpleParser(readFileSync(join(outbox, file)));
    await page.goto(new RegExp(`${srv.url}/password-reset/[\\w-]+`).exec(mail.text ?? '')![0]);
    expect(plain(await mainText(page))).toContain('Pour le compte membre2@cap.test.');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-password-reset-choose');
  });

  test('/admin/mail lists what left', async () => {
    await login(page, srv.url, DEMO.admin);
    await page.goto(`${srv.url}/admin/mail`);
    const text = plain(await mainText(page));
    expect(text).toContain('Rappel du lundi (conseil)');
    expect(text).toContain('Invitation');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-admin');
    await page.goto(`${srv.url}/admin/invitations`);
    expect(plain(await mainText(page))).toContain('Lucie Moreau');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'mail-admin-invitations');
  });
});
