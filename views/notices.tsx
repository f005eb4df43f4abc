// The notices a person receives by e-mail: the choices on « Mon compte », and the one-click
// unsubscribe page a message's footer links to.
import { t } from '../src/i18n/index.ts';
import type { NoticeTopic } from '../src/mail/kinds.ts';
import { CsrfField } from './forms.tsx';

const n = t.notices;

export function NoticePreferences(p: { csrf: string; topics: readonly NoticeTopic[]; off: ReadonlySet<NoticeTopic> }) {
  return (
    <>
      <h2 id="avis">{n.title}</h2>
      <p>{n.intro}</p>
      {p.topics.length === 0 ? (
        <p>{n.none}</p>
      ) : (
        <form method="post" action="/account/notifications" class="form">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="shown" value="1" />
          <fieldset class="field">
            <legend>{n.legend}</legend>
            {p.topics.map((topic) => (
              <div class="choice-with-hint">
                <label class="choice" for={`f-topic-${topic}`}>
                  <input type="checkbox" id={`f-topic-${topic}`} name="topics" value={topic} checked={!p.off.has(topic)} aria-describedby={`f-topic-${topic}-hint`} /> {t.mail.topics[topic]}
                </label>
                <p class="hint" id={`f-topic-${topic}-hint`}>
                  {t.mail.topicHints[topic]}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="button">
            {n.save}
          </button>
        </form>
      )}
    </>
  );
}

export function UnsubscribePage(p: { token: string; topic: NoticeTopic; email: string; state: 'ask' | 'already' | 'done' }) {
  const topic = t.mail.topics[p.topic];
  return (
    <section class="narrow">
      <h1>{n.unsubscribeTitle}</h1>
      {p.state === 'ask' && (
        <>
          <p>{n.unsubscribeAsk(topic, p.email)}</p>
          {/* One click, no session: the signed token is the authority (RFC 8058). */}
          <form method="post" action={`/unsubscribe/${p.token}`} class="form">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" class="button">
              {n.unsubscribeButton}
            </button>
          </form>
        </>
      )}
      {p.state === 'already' && <p>{n.alreadyOff(topic)}</p>}
      {p.state === 'done' && <p role="status">{n.unsubscribed(topic)}</p>}
      <p>
        {n.changeInAccount} <a href="/account#avis">{n.accountLink}</a>
      </p>
    </section>
  );
}
