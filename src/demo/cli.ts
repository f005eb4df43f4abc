// `npm run demo`: loads the demo data into CAP_DATA_DIR's database. Running it twice changes nothing.
import { parseSettings, SettingsError } from '../settings.ts';
import { dataFile, openDatabase } from '../db/open.ts';
import { loadDemo } from './index.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './base.ts';

try {
  const settings = parseSettings(process.env);
  const file = dataFile(settings.CAP_DATA_DIR);
  const db = openDatabase(file);
  await loadDemo(db, new Date());
  db.$client.close();
  console.log(`Données de démonstration chargées dans ${file}.`);
  console.log(`Comptes (mot de passe ${DEMO_PASSWORD}) : ${DEMO_USERS.map((u) => u.email).join(', ')}`);
} catch (e) {
  if (e instanceof SettingsError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
