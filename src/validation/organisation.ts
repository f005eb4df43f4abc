// The organisation form, written once and used by creation and edition.
import { z } from 'zod';
import { fields } from './forms.ts';
import { isValidSiret, normaliseSiret } from './siret.ts';
import { STRUCTURE_TYPES } from '../referential/schema.ts';
import { REGIONS } from '../regions.ts';
import { t } from '../i18n/index.ts';
import { MAX_LENGTH } from './limits.ts';

export const organisationForm = z.object({
  name: fields.oneLine(MAX_LENGTH.organisationName),
  siret: z
    .string({ error: t.common.validation.required })
    .transform(normaliseSiret)
    .refine(isValidSiret, t.orgs.siretInvalid),
  // Each type once (a crafted form could repeat one tens of thousands of times).
  types: z
    .array(z.enum(STRUCTURE_TYPES, { error: t.common.validation.choice }))
    .min(1, t.orgs.typesRequired)
    .max(STRUCTURE_TYPES.length, t.common.validation.choice)
    .transform((types) => [...new Set(types)]),
  region: z.enum(REGIONS, { error: t.common.validation.choice }),
  ftePermanent: fields.nonNegative,
  ftePathway: fields.nonNegative,
  ges: fields.checkbox,
});

export type OrganisationForm = z.infer<typeof organisationForm>;
export const ORGANISATION_MULTI = ['types'] as const;
