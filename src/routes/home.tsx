// The home page, by role: members go to their structures; consultants and admins see what awaits
// the federation in their regions (« À faire ») and their lists.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireUser } from '../web/guards.ts';
import { countVisibleOrganisations, listVisibleOrganisations } from '../db/organisations.ts';
import { latestDiagnostics, loadAnswerStates, type DiagnosticRow } from '../db/diagnostics.ts';
import { openDiagnostics } from '../db/diagnostic-lifecycle.ts';
import { consultantTodo } from '../db/consultant-todo.ts';
import { actorRegions } from '../db/federation.ts';
import { getReferential } from '../referential/store.ts';
import { findQuestion } from '../referential/lookup.ts';
import { progressOf, type Progress } from '../questionnaire/progress.ts';
import { diagnosticUrl, questionUrl, themeUrl } from '../web/urls.ts';
import { HomePage, type TodoView } from '../../views/home.tsx';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', requireUser, (c) => {
  const { db, clock } = c.get('deps');
  const user = currentUser(c);
  if (user.role === 'member') {
    const orgs = listVisibleOrganisations(db, user);
    // Members land on their structures with the way back into the open diagnostic (where it
    // stopped), or else their latest one.
    const latest = latestDiagnostics(db, orgs.map((o) => o.id));
    const open = new Map<string, { diagnostic: DiagnosticRow; progress: Progress }[]>();
    const types = new Map(orgs.map((o) => [o.id, o.types]));
    for (const d of openDiagnostics(db, orgs.map((o) => o.id))) {
      const ref = getReferential(db, d.referentialId);
      if (!ref) continue;
      const progress = progressOf(ref, types.get(d.organisationId) ?? [], new Map(loadAnswerStates(db, d.id).map((a) => [a.questionCode, a])));
      open.set(d.organisationId, [...(open.get(d.organisationId) ?? []), { diagnostic: d, progress }]);
    }
    return page(c, t.common.nav.home, <HomePage user={user} orgs={orgs} latest={latest} open={open} />);
  }
  const regions = actorRegions(user);
  const todo = regions === null || regions.length ? consultantTodo(db, regions, clock()) : undefined;
  // Where each answered remark sits in its diagnostic's questionnaire.
  const remarkHref = (r: NonNullable<typeof todo>['replies']['items'][number]) => {
    const ref = getReferential(db, r.referentialId);
    if (r.targetKind === 'question' && ref) {
      const entry = findQuestion(ref, r.target);
      if (entry) return questionUrl(r.diagnosticId, entry.theme.slug, r.target);
    }
    if (r.targetKind === 'theme') return `${themeUrl(r.diagnosticId, r.target)}#remarques-theme-${r.target}`;
    return `${diagnosticUrl(r.diagnosticId)}#remarques-diagnostic`;
  };
  const themeTitle = (r: NonNullable<typeof todo>['replies']['items'][number]) => getReferential(db, r.referentialId)?.themes.find((th) => th.slug === r.target)?.title ?? r.target;
  const view: TodoView | undefined = todo && {
    ...todo,
    replies: { count: todo.replies.count, items: todo.replies.items.map((r) => ({ ...r, href: remarkHref(r), themeTitle: r.targetKind === 'theme' ? themeTitle(r) : undefined })) },
    regions,
  };
  return page(c, t.common.nav.home, <HomePage user={user} orgs={[]} organisationCount={countVisibleOrganisations(db, user)} latest={new Map()} todo={view} now={clock()} />, { wide: true });
});
