// The authors' command, run as a real process like `npm run --silent referential -- …` does, with
// its own CAP_DATA_DIR: exit codes, what it prints, and which database it reads.
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFile, openDatabase } from '../../src/db/open.ts';
import { builtinReferential, ensureBuiltins, importReferential, insertService, publishReferential, setDefaultReferential } from '../../src/referential/store.ts';
import { importable } from '../fixtures/importable.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOW = new Date('2026-03-02T09:00:00Z');

// Each run starts Node and tsx: about a second on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/referential/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CAP_DATA_DIR: dataDir, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

describe('npm run referential -- export', () => {
  it('prints the built-in version as pretty JSON when there is no database, and creates none', () => {
    const dataDir = join(dir, 'absent');
    const r = run(['export'], dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('{\n  "id": "cap-2026",')).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual(builtinReferential());
    expect(existsSync(dataDir)).toBe(false);
  });

  it('prints the default version of the database at CAP_DATA_DIR', () => {
    const dataDir = join(dir, 'with-db');
    const db = openDatabase(dataFile(dataDir));
    ensureBuiltins(db, NOW);
    expect(importReferential(db, importable('cap-2025', 'CAP 2025'), null, NOW).ok).toBe(true);
    publishReferential(db, 'cap-2025', null, NOW);
    setDefaultReferential(db, 'cap-2025', null, NOW);
    db.$client.close();
    const r = run(['export'], dataDir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'cap-2025', label: 'CAP 2025' });
  });
});

describe('npm run referential -- validate FILE', () => {
  it('exits 0 and counts the questions of a valid file', () => {
    const file = writeJson('valid.json', importable('cap-2026', 'CAP 2026'));
    const r = run(['validate', file], join(dir, 'absent'));
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('Référentiel valide : 101 questions');
  });

  it('exits 1 and prints each error under its question, in French, with its path', () => {
    const doc = JSON.parse(JSON.stringify(importable('cap-2026', 'CAP 2026')));
    doc.themes[2].criteria[0].questions[2].iso9001 = ['7.1', '4.9'];
    doc.themes[0].criteria[1].questions[0].levels.pop();
    const r = run(['validate', writeJson('bad.json', doc)], join(dir, 'absent'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Référentiel invalide \(.*bad\.json\) : 2 erreurs$/);
    expect(lines[1]).toBe('Question ID-2.1 (n° 1 du critère ID-2, thème « Identité et projet »)');
    expect(lines[2]).toBe('  descripteurs de niveau : exactement cinq descripteurs de niveau (0 à 4) [themes[0].criteria[1].questions[0].levels]');
    expect(lines[3]).toBe('Question FS-1.4 (n° 3 du critère FS-1, thème « Fonctions support et ressources »)');
    expect(lines[4]).toMatch(/^ {2}clause ISO 9001 n° 2 : clause ISO 9001 inconnue « 4\.9 » .* \[themes\[2\]\.criteria\[0\]\.questions\[2\]\.iso9001\[1\]\]$/);
  });

  it('checks services against the catalogue of the database when there is one', () => {
    const dataDir = join(dir, 'custom-service');
    const db = openDatabase(dataFile(dataDir));
    ensureBuiltins(db, NOW);
    insertService(db, { code: 'NOUVEAU-SERVICE', name: 'Nouveau service', kind: 'outil', description: 'Un outil.', contact: 'outil@coorace.test' }, null, NOW);
    db.$client.close();
    const doc = JSON.parse(JSON.stringify(importable('cap-2026', 'CAP 2026')));
    doc.themes[0].criteria[0].questions[0].services = ['NOUVEAU-SERVICE'];
    const file = writeJson('custom.json', doc);
    expect(run(['validate', file], dataDir).code).toBe(0);
    const without = run(['validate', file], join(dir, 'absent'));
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('  service n° 1 : service « NOUVEAU-SERVICE » absent du catalogue [themes[0].criteria[0].questions[0].services[0]]');
  });

  it('exits 1 on a file that is missing or not JSON', () => {
    const missing = run(['validate', join(dir, 'nowhere.json')], join(dir, 'absent'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Impossible de lire .*nowhere\.json : fichier introuvable/);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "id": "cap-x",\n  "label" "x"\n}\n');
    const broken = run(['validate', file], join(dir, 'absent'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/\nLe document\n {2}Le contenu n’est pas un JSON lisible \(vers la ligne 3, colonne \d+\) : vérifiez/);
  });
});

describe('npm run referential with a wrong command', () => {
  it('prints the usage and exits 2', () => {
    for (const args of [[], ['publish'], ['validate'], ['export', 'extra']]) {
      const r = run(args, join(dir, 'absent'));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('npm run --silent referential -- validate FICHIER');
    }
  });
});
