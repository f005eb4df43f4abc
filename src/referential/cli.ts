// `npm run --silent referential -- export | validate FILE`: the referential authors' command, usable
// without a server. It reads the database of CAP_DATA_DIR when there is one, read-only, and never
// creates or migrates it: an author's check must not touch production data.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { parseSettings, SettingsError } from '../settings.ts';
import { dataFile } from '../db/open.ts';
import { t } from '../i18n/index.ts';
import { builtinReferential, builtinReferentials, builtinServices, questionCodesOf, upgradeStoredDocument } from './store.ts';
import { parseReferentialJson, questionCount, validateReferential } from './validate.ts';
import { groupErrors } from './error-places.ts';

/** Terminals and logs get plain spaces; the no-break spaces of French typography are for pages. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

const m = t.referentials.cli;

interface Stored {
  defaultDocument?: unknown;
  serviceCodes?: Set<string>;
  /** Question codes of each stored version, to check a mapping from one of them. */
  versionCodes?: Map<string, Set<string>>;
}

/** What the database at CAP_DATA_DIR holds, if it exists and has the tables; nothing otherwise. */
function readDatabase(): Stored {
  const settings = parseSettings(process.env);
  const file = dataFile(settings.CAP_DATA_DIR);
  if (!existsSync(file)) return {};
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const row = sqlite.prepare('SELECT document FROM referentials WHERE is_default = 1 LIMIT 1').get() as { document: string } | undefined;
    const codes = (sqlite.prepare('SELECT code FROM services').all() as { code: string }[]).map((r) => r.code);
    const versions = sqlite.prepare('SELECT id, document FROM referentials').all() as { id: string; document: string }[];
    return {
      defaultDocument: row ? upgradeStoredDocument(JSON.parse(row.document)) : undefined,
      serviceCodes: codes.length ? new Set(codes) : undefined,
      versionCodes: new Map(versions.map((v) => [v.id, questionCodesOf(JSON.parse(v.document))])),
    };
  } catch {
    // A database from before the referential tables, or locked: the built-in text is the answer.
    return {};
  } finally {
    sqlite?.close();
  }
}

function exportDefault(): number {
  const doc = readDatabase().defaultDocument ?? builtinReferential();
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  return 0;
}

function validateFile(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? m.missingFile : (e as Error).message;
    console.error(plain(m.unreadable(file, reason)));
    return 1;
  }
  const json = parseReferentialJson(text);
  const stored = readDatabase();
  const builtins = new Map(builtinReferentials().map((r) => [r.id, questionCodesOf(r)]));
  const versionCodes = (id: string) => stored.versionCodes?.get(id) ?? builtins.get(id);
  const result = json.ok ? validateReferential(json.value, stored.serviceCodes ?? new Set(builtinServices().map((s) => s.code)), { versionCodes }) : json;
  if (result.ok) {
    console.log(plain(m.valid(questionCount(result.referential))));
    return 0;
  }
  console.error(plain(m.invalid(file, result.errors.length)));
  // Grouped by question as the admin page shows them, each with its JSON path for the editor.
  for (const g of groupErrors(json.ok ? json.value : null, result.errors)) {
    console.error(plain(g.context ? `${g.title} (${g.context})` : g.title));
    for (const e of g.errors) console.error(plain(`  ${e.field ? `${e.field} : ` : ''}${e.message}${e.path === '(document)' ? '' : ` [${e.path}]`}`));
  }
  return 1;
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  try {
    if (command === 'export' && rest.length === 0) return exportDefault();
    if (command === 'validate' && rest.length === 1) return validateFile(rest[0]!);
  } catch (e) {
    if (e instanceof SettingsError) {
      console.error(plain(e.message));
      return 1;
    }
    throw e;
  }
  console.error(plain(m.usage));
  return 2;
}

process.exitCode = main(process.argv.slice(2));
