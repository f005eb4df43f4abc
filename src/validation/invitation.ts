// The forms around invitations and passwords chosen by e-mail link. The password policy itself
// (length, common passwords, the e-mail inside it) is checked after these, by passwordProblem().
import { z } from 'zod';
import { fields } from './forms.ts';
import { LIMITS, MAX_LENGTH } from './limits.ts';
import { REGIONS } from '../regions.ts';
import { t } from '../i18n/index.ts';

export const inviteForm = z
  .object({
    name: fields.oneLine(MAX_LENGTH.personName),
    email: fields.email,
    role: z.enum(['member', 'consultant', 'admin'], { error: t.common.validation.choice }).optional().default('member'),
    organisationIds: z.array(z.string().max(64)).max(LIMITS.organisationsPerUser, t.invitations.tooManyOrganisations(LIMITS.organisationsPerUser)).optional().default([]),
    regions: z.array(z.enum(REGIONS, { error: t.common.validation.choice })).max(REGIONS.length).optional().default([]),
    lead: fields.checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'consultant' && v.regions.length === 0) ctx.addIssue({ code: 'custom', path: ['regions'], message: t.invitations.regionsRequired });
  });

export const INVITE_MULTI = ['organisationIds', 'regions'] as const;

const password = z.string({ error: t.common.validation.required }).min(1, t.common.validation.required).max(MAX_LENGTH.password, t.common.validation.tooLong(MAX_LENGTH.password));

function confirmed<T extends { password: string; passwordConfirm: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: t.auth.passwordMismatch });
}

export const acceptInvitationForm = z
  .object({ name: fields.oneLine(MAX_LENGTH.personName), password, passwordConfirm: z.string({ error: t.common.validation.required }).max(MAX_LENGTH.password) })
  .superRefine(confirmed);

export const newPasswordForm = z.object({ password, passwordConfirm: z.string({ error: t.common.validation.required }).max(MAX_LENGTH.password) }).superRefine(confirmed);

export const resetRequestForm = z.object({ email: fields.email });
