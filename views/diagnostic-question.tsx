// One question of a theme page, its status area (who answered, saved, error, conflict) and the
// conflict block. The theme page is one form posting every question (works without JavaScript);
// with htmx each question block posts only its own fields to the answer URL on every change.
import { t } from '../src/i18n/index.ts';
import type { GlossaryTerm, Question } from '../src/referential/schema.ts';
import type { AnswerWithAuthor } from '../src/db/diagnostics.ts';
import { domId } from '../src/questionnaire/progress.ts';
import { answerUrl } from '../src/web/urls.ts';
import { valueOf, type FormValue } from '../src/questionnaire/form.ts';
import { authorOf, personName } from '../src/people.ts';
import { MAX_LENGTH } from '../src/validation/limits.ts';
import { Linked } from './glossary.tsx';

const q = t.questionnaire;

export interface QuestionState {
  question: Question;
  stored: AnswerWithAuthor | undefined;
  /** Values shown in the inputs: the stored answer, or what the person typed when it was refused. */
  value: FormValue;
  /** Revision the next save is built from (hidden input). */
  revision: number;
  /** Fingerprint of the value the form was built from: an untouched question is not re-posted. */
  orig: string;
  savedAt?: string;
  error?: string;
  conflict?: { current: AnswerWithAuthor | undefined; mine: FormValue };
}

export interface QuestionPlace {
  diagnosticId: string;
  editable: boolean;
  /** The glossary of the diagnostic's referential version: its terms link to their definitions. */
  glossary?: readonly GlossaryTerm[];
}

