// `npm run demo`: loads the demo data into CAP_DATA_DIR's database. Running it twice changes nothing.
// Without CAP_SMTP_URL, the demo's messages (pending invitations, this week's reminders) are written
// to CAP_DATA_DIR/outbox/ at once; with it, they wait in the queue for the server to send.
import { parseSettings, publicUrl, SettingsError } from '../settings.ts';
import { dataFile, openDatabase } from '../db/open.ts';
import { loadDemo } from './index.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './base.ts';
import { outboxDir, transportFromSettings } from '../mail/setup.ts';
import { MailWorker } from '../mail/worker.ts';

try {
  const settings = parseSettings(process.env);
  const file = dataFile(settings.CAP_DATA_DIR);
  const db = openDatabase(file);
  await loadDemo(db, new Date());
  if (!settings.CAP_SMTP_URL) {
    const worker = new MailWorker({ db, transport: transportFromSettings(settings), clock: () => new Date(), publicUrl: publicUrl(settings) });
    const { sent } = await worker.drain();
    await worker.stop();
    if (sent) console.log(`${sent} courriel(s) de démonstration écrit(s) dans ${outboxDir(settings.CAP_DATA_DIR)}.`);
  }
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
