import { z } from 'zod';
import { fields } from './forms.ts';
import { REGIONS } from '../regions.ts';
import { t } from '../i18n/index.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password.ts';

const base = {
  name: fields.requiredText(120),
  email: fields.email,
  role: z.enum(['member', 'consultant', 'admin'], { error: t.common.validation.choice }),
  organisationIds: z.array(z.string().max(64)).max(200),
  regions: z.array(z.enum(REGIONS, { error: t.common.validation.choice })),
};

function scopeRules(v: { role: string; organisationIds: string[]; regions: string[] }, ctx: z.RefinementCtx) {
  if (v.role === 'member' && v.organisationIds.length === 0) ctx.addIssue({ code: 'custom', path: ['organisationIds'], message: t.admin.membershipsRequired });
  if (v.role === 'consultant' && v.regions.length === 0) ctx.addIssue({ code: 'custom', path: ['regions'], message: t.admin.regionsRequired });
}

export const newUserForm = z
  .object({ ...base, password: z.string().min(MIN_PASSWORD_LENGTH, t.auth.passwordTooShort).max(200) })
  .superRefine(scopeRules);

export const editUserForm = z
  .object({
    ...base,
    password: z
      .string()
      .max(200)
      .optional()
      .refine((p) => !p || p.length >= MIN_PASSWORD_LENGTH, t.auth.passwordTooShort),
  })
  .superRefine(scopeRules);

export const USER_MULTI = ['organisationIds', 'regions'] as const;
