// Reading never writes: every GET route of the route table, for a member, a consultant and an
// admin, on the demo data, leaves the database exactly as it was — no row written, updated or
// deleted (SQLite's total_changes()), and the same content in every table. Score caches, plans and
// statistics are written where the data changes, never by a page view, a PDF or an export.
import { describe, it, expect, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { Client, makeApp, type TestContext } from '../support/app.ts';
import { appRoutes, concretePath } from '../support/routes.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import type { Db } from '../../src/db/open.ts';

function digest(db: Db): string {
  const h = createHash('sha256');
  const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    h.update(name);
    for (const row of db.$client.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).raw(true).iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

/** The route with every combination of the sample values of its parameters. */
function urlsOf(route: string, values: Record<string, string[]>): string[] {
  const names = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  let combos: Record<string, string>[] = [{}];
  for (const name of names) combos = combos.flatMap((c) => (values[name] ?? [undefined]).map((v) => (v === undefined ? c : { ...c, [name]: v })));
  return combos.map((c) => concretePath(route, c));
}

const changes = (db: Db) => (db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

let ctx: TestContext;
let samples: Record<string, string[]>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  ctx = makeApp();
  const ids = await loadDemo(ctx.db, ctx.now.value);
  const one = <T>(sql: string, ...args: unknown[]) => ctx.db.$client.prepare(sql).pluck().get(...args) as T;
  const all = <T>(sql: string, ...args: unknown[]) => ctx.db.$client.prepare(sql).pluck().all(...args) as T[];
  // One diagnostic of each status the demo has, of the demo's named structures.
  const diagnostics = all<string>(
    `SELECT min(d.id) FROM diagnostics d WHERE d.organisation_id IN (SELECT value FROM json_each(?)) GROUP BY d.status`,
    JSON.stringify(ids.organisations),
  );
  samples = {
    id: diagnostics,
    theme: ['identite', 'fonctions-support'],
    orgId: [ids.organisations[0]!, ids.organisations[2]!],
    userId: [ids.users['membre1@cap.test']!],
    refId: [one<string>(`SELECT id FROM referentials ORDER BY created_at LIMIT 1`)],
    code: [one<string>(`SELECT code FROM services ORDER BY code LIMIT 1`)],
    actionId: [one<string>(`SELECT id FROM actions ORDER BY id LIMIT 1`)],
    token: ['jeton-inconnu'],
    evidenceId: [one<string | undefined>(`SELECT id FROM evidence_files ORDER BY id LIMIT 1`) ?? 'inconnu'],
  };
  for (const email of ['membre1@cap.test', 'conseil.occitanie@cap.test', 'admin@cap.test']) {
    const c = new Client(ctx);
    await c.login(email, DEMO_PASSWORD);
    clients[email] = c;
  }
}, 60_000);

describe('GET never writes', () => {
  it('every GET route, for each role, leaves every table as it was', async () => {
    const offenders: string[] = [];
    const failures: string[] = [];
    let visited = 0;
    for (const route of appRoutes(ctx).filter((r) => r.startsWith('GET '))) {
      for (const url of urlsOf(route.slice(4), samples)) {
        // Each request's row changes are counted; the content is compared around each URL.
        const before = digest(ctx.db);
        for (const [who, c] of Object.entries(clients)) {
          const count = changes(ctx.db);
          const res = await c.get(url);
          await res.arrayBuffer();
          visited++;
          if (res.status >= 500) failures.push(`${res.status} ${url} (${who})`);
          const written = changes(ctx.db) - count;
          if (written) offenders.push(`${url} (${who}): ${written} rows written`);
        }
        if (digest(ctx.db) !== before) offenders.push(`${url}: the database differs after it`);
      }
    }
    expect(visited).toBeGreaterThan(90);
    expect(failures).toEqual([]);
    expect(offenders).toEqual([]);
  }, 120_000);
});
