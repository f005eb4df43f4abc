// The built-in referential « CAP 2026 », assembled from one file per theme, its glossary, its
// guide to choosing a level and its mapping from CAP 2023.
import type { z } from 'zod';
import type { referentialSchema } from '../schema.ts';
import { theme as identite } from './identite.ts';
import { theme as services } from './services.ts';
import { theme as fonctionsSupport } from './fonctions-support.ts';
import { theme as ameliorationContinue } from './amelioration-continue.ts';
import { GLOSSARY } from './glossary.ts';
import { LEVEL_GUIDE } from './level-guide.ts';
import { MAPPING_FROM_2023 } from './mapping.ts';

export const CAP_2026: z.input<typeof referentialSchema> = {
  id: 'cap-2026',
  label: 'CAP 2026',
  language: 'fr',
  themes: [identite, services, fonctionsSupport, ameliorationContinue],
  glossary: GLOSSARY,
  levelGuide: LEVEL_GUIDE,
  mapping: MAPPING_FROM_2023,
};
