// Every lookup path of the app reaches its rows through an index. The statements are not copied
// here: the test records the SQL the real query functions and pages prepare, and asks SQLite for
// the plan of each (EXPLAIN QUERY PLAN). A `SCAN <table>` without an index on a table that grows
// with use (answers, actions, audit…) fails, naming the statement.
import { describe, it, expect, beforeAll } from 'vitest';
import { Client, makeApp, type TestContext } from '../support/app.ts';
import type { Db } from '../../src/db/open.ts';
import { generateDataset, type DatasetSummary } from '../../bench/dataset.ts';
import { createSession, resolveSession, loadActor } from '../../src/auth/sessions.ts';
import { findUserByEmail } from '../../src/db/users.ts';
import { listOrganisationDiagnostics, loadAnswers, loadAnswersWithAuthors, getAnswer } from '../../src/db/diagnostics.ts';
import { listActions } from '../../src/db/actions.ts';
import { listComments } from '../../src/db/reviews.ts';
import { diagnosticHistory, listAuditEvents } from '../../src/db/audit-log.ts';
import { federationPage } from '../../src/db/federation.ts';
import { previousDiagnostic } from '../../src/db/peers.ts';

interface Statement {
  sql: string;
  args: unknown[];
}

/**
 * Records every statement executed on `db` while `fn` runs, prepared then or earlier (hot paths
 * keep their prepared statements): the Statement prototype's methods are wrapped meanwhile.
 */
function recorded(db: Db, fn: () => unknown): Statement[];
function recorded(db: Db, fn: () => Promise<unknown>): Promise<Statement[]>;
function recorded(db: Db, fn: () => unknown): Statement[] | Promise<Statement[]> {
  const client = db.$client;
  const proto = Object.getPrototypeOf(client.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  const methods = ['all', 'get', 'run', 'iterate'] as const;
  const originals = methods.map((m) => proto[m]!);
  const seen = new Map<string, Statement>();
  methods.forEach((m, i) => {
    proto[m] = function (this: { source: string; database: unknown }, ...args: unknown[]) {
      if (this.database === client && !seen.has(this.source)) seen.set(this.source, { sql: this.source, args });
      return originals[i]!.apply(this, args);
    };
  });
  const done = () => {
    methods.forEach((m, i) => (proto[m] = originals[i]!));
    return [...seen.values()];
  };
  let out: unknown;
  try {
    out = fn();
  } catch (e) {
    done();
    throw e;
  }
  if (out instanceof Promise) return out.then(done, (e) => (done(), Promise.reject(e)));
  return done();
}

/** Tables whose size grows with use: scanning one of them whole is a bug on any page. */
const GROWING = ['answers', 'diagnostics', 'actions', 'audit_events', 'review_comments', 'sessions', 'memberships', 'consultant_regions', 'plan_stats'];

/** Statements that read a whole table on purpose: the admin's list of every account and its scope. */
const WHOLE_TABLE = [/^select "user_id", "organisation_id" from "memberships"$/, /^select "user_id", "region" from "consultant_regions"$/];

/** alias → table for the tables named in a statement (`FROM diagnostics d`, `JOIN "users" on`). */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  const keyword = /^(where|on|left|inner|join|cross|natural|using|group|order|limit|set|values|as|and|or|select)$/i;
  for (const m of sql.matchAll(/\b(?:from|join|into|update)\s+[`"]?(\w+)[`"]?(?:\s+(?:as\s+)?[`"]?(\w+)[`"]?)?/gi)) {
    const table = m[1]!;
    out.set(table, table);
    if (m[2] && !keyword.test(m[2])) out.set(m[2], table);
  }
  return out;
}

interface PlanLine {
  detail: string;
}

function plan(db: Db, s: Statement): string[] {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.args as never[])) as PlanLine[];
  return rows.map((r) => r.detail);
}

/** Whole-table scans (no index) of growing tables in the statement's plan. */
function fullScans(db: Db, s: Statement): string[] {
  if (WHOLE_TABLE.some((re) => re.test(s.sql.trim()))) return [];
  const names = aliases(s.sql);
  return plan(db, s).filter((line) => {
    const m = /^SCAN (\w+)$/.exec(line) ?? /^SCAN (\w+) \(/.exec(line);
    if (!m) return false;
    return GROWING.includes(names.get(m[1]!) ?? m[1]!);
  });
}

/** The statements of `fn` that touch `table`, with their plans. */
function lookups(db: Db, table: string, fn: () => unknown) {
  const statements = recorded(db, fn).filter((s) => new RegExp(`["\`\\s]${table}["\`\\s]`).test(` ${s.sql} `) && /^\s*select|^\s*with/i.test(s.sql));
  return statements.map((s) => ({ sql: s.sql, plan: plan(db, s), scans: fullScans(db, s) }));
}

/** Asserts every statement reached `table` by an index (SEARCH … USING … INDEX or PRIMARY KEY). */
function expectIndexed(db: Db, table: string, fn: () => unknown) {
  const found = lookups(db, table, fn);
  expect(found.length, `no statement on ${table} was recorded`).toBeGreaterThan(0);
  for (const s of found) {
    const names = aliases(s.sql);
    const onTable = s.plan.filter((line) => {
      const m = /^(?:SEARCH|SCAN) (\w+)/.exec(line);
      return m && (names.get(m[1]!) ?? m[1]) === table;
    });
    expect(onTable.length, `${table} absent from the plan of ${s.sql}`).toBeGreaterThan(0);
    for (const line of onTable) expect(line, `${s.sql}\n→ ${s.plan.join('\n→ ')}`).toMatch(/^SEARCH \w+ USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)/);
  }
}

let ctx: TestContext;
let data: DatasetSummary;
let db: Db;
const now = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  ctx = makeApp();
  db = ctx.db;
  data = await generateDataset(db, { organisations: 40, diagnosticsPerOrganisation: 3, now });
}, 30_000);

