// What a refused invitation or resend says, for the structure's page and /admin/invitations.
import { t } from '../i18n/index.ts';
import type { FieldErrors } from '../validation/forms.ts';
import type { InviteResult, ManageResult } from '../accounts/invitations.ts';

/** The refusal of an invitation, as field errors (`organisationField`: where « no structure » goes). */
export function inviteRefusal(res: Exclude<InviteResult, { ok: true }>, organisationField = 'email'): FieldErrors {
  switch (res.reason) {
    case 'forbidden':
      return { email: t.invitations.forbidden };
    case 'email-taken':
      return { email: t.invitations.emailTakenError };
    case 'already-invited':
      return { email: t.invitations.alreadyInvited };
    case 'no-organisation':
      return { [organisationField]: t.invitations.organisationRequired };
    case 'too-many':
      return { email: t.invitations.tooMany(res.max) };
  }
}

/** The status of a refused invitation: 429 when the day's count is reached. */
export function inviteRefusalStatus(res: Exclude<InviteResult, { ok: true }>): 422 | 429 {
  return res.reason === 'too-many' ? 429 : 422;
}

/** The message of a refused resend. */
export function resendRefusal(res: Exclude<ManageResult, { ok: true }>): string {
  if (res.reason === 'too-soon') return t.invitations.tooSoon(res.minutes);
  if (res.reason === 'too-many') return t.invitations.tooMany(res.max);
  return t.invitations.closed;
}
