import type { z } from 'zod';
import { STRUCTURE_TYPES, type themeSchema } from '../schema.ts';

/** A theme as its authors write it (before zod defaults are applied). */
export type ThemeInput = z.input<typeof themeSchema>;

/** Every structure type: for questions that apply to all SIAE and other members. */
export const ALL_TYPES = [...STRUCTURE_TYPES];
