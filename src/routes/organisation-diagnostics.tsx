// The diagnostics section of an organisation's page: the list, and the form to start a new one.
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Organisation } from '../db/organisations.ts';
import { orgScope } from '../db/organisations.ts';
import { listOrganisationDiagnostics, loadAnswers } from '../db/diagnostics.ts';
import { getReferential } from '../referential/store.ts';
import { can } from '../auth/permissions.ts';
import { progressOf } from '../questionnaire/progress.ts';
import { OrganisationDiagnostics, type DiagnosticListItem } from '../../views/diagnostic-list.tsx';
import { defaultStartValues } from './diagnostics.tsx';

export function organisationDiagnosticsSection(c: Context<AppEnv>, org: Organisation) {
  const { db } = c.get('deps');
  const list = listOrganisationDiagnostics(db, org.id);
  const items: DiagnosticListItem[] = list.map((d) => {
    const ref = getReferential(db, d.referentialId);
    if (!ref) return { diagnostic: d, answered: 0, applicable: 0 };
    const p = progressOf(ref, org.types, new Map(loadAnswers(db, d.id).map((a) => [a.questionCode, a])));
    return { diagnostic: d, answered: p.answered, applicable: p.applicable };
  });
  const canStart = can(c.get('user'), 'diagnostic.create', orgScope(org));
  const start = canStart ? { csrf: c.get('csrf'), orgId: org.id, candidates: list, values: defaultStartValues(c, list), errors: {} } : undefined;
  return <OrganisationDiagnostics items={items} start={start} />;
}
