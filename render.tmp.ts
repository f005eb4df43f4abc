// Render the Terrils PDF for a look (not committed).
import { writeFileSync } from 'node:fs';
import { makeApp, Client } from './test/support/app.ts';
import { insertTerrilsDiagnostic } from './test/support/terrils.ts';
import { insertDiagnostic as insertResults, answersFor } from './test/http/results-fixtures.ts';
import { loadDemo } from './src/demo/index.ts';
import { DEMO_PASSWORD } from './src/demo/base.ts';
import { listActions } from './src/db/actions.ts';
const ctx = makeApp();
await loadDemo(ctx.db, ctx.now.value);
const prev = insertTerrilsDiagnostic(ctx.db, { createdAt: '2025-02-01T09:00:00.000Z', level: (i, legal) => (legal ? 1 : i % 3) });
const id = insertTerrilsDiagnostic(ctx.db, { previousId: prev, status: process.argv[2] === 'draft' ? 'draft' : 'submitted', prefilled: process.argv[2] === 'draft' ? 30 : 0 });
const c = new Client(ctx);
await c.login('membre5@cap.test', DEMO_PASSWORD);
await c.get(`/diagnostics/${id}/plan`);
const rows = listActions(ctx.db, id);
await c.post(`/diagnostics/${id}/actions/${rows[0]!.id}`, { owner: 'Nadia Lefebvre', dueDate: '2026-04-30', status: 'in_progress', notes: 'Premier point en comité de direction le 15 avril.' });
const t0 = performance.now();
const res = await c.get(`/diagnostics/${id}/plan.pdf`);
const buf = Buffer.from(await res.arrayBuffer());
console.log('pdf', res.status, buf.length, Math.round(performance.now() - t0), 'ms');
writeFileSync('/tmp/i14/terrils.pdf', buf);
for (let i = 0; i < 3; i++) {
  const t1 = performance.now();
  const r2 = await c.get(`/diagnostics/${id}/plan.pdf`);
  await r2.arrayBuffer();
  console.log('again', Math.round(performance.now() - t1), 'ms');
}
