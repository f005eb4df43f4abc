// Invitations as an attacker uses them: a structure's lead (an ordinary member account) or a
// consultant trying to make CAP mail an address over and over, to mail hundreds of addresses, or
// to keep using a right they lost.
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { Client, makeApp, org, text, user, type TestContext } from '../support/app.ts';
import { invitations, mailQueue, organisationLeads, users } from '../../src/db/schema.ts';
import { INVITATION_LIMITS } from '../../src/validation/limits.ts';
import { deleteUser } from '../../src/db/personal-data.ts';
import { acceptInvitation } from '../../src/accounts/invitations.ts';

let ctx: TestContext;
let garonne: string;
let ids: { lead: string; consultant: string };

beforeEach(async () => {
  ctx = makeApp();
  garonne = org(ctx.db, { name: 'Garonne Services Emploi', region: 'Occitanie' });
  ids = {
    lead: await user(ctx.db, 'member', 'sophie@garonne.fr', { organisationIds: [garonne] }),
    consultant: await user(ctx.db, 'consultant', 'ines@coorace.org', { regions: ['Occitanie'] }),
  };
  await user(ctx.db, 'admin', 'admin@coorace.org');
  ctx.db.insert(organisationLeads).values({ userId: ids.lead, organisationId: garonne }).run();
});

