import { describe, it, expect } from 'vitest';
import { isValidSiret, normaliseSiret } from '../../src/validation/siret.ts';

describe('SIRET check', () => {
  it('accepts 14 digits with a correct Luhn key', () => {
    // 7 3 2 8 2 9 3 2 0 0 0 0 7 4: doubled every second digit from the right, sum = 50.
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('44306184100047')).toBe(true);
  });
  it('accepts spaces as typed on paper', () => {
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(normaliseSiret('732 829 320 00074')).toBe('73282932000074');
  });
  it('refuses a wrong key, wrong length or letters', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000744')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });
  it('applies La Poste’s digit-sum rule to its establishments', () => {
    // 35600000000048: digit sum 3+5+6+4+8 = 26, not a multiple of 5.
    expect(isValidSiret('35600000000048')).toBe(false);
    // 35600000049837: 3+5+6+4+9+8+3+7 = 45, a multiple of 5.
    expect(isValidSiret('35600000049837')).toBe(true);
  });
});
