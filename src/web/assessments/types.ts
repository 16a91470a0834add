// Types of the assessments API (leerlingvolgsysteem), as in docs/api-contract.md (issue 3).
// The web client does not import server code; the lists of codes mirror src/domain/assessments so the
// pupil page and the menu do not pull the domain modules (and zod) into the first chunk.

// The code lists and the shapes that are rules come from the domain (the modules imported here load no zod and no
// CSV parser, so the pupil page and the menu stay small); the API's response shapes are declared below.
export { AVI_LEVELS, DOMAINS, OBSERVATION_VALUES, SCORE_KINDS, type Domain, type ScoreKind } from '../../domain/assessments/instruments';
export { LEVEL_SCALES, levelOptions as enterableLevels, levelsOf, type LevelScale } from '../../domain/assessments/scales';
export { IMPORT_FIELDS, SIGNAL_KINDS, type ColumnMapping, type ImportDefaults, type ImportField, type SignalKind } from '../../domain/assessments/codes';
export type { DleNorm, LevelNorm } from '../../domain/assessments/norms';
export type { RowError } from '../../domain/assessments/csv';
export type { ResultValues } from '../../domain/assessments/import';
export type { Signal } from '../../domain/assessments/signals';
import type { Domain, ScoreKind } from '../../domain/assessments/instruments';
import type { LevelScale } from '../../domain/assessments/scales';
import type { DleNorm, LevelNorm } from '../../domain/assessments/norms';
import type { RowError } from '../../domain/assessments/csv';
import type { ResultValues } from '../../domain/assessments/import';
import type { Signal } from '../../domain/assessments/signals';
import type { ColumnMapping } from '../../domain/assessments/codes';

/** "I+" → "I", "V-" → "V". */
export function mainLevel(level: string | null): string | null {
  if (!level) return null;
  return level.trim().replace(/[+-]$/, '').toUpperCase();
}

export type Instrument = {
  id: number;
  code: string;
  name: string;
  domain: Domain;
  supplier: string;
  moments: string[];
  scoreKinds: ScoreKind[];
  levelScale: LevelScale | null;
  active: boolean;
  version: number;
  hasLevelNorms: boolean;
  hasDleNorms: boolean;
};


export type GridRow = {
  pupilId: number;
  firstName: string;
  lastName: string;
  grade: number | null;
  result: (ResultValues & { id: number; version: number }) | null;
};

export type Grid = {
  group: { id: number; name: string; schoolYearId: number };
  instrument: Instrument;
  moment: string;
  takenOn: string | null;
  rows: GridRow[];
};

export type GridRowError = { pupilId: number; field: string; message: string };

export type Norms = { levelNorms: LevelNorm[]; dleNorms: DleNorm[] };

export type PupilResult = ResultValues & {
  id: number;
  instrumentId: number;
  instrumentName: string;
  domain: Domain;
  moment: string;
  schoolYear: string;
  grade: number | null;
  dl: number | null;
  efficiency: number | null;
  delay: { months: number; weeks: number } | null;
};

export type Series = {
  instrumentId: number;
  instrumentName: string;
  domain: Domain;
  levelScale: LevelScale | null;
  points: { moment: string; takenOn: string; abilityScore: number | null; level: string | null; dle: number | null; dl: number | null }[];
  bands: { moment: string; bands: { level: string; minScore: number }[] }[];
};

export type PupilResults = {
  pupil: { id: number; firstName: string; lastName: string };
  results: PupilResult[];
  series: Series[];
  signals: Signal[];
};

export type LevelCount = { level: string; count: number };

export type CrossSection = {
  instrument: Instrument;
  moment: string;
  previousMoment: string | null;
  current: LevelCount[];
  previous: LevelCount[] | null;
  norm: { level: string; percent: number; share: { count: number; total: number; percent: number } };
  pupils: { pupilId: number; firstName: string; lastName: string; level: string | null; previousLevel: string | null }[];
};

export type GroupSignals = { items: { pupilId: number; firstName: string; lastName: string; signals: Signal[] }[] };

export type Trend = {
  years: string[];
  grades: { grade: number; points: { schoolYear: string; moment: string; total: number; atOrAbove: number; percent: number }[] }[];
  norm: { level: string; percent: number };
};

export type SignalRuleParams =
  | { kind: 'lowLevel'; params: { levels: string[] } }
  | { kind: 'levelDrop'; params: { steps: number } }
  | { kind: 'delay'; params: { weeks: number } }
  | { kind: 'consecutiveLow'; params: { level: string; count: number } }
  | { kind: 'dleBehindAtGrade'; params: { months: number; grade: number; part: 'M' | 'E' } }
  | { kind: 'highPerformer'; params: { levels: string[] } };

export type SignalRule = SignalRuleParams & {
  id?: number;
  version?: number;
  label: string;
  domains: Domain[];
  active: boolean;
};

export type ImportUpload = {
  id: number;
  fileName: string;
  encoding: string;
  delimiter: string;
  header: string[];
  sample: string[][];
  total: number;
  layoutId: string;
  mapping: ColumnMapping;
};

export type ValidRow = ResultValues & { row: number; pupilId: number; instrumentId: number; schoolYearId: number; moment: string };

export type ImportPreview = {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
  errors: RowError[];
  errorCount: number;
  sample: ValidRow[];
};

export type ImportStatus = {
  id: number;
  fileName: string;
  status: 'uploaded' | 'committing' | 'committed' | 'failed';
  total: number;
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  error: string | null;
};