/** A legal question's compliance level and its sources, under its help. */
function LegalNote({ question }: { question: Question }) {
  if (!question.legal || (!question.complianceLevel && !question.legalRefs?.length)) return null;
  return (
    <div class="question__legal">
      {question.complianceLevel !== undefined && <p>{q.legalCompliance(question.complianceLevel)}</p>}
      {question.legalRefs && question.legalRefs.length > 0 && (
        <details class="legal-refs">
          <summary>{q.legalSources}</summary>
          <ul>
            {question.legalRefs.map((r) => (
              <li>{r.url ? <a href={r.url}>{q.legalRef(r.text, r.article, r.verified)}</a> : q.legalRef(r.text, r.article, r.verified)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function roleLabel(role: string | null): string {
  return (role && q.roleLabels[role]) || q.roleLabels.member!;
}

export function AnsweredBy({ a }: { a: AnswerWithAuthor }) {
  const name = personName(authorOf(a));
  return <p class="answered-by">{name ? q.answeredBy(name, roleLabel(a.updatedByRole), a.updatedAt) : q.answeredByUnknown(a.updatedAt)}</p>;
}

function levelText(question: Question, level: string | null): string {
  if (level === null) return q.conflictNoLevel;
  if (level === 'na') return q.na;
  const n = Number(level);
  return `${q.levelNum(n)} — ${question.levels[n] ?? ''}`;
}

function ConflictSide(p: { title: string; by?: string; question: Question; value: FormValue; children: unknown }) {
  return (
    <div class="conflict__side">
      <h4>{p.title}</h4>
      {p.by && <p class="muted">{p.by}</p>}
      <dl>
        <dt>{q.conflictLevel}</dt>
        <dd>{levelText(p.question, p.value.level)}</dd>
        <dt>{q.conflictComment}</dt>
        <dd class="conflict__comment">{p.value.comment || <span class="muted">{q.conflictNoComment}</span>}</dd>
      </dl>
      {p.children}
    </div>
  );
}

export function ConflictBlock({ place, s }: { place: QuestionPlace; s: QuestionState & { conflict: NonNullable<QuestionState['conflict']> } }) {
  const code = s.question.code;
  const dom = domId(code);
  const url = answerUrl(place.diagnosticId, code);
  const cur = s.conflict.current;
  const curName = cur ? personName(authorOf(cur)) : null;
  const by = cur && curName ? q.conflictStoredBy(curName, roleLabel(cur.updatedByRole), cur.updatedAt) : undefined;
  return (
    <div class="conflict" role="group" aria-labelledby={`cf-${dom}`}>
      <h3 id={`cf-${dom}`}>{q.conflictTitle}</h3>
      <p>{q.conflictIntro}</p>
      <div class="conflict__choices">
        <ConflictSide title={q.conflictStored} by={by} question={s.question} value={valueOf(cur)}>
          <button
            type="submit"
            name="keep"
            value={`stored:${code}`}
            class="button button--secondary"
            hx-post={url}
            hx-target={`#q-${dom}`}
            hx-swap="outerHTML"
            hx-params="keep"
            hx-sync="closest .question:replace"
          >
            {q.keepStored}
          </button>
        </ConflictSide>
        <ConflictSide title={q.conflictMine} question={s.question} value={s.conflict.mine}>
          <button
            type="submit"
            name="keep"
            value={`mine:${code}:${cur?.revision ?? 0}`}
            class="button"
            hx-post={url}
            hx-target={`#q-${dom}`}
            hx-swap="outerHTML"
            hx-params={`level.${code},comment.${code},keep`}
            hx-sync="closest .question:replace"
          >
            {q.keepMine}
          </button>
        </ConflictSide>
      </div>
    </div>
  );
}

/** The status area of a question: hidden revision, prefill mark, author, save result. */
export function QuestionStatus({ place, s }: { place: QuestionPlace; s: QuestionState }) {
  const code = s.question.code;
  const dom = domId(code);
  const a = s.stored;
  return (
    <>
      <input type="hidden" name={`revision.${code}`} value={String(s.revision)} />
      <input type="hidden" name={`orig.${code}`} value={s.orig} />
      {a?.prefilledFrom && (
        <p class="prefilled">
          {q.prefilled(a.prefilledFrom)}{' '}
          {place.editable && !s.conflict && (
            <button
              type="submit"
              name="confirm"
              value={code}
              class="button button--small button--secondary"
              hx-post={answerUrl(place.diagnosticId, code)}
              hx-target={`#st-${dom}`}
              hx-params={`level.${code},comment.${code},revision.${code}`}
              hx-sync="closest .question:drop"
            >
              {q.confirm}
            </button>
          )}
        </p>
      )}
      {a && a.revision > 0 && <AnsweredBy a={a} />}
      {s.savedAt && <p class="save-status">{q.savedAt(s.savedAt)}</p>}
      {s.error && (
        <p class="save-status save-status--error" id={`err-${dom}`}>
          {s.error}
        </p>
      )}
      {s.conflict && <ConflictBlock place={place} s={s as QuestionState & { conflict: NonNullable<QuestionState['conflict']> }} />}
    </>
  );
}

export function QuestionBlock({ place, s }: { place: QuestionPlace; s: QuestionState }) {
  const { question } = s;
  const code = question.code;
  const dom = domId(code);
  const name = `level.${code}`;
  const editable = place.editable;
  const autosave = editable
    ? {
        'hx-post': answerUrl(place.diagnosticId, code),
        'hx-trigger': 'change, keyup changed delay:800ms from:find textarea',
        'hx-target': `#st-${dom}`,
        'hx-swap': 'innerHTML',
        'hx-params': `level.${code},comment.${code},revision.${code}`,
        'hx-sync': 'this:queue last',
        'data-autosave': '',
        'data-offline': q.offline,
      }
    : {};
  const describedBy = s.error ? `err-${dom}` : undefined;
  const classes = ['question', s.conflict ? 'question--conflict' : '', s.error ? 'question--error' : ''].filter(Boolean).join(' ');
  return (
    <div class={classes} id={`q-${dom}`} {...autosave}>
      <fieldset class="question__levels" aria-describedby={describedBy}>
        <legend class="question__head">
          <span class="question__code">{code}</span>{' '}
          <span class="question__text">
            <Linked text={question.text} glossary={place.glossary} />
          </span>
          {question.legal && <span class="badge badge--warn">{t.questionnaire.legal}</span>}
        </legend>
        <p class="question__help">
          <Linked text={question.help} glossary={place.glossary} />
        </p>
        <LegalNote question={question} />
        <div class="levels">
          {question.levels.map((descriptor, i) => (
            <label class="level">
              <input type="radio" name={name} value={String(i)} checked={s.value.level === String(i)} disabled={!editable} />
              <span class="level__num">{i}</span>
              <span>{descriptor}</span>
            </label>
          ))}
          {question.naAllowed && (
            <label class="level level--na">
              <input type="radio" name={name} value="na" checked={s.value.level === 'na'} disabled={!editable} />
              <span class="level__num">—</span>
              <span>
                {q.na} <span class="muted">({q.naHint})</span>
              </span>
            </label>
          )}
        </div>
      </fieldset>
      <details class="evidence">
        <summary>{q.evidence}</summary>
        <ul>
          {question.evidence.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      </details>
      <div class="field question__comment">
        <label for={`c-${dom}`}>{q.comment}</label>
        {editable && (
          <p class="hint" id={`ch-${dom}`}>
            {q.commentHint}
          </p>
        )}
        <textarea
          id={`c-${dom}`}
          name={`comment.${code}`}
          rows={3}
          maxlength={MAX_LENGTH.answerComment}
          readonly={!editable}
          aria-describedby={[editable ? `ch-${dom}` : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={s.error ? 'true' : undefined}
        >
          {s.value.comment}
        </textarea>
      </div>
      {/* Saves and errors are announced once, by the page's live region (views/layout.tsx). */}
      <div class="question__status" id={`st-${dom}`}>
        <QuestionStatus place={place} s={s} />
      </div>
    </div>
  );
}
