// Invitations and password resets, below the pages: the link that arrives by e-mail (real SMTP
// server) opens the account once, within its delay, and the database never holds the token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { auditEvents, invitations, mailQueue, organisationLeads, passwordResets, sessions, users } from '../../src/db/schema.ts';
import { ensureBuiltins } from '../../src/referential/store.ts';
import { acceptInvitation, invite, resendInvitation, revoke } from '../../src/accounts/invitations.ts';
import { leadOf } from '../../src/db/leads.ts';
import { requestPasswordReset, resetPassword, resetTarget } from '../../src/accounts/password-reset.ts';
import { createSession, hashToken } from '../../src/auth/sessions.ts';
import { MailWorker } from '../../src/mail/worker.ts';
import { smtpTransport } from '../../src/mail/transport.ts';
import type { Inviter } from '../../src/auth/invite-rules.ts';
import { org, user } from '../support/app.ts';
import { TestSmtp, linkIn } from '../support/smtp.ts';

const BASE = 'https://cap.exemple.org';
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await TestSmtp.start();
});
afterAll(() => smtp.stop());

let db: Db;
let now: { value: Date };
let garonne: string;
let admin: Inviter & { name: string };

async function deliver(): Promise<void> {
  const worker = new MailWorker({ db, transport: smtpTransport(smtp.url, 'CAP <cap@exemple.org>'), clock: () => now.value, publicUrl: BASE, log: () => {} });
  await worker.drain();
  await worker.stop();
}

const tokenOf = (to: string, path: string) => linkIn(smtp.to(to).at(-1)!, `${BASE}/${path}/`).slice(`${BASE}/${path}/`.length);

beforeEach(async () => {
  smtp.received.length = 0;
  db = openDatabase(':memory:');
  ensureBuiltins(db, new Date('2026-01-01T00:00:00Z'));
  now = { value: new Date('2026-03-02T09:00:00Z') };
  garonne = org(db, { name: 'Garonne Services Emploi', region: 'Occitanie' });
  admin = { id: await user(db, 'admin', 'admin@coorace.org'), name: 'Administration Coorace', role: 'admin', organisationIds: [], regions: [], leadOf: [] };
});

describe('invitations', () => {
  it('an invitation arrives by e-mail; its link opens the account once, as a lead of the structure', async () => {
    const res = invite(db, admin, { email: 'Camille.Durand@Garonne.fr', name: 'Camille Durand', role: 'member', organisationIds: [garonne], regions: [], lead: true }, now.value);
    expect(res.ok).toBe(true);
    await deliver();
    const mail = smtp.to('camille.durand@garonne.fr')[0]!;
    expect(mail.parsed.subject).toBe('Invitation à rejoindre CAP pour Garonne Services Emploi');
    expect(mail.parsed.text).toContain('Administration Coorace vous invite à rejoindre CAP');
    const token = tokenOf('camille.durand@garonne.fr', 'invitations');
    // Stored hashed only, and the queue forgot the token once sent.
    const row = db.select().from(invitations).get()!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(db.select().from(invitations).all())).not.toContain(token);
    expect(JSON.stringify(db.select().from(mailQueue).all())).not.toContain(token);
    const accepted = acceptInvitation(db, token, { name: 'Camille Durand', passwordHash: 'scrypt$x' }, now.value);
    expect(accepted.ok).toBe(true);
    const userId = (accepted as { userId: string }).userId;
    expect(db.select().from(users).where(eq(users.id, userId)).get()).toMatchObject({ email: 'camille.durand@garonne.fr', role: 'member', active: true });
    expect(leadOf(db, userId)).toEqual([garonne]);
    // The mark counts only while the person is a member of the structure.
    db.$client.prepare('DELETE FROM memberships WHERE user_id = ?').run(userId);
    expect(leadOf(db, userId)).toEqual([]);
    expect(acceptInvitation(db, token, { name: 'Autre', passwordHash: 'x' }, now.value)).toEqual({ ok: false, reason: 'unusable' });
    const trail = db.select().from(auditEvents).all().filter((e) => e.entity === 'invitation' || e.action === 'accept-invitation').map((e) => e.action);
    expect(trail).toEqual(['invite', 'accept-invitation']);
  });

  it('a lead invites a colleague; a consultant only in their regions; nobody invites an address that has an account', async () => {
    const lead = await user(db, 'member', 'lead@garonne.fr', { organisationIds: [garonne] });
    db.insert(organisationLeads).values({ userId: lead, organisationId: garonne }).run();
    const leadActor = { id: lead, name: 'Lead', role: 'member' as const, organisationIds: [garonne], regions: [], leadOf: [garonne] };
    expect(invite(db, leadActor, { email: 'zoe@garonne.fr', name: 'Zoé', role: 'member', organisationIds: [garonne], regions: [], lead: false }, now.value)).toMatchObject({ ok: true });
    expect(invite(db, leadActor, { email: 'x@garonne.fr', name: 'X', role: 'consultant', organisationIds: [], regions: ['Occitanie'], lead: false }, now.value)).toEqual({ ok: false, reason: 'forbidden' });
    const bzh = org(db, { name: 'Armor', siret: '44306184100047', region: 'Bretagne' });
    const consultant = { id: await user(db, 'consultant', 'ines@coorace.org', { regions: ['Occitanie'] }), name: 'Inès', role: 'consultant' as const, organisationIds: [], regions: ['Occitanie'], leadOf: [] };
    expect(invite(db, consultant, { email: 'y@armor.fr', name: 'Y', role: 'member', organisationIds: [bzh], regions: [], lead: false }, now.value)).toEqual({ ok: false, reason: 'forbidden' });
    expect(invite(db, consultant, { email: 'lead@garonne.fr', name: 'L', role: 'member', organisationIds: [garonne], regions: [], lead: false }, now.value)).toEqual({ ok: false, reason: 'email-taken' });
    expect(invite(db, consultant, { email: 'zoe@garonne.fr', name: 'Z', role: 'member', organisationIds: [garonne], regions: [], lead: false }, now.value)).toEqual({ ok: false, reason: 'already-invited' });
    expect(invite(db, consultant, { email: 'w@garonne.fr', name: 'W', role: 'member', organisationIds: ['inconnue'], regions: [], lead: false }, now.value)).toEqual({ ok: false, reason: 'no-organisation' });
  });

  it('expires after 7 days; resending gives a new link and kills the old one; revoking kills it too', async () => {
    const res = invite(db, admin, { email: 'zoe@garonne.fr', name: 'Zoé', role: 'member', organisationIds: [garonne], regions: [], lead: false }, now.value) as { ok: true; id: string };
    await deliver();
    const first = tokenOf('zoe@garonne.fr', 'invitations');
    now.value = new Date(now.value.getTime() + 7 * 86_400_000);
    expect(acceptInvitation(db, first, { name: 'Zoé', passwordHash: 'x' }, now.value)).toEqual({ ok: false, reason: 'unusable' });
    expect(resendInvitation(db, admin, res.id, now.value).ok).toBe(true);
    await deliver();
    const second = tokenOf('zoe@garonne.fr', 'invitations');
    expect(second).not.toBe(first);
    expect(smtp.to('zoe@garonne.fr')).toHaveLength(2);
    expect(acceptInvitation(db, first, { name: 'Zoé', passwordHash: 'x' }, now.value).ok).toBe(false);
    expect(revoke(db, admin, res.id, now.value).ok).toBe(true);
    expect(acceptInvitation(db, second, { name: 'Zoé', passwordHash: 'x' }, now.value).ok).toBe(false);
    expect(revoke(db, admin, res.id, now.value)).toEqual({ ok: false, reason: 'closed' });
    expect(db.select().from(auditEvents).where(eq(auditEvents.entity, 'invitation')).all().map((e) => e.action)).toEqual(['invite', 'invitation-resend', 'invitation-revoke']);
  });

  it('revoking before the message left cancels it', async () => {
    const res = invite(db, admin, { email: 'zoe@garonne.fr', name: 'Zoé', role: 'member', organisationIds: [garonne], regions: [], lead: false }, now.value) as { ok: true; id: string };
    revoke(db, admin, res.id, now.value);
    await deliver();
    expect(smtp.received).toHaveLength(0);
    expect(db.select().from(mailQueue).get()).toMatchObject({ status: 'cancelled', secret: null });
  });
});

