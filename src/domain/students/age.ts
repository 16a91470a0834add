import { parseIsoDate } from '../school/periods';

/** Age in whole years on a date. */
export function ageOn(birthDate: string, on: string): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(on);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}
