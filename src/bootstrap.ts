// What start-up puts in place besides migrations: the first admin from the settings, and the
// built-in referential and services catalogue.
import type { Db } from './db/open.ts';
import type { Settings } from './settings.ts';
import { hasAnyUser, insertUser } from './db/users.ts';
import { hashPassword } from './auth/password.ts';
import { passwordProblem } from './auth/password-policy.ts';
import { SettingsError } from './settings.ts';
import { audit } from './db/audit.ts';

export async function ensureAdminFromSettings(db: Db, settings: Settings, now: Date): Promise<void> {
  if (!settings.CAP_ADMIN_EMAIL || !settings.CAP_ADMIN_PASSWORD || hasAnyUser(db)) return;
  const email = settings.CAP_ADMIN_EMAIL.toLowerCase();
  const problem = passwordProblem(settings.CAP_ADMIN_PASSWORD, email);
  if (problem) throw new SettingsError(`Paramètre CAP_ADMIN_PASSWORD refusé : ${problem}`);
  const id = insertUser(db, { email, name: 'Administration CAP', role: 'admin', passwordHash: await hashPassword(settings.CAP_ADMIN_PASSWORD) }, now);
  audit(db, { userId: null, action: 'create', entity: 'user', entityId: id, after: { email, role: 'admin', source: 'CAP_ADMIN_EMAIL' } }, now);
  console.log(`Compte administrateur créé pour ${email}.`);
}
