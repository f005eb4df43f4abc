// The layer rules of docs/architecture.md, checked on the source: who may import whom, where SQL
// and dates are written, and that `npm test` never calls poppler or a browser.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

interface Import {
  /** Repository path of the imported file, or the package name. */
  target: string;
  /** Only types: erased at run time. */
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;

function importsOf(file: string): Import[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const out: Import[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5]!;
    const clause = m[3] ?? '';
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allTypes = !!named && named[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)).split('\\').join('/') : spec;
    out.push({ target, typeOnly: !!m[2] || allTypes });
  }
  return out;
}

const SRC = [...files('src'), ...files('views')];
const under = (dir: string) => (path: string) => path.startsWith(dir + '/');
const isDb = under('src/db');
const isRoute = under('src/routes');
const isView = under('views');
const isI18n = under('src/i18n');

function offences(filter: (file: string) => boolean, forbidden: (imp: Import, file: string) => boolean): string[] {
  return SRC.filter(filter).flatMap((file) => importsOf(file).filter((imp) => forbidden(imp, file)).map((imp) => `${file} → ${imp.target}`));
}

describe('layer rules (docs/architecture.md)', () => {
  it('finds the source files', () => {
    expect(SRC.filter(isDb).length).toBeGreaterThan(10);
    expect(SRC.filter(isRoute).length).toBeGreaterThan(10);
    expect(SRC.filter(isView).length).toBeGreaterThan(10);
  });

  it('src/db returns data: it never imports the catalogue, views, routes or the web layer', () => {
    expect(offences(isDb, (imp) => isI18n(imp.target) || isView(imp.target) || isRoute(imp.target) || under('src/web')(imp.target) || imp.target === 'src/people.ts')).toEqual([]);
  });

  it('no route file imports another', () => {
    expect(offences(isRoute, (imp) => isRoute(imp.target))).toEqual([]);
  });

  it('routes hold no SQL: no query builder, no schema', () => {
    expect(offences(isRoute, (imp) => imp.target.startsWith('drizzle-orm') || imp.target === 'src/db/schema.ts')).toEqual([]);
  });

  it('views import no runtime value from src/db, and nothing from routes', () => {
    expect(offences(isView, (imp) => (isDb(imp.target) && !imp.typeOnly) || isRoute(imp.target))).toEqual([]);
  });

  it('the catalogue imports no database, view, route or web module', () => {
    expect(offences(isI18n, (imp) => isDb(imp.target) || isView(imp.target) || isRoute(imp.target) || under('src/web')(imp.target))).toEqual([]);
  });

  it('the pure modules import no database, catalogue, web or view', () => {
    const pure = ['src/scoring', 'src/diagnostics', 'src/federation', 'src/questionnaire', 'src/auth/permissions.ts', 'src/plan/prioritise.ts', 'src/plan/types.ts', 'src/plan/format.ts', 'src/referential/lookup.ts', 'src/referential/mapping.ts', 'src/referential/glossary.ts', 'src/dates.ts', 'src/web/urls.ts', 'src/search.ts', 'src/sort-key.ts', 'src/keyset.ts'];
    const isPure = (file: string) => pure.some((p) => file === p || file.startsWith(p + '/'));
    expect(offences(isPure, (imp) => !imp.typeOnly && (isDb(imp.target) || isI18n(imp.target) || isView(imp.target) || isRoute(imp.target)))).toEqual([]);
  });
});

describe('one home per rule', () => {
  const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

  it('hand-written SQL is drizzle’s sql template: the raw driver is used only to open, back up and restore', () => {
    const raw = SRC.filter((f) => /\$client\s*\.\s*(prepare|exec)\b/.test(source(f)));
    expect(raw.sort()).toEqual(['src/db/backup.ts', 'src/db/open.ts'].filter((f) => raw.includes(f)));
  });

  it('dates are formatted in src/dates.ts only', () => {
    expect(SRC.filter((f) => f !== 'src/dates.ts' && /Intl\.DateTimeFormat|toLocaleDateString|toLocaleTimeString/.test(source(f)))).toEqual([]);
  });

  it('a route reads c.var.diagnostic / c.var.organisation only behind the matching guard', () => {
    for (const file of SRC.filter(isRoute)) {
      const s = source(file);
      if (/c\.var\.diagnostic\b/.test(s)) expect(s, file).toMatch(/loadDiagnostic\(/);
      if (/c\.var\.organisation\b/.test(s)) expect(s, file).toMatch(/loadOrganisation\(/);
    }
  });

  it('« submitted or validated » is written once, in src/diagnostics/status.ts', () => {
    const twice = /'submitted'\s*\|\|[^\n]*'validated'|'submitted',\s*'validated'/;
    expect(SRC.filter((f) => f !== 'src/diagnostics/status.ts' && twice.test(source(f)))).toEqual([]);
  });
});

describe('npm test needs nothing but npm ci', () => {
  it('the unit and HTTP suites never call poppler or a browser', () => {
    const suites = [...files('test/unit'), ...files('test/http'), ...files('test/support')].filter((f) => f !== 'test/unit/architecture.test.ts');
    const calls = /['"](pdftotext|pdfinfo|pdffonts|pdftoppm|chromium)['"]|playwright/;
    expect(suites.filter((f) => calls.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
