// The diagnostics section of an organisation's page (a piece of the organisation route's page):
// the open diagnostic with where to continue, the list with each one's progress, and the form to
// start a new one when none is open.
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Organisation } from '../db/organisations.ts';
import { orgScope } from '../db/organisations.ts';
import { listOrganisationDiagnostics, loadAnswers } from '../db/diagnostics.ts';
import { getReferential } from '../referential/store.ts';
import { can } from '../auth/permissions.ts';
import { progressOf } from '../questionnaire/progress.ts';
import { OrganisationDiagnostics, type DiagnosticListItem, type OpenItem } from '../../views/diagnostic-list.tsx';
import { isDeletable, isEditable, isSettled, type DiagnosticStatus } from '../diagnostics/status.ts';
import { diagnosticScope } from '../db/diagnostics.ts';
import type { StartFormValues } from '../../views/diagnostic-list.tsx';

/** The start form's first values: the consultant's mode, and the latest settled diagnostic to start from. */
export function defaultStartValues(c: Context<AppEnv>, candidates: { id: string; status: DiagnosticStatus }[]): StartFormValues {
  const done = candidates.find((d) => isSettled(d.status));
  return { mode: c.get('user')?.role === 'consultant' ? 'accompagne' : 'autodiagnostic', names: [], roles: [], from: done?.id ?? '' };
}

export function organisationDiagnosticsSection(c: Context<AppEnv>, org: Organisation) {
  const { db } = c.get('deps');
  const list = listOrganisationDiagnostics(db, org.id);
  const open: OpenItem[] = [];
  const items: DiagnosticListItem[] = list.map((d) => {
    const ref = getReferential(db, d.referentialId);
    if (!ref) return { diagnostic: d, answered: 0, applicable: 0 };
    const p = progressOf(ref, org.types, new Map(loadAnswers(db, d.id).map((a) => [a.questionCode, a])));
    if (isEditable(d.status)) {
      const scope = diagnosticScope({ diagnostic: d, organisation: org, referential: ref });
      open.push({ diagnostic: d, progress: p, canDelete: org.active && isDeletable(d.status) && can(c.get('user'), 'diagnostic.delete', scope) });
    }
    return { diagnostic: d, answered: p.answered, applicable: p.applicable };
  });
  const canStart = org.active && can(c.get('user'), 'diagnostic.create', orgScope(org));
  const start = canStart ? { csrf: c.get('csrf'), orgId: org.id, candidates: list, values: defaultStartValues(c, list), errors: {} } : undefined;
  return <OrganisationDiagnostics items={items} open={open} start={start} />;
}