async function signedIn(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

/** What the mail worker does, without a server: every waiting message leaves. */
function sendAll() {
  ctx.db.update(mailQueue).set({ status: 'sent', secret: null }).where(eq(mailQueue.status, 'pending')).run();
}

/** Invitation messages that left or will leave for `to` (a resend cancels one still waiting). */
function invitationMailsTo(to: string): number {
  return ctx.db.select().from(mailQueue).where(and(eq(mailQueue.recipient, to), eq(mailQueue.kind, 'invitation'), ne(mailQueue.status, 'cancelled'))).all().length;
}

const minutes = (n: number) => {
  ctx.now.value = new Date(ctx.now.value.getTime() + n * 60_000);
};

describe('invitations cannot be turned into a mailing tool', () => {
  it('a lead cannot make CAP mail the same address again and again with « Renvoyer »', async () => {
    const sophie = await signedIn('sophie@garonne.fr');
    await sophie.get(`/organisations/${garonne}`);
    expect((await sophie.post(`/organisations/${garonne}/invitations`, { name: 'Victime', email: 'victime@exemple.org' })).status).toBe(303);
    sendAll();
    const inv = ctx.db.select().from(invitations).get()!;
    for (let i = 0; i < 10; i++) {
      const res = await sophie.post(`/organisations/${garonne}/invitations/${inv.id}/resend`);
      expect(res.status).toBe(303);
      sendAll();
    }
    expect(invitationMailsTo('victime@exemple.org')).toBe(1);
    const page = text(await (await sophie.get(`/organisations/${garonne}`)).text());
    expect(page).toContain(`L’invitation vient d’être envoyée : vous pourrez la renvoyer dans ${INVITATION_LIMITS.resendAfterMinutes} minutes.`);
    // Once the delay has passed, a resend goes out (one).
    minutes(INVITATION_LIMITS.resendAfterMinutes);
    expect((await sophie.post(`/organisations/${garonne}/invitations/${inv.id}/resend`)).status).toBe(303);
    expect((await sophie.post(`/organisations/${garonne}/invitations/${inv.id}/resend`)).status).toBe(303);
    sendAll();
    expect(invitationMailsTo('victime@exemple.org')).toBe(2);
  });

  it('a lead sends a bounded number of invitations a day; a consultant more; the count starts again after 24 hours', async () => {
    const sophie = await signedIn('sophie@garonne.fr');
    await sophie.get(`/organisations/${garonne}`);
    const max = INVITATION_LIMITS.perDay.member;
    for (let i = 0; i < max; i++) {
      expect((await sophie.post(`/organisations/${garonne}/invitations`, { name: `Personne ${i}`, email: `p${i}@exemple.org` })).status).toBe(303);
    }
    const refused = await sophie.post(`/organisations/${garonne}/invitations`, { name: 'Une de trop', email: 'trop@exemple.org' });
    expect(refused.status).toBe(429);
    expect(text(await refused.text())).toContain(`Vous avez envoyé ${max} invitations en 24 heures`);
    expect(invitationMailsTo('trop@exemple.org')).toBe(0);
    // Resends count too.
    minutes(INVITATION_LIMITS.resendAfterMinutes);
    const first = ctx.db.select().from(invitations).where(eq(invitations.email, 'p0@exemple.org')).get()!;
    await sophie.post(`/organisations/${garonne}/invitations/${first.id}/resend`);
    sendAll();
    expect(invitationMailsTo('p0@exemple.org')).toBe(1);
    // The consultant of the region is not held by the lead's count.
    const ines = await signedIn('ines@coorace.org');
    await ines.get(`/organisations/${garonne}`);
    expect((await ines.post(`/organisations/${garonne}/invitations`, { name: 'Par la conseillère', email: 'conseil@exemple.org' })).status).toBe(303);
    minutes(24 * 60);
    const nextDay = await signedIn('sophie@garonne.fr');
    await nextDay.get(`/organisations/${garonne}`);
    expect((await nextDay.post(`/organisations/${garonne}/invitations`, { name: 'Le lendemain', email: 'lendemain@exemple.org' })).status).toBe(303);
    expect(INVITATION_LIMITS.perDay.consultant).toBeGreaterThan(max);
  });
});

describe('an invitation carries the inviter’s right, as it stands', () => {
  it('a lead who is no longer the lead can neither resend their invitation nor see it open an account', async () => {
    const sophie = await signedIn('sophie@garonne.fr');
    await sophie.get(`/organisations/${garonne}`);
    await sophie.post(`/organisations/${garonne}/invitations`, { name: 'Ami', email: 'ami@exemple.org' });
    await sophie.post(`/organisations/${garonne}/invitations`, { name: 'Amie', email: 'amie@exemple.org' });
    const token = ctx.db.select().from(mailQueue).where(eq(mailQueue.recipient, 'ami@exemple.org')).get()!.secret!;
    sendAll();
    const inv = ctx.db.select().from(invitations).where(eq(invitations.email, 'ami@exemple.org')).get()!;
    const other = ctx.db.select().from(invitations).where(eq(invitations.email, 'amie@exemple.org')).get()!;
    // The consultant takes the mark away.
    const ines = await signedIn('ines@coorace.org');
    await ines.get(`/organisations/${garonne}`);
    expect((await ines.post(`/organisations/${garonne}/leads/${ids.lead}`, { lead: '0' })).status).toBe(303);
    minutes(60);
    expect((await sophie.post(`/organisations/${garonne}/invitations/${inv.id}/resend`)).status).toBe(404);
    expect(ctx.db.select().from(invitations).where(eq(invitations.id, inv.id)).get()!.expiresAt).toBe(inv.expiresAt);
    // The link no longer opens an account in the structure.
    const ami = new Client(ctx);
    expect((await ami.get(`/invitations/${token}`)).status).toBe(404);
    const res = await ami.post(`/invitations/${token}`, { name: 'Ami', password: 'une phrase de passe bien à moi', passwordConfirm: 'une phrase de passe bien à moi' });
    expect(res.status).toBe(404);
    expect(ctx.db.select().from(users).where(eq(users.email, 'ami@exemple.org')).get()).toBeUndefined();
    // The author may still take one back; the consultant may send the other again, in their own
    // name: that new link works.
    expect((await sophie.post(`/organisations/${garonne}/invitations/${other.id}/revoke`)).status).toBe(303);
    expect(ctx.db.select().from(invitations).where(eq(invitations.id, other.id)).get()!.revokedAt).not.toBeNull();
    const renewed = await ines.post(`/organisations/${garonne}/invitations/${inv.id}/resend`);
    expect(renewed.status).toBe(303);
    const again = ctx.db.select().from(mailQueue).where(eq(mailQueue.status, 'pending')).get()!.secret!;
    const page = await new Client(ctx).get(`/invitations/${again}`);
    expect(page.status).toBe(200);
    expect(text(await page.text())).toContain('ines vous invite');
  });

  it('an administrator’s invitation stops working when that account is deactivated or deleted', async () => {
    const admin = await signedIn('admin@coorace.org');
    await admin.get('/admin/invitations');
    await admin.post('/admin/invitations', { name: 'Nouvel admin', email: 'nouvel@exemple.org', role: 'admin' });
    const token = ctx.db.select().from(mailQueue).get()!.secret!;
    const adminId = ctx.db.select().from(users).where(eq(users.email, 'admin@coorace.org')).get()!.id;
    expect((await new Client(ctx).get(`/invitations/${token}`)).status).toBe(200);
    ctx.db.update(users).set({ active: false }).where(eq(users.id, adminId)).run();
    const res = await new Client(ctx).get(`/invitations/${token}`);
    expect(res.status).toBe(404);
    expect(text(await res.text())).toContain('Cette invitation n’est plus valable');
    // Deleted by another administrator (the account's row stays, anonymised).
    ctx.db.update(users).set({ active: true }).where(eq(users.id, adminId)).run();
    const other = await user(ctx.db, 'admin', 'autre-admin@coorace.org');
    deleteUser(ctx.db, adminId, other, ctx.now.value);
    const invitee = new Client(ctx);
    expect((await invitee.get(`/invitations/${token}`)).status).toBe(404);
    expect(acceptInvitation(ctx.db, token, { name: 'Nouvel admin', passwordHash: 'x' }, ctx.now.value)).toEqual({ ok: false, reason: 'unusable' });
  });
});
