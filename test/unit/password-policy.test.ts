import { describe, it, expect } from 'vitest';
import { passwordProblem } from '../../src/auth/password-policy.ts';
import { t } from '../../src/i18n/index.ts';

const p = t.auth.policy;

describe('passwordProblem', () => {
  it('accepts a long password of the person’s own, such as the demo’s and the tests’', () => {
    for (const ok of ['cap-demo-2026', 'mot-de-passe-solide', 'le chat dort sur la pile de bilans', 'Tr0mpette-Verte-Lauragais']) {
      expect(passwordProblem(ok, 'sophie.durand@garonne-emploi.fr'), ok).toBeNull();
    }
  });

  it('wants 12 characters, counted as people see them', () => {
    expect(passwordProblem('Ab3$dk9!zQ1', 'x@cap.test')).toBe(t.auth.passwordTooShort);
    // Two « é » typed as e + accent are two characters, not four.
    expect(passwordProblem('e\u0301'.repeat(2) + 'Ab3$dk9!z', 'x@cap.test')).toBe(t.auth.passwordTooShort);
    expect(passwordProblem('x'.repeat(201) + 'Ab3$dk9!z', 'x@cap.test')).toBe(t.common.validation.tooLong(200));
  });

  it('refuses the most common passwords, with the digits and signs people add around them', () => {
    for (const weak of ['123456789012', 'qwertyuiop123', 'azertyuiop12', 'Azertyuiop2026!', 'motdepasse123', 'MotDePasse2026', 'Soleil-2026!!', 'Coorace2026!', '1111111111111']) {
      const problem = passwordProblem(weak, 'x@cap.test');
      expect([p.common, p.repetitive], weak).toContain(problem);
    }
  });

  it('refuses repetitive passwords', () => {
    expect(passwordProblem('abababababab', 'x@cap.test')).toBe(p.repetitive);
    expect(passwordProblem('aaaaaaaaaaaaaaaa', 'x@cap.test')).toBe(p.repetitive);
  });

  it('refuses a password built on the e-mail’s local part, whatever the case and separators', () => {
    const email = 'Jean.Dupont@structure.fr';
    for (const weak of ['jean.dupont-2026', 'JeanDupont#Lyon', 'mon-dupont-secret', 'xx-JEAN-yy-zz-ww']) {
      expect(passwordProblem(weak, email), weak).toBe(p.containsEmail);
    }
    // Short pieces (« a », « ab ») are not looked for: they are in every word.
    expect(passwordProblem('la belle abeille dort', 'ab@cap.test')).toBeNull();
    expect(passwordProblem('tout le monde rit', 'admin@cap.test')).toBeNull();
    expect(passwordProblem('admin-de-la-structure', 'admin@cap.test')).toBe(p.containsEmail);
  });
});
