import { describe, it, expect } from 'vitest';
import { can, type Action, type Actor } from '../../src/auth/permissions.ts';

const ORG = { organisationId: 'org-occ', region: 'Occitanie' };

const actors: Record<string, Actor | null> = {
  anonymous: null,
  memberOfOrg: { id: 'u1', role: 'member', organisationIds: ['org-occ'], regions: [] },
  memberOfOther: { id: 'u2', role: 'member', organisationIds: ['org-bzh'], regions: [] },
  consultantOfRegion: { id: 'u3', role: 'consultant', organisationIds: [], regions: ['Occitanie', 'Normandie'] },
  consultantOfOther: { id: 'u4', role: 'consultant', organisationIds: [], regions: ['Bretagne'] },
  admin: { id: 'u5', role: 'admin', organisationIds: [], regions: [] },
};

// Expected answers, written out: one row per action, one column per actor above.
//                                    anon   member other  consR  consO  admin
const MATRIX: Record<Action, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  'organisation.view':              [false, true,  false, true,  false, true],
  'diagnostic.create':              [false, true,  false, true,  false, true],
  'diagnostic.view':                [false, true,  false, true,  false, true],
  'diagnostic.answer':              [false, true,  false, true,  false, true],
  'diagnostic.submit':              [false, true,  false, true,  false, true],
  'diagnostic.review':              [false, false, false, true,  false, true],
  // Without a creator on the resource, only an administrator deletes (see the test below).
  'diagnostic.delete':              [false, false, false, false, false, true],
  'diagnostic.archive':             [false, false, false, false, false, true],
  'plan.edit':                      [false, true,  false, true,  false, true],
  'federation.view':                [false, false, false, true,  true,  true],
  'members.manage':                 [false, false, false, true,  false, true],
  'admin.manage':                   [false, false, false, false, false, true],
};

describe('can(user, action, resource)', () => {
  const names = Object.keys(actors);
  for (const [action, expected] of Object.entries(MATRIX) as [Action, boolean[]][]) {
    names.forEach((name, i) => {
      it(`${name} ${expected[i] ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actors[name]!, action, ORG)).toBe(expected[i]);
      });
    });
  }

  it('refuses resource actions without a resource, except to admins', () => {
    expect(can(actors.memberOfOrg!, 'diagnostic.view')).toBe(false);
    expect(can(actors.consultantOfRegion!, 'diagnostic.review')).toBe(false);
    expect(can(actors.admin!, 'diagnostic.view')).toBe(true);
  });

  it('a member of several organisations reaches each of them and no other', () => {
    const m: Actor = { id: 'u6', role: 'member', organisationIds: ['a', 'b'], regions: ['Occitanie'] };
    expect(can(m, 'diagnostic.view', { organisationId: 'a', region: 'Bretagne' })).toBe(true);
    expect(can(m, 'diagnostic.view', { organisationId: 'b', region: 'Bretagne' })).toBe(true);
    // Regions on a member's account give nothing: only consultants follow regions.
    expect(can(m, 'diagnostic.view', { organisationId: 'c', region: 'Occitanie' })).toBe(false);
  });

  it('lets the creator of a diagnostic delete it, while they still reach its organisation, and nobody else but an admin', () => {
    const byMember = { ...ORG, createdBy: 'u1' };
    const byConsultant = { ...ORG, createdBy: 'u3' };
    expect(can(actors.memberOfOrg!, 'diagnostic.delete', byMember)).toBe(true);
    expect(can(actors.consultantOfRegion!, 'diagnostic.delete', byMember)).toBe(false);
    expect(can(actors.consultantOfRegion!, 'diagnostic.delete', byConsultant)).toBe(true);
    expect(can(actors.memberOfOrg!, 'diagnostic.delete', byConsultant)).toBe(false);
    expect(can(actors.admin!, 'diagnostic.delete', byMember)).toBe(true);
    // A creator who left the structure (or whose consultant region changed) may not.
    expect(can({ ...actors.memberOfOrg!, organisationIds: [] }, 'diagnostic.delete', byMember)).toBe(false);
    // A creator whose account was deleted is null: nobody matches it.
    expect(can(actors.memberOfOrg!, 'diagnostic.delete', { ...ORG, createdBy: null })).toBe(false);
    expect(can(actors.memberOfOrg!, 'diagnostic.archive', byMember)).toBe(false);
  });
});
