// The e-mail flows through the pages, against a real SMTP server in the test process (smtp-server)
// read with mailparser: the link a message carries is followed to finish the flow, as a person
// would. Invitations (by a structure's lead, a consultant, the administration), password reset,
// workflow notices with their preferences and one-click unsubscribe, /admin/mail, and the
// newcomer's path on a fresh install with no SMTP (the outbox).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, PASSWORD, text, user, type TestContext } from '../support/app.ts';
import { TestSmtp, linkIn, type ReceivedMail } from '../support/smtp.ts';
import { removeTempDirs, tempDir } from '../support/datadir.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { MailWorker } from '../../src/mail/worker.ts';
import { outboxTransport, smtpTransport } from '../../src/mail/transport.ts';
import { REMARK_GROUPING_MS } from '../../src/mail/notifications.ts';
import { auditEvents, consultantRegions, invitations, mailQueue, memberships, organisationLeads, sessions, users } from '../../src/db/schema.ts';

const BASE = 'https://cap.exemple.org';
const NEW_PASSWORD = 'une phrase de passe bien à moi';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await TestSmtp.start();
});
afterAll(async () => {
  await smtp.stop();
  removeTempDirs();
});

let ctx: TestContext;
let worker: MailWorker;
let garonne: string;
let ids: { admin: string; lead: string; colleague: string; consultant: string };

beforeEach(async () => {
  smtp.received.length = 0;
  smtp.refused.clear();
  ctx = makeApp({ mail: { resetAnswerMs: 0 } });
  worker = new MailWorker({ db: ctx.db, transport: smtpTransport(smtp.url, 'CAP <cap@exemple.org>'), clock: () => ctx.now.value, publicUrl: BASE, log: () => {} });
  garonne = org(ctx.db, { name: 'Garonne Services Emploi', region: 'Occitanie' });
  ids = {
    admin: await user(ctx.db, 'admin', 'admin@coorace.org'),
    lead: await user(ctx.db, 'member', 'sophie@garonne.fr', { organisationIds: [garonne] }),
    colleague: await user(ctx.db, 'member', 'karim@garonne.fr', { organisationIds: [garonne] }),
    consultant: await user(ctx.db, 'consultant', 'ines@coorace.org', { regions: ['Occitanie'] }),
  };
  ctx.db.insert(organisationLeads).values({ userId: ids.lead, organisationId: garonne }).run();
});
afterEach(async () => {
  await worker.stop();
});

