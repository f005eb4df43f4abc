// One French date module (src/dates.ts) and one rule to name people (src/people.ts).
import { describe, it, expect } from 'vitest';
import { frenchDate, frenchDateTime, nextDay, numericDate, numericDateTime, parisDayStart } from '../../src/dates.ts';
import { personName } from '../../src/people.ts';
import { isEditable, isSettled, canTransition } from '../../src/diagnostics/status.ts';

describe('src/dates.ts', () => {
  it('writes « 1er » for the first of the month, in Paris time', () => {
    expect(frenchDate('2026-03-01T10:00:00Z')).toBe('1er mars 2026');
    // 23:30 UTC on 28 February is already 1 March in Paris.
    expect(frenchDate(new Date('2026-02-28T23:30:00Z'))).toBe('1er mars 2026');
    expect(frenchDate('2026-03-11T10:00:00Z')).toBe('11 mars 2026');
    expect(frenchDateTime('2026-03-01T09:01:00Z')).toBe('1er mars 2026 à 10:01');
  });

  it('gives spreadsheets numeric dates', () => {
    expect(numericDate('2026-03-02T09:00:00Z')).toBe('02/03/2026');
    expect(numericDateTime('2026-03-02T09:00:00Z')).toBe('02/03/2026 10:00');
  });

  it('finds the instant a day starts in Paris, summer time or not, and refuses days that do not exist', () => {
    expect(parisDayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(parisDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    // Summer time starts at 2:00 on 29 March 2026: midnight is still winter time.
    expect(parisDayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayStart('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(parisDayStart('2026-02-30')).toBeNull();
    expect(parisDayStart('02/03/2026')).toBeNull();
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('src/people.ts', () => {
  it('names a person by their name while the account exists, deactivated or not', () => {
    expect(personName({ name: 'Inès Martin', deleted: false })).toBe('Inès Martin');
    expect(personName({ name: 'Inès Martin', deleted: false }, 'federation')).toBe('Inès Martin');
  });

  it('names a deleted account by what it did, and leaves « nobody recorded » to the caller', () => {
    expect(personName({ name: 'utilisateur supprimé', deleted: true })).toBe('utilisateur supprimé');
    expect(personName({ name: 'utilisateur supprimé', deleted: true }, 'federation')).toBe('un·e conseiller·ère dont le compte a été supprimé');
    expect(personName(null)).toBeNull();
    expect(personName(undefined, 'federation')).toBeNull();
  });
});

describe('src/diagnostics/status.ts', () => {
  it('opens a diagnostic to answers while draft or sent back, settles it once submitted or validated', () => {
    expect(['draft', 'submitted', 'changes_requested', 'validated'].filter((s) => isEditable(s as never))).toEqual(['draft', 'changes_requested']);
    expect(['draft', 'submitted', 'changes_requested', 'validated'].filter((s) => isSettled(s as never))).toEqual(['submitted', 'validated']);
  });

  it('allows the review decisions on a submitted diagnostic only', () => {
    expect(canTransition('submitted', 'validate')).toBe(true);
    expect(canTransition('submitted', 'requestChanges')).toBe(true);
    expect(canTransition('validated', 'validate')).toBe(false);
    expect(canTransition('changes_requested', 'requestChanges')).toBe(false);
    expect(canTransition('changes_requested', 'submit')).toBe(true);
  });
});
