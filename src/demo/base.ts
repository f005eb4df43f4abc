// The demo's organisations and accounts (issue: foundation). Idempotent: what exists is kept.
import type { Db } from '../db/open.ts';
import { findOrganisationBySiret, insertOrganisation, type OrganisationInput } from '../db/organisations.ts';
import { findUserByEmail, insertUser } from '../db/users.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../auth/permissions.ts';
import { demoSiret } from './siret.ts';

export const DEMO_PASSWORD = 'cap-demo-2026';

export const DEMO_ORGANISATIONS: OrganisationInput[] = [
  { name: 'Garonne Services Emploi (démo)', siret: demoSiret('9100000100001'), types: ['AI'], region: 'Occitanie', ftePermanent: 4, ftePathway: 38, ges: false },
  { name: 'Les Jardins du Lauragais (démo)', siret: demoSiret('9100000100002'), types: ['ACI'], region: 'Occitanie', ftePermanent: 6, ftePathway: 24, ges: false },
  { name: 'Ti Labour Bretagne (démo)', siret: demoSiret('9100000100003'), types: ['EI'], region: 'Bretagne', ftePermanent: 8, ftePathway: 15, ges: false },
  { name: 'Armor Intérim Solidaire (démo)', siret: demoSiret('9100000100004'), types: ['ETTI'], region: 'Bretagne', ftePermanent: 5, ftePathway: 42, ges: false },
  { name: 'Chantier des Terrils (démo)', siret: demoSiret('9100000100005'), types: ['ACI'], region: 'Hauts-de-France', ftePermanent: 7, ftePathway: 30, ges: false },
  { name: 'Flandre Services Proximité (démo)', siret: demoSiret('9100000100006'), types: ['AI'], region: 'Hauts-de-France', ftePermanent: 3, ftePathway: 27, ges: true },
];

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  organisationIndex?: number;
  regions?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@cap.test', name: 'Camille Admin', role: 'admin' },
  { email: 'conseil.occitanie@cap.test', name: 'Inès Martin', role: 'consultant', regions: ['Occitanie'] },
  { email: 'conseil.bretagne@cap.test', name: 'Yann Le Gall', role: 'consultant', regions: ['Bretagne'] },
  { email: 'membre1@cap.test', name: 'Sophie Durand', role: 'member', organisationIndex: 0 },
  { email: 'membre2@cap.test', name: 'Karim Benali', role: 'member', organisationIndex: 1 },
  { email: 'membre3@cap.test', name: 'Maëlle Guillou', role: 'member', organisationIndex: 2 },
  { email: 'membre4@cap.test', name: 'Erwan Tanguy', role: 'member', organisationIndex: 3 },
  { email: 'membre5@cap.test', name: 'Nadia Lefebvre', role: 'member', organisationIndex: 4 },
  { email: 'membre6@cap.test', name: 'Thomas Vermeulen', role: 'member', organisationIndex: 5 },
];

export interface DemoIds {
  organisations: string[];
  users: Record<string, string>;
}

export async function loadBaseDemo(db: Db, now: Date): Promise<DemoIds> {
  const organisations = DEMO_ORGANISATIONS.map((o) => findOrganisationBySiret(db, o.siret)?.id ?? insertOrganisation(db, o, now));
  const hash = await hashPassword(DEMO_PASSWORD);
  const users: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const existing = findUserByEmail(db, u.email);
    users[u.email] =
      existing?.id ??
      insertUser(
        db,
        { email: u.email, name: u.name, role: u.role, passwordHash: hash, organisationIds: u.organisationIndex === undefined ? [] : [organisations[u.organisationIndex]!], regions: u.regions ?? [] },
        now,
      );
  }
  return { organisations, users };
}