async function signedIn(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

/** Sends what is queued and returns the messages that arrived for `to`. */
async function deliveredTo(to: string): Promise<ReceivedMail[]> {
  await worker.drain();
  return smtp.to(to);
}

/** The path of the first link of a message that starts with `prefix` (relative to the site). */
function pathIn(mail: ReceivedMail, prefix: string): string {
  return linkIn(mail, `${BASE}${prefix}`).slice(BASE.length);
}

describe('invitations', () => {
  it('a structure’s lead invites a colleague; the e-mail’s link opens the account, signed in, once', async () => {
    const sophie = await signedIn('sophie@garonne.fr');
    const page = text(await (await sophie.get(`/organisations/${garonne}`)).text());
    expect(page).toContain('Inviter une personne');
    const res = await sophie.post(`/organisations/${garonne}/invitations`, { name: 'Julie Fabre', email: 'Julie.Fabre@Garonne.fr' });
    expect(res.status).toBe(303);
    expect(text(await (await sophie.get(res.headers.get('Location')!)).text())).toContain('L’invitation est envoyée à julie.fabre@garonne.fr.');

    const [mail] = await deliveredTo('julie.fabre@garonne.fr');
    expect(mail!.parsed.subject).toBe('Invitation à rejoindre CAP pour Garonne Services Emploi');
    expect(mail!.parsed.text).toContain('sophie vous invite à rejoindre CAP');
    expect(mail!.parsed.html).toContain('Ouvrir mon compte');
    const link = pathIn(mail!, '/invitations/');

    const julie = new Client(ctx);
    const form = await julie.get(link);
    expect(form.status).toBe(200);
    const shown = text(await form.text());
    expect(shown).toContain('sophie vous invite comme membre de Garonne Services Emploi');
    expect(shown).toContain('julie.fabre@garonne.fr');
    // The password policy applies.
    const weak = await julie.post(link, { name: 'Julie Fabre', password: 'motdepasse123', passwordConfirm: 'motdepasse123' });
    expect(weak.status).toBe(422);
    expect(text(await weak.text())).toContain('fait partie des plus courants');
    const done = await julie.post(link, { name: 'Julie Fabre', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('Location')).toBe('/');
    const home = text(await (await julie.get('/')).text());
    expect(home).toContain('Bienvenue dans CAP, Julie Fabre. Votre compte est ouvert.');
    expect(home).toContain('Julie Fabre');
    const julieRow = ctx.db.select().from(users).where(eq(users.email, 'julie.fabre@garonne.fr')).get()!;
    expect(ctx.db.select().from(memberships).where(eq(memberships.userId, julieRow.id)).all().map((m) => m.organisationId)).toEqual([garonne]);
    // Single use.
    const again = await new Client(ctx).get(link);
    expect(again.status).toBe(404);
    expect(text(await again.text())).toContain('Cette invitation n’est plus valable');
    // Every step audited.
    const trail = ctx.db.select().from(auditEvents).all().filter((e) => e.entity === 'invitation' || e.action === 'accept-invitation');
    expect(trail.map((e) => [e.action, e.userId])).toEqual([
      ['invite', ids.lead],
      ['accept-invitation', julieRow.id],
    ]);
  });

  it('a member who is not the lead cannot invite (404), nor see the form', async () => {
    const karim = await signedIn('karim@garonne.fr');
    expect(text(await (await karim.get(`/organisations/${garonne}`)).text())).not.toContain('Inviter une personne');
    const res = await karim.post(`/organisations/${garonne}/invitations`, { name: 'X', email: 'x@garonne.fr' });
    expect(res.status).toBe(404);
    expect(ctx.db.select().from(invitations).all()).toEqual([]);
  });

  it('a consultant creates a structure in their region (same SIRET checks) and invites its lead, who can then invite', async () => {
    const ines = await signedIn('ines@coorace.org');
    await ines.get('/organisations/new');
    const elsewhere = await ines.post('/organisations/new', { name: 'Ailleurs', siret: '443 061 841 00047', types: 'EI', region: 'Bretagne' });
    expect(elsewhere.status).toBe(422);
    expect(text(await elsewhere.text())).toContain('Choisissez l’une des régions que vous suivez.');
    const badSiret = await ines.post('/organisations/new', { name: 'Les Jardins du Lauragais', siret: '44306184100048', types: 'ACI', region: 'Occitanie' });
    expect(text(await badSiret.text())).toContain('Ce SIRET n’est pas valide');
    const taken = await ines.post('/organisations/new', { name: 'Doublon', siret: '73282932000074', types: 'ACI', region: 'Occitanie' });
    expect(text(await taken.text())).toContain('Une structure avec ce SIRET existe déjà.');
    const created = await ines.post('/organisations/new', { name: 'Les Jardins du Lauragais', siret: '443 061 841 00047', types: 'ACI', region: 'Occitanie' });
    expect(created.status).toBe(303);
    const orgPath = created.headers.get('Location')!;
    const res = await ines.post(`${orgPath}/invitations`, { name: 'Paul Roux', email: 'paul@jardins.fr', lead: '1' });
    expect(res.status).toBe(303);
    const [mail] = await deliveredTo('paul@jardins.fr');
    expect(mail!.parsed.subject).toBe('Invitation à rejoindre CAP pour Les Jardins du Lauragais');
    const paul = new Client(ctx);
    const link = pathIn(mail!, '/invitations/');
    expect(text(await (await paul.get(link)).text())).toContain('Vous en serez le ou la référent·e');
    await paul.post(link, { name: 'Paul Roux', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    const orgPage = text(await (await paul.get(orgPath)).text());
    expect(orgPage).toContain('Paul Roux référent·e');
    expect(orgPage).toContain('Inviter une personne');
  });

  it('the administration invites a consultant; resending kills the old link, revoking kills the new one', async () => {
    const admin = await signedIn('admin@coorace.org');
    await admin.get('/admin/invitations');
    const missing = await admin.post('/admin/invitations', { name: 'Lucie Moreau', email: 'lucie@coorace.org', role: 'consultant' });
    expect(missing.status).toBe(422);
    expect(text(await missing.text())).toContain('Choisissez au moins une région.');
    await admin.post('/admin/invitations', { name: 'Lucie Moreau', email: 'lucie@coorace.org', role: 'consultant', regions: ['Hauts-de-France', 'Normandie'] });
    const [first] = await deliveredTo('lucie@coorace.org');
    expect(first!.parsed.subject).toBe('Invitation à rejoindre CAP, conseil fédéral Hauts-de-France, Normandie');
    const list = text(await (await admin.get('/admin/invitations')).text());
    expect(list).toContain('Lucie Moreau lucie@coorace.org');
    const inv = ctx.db.select().from(invitations).get()!;
    // Another invitation for the same address waits already.
    const twice = await admin.post('/admin/invitations', { name: 'Lucie', email: 'lucie@coorace.org', role: 'consultant', regions: ['Normandie'] });
    expect(text(await twice.text())).toContain('Une invitation est déjà en attente pour cette adresse');

    await admin.post(`/admin/invitations/${inv.id}/resend`);
    const mails = await deliveredTo('lucie@coorace.org');
    expect(mails).toHaveLength(2);
    const oldLink = pathIn(first!, '/invitations/');
    const newLink = pathIn(mails[1]!, '/invitations/');
    expect((await new Client(ctx).get(oldLink)).status).toBe(404);
    expect((await new Client(ctx).get(newLink)).status).toBe(200);
    await admin.post(`/admin/invitations/${inv.id}/revoke`);
    expect((await new Client(ctx).get(newLink)).status).toBe(404);
    expect(text(await (await admin.get('/admin/invitations')).text())).toContain('Aucune invitation en attente.');
    // Accepting a consultant invitation gives the role and the regions.
    await admin.post('/admin/invitations', { name: 'Lucie Moreau', email: 'lucie@coorace.org', role: 'consultant', regions: ['Normandie'] });
    const third = (await deliveredTo('lucie@coorace.org'))[2]!;
    const lucie = new Client(ctx);
    await lucie.get(pathIn(third, '/invitations/'));
    expect((await lucie.post(pathIn(third, '/invitations/'), { name: 'Lucie Moreau', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).status).toBe(303);
    const row = ctx.db.select().from(users).where(eq(users.email, 'lucie@coorace.org')).get()!;
    expect(row.role).toBe('consultant');
    expect(ctx.db.select().from(consultantRegions).where(eq(consultantRegions.userId, row.id)).all().map((r) => r.region)).toEqual(['Normandie']);
    expect(ctx.db.select().from(auditEvents).where(eq(auditEvents.entity, 'invitation')).all().map((e) => e.action)).toEqual(['invite', 'invitation-resend', 'invitation-revoke', 'invite']);
  });

  it('an invitation expires after 7 days', async () => {
    const admin = await signedIn('admin@coorace.org');
    await admin.post(`/organisations/${garonne}/invitations`, { name: 'Zoé', email: 'zoe@garonne.fr' });
    const [mail] = await deliveredTo('zoe@garonne.fr');
    const link = pathIn(mail!, '/invitations/');
    ctx.now.value = new Date(ctx.now.value.getTime() + 7 * 86_400_000 - 60_000);
    expect((await new Client(ctx).get(link)).status).toBe(200);
    ctx.now.value = new Date(ctx.now.value.getTime() + 60_000);
    expect((await new Client(ctx).get(link)).status).toBe(404);
  });
});

describe('password reset', () => {
  it('answers alike for known and unknown addresses, sends one link, which sets a new password once and ends the other sessions', async () => {
    const login = text(await (await new Client(ctx).get('/login')).text());
    expect(login).toContain('Mot de passe oublié ?');
    const elsewhere = await signedIn('karim@garonne.fr');
    expect((await elsewhere.get('/account')).status).toBe(200);

    const visitor = new Client(ctx);
    await visitor.get('/password-reset');
    const known = await visitor.post('/password-reset', { email: 'karim@garonne.fr' });
    const unknown = await visitor.post('/password-reset', { email: 'personne@garonne.fr' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (s: string) => text(s).replace(/karim@garonne\.fr|personne@garonne\.fr/g, '@');
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    await worker.drain();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['karim@garonne.fr']);
    const mail = smtp.received[0]!;
    expect(mail.parsed.subject).toBe('Réinitialisation de votre mot de passe CAP');
    const link = pathIn(mail, '/password-reset/');

    const karim = new Client(ctx);
    const form = text(await (await karim.get(link)).text());
    expect(form).toContain('Pour le compte karim@garonne.fr.');
    const weak = await karim.post(link, { password: 'karim-garonne-2026', passwordConfirm: 'karim-garonne-2026' });
    expect(weak.status).toBe(422);
    expect(text(await weak.text())).toContain('ne doit pas reprendre l’adresse électronique');
    const done = await karim.post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(text(await (await karim.get('/')).text())).toContain('Votre mot de passe est changé et vos autres sessions sont fermées.');
    // The session opened before the reset is gone; the old password no longer works, the new one does.
    expect((await elsewhere.get('/account')).headers.get('Location')).toMatch(/^\/login/);
    expect(ctx.db.select().from(sessions).where(eq(sessions.userId, ids.colleague)).all()).toHaveLength(1);
    expect((await new Client(ctx).login('karim@garonne.fr', PASSWORD)).status).toBe(401);
    expect((await new Client(ctx).login('karim@garonne.fr', NEW_PASSWORD)).status).toBe(303);
    // Single use.
    const reused = await new Client(ctx).get(link);
    expect(reused.status).toBe(404);
    expect(text(await reused.text())).toContain('Ce lien n’est plus valable');
  });

  it('a link dies after an hour', async () => {
    const visitor = new Client(ctx);
    await visitor.get('/password-reset');
    await visitor.post('/password-reset', { email: 'karim@garonne.fr' });
    const [mail] = await deliveredTo('karim@garonne.fr');
    const link = pathIn(mail!, '/password-reset/');
    ctx.now.value = new Date(ctx.now.value.getTime() + 60 * 60_000);
    expect((await new Client(ctx).get(link)).status).toBe(404);
    expect((await new Client(ctx).post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).status).toBe(403);
  });

  it('is throttled per address, known or not, with the same answer', async () => {
    for (const email of ['karim@garonne.fr', 'personne@garonne.fr']) {
      const visitor = new Client(ctx);
      await visitor.get('/password-reset');
      for (let i = 0; i < 3; i++) expect((await visitor.post('/password-reset', { email })).status).toBe(200);
      const fourth = await visitor.post('/password-reset', { email });
      expect(fourth.status).toBe(429);
      expect(text(await fourth.text())).toContain('Trop de demandes pour cette adresse.');
    }
    await worker.drain();
    expect(smtp.received).toHaveLength(3);
  });

  it('answers no sooner than its floor, whether the address has an account or not', async () => {
    const slow = makeApp({ mail: { resetAnswerMs: 150 } });
    await user(slow.db, 'member', 'karim@garonne.fr');
    const visitor = new Client(slow);
    await visitor.get('/password-reset');
    for (const email of ['karim@garonne.fr', 'personne@garonne.fr']) {
      const t0 = performance.now();
      expect((await visitor.post('/password-reset', { email })).status).toBe(200);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    }
  });
});

describe('workflow notices', () => {
  async function submittedByKarim(): Promise<string> {
    const { id } = insertDiagnostic(ctx.db, { organisationId: garonne, types: ['ACI'], status: 'draft', weak: 5, userId: ids.colleague });
    const karim = await signedIn('karim@garonne.fr');
    await karim.get(`/diagnostics/${id}`);
    expect((await karim.post(`/diagnostics/${id}/submit`, { confirm: '1' })).status).toBe(303);
    return id;
  }

  it('a submitted diagnostic reaches the region’s consultant, whose link opens it', async () => {
    const id = await submittedByKarim();
    const [mail] = await deliveredTo('ines@coorace.org');
    expect(mail!.parsed.subject).toBe('Diagnostic soumis\u00a0: Garonne Services Emploi');
    expect(mail!.parsed.text).toContain('karim a soumis le diagnostic du 15 janvier 2026 de Garonne Services Emploi (Occitanie).');
    expect(smtp.to('sophie@garonne.fr')).toEqual([]);
    const ines = await signedIn('ines@coorace.org');
    const opened = await ines.get(pathIn(mail!, `/diagnostics/${id}`));
    expect(opened.status).toBe(200);
  });

  it('changes requested, remarks (grouped) and validation reach the members, as each chose', async () => {
    const id = await submittedByKarim();
    const ines = await signedIn('ines@coorace.org');
    await ines.get(`/diagnostics/${id}`);
    // Sophie turns validations off on « Mon compte ».
    const sophie = await signedIn('sophie@garonne.fr');
    const account = text(await (await sophie.get('/account')).text());
    expect(account).toContain('Avis par courriel');
    expect(account).not.toContain('Diagnostic soumis à votre relecture');
    await sophie.post('/account/notifications', { topics: ['changes_requested', 'remark', 'reminders'] });

    await ines.post(`/diagnostics/${id}/comments`, { targetKind: 'question', target: 'ID-1.1', body: 'Joindre le projet associatif.' });
    await ines.post(`/diagnostics/${id}/comments`, { targetKind: 'diagnostic', target: '', body: 'Bon travail d’ensemble.' });
    await ines.post(`/diagnostics/${id}/request-changes`, { message: 'Merci de compléter les preuves du thème 2.' });
    await worker.drain();
    const changes = smtp.received.filter((m) => m.parsed.subject?.startsWith('Modifications demandées'));
    expect(changes.map((m) => m.to[0]).sort()).toEqual(['karim@garonne.fr', 'sophie@garonne.fr']);
    expect(changes[0]!.parsed.text).toContain('> Merci de compléter les preuves du thème 2.');
    // Remarks wait a little, then leave as one message per member.
    expect(smtp.received.filter((m) => m.parsed.subject?.includes('remarque'))).toEqual([]);
    ctx.now.value = new Date(ctx.now.value.getTime() + REMARK_GROUPING_MS);
    await worker.drain();
    const remarks = smtp.received.filter((m) => m.parsed.subject?.includes('remarque'));
    expect(remarks.map((m) => m.parsed.subject)).toEqual(['2\u00a0nouvelles remarques sur le diagnostic de Garonne Services Emploi', '2\u00a0nouvelles remarques sur le diagnostic de Garonne Services Emploi']);
    expect(remarks[0]!.parsed.text).toContain(`${BASE}/diagnostics/${id}/themes/identite#q-`);

    // Karim resubmits; Inès validates: Sophie turned validations off.
    const karim = await signedIn('karim@garonne.fr');
    await karim.get(`/diagnostics/${id}`);
    await karim.post(`/diagnostics/${id}/submit`, { confirm: '1' });
    await ines.post(`/diagnostics/${id}/validate`, { confirm: '1' });
    await worker.drain();
    const validated = smtp.received.filter((m) => m.parsed.subject?.startsWith('Diagnostic validé'));
    expect(validated.map((m) => m.to[0])).toEqual(['karim@garonne.fr']);
    expect(validated[0]!.parsed.text).toContain(`${BASE}/diagnostics/${id}/results`);
  });

  it('one click on the unsubscribe link (or a mail reader’s POST) turns that kind of notice off', async () => {
    const id = await submittedByKarim();
    const [mail] = await deliveredTo('ines@coorace.org');
    const header = mail!.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const url = /<([^>]+)>/.exec(header)![1]!;
    expect(mail!.parsed.text).toContain(url);
    const path = url.slice(BASE.length);
    // The page asks; a GET changes nothing.
    const asked = await new Client(ctx).get(path);
    expect(text(await asked.text())).toContain('Ne plus recevoir les avis « Diagnostic soumis à votre relecture » à l’adresse ines@coorace.org ?');
    // RFC 8058: no cookie, no CSRF token.
    const posted = await ctx.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect(text(await posted.text())).toContain('C’est fait : vous ne recevrez plus les avis');
    const ines = await signedIn('ines@coorace.org');
    expect(await (await ines.get('/account')).text()).toMatch(/name="topics" value="submitted"(?![^>]*checked)/);
    // The next submission does not reach her.
    smtp.received.length = 0;
    await ines.get(`/diagnostics/${id}`);
    await ines.post(`/diagnostics/${id}/request-changes`, { message: 'À revoir.' });
    const karim = await signedIn('karim@garonne.fr');
    await karim.get(`/diagnostics/${id}`);
    await karim.post(`/diagnostics/${id}/submit`, { confirm: '1' });
    await worker.drain();
    expect(smtp.to('ines@coorace.org')).toEqual([]);
  });
});

describe('/admin/mail', () => {
  it('shows the queue, what was sent and what failed; « Renvoyer » sends a failed message', async () => {
    smtp.refused.add('karim@garonne.fr');
    const visitor = new Client(ctx);
    await visitor.get('/password-reset');
    await visitor.post('/password-reset', { email: 'karim@garonne.fr' });
    await visitor.post('/password-reset', { email: 'sophie@garonne.fr' });
    await worker.drain();
    const admin = await signedIn('admin@coorace.org');
    const page = text(await (await admin.get('/admin/mail')).text());
    expect(page).toContain('Tous (2)');
    expect(page).toContain('Échec (1)');
    expect(page).toContain('karim@garonne.fr Mot de passe oublié Réinitialisation de votre mot de passe CAP Échec');
    expect(page).toContain('550');
    expect(page).toContain('sophie@garonne.fr Mot de passe oublié Réinitialisation de votre mot de passe CAP Envoyé');
    const failed = text(await (await admin.get('/admin/mail?status=failed')).text());
    expect(failed).not.toContain('sophie@garonne.fr');
    smtp.refused.clear();
    const row = ctx.db.select().from(mailQueue).where(eq(mailQueue.recipient, 'karim@garonne.fr')).get()!;
    expect((await admin.post(`/admin/mail/${row.id}/resend`)).status).toBe(303);
    await worker.drain();
    expect(smtp.to('karim@garonne.fr')).toHaveLength(1);
    expect(text(await (await admin.get('/admin/mail')).text())).toContain('Envoyé (2)');
    // A message that did not fail is not resent.
    const again = await admin.post(`/admin/mail/${row.id}/resend`);
    expect(text(await (await admin.get(again.headers.get('Location')!)).text())).toContain('Seul un message en échec peut être renvoyé.');
    expect(ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'mail-resend')).all()).toHaveLength(1);
  });
});

describe('a newcomer on a fresh install, with no SMTP', () => {
  it('invites a colleague as a structure’s lead, opens the .eml in the outbox, follows its link and lands signed in', async () => {
    const dir = tempDir('newcomer-outbox');
    const outbox = new MailWorker({ db: ctx.db, transport: outboxTransport(dir, 'CAP <ne-pas-repondre@localhost>'), clock: () => ctx.now.value, publicUrl: 'http://127.0.0.1:3000', log: () => {} });
    try {
      const sophie = await signedIn('sophie@garonne.fr');
      await sophie.get(`/organisations/${garonne}`);
      await sophie.post(`/organisations/${garonne}/invitations`, { name: 'Julie Fabre', email: 'julie@garonne.fr' });
      expect(await outbox.drain()).toMatchObject({ sent: 1 });
      const [file] = readdirSync(dir);
      expect(file).toMatch(/^20260302T090000Z-invitation-[\w-]+\.eml$/);
      const mail = await simpleParser(readFileSync(join(dir, file!)));
      expect(mail.subject).toBe('Invitation à rejoindre CAP pour Garonne Services Emploi');
      const link = /http:\/\/127\.0\.0\.1:3000(\/invitations\/[\w-]+)/.exec(mail.text ?? '')![1]!;
      const julie = new Client(ctx);
      await julie.get(link);
      const res = await julie.post(link, { name: 'Julie Fabre', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(res.headers.get('Location')).toBe('/');
      expect(text(await (await julie.get('/')).text())).toContain('Bienvenue dans CAP, Julie Fabre.');
    } finally {
      await outbox.stop();
    }
  });
});
