// Evidence files on answers (mounted under /diagnostics): upload (a plain multipart form, or the
// same form sent by static/evidence.js with progress), download for whoever may view the
// diagnostic, removal while it is open. Nothing is kept of a refused upload.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fileSize } from '../i18n/fr/evidence.ts';
import { page, isHtmx } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { CsrfError, tokenMatches } from '../auth/csrf.ts';
import { can } from '../auth/permissions.ts';
import { diagnosticScope, type DiagnosticContext } from '../db/diagnostics.ts';
import { isEditable } from '../diagnostics/status.ts';
import { evidenceUsage, getEvidence, listAnswerEvidence } from '../db/evidence.ts';
import { attachReceived, removeEvidenceFile } from '../evidence/attach.ts';
import { attachmentDisposition } from '../evidence/filename.ts';
import { nodeStream, readUpload } from '../evidence/upload.ts';
import { EVIDENCE_LIMITS } from '../validation/limits.ts';
import { findQuestion } from '../referential/lookup.ts';
import { isApplicable } from '../scoring/index.ts';
import type { StructureType } from '../referential/schema.ts';
import { EvidenceBlock } from '../../views/evidence.tsx';
import { questionUrl } from '../web/urls.ts';

const E = t.evidence;

export const evidenceRoutes = new Hono<AppEnv>();

function questionOf(ctx: DiagnosticContext, code: string) {
  const found = findQuestion(ctx.referential, code);
  if (!found || !isApplicable(found.question, ctx.organisation.types as StructureType[])) notFound();
  return found!;
}


/**
 * The answer to an upload or a removal: for script requests, the question's evidence block (with
 * the message or the refusal in it) marked as such; otherwise a redirect back to the question on
 * success, or a short page that says what was refused and leads back to the question.
 */
function respond(c: Context<AppEnv>, ctx: DiagnosticContext, code: string, outcome: { status: ContentfulStatusCode; message: string; ok: boolean }) {
  const { db, evidence } = c.get('deps');
  const { theme } = questionOf(ctx, code);
  const back = questionUrl(ctx.diagnostic.id, theme.slug, code);
  if (isHtmx(c)) {
    const editable = isEditable(ctx.diagnostic.status) && can(c.get('user'), 'diagnostic.answer', diagnosticScope(ctx));
    c.header('X-CAP-Fragment', 'evidence');
    const block = (
      <EvidenceBlock
        diagnosticId={ctx.diagnostic.id}
        code={code}
        files={listAnswerEvidence(db, ctx.diagnostic.id, code)}
        editable={editable}
        csrf={c.get('csrf')}
        maxFileBytes={evidence.maxFileBytes}
        usage={{ used: evidenceUsage(db, ctx.organisation.id), quota: evidence.quotaBytes }}
        message={outcome.ok ? outcome.message : undefined}
        error={outcome.ok ? undefined : outcome.message}
      />
    );
    return c.html(block.toString(), outcome.status);
  }
  if (outcome.ok) return redirectWith(c, back, { kind: 'success', message: outcome.message });
  return page(
    c,
    E.errors.title,
    <section>
      <h1>{E.errors.title}</h1>
      <p class="notice notice--error" role="alert">
        {outcome.message}
      </p>
      <p>
        <a href={back}>{E.backToQuestion(code)}</a>
      </p>
    </section>,
    { status: outcome.status },
  );
}

