import { isValidSiret } from '../validation/siret.ts';

/** A valid SIRET built from a 13-digit stem by choosing the last digit (demo data only). */
export function demoSiret(stem: string): string {
  for (let d = 0; d < 10; d++) if (isValidSiret(stem + d)) return stem + d;
  throw new Error(`no SIRET for ${stem}`);
}
