// Code lists of pupil monitoring that the web needs on its own (no zod, no CSV parser behind them): the kinds of
// signal rule and the fields of a result import. signals.ts and import.ts build on these.

export const SIGNAL_KINDS = ['lowLevel', 'levelDrop', 'delay', 'consecutiveLow', 'dleBehindAtGrade', 'highPerformer'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const IMPORT_FIELDS = [
  'pupilNumber',
  'firstName',
  'lastName',
  'birthDate',
  'instrument',
  'moment',
  'takenOn',
  'rawScore',
  'abilityScore',
  'level',
  'percentile',
  'dle',
  'textValue',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → index of the column in the header. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export type LayoutId = 'cito-lib' | 'iep' | 'generic';

/** Values for files without those columns (also used where a row's cell is empty). */
export interface ImportDefaults {
  instrumentCode?: string;
  moment?: string;
  takenOn?: string;
  /** The detected layout: breaks a tie between instruments with the same test name (`Spelling` → the Cito one). */
  layoutId?: LayoutId;
}
