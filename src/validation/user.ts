import { z } from 'zod';
import { fields } from './forms.ts';
import { REGIONS } from '../regions.ts';
import { t } from '../i18n/index.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { LIMITS, MAX_LENGTH } from './limits.ts';

const base = {
  name: fields.oneLine(MAX_LENGTH.personName),
  email: fields.email,
  role: z.enum(['member', 'consultant', 'admin'], { error: t.common.validation.choice }),
  organisationIds: z.array(z.string().max(64)).max(LIMITS.organisationsPerUser, t.admin.tooManyOrganisations(LIMITS.organisationsPerUser)),
  regions: z.array(z.enum(REGIONS, { error: t.common.validation.choice })),
};

function scopeRules(v: { role: string; organisationIds: string[]; regions: string[] }, ctx: z.RefinementCtx) {
  if (v.role === 'member' && v.organisationIds.length === 0) ctx.addIssue({ code: 'custom', path: ['organisationIds'], message: t.admin.membershipsRequired });
  if (v.role === 'consultant' && v.regions.length === 0) ctx.addIssue({ code: 'custom', path: ['regions'], message: t.admin.regionsRequired });
}

/** The password policy, which needs the account's e-mail; an empty optional password is left alone. */
export function passwordRules(v: { email: string; password?: string }, ctx: z.RefinementCtx, optional = false) {
  if (optional && !v.password) return;
  const problem = passwordProblem(v.password ?? '', v.email);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const newUserForm = z
  .object({ ...base, password: z.string({ error: t.common.validation.required }).min(MIN_PASSWORD_LENGTH, t.auth.passwordTooShort).max(MAX_LENGTH.password) })
  .superRefine(scopeRules)
  .superRefine((v, ctx) => passwordRules(v, ctx));

export const editUserForm = z
  .object({ ...base, password: z.string().max(MAX_LENGTH.password).optional().refine((p) => !p || p.length >= MIN_PASSWORD_LENGTH, t.auth.passwordTooShort) })
  .superRefine(scopeRules)
  .superRefine((v, ctx) => passwordRules(v, ctx, true));

export const USER_MULTI = ['organisationIds', 'regions'] as const;
