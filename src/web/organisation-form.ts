// Reading the organisation form, for the administration and for consultants creating a structure
// in their regions: the same fields, the same SIRET checks (valid key, not already registered).
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fieldErrors, formObject, readForm } from '../validation/forms.ts';
import { organisationForm, ORGANISATION_MULTI } from '../validation/organisation.ts';
import { findOrganisationBySiret } from '../db/organisations.ts';

/** The submitted organisation, or the values and French errors to show again. `selfId`: the one being edited. */
export async function readOrganisationForm(c: Context<AppEnv>, opts: { selfId?: string; regions?: readonly string[] } = {}) {
  const values = formObject(await readForm(c), ORGANISATION_MULTI);
  const parsed = organisationForm.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) } as const;
  if (opts.regions && !opts.regions.includes(parsed.data.region)) return { values, errors: { region: t.orgs.regionNotYours } } as const;
  const clash = findOrganisationBySiret(c.get('deps').db, parsed.data.siret);
  if (clash && clash.id !== opts.selfId) return { values, errors: { siret: t.orgs.siretTaken } } as const;
  return { values, data: parsed.data } as const;
}
