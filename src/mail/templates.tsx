// The e-mails themselves, pure: a message's kind and payload become a subject, a plain-text part
// and an HTML part that say the same thing. Each kind describes its content once (a `Letter`); two
// small renderers write it as text and as HTML, so the two parts cannot drift apart.
import type { Child } from 'hono/jsx';
import { t } from '../i18n/index.ts';
import { topicOf, type MailContent, type PayloadOf, type FollowUpItem } from './kinds.ts';

const m = t.mail;

export interface Links {
  /** CAP's public address, without a trailing slash (CAP_PUBLIC_URL). */
  base: string;
  /** The one-click unsubscribe address of this message's topic, for notices. */
  unsubscribe?: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Item {
  text: string;
  detail?: string;
  href?: string;
}

interface Letter {
  greeting: string;
  paragraphs: string[];
  /** A message quoted whole (a reviewer's words). */
  quote?: string;
  sections: { title?: string; items: Item[] }[];
  /** Paragraphs after the content, before the button. */
  followUp?: string[];
  button: { intro?: string; label: string; href: string };
  after: string[];
  footer: { why: string; unsubscribe?: { label: string; link: string; href: string }; preferences?: { label: string; link: string; href: string } };
}

/** The subject alone: the queue stores it for the support page before the message is rendered. */
export function subjectOf(content: MailContent): string {
  switch (content.kind) {
    case 'invitation':
      return m.invitation.subject(content.payload);
    case 'password_reset':
      return m.passwordReset.subject;
    case 'submitted':
      return m.submitted.subject(content.payload.organisationName);
    case 'changes_requested':
      return m.changesRequested.subject(content.payload.organisationName);
    case 'remark':
      return m.remark.subject(content.payload.organisationName, content.payload.remarks.length);
    case 'validated':
      return m.validated.subject(content.payload.organisationName);
    case 'reply':
      return m.reply.subject(content.payload.organisationName);
    case 'reminder_member': {
      const overdue = content.payload.actions.filter((a) => a.overdue).length;
      return m.reminderMember.subject(content.payload.organisationName, overdue, content.payload.actions.length - overdue);
    }
    case 'reminder_consultant': {
      const p = content.payload;
      return m.reminderConsultant.subject(p.week, { review: p.awaitingReview.length, changes: p.changesRequested.length, stale: p.noRecentDiagnostic.length });
    }
  }
}

function memberFooter(org: string, kind: MailContent['kind'], links: Links): Letter['footer'] {
  return noticeFooter(m.footer.member(org), kind, links);
}

function noticeFooter(why: string, kind: MailContent['kind'], links: Links): Letter['footer'] {
  const topic = topicOf(kind);
  return {
    why,
    unsubscribe: topic && links.unsubscribe ? { label: m.footer.unsubscribe(m.topics[topic]), link: m.footer.unsubscribeLink, href: links.unsubscribe } : undefined,
    preferences: { label: m.footer.preferences, link: m.footer.preferencesLink, href: `${links.base}/account#avis` },
  };
}

function followUps(items: FollowUpItem[], detail: (i: FollowUpItem) => string, base: string, showRegion: boolean): Item[] {
  return items.map((i) => ({
    // The region only helps a consultant who follows several.
    text: showRegion ? `${i.organisationName}, ${i.region}` : i.organisationName,
    detail: detail(i),
    href: i.diagnosticId ? `${base}/diagnostics/${i.diagnosticId}` : `${base}/organisations/${i.organisationId}`,
  }));
}

function letterOf(content: MailContent, links: Links): Letter {
  const base = links.base;
  const greeting = m.hello(content.payload.recipientName);
  switch (content.kind) {
    case 'invitation': {
      const p: PayloadOf['invitation'] = content.payload;
      return {
        greeting,
        paragraphs: [m.invitation.intro(p)],
        sections: [],
        button: { intro: m.invitation.action, label: m.invitation.button, href: `${base}/invitations/${content.secret ?? ''}` },
        after: [m.invitation.expiry(p.expiresAt)],
        footer: { why: m.footer.invitation(p.inviterName, p.expiresAt) },
      };
    }
    case 'password_reset':
      return {
        greeting,
        paragraphs: [m.passwordReset.intro],
        sections: [],
        button: { intro: m.passwordReset.action, label: m.passwordReset.button, href: `${base}/password-reset/${content.secret ?? ''}` },
        after: [m.passwordReset.expiry],
        footer: { why: m.footer.passwordReset },
      };
    case 'submitted': {
      const p = content.payload;
      return {
        greeting,
        paragraphs: [m.submitted.intro(p)],
        sections: [],
        button: { label: m.submitted.button, href: `${base}/diagnostics/${p.diagnosticId}` },
        after: [],
        footer: noticeFooter(m.footer.consultant([p.region]), content.kind, links),
      };
    }
    case 'changes_requested': {
      const p = content.payload;
      return {
        greeting,
        paragraphs: [m.changesRequested.intro(p)],
        quote: p.message,
        sections: [],
        followUp: [m.changesRequested.after],
        button: { label: m.changesRequested.button, href: `${base}/diagnostics/${p.diagnosticId}` },
        after: [],
        footer: memberFooter(p.organisationName, content.kind, links),
      };
    }
    case 'remark': {
      const p = content.payload;
      return {
        greeting,
        paragraphs: [m.remark.intro(p, p.remarks.length)],
        sections: [{ items: p.remarks.map((r) => ({ text: r.where, detail: r.body, href: `${base}${r.path}` })) }],
        button: { label: m.remark.button, href: `${base}/diagnostics/${p.diagnosticId}` },
        after: [],
        footer: memberFooter(p.organisationName, content.kind, links),
      };
    }
    case 'validated': {
      const p = content.payload;
      return {
        greeting,
        paragraphs: [m.validated.intro(p)],
        sections: [],
        button: { label: m.validated.button, href: `${base}/diagnostics/${p.diagnosticId}/results` },
        after: [],
        footer: memberFooter(p.organisationName, content.kind, links),
      };
    }
    case 'reply': {
      const p = content.payload;
      return {
        greeting,
        paragraphs: [m.reply.intro(p)],
        quote: p.body,
        sections: [],
        button: { label: m.reply.button, href: `${base}${p.path}` },
        after: [],
        footer: noticeFooter(m.footer.consultant([p.region]), content.kind, links),
      };
    }
    case 'reminder_member': {
      const p = content.payload;
      const item = (a: PayloadOf['reminder_member']['actions'][number]): Item => ({ text: a.title, detail: `${m.reminderMember.due(a.dueDate)}, ${m.reminderMember.owner(a.owner)}` });
      const overdue = p.actions.filter((a) => a.overdue);
      const soon = p.actions.filter((a) => !a.overdue);
      return {
        greeting,
        paragraphs: [m.reminderMember.intro(p.organisationName, p.week)],
        sections: [
          ...(overdue.length ? [{ title: m.reminderMember.overdueTitle, items: overdue.map(item) }] : []),
          ...(soon.length ? [{ title: m.reminderMember.soonTitle, items: soon.map(item) }] : []),
        ],
        button: { label: m.reminderMember.button, href: `${base}/diagnostics/${p.diagnosticId}/plan` },
        after: [],
        footer: memberFooter(p.organisationName, content.kind, links),
      };
    }
    case 'reminder_consultant': {
      const p = content.payload;
      const r = m.reminderConsultant;
      const several = p.regions.length > 1;
      const sections = [
        { title: r.reviewTitle, items: followUps(p.awaitingReview, (i) => r.submittedOn(i.since ?? ''), base, several) },
        { title: r.changesTitle, items: followUps(p.changesRequested, (i) => r.requestedOn(i.since ?? ''), base, several) },
        { title: r.staleTitle, items: followUps(p.noRecentDiagnostic, (i) => r.lastOn(i.since), base, several) },
      ].filter((s) => s.items.length > 0);
      return {
        greeting,
        paragraphs: [r.intro(p.regions)],
        sections,
        button: { label: r.button, href: `${base}/federation` },
        after: [],
        footer: noticeFooter(m.footer.consultant(p.regions), content.kind, links),
      };
    }
  }
}

// ---- plain text --------------------------------------------------------------------------------

function quoteText(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

function asText(l: Letter): string {
  const out: string[] = [l.greeting, '', ...l.paragraphs.flatMap((p) => [p, ''])];
  if (l.quote) out.push(quoteText(l.quote), '');
  for (const s of l.sections) {
    if (s.title) out.push(s.title, '');
    for (const i of s.items) {
      out.push(`- ${i.text}${i.detail && !i.href ? ` (${i.detail})` : ''}`);
      if (i.detail && i.href) out.push(`  ${i.detail.split(/\r?\n/).join('\n  ')}`);
      if (i.href) out.push(`  ${i.href}`);
    }
    out.push('');
  }
  for (const p of l.followUp ?? []) out.push(p, '');
  out.push(l.button.intro ?? `${l.button.label}\u00a0:`, l.button.href, '');
  for (const p of l.after) out.push(p, '');
  out.push(m.signature, '', '-- ', l.footer.why);
  if (l.footer.unsubscribe) out.push(`${l.footer.unsubscribe.label} ${l.footer.unsubscribe.href}`);
  if (l.footer.preferences) out.push(`${l.footer.preferences.label} ${l.footer.preferences.href}`);
  return out.join('\n') + '\n';
}

// ---- HTML --------------------------------------------------------------------------------------

const FONT = 'font-family: Arial, Helvetica, sans-serif; color: #1f2933;';

function Paragraph({ children, small }: { children: Child; small?: boolean }) {
  return <p style={`margin: 0 0 16px; line-height: 1.5; font-size: ${small ? '13px' : '16px'};`}>{children}</p>;
}

function MultiLine({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 && <br />}
          {line}
        </>
      ))}
    </>
  );
}

