// Evidence files (« justificatifs ») of one answer: the list (download links), and, while the
// diagnostic is open, the upload controls and the remove buttons.
//
// The theme page is one big form (the no-JavaScript path posts every answer), and forms cannot
// nest: the upload form of each question is an empty <form> placed after the theme form
// (EvidenceForms), and the question's controls join it with the `form` attribute. The token comes
// first, so the server checks it before the file arrives. static/evidence.js sends the same form
// with a progress bar and swaps this block in; without it, the browser posts and is redirected.
import { t } from '../src/i18n/index.ts';
import { fileSize } from '../src/i18n/fr/evidence.ts';
import type { EvidenceWithUploader } from '../src/db/evidence.ts';
import { ACCEPT_ATTRIBUTE } from '../src/evidence/types.ts';
import { evidenceFileUrl, evidenceRemoveUrl, evidenceUploadUrl } from '../src/web/urls.ts';
import { frenchDate } from '../src/dates.ts';
import { domId } from '../src/questionnaire/progress.ts';

const E = t.evidence;

export interface EvidenceBlockProps {
  diagnosticId: string;
  code: string;
  files: readonly EvidenceWithUploader[];
  editable: boolean;
  csrf: string;
  maxFileBytes: number;
  /** Bytes used and allowed for the organisation (shown near the upload control). */
  usage?: { used: number; quota: number };
  error?: string;
  message?: string;
}

function uploader(f: EvidenceWithUploader): string {
  if (f.uploaderDeleted) return t.common.deletedUser;
  return f.uploaderName ?? t.common.deletedUser;
}

/** The list of an answer's files and, when open, its upload controls. */
export function EvidenceBlock(p: EvidenceBlockProps) {
  const dom = domId(p.code);
  const formId = `up-${dom}`;
  const inputId = `ef-${dom}`;
  return (
    <div class="evidence-files" id={`ev-${dom}`}>
      <h3 class="evidence-files__title">
        {E.title} {p.files.length > 0 && <span class="muted">({E.count(p.files.length)})</span>}
      </h3>
      {p.files.length ? (
        <ul class="evidence-files__list">
          {p.files.map((f) => (
            <li>
              <a href={evidenceFileUrl(p.diagnosticId, f.id)} download={f.name}>
                {f.name}
              </a>{' '}
              <span class="muted">
                ({fileSize(f.size)}) — {E.by(uploader(f), frenchDate(new Date(f.uploadedAt)))}
                {f.carriedFromId && ` — ${E.carried}`}
              </span>
              {p.editable && (
                <>
                  {' '}
                  <button
                    type="submit"
                    form="evidence-remove"
                    formaction={evidenceRemoveUrl(p.diagnosticId, f.id)}
                    class="button button--small button--secondary"
                    aria-label={E.removeLabel(f.name)}
                    hx-post={evidenceRemoveUrl(p.diagnosticId, f.id)}
                    hx-params="none"
                    hx-target={`#ev-${dom}`}
                    hx-swap="outerHTML"
                  >
                    {E.remove}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{E.none}</p>
      )}
      <div class="evidence-files__status" role="status" aria-live="polite">
        {p.message && <p class="save-status">{p.message}</p>}
        {p.error && (
          <p class="save-status save-status--error" id={`ee-${dom}`}>
            {p.error}
          </p>
        )}
      </div>
      {p.editable && (
        <div class="evidence-files__upload">
          {/* First in the form's data: the server checks the token before reading the file. */}
          <input type="hidden" name="_csrf" value={p.csrf} form={formId} />
          <label for={inputId}>{E.file}</label>
          <p class="hint" id={`eh-${dom}`}>
            {E.hint(fileSize(p.maxFileBytes))}
            {p.usage && ` ${E.usage(fileSize(p.usage.used), fileSize(p.usage.quota))}`}
          </p>
          <input
            type="file"
            id={inputId}
            name="file"
            form={formId}
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={[`eh-${dom}`, p.error ? `ee-${dom}` : ''].filter(Boolean).join(' ')}
            aria-invalid={p.error ? 'true' : undefined}
            data-max-bytes={String(p.maxFileBytes)}
            data-too-large={E.errors.tooLarge(fileSize(p.maxFileBytes))}
          />{' '}
          <button type="submit" form={formId} class="button button--small">
            {E.attach}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The empty forms the evidence controls of a page join: one upload form per question, and one
 * form for the remove buttons (each names its own URL with formaction). Place after the theme form.
 */
export function EvidenceForms({ diagnosticId, codes, csrf }: { diagnosticId: string; codes: readonly string[]; csrf: string }) {
  return (
    <div hidden>
      {codes.map((code) => (
        <form
          id={`up-${domId(code)}`}
          method="post"
          enctype="multipart/form-data"
          action={evidenceUploadUrl(diagnosticId, code)}
          data-evidence-upload=""
          data-target={`ev-${domId(code)}`}
          data-progress={E.progress}
          data-uploading={E.uploading}
          data-failed={t.questionnaire.offline}
        ></form>
      ))}
      <form id="evidence-remove" method="post" action={`/diagnostics/${diagnosticId}`}>
        <input type="hidden" name="_csrf" value={csrf} />
      </form>
    </div>
  );
}
