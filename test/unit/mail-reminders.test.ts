// The Monday reminders and the rules around mail, pure: who gets what, when the week's slot is
// (Paris time, summer time included), who may invite whom, and unsubscribe links.
import { describe, expect, it } from 'vitest';
import { addDays, classify, consultantReminders, memberReminders, reminderHorizon } from '../../src/mail/reminders.ts';
import { lastSlot, weekOf } from '../../src/mail/scheduler.ts';
import { invitableRoles, mayInvite, type Inviter } from '../../src/auth/invite-rules.ts';
import { readUnsubscribeToken, unsubscribeToken } from '../../src/mail/unsubscribe.ts';
import type { DueActionRow, FollowUpRow } from '../../src/db/reminders.ts';

const action = (o: string, title: string, dueDate: string, owner = ''): DueActionRow => ({
  organisationId: o,
  organisationName: o === 'o1' ? 'Garonne Services Emploi' : 'Les Jardins du Lauragais',
  region: 'Occitanie',
  diagnosticId: `d-${o}`,
  diagnosticCreatedAt: '2026-01-05T09:00:00Z',
  title,
  owner,
  dueDate,
});

describe('member reminders', () => {
  const today = '2026-03-02';
  it('lists, per structure and member, the actions overdue or due within 14 days with their owners', () => {
    expect(reminderHorizon(today)).toBe('2026-03-16');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    const rows = [action('o1', 'En retard', '2026-02-20', 'Camille'), action('o1', 'Bientôt', '2026-03-16'), action('o2', 'Autre', '2026-03-03')];
    const members = [
      { userId: 'u1', email: 'camille@a.fr', name: 'Camille', organisationId: 'o1' },
      { userId: 'u2', email: 'zoe@a.fr', name: 'Zoé', organisationId: 'o1' },
      { userId: 'u2', email: 'zoe@a.fr', name: 'Zoé', organisationId: 'o2' },
      { userId: 'u3', email: 'lea@a.fr', name: 'Léa', organisationId: 'o3' },
    ];
    const mails = memberReminders(rows, members, new Set(['u1']), today, today);
    expect(mails.map((m) => m.dedupeKey)).toEqual(['reminder:2026-03-02:member:u2:o1', 'reminder:2026-03-02:member:u2:o2']);
    expect(mails[0]!.payload.actions).toEqual([
      { title: 'En retard', owner: 'Camille', dueDate: '2026-02-20', overdue: true },
      { title: 'Bientôt', owner: '', dueDate: '2026-03-16', overdue: false },
    ]);
    expect(mails[0]!.payload).toMatchObject({ organisationName: 'Garonne Services Emploi', diagnosticId: 'd-o1', recipientName: 'Zoé', week: today });
    expect(mails[1]!.payload.actions).toEqual([{ title: 'Autre', owner: '', dueDate: '2026-03-03', overdue: false }]);
  });
  it('sends nothing to a structure with nothing due', () => {
    expect(memberReminders([], [{ userId: 'u1', email: 'a@b.fr', name: 'A', organisationId: 'o1' }], new Set(), today, today)).toEqual([]);
  });
});

describe('consultant reminders', () => {
  const now = new Date('2026-03-02T07:00:00Z');
  const row = (id: string, region: string, over: Partial<FollowUpRow>): FollowUpRow => ({
    organisationId: id,
    organisationName: `Structure ${id}`,
    region,
    diagnosticId: `d-${id}`,
    status: 'draft',
    createdAt: '2026-01-10T09:00:00Z',
    submittedAt: null,
    changesRequestedAt: null,
    ...over,
  });
  const rows = [
    row('a', 'Occitanie', { status: 'submitted', submittedAt: '2026-02-27T10:00:00Z' }),
    row('b', 'Occitanie', { status: 'changes_requested', changesRequestedAt: '2026-01-20T10:00:00Z' }),
    row('c', 'Occitanie', { status: 'changes_requested', changesRequestedAt: '2026-02-20T10:00:00Z' }),
    row('d', 'Occitanie', { diagnosticId: null, status: null, createdAt: null }),
    row('e', 'Bretagne', { status: 'validated', createdAt: '2025-02-01T10:00:00Z' }),
    row('f', 'Bretagne', { status: 'validated', createdAt: '2025-06-01T10:00:00Z' }),
  ];
  it('sorts the structures of each region into the three lists', () => {
    const byRegion = classify(rows, now);
    const occ = byRegion.get('Occitanie')!;
    expect(occ.awaitingReview.map((i) => i.organisationId)).toEqual(['a']);
    // Changes requested 41 days ago: stalled; 10 days ago: not yet.
    expect(occ.changesRequested.map((i) => [i.organisationId, i.since])).toEqual([['b', '2026-01-20T10:00:00Z']]);
    expect(occ.noRecentDiagnostic.map((i) => i.organisationId)).toEqual(['d']);
    // More than 12 months since the last diagnostic was started.
    expect(byRegion.get('Bretagne')!.noRecentDiagnostic.map((i) => i.organisationId)).toEqual(['e']);
  });
  it('gives each consultant the structures of their regions, and nothing to one with nothing to follow', () => {
    const people = [
      { userId: 'c1', email: 'ines@coorace.org', name: 'Inès', regions: ['Occitanie'] },
      { userId: 'c2', email: 'yann@coorace.org', name: 'Yann', regions: ['Bretagne', 'Occitanie'] },
      { userId: 'c3', email: 'nord@coorace.org', name: 'Nord', regions: ['Hauts-de-France'] },
      { userId: 'c4', email: 'off@coorace.org', name: 'Off', regions: ['Occitanie'] },
    ];
    const mails = consultantReminders(rows, people, new Set(['c4']), now, '2026-03-02');
    expect(mails.map((m) => m.to.userId)).toEqual(['c1', 'c2']);
    expect(mails[1]!.payload.noRecentDiagnostic.map((i) => i.organisationId)).toEqual(['d', 'e']);
    expect(mails[1]!.dedupeKey).toBe('reminder:2026-03-02:consultant:c2');
  });
});

