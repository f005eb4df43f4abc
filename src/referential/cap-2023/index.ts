// The built-in referential « CAP 2023 », assembled from one file per theme.
import type { z } from 'zod';
import type { referentialSchema } from '../schema.ts';
import { theme as identite } from './identite.ts';
import { theme as services } from './services.ts';
import { theme as fonctionsSupport } from './fonctions-support.ts';
import { theme as ameliorationContinue } from './amelioration-continue.ts';

export const CAP_2023: z.input<typeof referentialSchema> = {
  id: 'cap-2023',
  label: 'CAP 2023',
  language: 'fr',
  themes: [identite, services, fonctionsSupport, ameliorationContinue],
};
