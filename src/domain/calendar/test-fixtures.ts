// Fixtures of the calendar tests: the school year 2026-2027 with Dutch holidays (regio midden, fictional school).
import type { Holiday } from './model';
import type { GroupFact, PeriodFact } from './views';

export const YEAR = { startsOn: '2026-08-01', endsOn: '2027-07-31' };

export const HOLIDAYS: Holiday[] = [
  { name: 'Zomervakantie', startsOn: '2026-07-18', endsOn: '2026-08-30' },
  { name: 'Herfstvakantie', startsOn: '2026-10-17', endsOn: '2026-10-25' },
  { name: 'Kerstvakantie', startsOn: '2026-12-19', endsOn: '2027-01-03' },
  { name: 'Voorjaarsvakantie', startsOn: '2027-02-13', endsOn: '2027-02-21' },
  { name: 'Meivakantie', startsOn: '2027-04-24', endsOn: '2027-05-02' },
  { name: 'Zomervakantie', startsOn: '2027-07-17', endsOn: '2027-08-29' },
];

export const HALVES: PeriodFact[] = [
  { seq: 1, name: '1e helft', startsOn: '2026-08-01', endsOn: '2027-02-28' },
  { seq: 2, name: '2e helft', startsOn: '2027-03-01', endsOn: '2027-07-31' },
];

export const THREE_CYCLES: PeriodFact[] = [
  { seq: 1, name: 'Cyclus 1', startsOn: '2026-08-01', endsOn: '2026-11-30' },
  { seq: 2, name: 'Cyclus 2', startsOn: '2026-12-01', endsOn: '2027-03-15' },
  { seq: 3, name: 'Cyclus 3', startsOn: '2027-03-16', endsOn: '2027-07-31' },
];

/** Seed 004: four periods of ten school weeks from the first school day (31-08-2026). */
export const FOUR_TEN_WEEKS: PeriodFact[] = [
  { seq: 1, name: 'Periode 1', startsOn: '2026-08-01', endsOn: '2026-11-15' },
  { seq: 2, name: 'Periode 2', startsOn: '2026-11-16', endsOn: '2027-02-07' },
  { seq: 3, name: 'Periode 3', startsOn: '2027-02-08', endsOn: '2027-04-25' },
  { seq: 4, name: 'Periode 4', startsOn: '2027-04-26', endsOn: '2027-07-31' },
];

export const PO_GROUPS: GroupFact[] = [
  { id: 11, name: '1/2a', grades: [1, 2] },
  { id: 13, name: '3', grades: [3] },
  { id: 15, name: '5', grades: [5] },
  { id: 18, name: '8', grades: [8] },
];

export const VO_GROUPS: GroupFact[] = [
  { id: 21, name: '1HV', grades: [1] },
  { id: 22, name: '2H', grades: [2] },
];
