// Who is told what in the review workflow, below the routes: the right people, never the one who
// acted, nobody who turned the topic off, and a series of remarks as one message.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { mailQueue } from '../../src/db/schema.ts';
import { ensureBuiltins } from '../../src/referential/store.ts';
import { setTopic } from '../../src/db/mail-preferences.ts';
import { notifyChangesRequested, notifyRemark, notifyReply, notifySubmitted, notifyValidated, REMARK_GROUPING_MS } from '../../src/mail/notifications.ts';
import { claimNext } from '../../src/db/mail-queue.ts';
import { org, user } from '../support/app.ts';

let db: Db;
const now = new Date('2026-03-02T09:00:00Z');
let ids: Record<'garonne' | 'camille' | 'zoe' | 'ines' | 'yann' | 'nord', string>;
const d = () => ({ id: 'diag-1', organisationId: ids.garonne, createdAt: '2026-02-17T10:00:00Z' });
const rows = () => db.select().from(mailQueue).all();

beforeEach(async () => {
  db = openDatabase(':memory:');
  ensureBuiltins(db, new Date('2026-01-01T00:00:00Z'));
  const garonne = org(db, { name: 'Garonne Services Emploi', region: 'Occitanie' });
  ids = {
    garonne,
    camille: await user(db, 'member', 'camille@garonne.fr', { organisationIds: [garonne] }),
    zoe: await user(db, 'member', 'zoe@garonne.fr', { organisationIds: [garonne] }),
    ines: await user(db, 'consultant', 'ines@coorace.org', { regions: ['Occitanie'] }),
    yann: await user(db, 'consultant', 'yann@coorace.org', { regions: ['Bretagne', 'Occitanie'] }),
    nord: await user(db, 'consultant', 'nord@coorace.org', { regions: ['Hauts-de-France'] }),
  };
});

describe('workflow notices', () => {
  it('a submitted diagnostic → the consultants of its region', () => {
    expect(notifySubmitted(db, d(), ids.camille, now)).toBe(2);
    expect(rows().map((r) => [r.kind, r.recipient, r.subject])).toEqual([
      ['submitted', 'ines@coorace.org', 'Diagnostic soumis\u00a0: Garonne Services Emploi'],
      ['submitted', 'yann@coorace.org', 'Diagnostic soumis\u00a0: Garonne Services Emploi'],
    ]);
    expect(rows()[0]!.payload).toMatchObject({ submitterName: 'camille', region: 'Occitanie', recipientName: 'ines' });
  });

  it('changes requested, validation → the structure’s members; the actor is never told; opted-out people are not either', () => {
    setTopic(db, ids.zoe, 'validated', false, now);
    expect(notifyChangesRequested(db, d(), ids.ines, 'Précisez le thème 2.', now)).toBe(2);
    expect(notifyValidated(db, d(), ids.ines, now)).toBe(1);
    expect(rows().map((r) => [r.kind, r.recipient])).toEqual([
      ['changes_requested', 'camille@garonne.fr'],
      ['changes_requested', 'zoe@garonne.fr'],
      ['validated', 'camille@garonne.fr'],
    ]);
    // A consultant submitting for the structure (accompanied diagnostic) is not told of it.
    db.delete(mailQueue).run();
    notifySubmitted(db, d(), ids.ines, now);
    expect(rows().map((r) => r.recipient)).toEqual(['yann@coorace.org']);
  });

  it('remarks written in a row reach each member as one message', () => {
    const remark = (n: number) => ({ where: `Question ID-${n}`, path: `/diagnostics/diag-1/themes/identite#q${n}`, body: `Remarque ${n}` });
    notifyRemark(db, d(), ids.ines, remark(1), now);
    notifyRemark(db, d(), ids.ines, remark(2), new Date(now.getTime() + 60_000));
    notifyRemark(db, d(), ids.ines, remark(3), new Date(now.getTime() + 120_000));
    expect(rows()).toHaveLength(2);
    const camille = rows().find((r) => r.recipient === 'camille@garonne.fr')!;
    expect(camille.subject).toBe('3\u00a0nouvelles remarques sur le diagnostic de Garonne Services Emploi');
    expect((camille.payload as { remarks: { body: string }[] }).remarks.map((r) => r.body)).toEqual(['Remarque 1', 'Remarque 2', 'Remarque 3']);
    // Not due before the grouping delay; once one has left, the next remark starts a new message.
    expect(claimNext(db, new Date(now.getTime() + REMARK_GROUPING_MS - 1))).toBeUndefined();
    expect(claimNext(db, new Date(now.getTime() + REMARK_GROUPING_MS))).toBeTruthy();
    notifyRemark(db, d(), ids.ines, remark(4), new Date(now.getTime() + REMARK_GROUPING_MS));
    expect(rows()).toHaveLength(3);
  });

  it('a member’s reply to a remark → its author, if a consultant who wants it', () => {
    const reply = { where: 'Question ID-1', path: '/diagnostics/diag-1/themes/identite#q1', body: 'C’est fait.' };
    expect(notifyReply(db, d(), ids.ines, ids.camille, reply, now)).toBe(1);
    expect(rows()[0]).toMatchObject({ kind: 'reply', recipient: 'ines@coorace.org', subject: 'Réponse de Garonne Services Emploi à votre remarque' });
    setTopic(db, ids.ines, 'reply', false, now);
    expect(notifyReply(db, d(), ids.ines, ids.camille, reply, now)).toBe(0);
    expect(notifyReply(db, d(), ids.camille, ids.camille, reply, now)).toBe(0);
    expect(notifyReply(db, d(), null, ids.camille, reply, now)).toBe(0);
  });
});
