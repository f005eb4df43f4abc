/** A SIRET is 14 digits whose Luhn sum is a multiple of 10 (La Poste's SIRET excepted). */
export function isValidSiret(value: string): boolean {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{14}$/.test(digits)) return false;
  // La Poste's establishments share the SIREN 356000000 and use a digit-sum rule instead.
  if (digits.startsWith('356000000')) return [...digits].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(digits[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normaliseSiret(value: string): string {
  return value.replace(/\s+/g, '');
}