describe('lookup paths use an index', () => {
  it('sessions by id, users by email, memberships and regions by user', () => {
    const member = findUserByEmail(db, data.bench.memberEmail)!;
    const { token } = createSession(db, member.id, now);
    expectIndexed(db, 'sessions', () => resolveSession(db, token, now));
    expectIndexed(db, 'users', () => findUserByEmail(db, data.bench.memberEmail));
    expectIndexed(db, 'memberships', () => loadActor(db, member.id));
    expectIndexed(db, 'consultant_regions', () => loadActor(db, member.id));
  });

  it('answers by diagnostic, and one answer', () => {
    expectIndexed(db, 'answers', () => loadAnswers(db, data.bench.completeId));
    expectIndexed(db, 'answers', () => loadAnswersWithAuthors(db, data.bench.completeId));
    expectIndexed(db, 'answers', () => getAnswer(db, data.bench.draftId, 'ID-1.1'));
  });

  it('diagnostics by organisation, newest first, without sorting them', () => {
    const found = lookups(db, 'diagnostics', () => listOrganisationDiagnostics(db, data.bench.organisationId));
    expectIndexed(db, 'diagnostics', () => listOrganisationDiagnostics(db, data.bench.organisationId));
    for (const s of found) expect(s.plan.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('the latest diagnostic of each organisation of a region, and the previous one of a diagnostic', () => {
    const actor = { id: 'x', role: 'consultant' as const, organisationIds: [], regions: ['Occitanie'] };
    expectIndexed(db, 'diagnostics', () => federationPage(db, actor, { sort: 'name', dir: 'asc' }, now));
    const complete = db.$client.prepare('SELECT * FROM diagnostics WHERE id = ?').get(data.bench.completeId) as Record<string, unknown>;
    const row = { ...complete, organisationId: complete.organisation_id, createdAt: complete.created_at, previousId: null } as never;
    expectIndexed(db, 'diagnostics', () => previousDiagnostic(db, row));
  });

  it('actions, review comments and audit events by diagnostic', () => {
    expectIndexed(db, 'actions', () => listActions(db, data.bench.completeId));
    expectIndexed(db, 'review_comments', () => listComments(db, data.bench.completeId));
    expectIndexed(db, 'audit_events', () => diagnosticHistory(db, data.bench.completeId, 1));
  });

  it('the audit journal filtered by kind of record', () => {
    expectIndexed(db, 'audit_events', () => listAuditEvents(db, { entity: 'diagnostic' }, 1));
  });
});

describe('what the triggers read goes through an index', () => {
  it('a plan\'s figures from its actions, an organisation\'s pointers from its diagnostics', () => {
    const explain = (q: string) => (db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all('x') as PlanLine[]).map((r) => r.detail);
    const figures = explain(`SELECT * FROM plan_stats_source WHERE diagnostic_id = ?`);
    expect(figures.filter((l) => /^(SEARCH|SCAN) (a|b)\b/.test(l)).every((l) => l.includes('USING INDEX actions_diag')), figures.join('\n')).toBe(true);
    const latest = explain(`SELECT (SELECT l.id FROM diagnostics l WHERE l.organisation_id = ? ORDER BY l.created_at DESC, l.id DESC LIMIT 1)`);
    expect(latest.join('\n')).toMatch(/SEARCH l USING INDEX diagnostics_org_created/);
  });
});

describe('pages scan no growing table', () => {
  it('member, consultant and admin pages, the answer save, the plan and its PDF, the dashboard', async () => {
    const member = new Client(ctx);
    const consultant = new Client(ctx);
    const admin = new Client(ctx);
    const { bench } = data;
    const statuses: string[] = [];
    const visit = async (c: Client, path: string) => {
      const res = await c.get(path);
      statuses.push(`${res.status} ${path}`);
    };
    const statements = await recorded(db, async () => {
      await member.login(bench.memberEmail, bench.password);
      await consultant.login('conseil-9@bench.cap.test', bench.password); // Occitanie
      await admin.login(bench.adminEmail, bench.password);
      for (const c of [member, consultant, admin]) {
        await visit(c, '/');
        await visit(c, '/organisations');
        await visit(c, `/organisations/${bench.organisationId}`);
        await visit(c, `/diagnostics/${bench.draftId}`);
        await visit(c, `/diagnostics/${bench.draftId}/themes/identite`);
        await visit(c, `/diagnostics/${bench.completeId}/results`);
        await visit(c, `/diagnostics/${bench.completeId}/plan`);
        await visit(c, `/diagnostics/${bench.completeId}/plan.pdf`);
        await visit(c, `/diagnostics/${bench.completeId}/export.csv`);
        await visit(c, `/diagnostics/${bench.completeId}/history`);
      }
      const code = Object.keys(bench.draftRevisions)[0]!;
      const save = await member.post(`/diagnostics/${bench.draftId}/answers/${code}`, { level: '3', comment: '', revision: String(bench.draftRevisions[code]) }, { headers: { 'HX-Request': 'true' } });
      statuses.push(`${save.status} POST answer`);
      for (const c of [consultant, admin]) {
        await visit(c, '/federation');
        await visit(c, '/federation?status=draft&sort=score&dir=desc');
        await visit(c, '/federation?q=jardins&status=submitted&sort=pending');
        await visit(c, '/federation?band=maitrise&progress=q1&overdue=1&sort=overdue&dir=desc');
        await visit(c, '/federation?sort=progress&dir=desc&type=AI');
        await visit(c, '/federation/export.csv');
        await visit(c, '/federation/export.csv?sort=region');
        await visit(c, '/federation/progres?region=Occitanie');
        await visit(c, '/organisations?q=tremplin');
      }
      await visit(admin, '/admin/users?q=membre&role=member');
      await visit(admin, '/admin/organisations?q=920&status=active');
      await visit(admin, '/admin/audit');
      await visit(admin, '/admin/audit?entity=answer');
      await visit(admin, '/admin/users');
      await visit(member, '/account');
      await visit(member, '/account/export.json');
    });
    // Every page answered (no 404 from a route gone missing, no 500): the plans below are theirs.
    expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);
    expect(statements.length).toBeGreaterThan(40);
    const offenders = statements.flatMap((s) => fullScans(db, s).map((line) => `${line}  ←  ${s.sql.replace(/\s+/g, ' ').slice(0, 300)}`));
    expect(offenders).toEqual([]);
  });
});
