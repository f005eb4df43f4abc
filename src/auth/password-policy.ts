// What a new password must be: long enough, not one of the passwords every attacker tries first,
// and not built on the account's own e-mail. The common passwords come from the zxcvbn-ts project's
// list (about 49,000 passwords seen most often in leaks, maintained on the npm registry:
// docs/decisions/mots-de-passe-courants.md). The check is synchronous, so that form schemas can
// run it; the list is required (CommonJS build) with the first password checked, so that start-up
// does not pay for it.
import { createRequire } from 'node:module';
import { MAX_LENGTH } from '../validation/limits.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';
import { t } from '../i18n/index.ts';

/** Words of CAP's own context, as common here as « password » anywhere. */
const CONTEXT_WORDS = ['coorace', 'motdepasse', 'mot-de-passe', 'mot de passe'];

let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    common = new Set([...dictionary['passwords-common'], ...CONTEXT_WORDS]);
  }
  return common;
}

/** The password without what people add to a common one to pass a rule: digits and signs around it. */
function core(password: string): string {
  return password.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
}

/** The pieces of an e-mail's local part worth looking for: « jean.dupont » gives jean.dupont, jeandupont, jean, dupont. */
function emailPieces(email: string): string[] {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const pieces = [local, local.replace(/[._+-]+/g, ''), ...local.split(/[._+-]+/)];
  return [...new Set(pieces.filter((p) => p.length >= 4 || (p === local && p.length >= 3)))];
}

/**
 * Why this password may not be chosen for the account `email`, in French, or null when it may.
 * Compares case-insensitively; the password itself is never part of the message.
 */
export function passwordProblem(password: string, email: string): string | null {
  const p = t.auth.policy;
  const nfc = password.normalize('NFC');
  if ([...nfc].length < MIN_PASSWORD_LENGTH) return t.auth.passwordTooShort;
  if (password.length > MAX_LENGTH.password) return t.common.validation.tooLong(MAX_LENGTH.password);
  const lower = nfc.toLowerCase();
  const compact = lower.replace(/[\s._+-]+/g, '');
  if (emailPieces(email).some((piece) => lower.includes(piece) || compact.includes(piece))) return p.containsEmail;
  if (new Set(lower).size < 5) return p.repetitive;
  const list = commonPasswords();
  if (list.has(lower) || list.has(core(lower)) || list.has(compact)) return p.common;
  return null;
}