describe('the Monday slot', () => {
  it('is Monday 8:00 in Paris, winter and summer time', () => {
    // Winter (UTC+1): Monday 2 March 2026, 8:00 = 07:00Z.
    expect(lastSlot(new Date('2026-03-02T07:00:00Z')).toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(lastSlot(new Date('2026-03-02T06:59:59Z')).toISOString()).toBe('2026-02-23T07:00:00.000Z');
    expect(lastSlot(new Date('2026-03-05T15:00:00Z')).toISOString()).toBe('2026-03-02T07:00:00.000Z');
    // Summer time starts Sunday 29 March: the next Monday's 8:00 is 06:00Z.
    expect(lastSlot(new Date('2026-03-30T06:30:00Z')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(lastSlot(new Date('2026-03-30T05:30:00Z')).toISOString()).toBe('2026-03-23T07:00:00.000Z');
    expect(weekOf(new Date('2026-03-30T06:00:00Z'))).toBe('2026-03-30');
  });
});

describe('who may invite whom', () => {
  const occ = { id: 'o1', region: 'Occitanie' };
  const bzh = { id: 'o2', region: 'Bretagne' };
  const admin: Inviter = { id: 'a', role: 'admin', organisationIds: [], regions: [], leadOf: [] };
  const consultant: Inviter = { id: 'c', role: 'consultant', organisationIds: [], regions: ['Occitanie'], leadOf: [] };
  const lead: Inviter = { id: 'l', role: 'member', organisationIds: ['o1'], regions: [], leadOf: ['o1'] };
  const member: Inviter = { id: 'm', role: 'member', organisationIds: ['o1'], regions: [], leadOf: [] };
  const target = (over: Partial<Parameters<typeof mayInvite>[1]> = {}) => ({ role: 'member' as const, organisations: [occ], regions: [], lead: false, ...over });
  it('admins invite anyone', () => {
    expect(mayInvite(admin, target({ role: 'consultant', organisations: [], regions: ['Bretagne'] }))).toBe(true);
    expect(mayInvite(admin, target({ role: 'admin', organisations: [] }))).toBe(true);
    expect(invitableRoles(admin)).toEqual(['member', 'consultant', 'admin']);
  });
  it('consultants invite members of the structures of their regions, leads included', () => {
    expect(mayInvite(consultant, target())).toBe(true);
    expect(mayInvite(consultant, target({ lead: true }))).toBe(true);
    expect(mayInvite(consultant, target({ organisations: [bzh] }))).toBe(false);
    expect(mayInvite(consultant, target({ organisations: [occ, bzh] }))).toBe(false);
    expect(mayInvite(consultant, target({ role: 'consultant', organisations: [], regions: ['Occitanie'] }))).toBe(false);
    expect(invitableRoles(consultant)).toEqual(['member']);
  });
  it('a structure’s lead invites colleagues to it, and nobody else does', () => {
    expect(mayInvite(lead, target())).toBe(true);
    expect(mayInvite(lead, target({ lead: true }))).toBe(false);
    expect(mayInvite(lead, target({ organisations: [bzh] }))).toBe(false);
    expect(mayInvite(member, target())).toBe(false);
    expect(invitableRoles(member)).toEqual([]);
    expect(mayInvite(null, target())).toBe(false);
    expect(mayInvite(lead, target({ organisations: [] }))).toBe(false);
  });
});

describe('unsubscribe links', () => {
  const key = Buffer.alloc(32, 7);
  it('name a person and a topic, and cannot be forged', () => {
    const token = unsubscribeToken(key, 'AbC-12_xyz', 'remark');
    expect(readUnsubscribeToken(key, token)).toEqual({ userId: 'AbC-12_xyz', topic: 'remark' });
    expect(readUnsubscribeToken(Buffer.alloc(32, 8), token)).toBeNull();
    expect(readUnsubscribeToken(key, token.replace('.remark.', '.validated.'))).toBeNull();
    expect(readUnsubscribeToken(key, token.replace('AbC', 'XbC'))).toBeNull();
    expect(readUnsubscribeToken(key, 'AbC.invitation.x')).toBeNull();
    expect(readUnsubscribeToken(key, '')).toBeNull();
    expect(readUnsubscribeToken(key, `${token}.x`)).toBeNull();
  });
});