describe('password reset', () => {
  it('sends a link to an active account only; the link sets a new password once, within the hour, and ends every session', async () => {
    const camille = await user(db, 'member', 'camille@garonne.fr', { organisationIds: [garonne] });
    createSession(db, camille, now.value);
    createSession(db, camille, now.value);
    expect(requestPasswordReset(db, 'inconnu@garonne.fr', now.value)).toBe(false);
    expect(requestPasswordReset(db, ' Camille@Garonne.fr ', now.value)).toBe(true);
    await deliver();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['camille@garonne.fr']);
    const token = tokenOf('camille@garonne.fr', 'password-reset');
    expect(db.select().from(passwordResets).get()!.tokenHash).toBe(hashToken(token));
    expect(resetTarget(db, token, now.value)).toMatchObject({ userId: camille, email: 'camille@garonne.fr' });
    expect(resetPassword(db, token, 'scrypt$nouveau', now.value)).toEqual({ userId: camille });
    expect(db.select().from(users).where(eq(users.id, camille)).get()!.passwordHash).toBe('scrypt$nouveau');
    expect(db.select().from(sessions).where(eq(sessions.userId, camille)).all()).toHaveLength(0);
    expect(resetPassword(db, token, 'scrypt$encore', now.value)).toBeNull();
    // A fresh link dies after an hour.
    requestPasswordReset(db, 'camille@garonne.fr', now.value);
    await deliver();
    const late = tokenOf('camille@garonne.fr', 'password-reset');
    now.value = new Date(now.value.getTime() + 60 * 60_000);
    expect(resetTarget(db, late, now.value)).toBeUndefined();
    expect(resetPassword(db, late, 'scrypt$tard', now.value)).toBeNull();
  });

  it('using one link retires the other links of the account', async () => {
    const camille = await user(db, 'member', 'camille@garonne.fr', { organisationIds: [garonne] });
    requestPasswordReset(db, 'camille@garonne.fr', now.value);
    requestPasswordReset(db, 'camille@garonne.fr', now.value);
    await deliver();
    const [a, b] = smtp.to('camille@garonne.fr').map((m) => linkIn(m, `${BASE}/password-reset/`).split('/').at(-1)!);
    expect(resetPassword(db, b!, 'scrypt$b', now.value)).toEqual({ userId: camille });
    expect(resetPassword(db, a!, 'scrypt$a', now.value)).toBeNull();
  });

  it('a deactivated account gets no link', async () => {
    const camille = await user(db, 'member', 'camille@garonne.fr', { organisationIds: [garonne] });
    db.update(users).set({ active: false }).where(eq(users.id, camille)).run();
    expect(requestPasswordReset(db, 'camille@garonne.fr', now.value)).toBe(false);
  });
});
