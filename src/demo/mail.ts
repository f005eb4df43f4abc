// Demo of e-mail (issue: invitations, notices, reminders). Idempotent: an address already invited
// is left alone, and the week's reminders run once.
//  - Sophie Durand (membre1) is the lead of Garonne Services Emploi and has invited a colleague;
//  - Inès Martin (Occitanie) has invited a team member of Les Jardins du Lauragais;
//  - the administration has invited a consultant for Hauts-de-France;
//  - this week's Monday reminders are queued (the demo CLI writes them to the outbox).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { DemoIds } from './base.ts';
import { invitations, organisationLeads } from '../db/schema.ts';
import { findUser } from '../db/users.ts';
import { loadActor } from '../auth/sessions.ts';
import { invite, type InviteInput } from '../accounts/invitations.ts';
import { leadOf } from '../db/leads.ts';
import { lastSlot, runWeeklyReminders } from '../mail/scheduler.ts';

export const DEMO_INVITATIONS: (InviteInput & { by: string; daysAgo: number })[] = [
  { by: 'membre1@cap.test', email: 'accueil.garonne@cap.test', name: 'Julie Fabre', role: 'member', organisationIds: [], regions: [], lead: false, daysAgo: 2 },
  { by: 'conseil.occitanie@cap.test', email: 'encadrant.jardins@cap.test', name: 'Paul Roux', role: 'member', organisationIds: [], regions: [], lead: false, daysAgo: 3 },
  { by: 'admin@cap.test', email: 'conseil.hdf@cap.test', name: 'Lucie Moreau', role: 'consultant', organisationIds: [], regions: ['Hauts-de-France'], lead: false, daysAgo: 1 },
];

/** Which demo structure each member invitation names (by index in DEMO_ORGANISATIONS). */
const ORGANISATION_OF: Record<string, number> = { 'accueil.garonne@cap.test': 0, 'encadrant.jardins@cap.test': 1 };

export function loadMailDemo(db: Db, ids: DemoIds, now: Date): void {
  const sophie = ids.users['membre1@cap.test']!;
  db.insert(organisationLeads).values({ userId: sophie, organisationId: ids.organisations[0]! }).onConflictDoNothing().run();

  for (const inv of DEMO_INVITATIONS) {
    if (db.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, inv.email)).get()) continue;
    const byId = ids.users[inv.by]!;
    const by = findUser(db, byId)!;
    const actor = { id: by.id, name: by.name, role: by.role, ...loadActor(db, by.id), leadOf: leadOf(db, by.id) };
    const index = ORGANISATION_OF[inv.email];
    const input: InviteInput = { ...inv, organisationIds: index === undefined ? [] : [ids.organisations[index]!] };
    const res = invite(db, actor, input, new Date(now.getTime() - inv.daysAgo * 86_400_000));
    if (!res.ok) throw new Error(`demo invitation of ${inv.email} refused: ${res.reason}`);
  }

  runWeeklyReminders(db, lastSlot(now), now);
}
