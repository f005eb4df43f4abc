// One-click unsubscribe from a kind of notice, without signing in: the link's signed token names
// the person and the topic. GET shows a confirmation button (a GET never writes); POST turns the
// topic off, from that button or from a mail reader's « Se désabonner » (RFC 8058 sends
// `List-Unsubscribe=One-Click` with no cookie and no CSRF token: the signature is the proof, so
// this POST is exempt from the CSRF check in src/app.ts).
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { existingAppKey } from '../db/app-keys.ts';
import { findUser } from '../db/users.ts';
import { optedOutTopics, setTopic } from '../db/mail-preferences.ts';
import { audit } from '../db/audit.ts';
import { readUnsubscribeToken, UNSUBSCRIBE_KEY } from '../mail/unsubscribe.ts';
import { UnsubscribePage } from '../../views/notices.tsx';
import { NoticePage } from '../../views/invitations.tsx';

export const UNSUBSCRIBE_PATH = '/unsubscribe/';

export const unsubscribeRoutes = new Hono<AppEnv>();

function target(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const key = existingAppKey(db, UNSUBSCRIBE_KEY);
  const read = key && readUnsubscribeToken(key, c.req.param('token') ?? '');
  const user = read && findUser(db, read.userId);
  return read && user && !user.deleted ? { user, topic: read.topic } : null;
}

function unusable(c: Context<AppEnv>) {
  return page(c, t.notices.unsubscribeTitle, <NoticePage title={t.notices.unsubscribeTitle} paragraphs={[t.notices.unusable]} links={[{ href: '/account#avis', label: t.notices.accountLink }]} />, { status: 404 });
}

unsubscribeRoutes.get('/:token', (c) => {
  const found = target(c);
  if (!found) return unusable(c);
  const off = optedOutTopics(c.get('deps').db, found.user.id).has(found.topic);
  return page(c, t.notices.unsubscribeTitle, <UnsubscribePage token={c.req.param('token')} topic={found.topic} email={found.user.email} state={off ? 'already' : 'ask'} />);
});

unsubscribeRoutes.post('/:token', (c) => {
  const { db, clock } = c.get('deps');
  const found = target(c);
  if (!found) return unusable(c);
  const now = clock();
  db.transaction((tx) => {
    if (setTopic(tx, found.user.id, found.topic, false, now)) audit(tx, { userId: found.user.id, action: 'unsubscribe', entity: 'user', entityId: found.user.id, after: { [found.topic]: false } }, now);
  });
  return page(c, t.notices.unsubscribeTitle, <UnsubscribePage token={c.req.param('token')} topic={found.topic} email={found.user.email} state="done" />);
});
