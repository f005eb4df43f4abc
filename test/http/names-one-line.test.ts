// Names as an attacker types them: a structure's lead inviting « Jean » followed by paragraphs of
// their own (CAP mails them to any address, in the federation's name), a consultant creating a
// structure with a name on several lines or its types repeated tens of thousands of times.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, user, type TestContext } from '../support/app.ts';
import { invitations, mailQueue, organisationLeads, organisations, users } from '../../src/db/schema.ts';

let ctx: TestContext;
let garonne: string;

beforeEach(async () => {
  ctx = makeApp();
  garonne = org(ctx.db, { name: 'Garonne Services Emploi', region: 'Occitanie' });
  const lead = await user(ctx.db, 'member', 'sophie@garonne.fr', { organisationIds: [garonne] });
  await user(ctx.db, 'consultant', 'ines@coorace.org', { regions: ['Occitanie'] });
  ctx.db.insert(organisationLeads).values({ userId: lead, organisationId: garonne }).run();
});

async function signedIn(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

describe('what an inviter types stays what it is', () => {
  it('a name is one line: no paragraph of the inviter’s own in CAP’s message', async () => {
    const sophie = await signedIn('sophie@garonne.fr');
    await sophie.get(`/organisations/${garonne}`);
    const name = 'Jean,\r\n\r\nATTENTION : votre compte sera supprimé. Confirmez sur https://exemple.net/cap\r\n\u0007\u001b[31m';
    expect((await sophie.post(`/organisations/${garonne}/invitations`, { name, email: 'jean@exemple.org' })).status).toBe(303);
    const inv = ctx.db.select().from(invitations).get()!;
    expect(inv.name).toBe('Jean, ATTENTION : votre compte sera supprimé. Confirmez sur https://exemple.net/cap [31m');
    const mail = ctx.db.select().from(mailQueue).get()!;
    expect((mail.payload as { recipientName: string }).recipientName).not.toMatch(/[\n\r\u0000-\u001f]/);
    // The invitee's own choice of name is one line too.
    const jean = new Client(ctx);
    await jean.get(`/invitations/${mail.secret}`);
    const res = await jean.post(`/invitations/${mail.secret}`, { name: 'Jean\nDupont', password: 'une phrase de passe bien à moi', passwordConfirm: 'une phrase de passe bien à moi' });
    expect(res.status).toBe(303);
    expect(ctx.db.select().from(users).where(eq(users.email, 'jean@exemple.org')).get()!.name).toBe('Jean Dupont');
  });

  it('a structure a consultant creates has one line for a name and a bounded list of types', async () => {
    const ines = await signedIn('ines@coorace.org');
    await ines.get('/organisations/new');
    const flood = await ines.post('/organisations/new', { name: 'Types en masse', siret: '01000003325981', region: 'Occitanie', types: Array.from({ length: 5000 }, () => 'AI') });
    expect(flood.status).toBe(422);
    expect(ctx.db.select().from(organisations).where(eq(organisations.name, 'Types en masse')).get()).toBeUndefined();
    const res = await ines.post('/organisations/new', { name: 'Chantier\r\ndes Quais', siret: '01000003325981', region: 'Occitanie', types: ['ACI', 'ACI', 'EI'] });
    expect(res.status).toBe(303);
    const created = ctx.db.select().from(organisations).where(eq(organisations.siret, '01000003325981')).get()!;
    expect(created.name).toBe('Chantier des Quais');
    expect(created.types).toEqual(['ACI', 'EI']);
  });
});
