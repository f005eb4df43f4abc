// The glossary of a referential version on the questionnaire: terms in question texts are links to
// their definition at the bottom of the theme page — plain anchors, so they work without
// JavaScript and in print — and the guide to choosing a level at the top.
import { t } from '../src/i18n/index.ts';
import { linkTerms } from '../src/referential/glossary.ts';
import type { GlossaryTerm, LevelGuide as Guide } from '../src/referential/schema.ts';

const q = t.questionnaire;

/** The anchor of a term's definition on the page. */
export const glossaryAnchor = (id: string) => `glossaire-${id}`;

/** A text with the first occurrence of each glossary term turned into a link to its definition. */
export function Linked({ text, glossary }: { text: string; glossary: readonly GlossaryTerm[] | undefined }) {
  const segments = linkTerms(text, glossary);
  if (segments.length === 1 && !segments[0]!.termId) return <>{text}</>;
  return (
    <>
      {segments.map((s) =>
        s.termId ? (
          <a class="term" href={`#${glossaryAnchor(s.termId)}`}>
            {s.text}
          </a>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

/** The definitions of the terms a page uses, each with the anchor its links point to. */
export function GlossarySection({ terms }: { terms: readonly GlossaryTerm[] }) {
  if (terms.length === 0) return null;
  return (
    <section class="glossary" aria-labelledby="glossaire">
      <h2 id="glossaire">{q.glossaryTitle}</h2>
      <p class="hint">{q.glossaryIntro}</p>
      <dl class="glossary__list">
        {terms.map((term) => (
          <>
            <dt id={glossaryAnchor(term.id)} tabindex={-1}>
              {term.term}
            </dt>
            <dd>{term.definition}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** « Comment choisir un niveau ? »: a closed disclosure at the top of each theme (native details). */
export function LevelGuide({ guide }: { guide: Guide | undefined }) {
  const g = guide ?? q.levelGuideDefault;
  return (
    <details class="level-guide">
      <summary>{q.levelGuideTitle}</summary>
      <p>{g.intro}</p>
      <p class="level-guide__heading">{q.levelGuideLevels}</p>
      <ol class="level-guide__levels" start={0}>
        {g.levels.map((text, n) => (
          <li>
            <strong>{q.levelNum(n)}</strong> — {text}
          </li>
        ))}
      </ol>
      <p class="level-guide__heading">{q.levelGuideAdvice}</p>
      <ul>
        {g.advice.map((a) => (
          <li>{a}</li>
        ))}
      </ul>
    </details>
  );
}