function LetterHtml({ l, subject }: { l: Letter; subject: string }) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style={`margin: 0; padding: 24px 12px; background: #f4f5f7; ${FONT}`}>
        <div style="max-width: 600px; margin: 0 auto; background: #ffffff; padding: 24px; border-radius: 6px;">
          <p style="margin: 0 0 20px; font-size: 14px; font-weight: bold; color: #0b5394;">{m.signature}</p>
          <Paragraph>{l.greeting}</Paragraph>
          {l.paragraphs.map((p) => (
            <Paragraph>{p}</Paragraph>
          ))}
          {l.quote && (
            <blockquote style="margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #0b5394; background: #eef3f9; line-height: 1.5;">
              <MultiLine text={l.quote} />
            </blockquote>
          )}
          {l.sections.map((s) => (
            <>
              {s.title && <h2 style="margin: 20px 0 8px; font-size: 17px;">{s.title}</h2>}
              <ul style="margin: 0 0 16px; padding-left: 20px; line-height: 1.5;">
                {s.items.map((i) => (
                  <li style="margin-bottom: 8px;">
                    {i.href ? <a href={i.href} style="color: #0b5394;">{i.text}</a> : <strong>{i.text}</strong>}
                    {i.detail && (
                      <>
                        <br />
                        <span style="color: #52606d;">
                          <MultiLine text={i.detail} />
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ))}
          {(l.followUp ?? []).map((p) => (
            <Paragraph>{p}</Paragraph>
          ))}
          {l.button.intro && <Paragraph>{l.button.intro}</Paragraph>}
          <p style="margin: 0 0 16px;">
            <a href={l.button.href} style="display: inline-block; padding: 12px 20px; background: #0b5394; color: #ffffff; text-decoration: none; border-radius: 4px; font-weight: bold;">
              {l.button.label}
            </a>
          </p>
          <Paragraph small>
            {l.button.href}
          </Paragraph>
          {l.after.map((p) => (
            <Paragraph>{p}</Paragraph>
          ))}
          <hr style="border: none; border-top: 1px solid #cbd2d9; margin: 24px 0 12px;" />
          <Paragraph small>{l.footer.why}</Paragraph>
          {l.footer.unsubscribe && (
            <Paragraph small>
              {l.footer.unsubscribe.label} <a href={l.footer.unsubscribe.href} style="color: #0b5394;">{l.footer.unsubscribe.link}</a>
            </Paragraph>
          )}
          {l.footer.preferences && (
            <Paragraph small>
              {l.footer.preferences.label} <a href={l.footer.preferences.href} style="color: #0b5394;">{l.footer.preferences.link}</a>
            </Paragraph>
          )}
        </div>
      </body>
    </html>
  );
}

export function renderMail(content: MailContent, links: Links): RenderedMail {
  const subject = subjectOf(content);
  const letter = letterOf(content, links);
  return { subject, text: asText(letter), html: '<!DOCTYPE html>' + (<LetterHtml l={letter} subject={subject} />).toString() };
}
