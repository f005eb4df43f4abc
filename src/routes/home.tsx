// The home page, by role: members go to their structure, consultants and admins to their lists.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireUser } from '../web/guards.ts';
import { listVisibleOrganisations } from '../db/organisations.ts';
import { latestDiagnostics, loadAnswerStates } from '../db/diagnostics.ts';
import { openDiagnostics } from '../db/diagnostic-lifecycle.ts';
import { getReferential } from '../referential/store.ts';
import { progressOf, type Progress } from '../questionnaire/progress.ts';
import { HomePage } from '../../views/home.tsx';
import type { DiagnosticRow } from '../db/diagnostics.ts';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', requireUser, (c) => {
  const { db } = c.get('deps');
  const user = currentUser(c);
  const orgs = listVisibleOrganisations(db, user);
  // Members land on their structures with the way back into the open diagnostic (where it
  // stopped), or else their latest one.
  const latest = user.role === 'member' ? latestDiagnostics(db, orgs.map((o) => o.id)) : new Map<string, DiagnosticRow>();
  const open = new Map<string, { diagnostic: DiagnosticRow; progress: Progress }[]>();
  if (user.role === 'member') {
    const types = new Map(orgs.map((o) => [o.id, o.types]));
    for (const d of openDiagnostics(db, orgs.map((o) => o.id))) {
      const ref = getReferential(db, d.referentialId);
      if (!ref) continue;
      const progress = progressOf(ref, types.get(d.organisationId) ?? [], new Map(loadAnswerStates(db, d.id).map((a) => [a.questionCode, a])));
      open.set(d.organisationId, [...(open.get(d.organisationId) ?? []), { diagnostic: d, progress }]);
    }
  }
  return page(c, t.common.nav.home, <HomePage user={user} orgs={orgs} latest={latest} open={open} />);
});
