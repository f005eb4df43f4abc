import { describe, it, expect } from 'vitest';
import { formatPath } from '../../src/referential/validate.ts';
describe('formatPath', () => {
  it('formats zod paths like themes[2].criteria[0]', () => {
    expect(formatPath(['themes', 2, 'criteria', 0, 'questions', 4, 'iso9001', 1])).toBe('themes[2].criteria[0].questions[4].iso9001[1]');
  });
});
