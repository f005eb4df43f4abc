// `npm run backup -- FILE` (while the server runs or not) and `npm run restore -- FILE` (server
// stopped). The database is CAP_DATA_DIR/cap.db, as for the server.
import { resolve } from 'node:path';
import { parseSettings, SettingsError } from '../settings.ts';
import { dataFile } from './open.ts';
import { backupDatabase, backupFilesDir, BackupError, restoreDatabase, type Counts } from './backup.ts';

function summary(c: Counts): string {
  return `${c.users} compte(s), ${c.organisations} structure(s), ${c.diagnostics} diagnostic(s), ${c.answers} réponse(s), ${c.files} justificatif(s)`;
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const [command, fileArg] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !fileArg) {
  fail('Usage : npm run backup -- FICHIER   (copie de la base, serveur en marche ou non)\n        npm run restore -- FICHIER  (remise en place, serveur arrêté)', 2);
}

let dataDir: string;
try {
  dataDir = parseSettings(process.env).CAP_DATA_DIR;
} catch (e) {
  if (e instanceof SettingsError) fail(e.message);
  throw e;
}
// npm runs scripts from the project folder; a relative FILE means relative to where it was typed.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);

try {
  if (command === 'backup') {
    const counts = await backupDatabase(dataFile(dataDir), file);
    console.log(`Sauvegarde écrite dans ${file} (justificatifs dans ${backupFilesDir(file)}) : ${summary(counts)}.`);
  } else {
    const result = await restoreDatabase(dataDir, file, new Date());
    console.log(`Base restaurée depuis ${file} : ${summary(result)}.`);
    if (result.previous) console.log(`L’ancienne base est conservée dans ${result.previous}.`);
    console.log('Vous pouvez redémarrer CAP (npm start).');
  }
} catch (e) {
  if (e instanceof BackupError) fail(e.message);
  fail(`Échec : ${(e as Error).message}`);
}
