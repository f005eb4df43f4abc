// Which services of the federation's catalogue a structure may be offered, and how to reach one.
// Pure: the catalogue rows come from src/referential/store.ts.
import type { StructureType } from '../referential/schema.ts';

/** A service for every type, or for some types only (the triple exclusivity of ETTI…). */
export function serviceApplies(service: { structureTypes: readonly string[] }, types: readonly StructureType[]): boolean {
  return service.structureTypes.length === 0 || service.structureTypes.some((ty) => types.includes(ty as StructureType));
}

/** A catalogue keyed by code, without the services restricted to other structure types. */
export function servicesFor<T extends { structureTypes: readonly string[] }>(services: ReadonlyMap<string, T>, types: readonly StructureType[]): Map<string, T> {
  return new Map([...services].filter(([, s]) => serviceApplies(s, types)));
}

/**
 * A `tel:` link from a number as people write it: « 01 99 00 01 23 » → `tel:+33199000123`. French
 * numbers (ten digits from 0) get the +33 prefix so that a phone abroad dials them too.
 */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (/^0\d{9}$/.test(digits)) return `tel:+33${digits.slice(1)}`;
  return `tel:${digits}`;
}

export function mailtoHref(email: string): string {
  return `mailto:${email}`;
}