evidenceRoutes.post('/:id/evidence/:questionCode', loadDiagnostic('diagnostic.answer'), async (c) => {
  const { db, clock, evidence } = c.get('deps');
  const ctx = c.var.diagnostic;
  const code = c.req.param('questionCode');
  questionOf(ctx, code);
  const fail = (status: ContentfulStatusCode, message: string) => respond(c, ctx, code, { status, message, ok: false });
  // Refusals that need no byte of the body come first.
  if (!isEditable(ctx.diagnostic.status)) return fail(409, E.errors.locked(t.common.diagnosticStatus[ctx.diagnostic.status]));
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) return fail(400, E.errors.badRequest);
  const maxBody = evidence.maxFileBytes + EVIDENCE_LIMITS.requestOverheadBytes;
  const length = c.req.header('Content-Length');
  if (length && /^\d{1,15}$/.test(length) && Number(length) > maxBody) return fail(413, E.errors.tooLarge(fileSize(evidence.maxFileBytes)));

  // A script sends the token in the header, checked by the CSRF middleware; a plain form sends it
  // as its first field, checked here before any byte of the file is kept.
  const headerChecked = !!c.req.header('X-CSRF-Token');
  const up = await readUpload(nodeStream(c.req.raw.body), type, {
    store: evidence.store,
    maxFileBytes: evidence.maxFileBytes,
    maxBodyBytes: maxBody,
    authorized: (fields) => headerChecked || tokenMatches(c, fields.get('_csrf') ?? ''),
  });
  switch (up.kind) {
    case 'forbidden':
      throw new CsrfError();
    case 'bad-request':
      return fail(400, E.errors.badRequest);
    case 'too-large':
      return fail(413, E.errors.tooLarge(fileSize(evidence.maxFileBytes)));
    case 'empty':
      return fail(422, E.errors.empty);
    case 'no-file':
      if (!headerChecked && !tokenMatches(c, up.fields.get('_csrf') ?? '')) throw new CsrfError();
      return fail(422, E.errors.noFile);
  }
  const user = currentUser(c);
  const result = await attachReceived(db, evidence.store, up.file, { diagnosticId: ctx.diagnostic.id, questionCode: code, filename: up.filename, userId: user.id }, evidence, clock());
  switch (result.kind) {
    case 'attached':
      return respond(c, ctx, code, { status: 200, message: E.attached(result.row.name), ok: true });
    case 'forbidden-type':
      return fail(415, E.errors.type);
    case 'over-quota':
      return fail(422, E.errors.quota(fileSize(result.usage), fileSize(result.quota), fileSize(result.size)));
    case 'too-many':
      return fail(422, E.errors.tooMany(result.max));
    case 'locked':
      return fail(409, E.errors.locked(t.common.diagnosticStatus[result.status]));
    case 'missing':
      return notFound();
  }
});

evidenceRoutes.get('/:id/evidence/fichier/:evidenceId', loadDiagnostic('diagnostic.view'), (c) => {
  const { db, evidence } = c.get('deps');
  const row = getEvidence(db, c.var.diagnostic.diagnostic.id, c.req.param('evidenceId')) ?? notFound();
  const path = evidence.store.pathOf(row.hash);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    // The row outlived its file (removed by hand): the start-up sweep cannot bring it back.
    console.error(`[cap] evidence ${row.id}: file ${row.hash} is missing`);
    return notFound();
  }
  // Always a download, never rendered by the browser: a PDF or an image with script in it stays
  // inert, and nothing is guessed from the content.
  c.header('Content-Type', row.mime);
  c.header('Content-Length', String(size));
  c.header('Content-Disposition', attachmentDisposition(row.name));
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Cache-Control', 'private, no-store');
  return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream);
});

evidenceRoutes.post('/:id/evidence/fichier/:evidenceId/retirer', loadDiagnostic('diagnostic.answer'), (c) => {
  const { db, clock, evidence } = c.get('deps');
  const ctx = c.var.diagnostic;
  const row = getEvidence(db, ctx.diagnostic.id, c.req.param('evidenceId')) ?? notFound();
  const result = removeEvidenceFile(db, evidence.store, ctx.diagnostic.id, row.id, currentUser(c).id, clock());
  if (result.kind === 'missing') return notFound();
  if (result.kind === 'locked') return respond(c, ctx, row.questionCode, { status: 409, message: E.errors.locked(t.common.diagnosticStatus[result.status]), ok: false });
  return respond(c, ctx, row.questionCode, { status: 200, message: E.removed(row.name), ok: true });
});
