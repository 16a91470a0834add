import type { LevelScale } from './scales';

// Test instruments (toetsen, observatielijsten) and their test moments. Koers ships the common Dutch instruments as
// editable defaults: every school gets a copy and may change, deactivate or add instruments.

export const DOMAINS = [
  'rekenen-wiskunde',
  'spelling',
  'begrijpend-lezen',
  'technisch-lezen',
  'woordenschat',
  'taalverzorging',
  'studievaardigheden',
  'engels',
  'seo',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Dutch names of the domains (the web has its own catalogue; these serve messages made in the domain). */
export const DOMAIN_LABELS_NL: Record<Domain, string> = {
  'rekenen-wiskunde': 'rekenen-wiskunde',
  spelling: 'spelling',
  'begrijpend-lezen': 'begrijpend lezen',
  'technisch-lezen': 'technisch lezen',
  woordenschat: 'woordenschat',
  taalverzorging: 'taalverzorging',
  studievaardigheden: 'studievaardigheden',
  engels: 'Engels',
  seo: 'sociaal-emotionele ontwikkeling',
};

/**
 * raw = ruwe score, ability = vaardigheidsscore (or IEP ontwikkelscore), level = niveau on the instrument's scale,
 * percentile = percentiel, dle = didactisch leeftijdsequivalent, avi = AVI-niveau, observation = `--`/`-`/`+`/`++`.
 */
export const SCORE_KINDS = ['raw', 'ability', 'level', 'percentile', 'dle', 'avi', 'observation'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

export const AVI_LEVELS = ['AVI-Start', 'M3', 'E3', 'M4', 'E4', 'M5', 'E5', 'M6', 'E6', 'M7', 'E7', 'AVI-Plus'] as const;
export const OBSERVATION_VALUES = ['--', '-', '+', '++'] as const;

export interface InstrumentDef {
  code: string;
  name: string;
  domain: Domain;
  supplier: string;
  sector: 'po' | 'vo';
  moments: string[];
  scoreKinds: ScoreKind[];
  levelScale: LevelScale | null;
}

export const MOMENT_PATTERN = /^[BME][1-8]$/;

// ---------------------------------------------------------------------------------------------------------------
// Moments: PO `M3`, `E3` … `M8` (M = midden, Jan/Feb; E = eind, June; B = begin, Sept/Oct for some instruments);
// VO `B1`, `M1`, `E1` … per leerjaar.

export interface Moment {
  part: 'B' | 'M' | 'E';
  grade: number;
}

export function parseMoment(code: string): Moment | null {
  if (typeof code !== 'string' || !MOMENT_PATTERN.test(code)) return null;
  return { part: code[0] as Moment['part'], grade: Number(code[1]) };
}

/**
 * Reads a moment as written in an export: `M5`, `m 5`, `midden groep 5`, `Eind 7`, `begin leerjaar 1`, `E-5`.
 * Returns the canonical code or null.
 */
export function normalizeMoment(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().toLowerCase().replace(/[\s\-_.]+/g, ' ').trim();
  let m = /^([bme]) ?(\d)$/.exec(s);
  if (m) {
    const code = m[1].toUpperCase() + m[2];
    return MOMENT_PATTERN.test(code) ? code : null;
  }
  m = /^(begin|midden|mid|eind|end) (?:groep |leerjaar |klas |jaar )?(\d)$/.exec(s);
  if (m) {
    const part = m[1] === 'begin' ? 'B' : m[1].startsWith('mid') ? 'M' : 'E';
    const code = part + m[2];
    return MOMENT_PATTERN.test(code) ? code : null;
  }
  return null;
}

const PART_NL = { B: 'begin', M: 'midden', E: 'eind' } as const;
const PART_EN = { B: 'beginning of', M: 'middle of', E: 'end of' } as const;

/**
 * `M5` → "midden groep 5" / "middle of grade 5"; with sector `vo`: `B1` → "begin leerjaar 1" / "beginning of year 1".
 * An unknown code is returned as it is.
 */
export function momentLabel(code: string, locale: 'nl' | 'en', sector: 'po' | 'vo' = 'po'): string {
  const m = parseMoment(code);
  if (!m) return code;
  if (locale === 'nl') return `${PART_NL[m.part]} ${sector === 'vo' ? 'leerjaar' : 'groep'} ${m.grade}`;
  return `${PART_EN[m.part]} ${sector === 'vo' ? 'year' : 'grade'} ${m.grade}`;
}

const PART_ORDER = { B: 0, M: 1, E: 2 } as const;

/** Sort order of moments: by grade, then begin < midden < eind; unknown codes last (alphabetically). */
export function momentOrder(a: string, b: string): number {
  const ma = parseMoment(a);
  const mb = parseMoment(b);
  if (ma && mb) return ma.grade - mb.grade || PART_ORDER[ma.part] - PART_ORDER[mb.part];
  if (ma) return -1;
  if (mb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The instrument's moment just before `code` (which need not be one of the instrument's moments), or null. */
export function previousMoment(instrumentMoments: readonly string[], code: string): string | null {
  if (!parseMoment(code)) return null;
  const before = instrumentMoments.filter((m) => parseMoment(m) && momentOrder(m, code) < 0).sort(momentOrder);
  return before.length ? before[before.length - 1] : null;
}

/**
 * The didactic age an average pupil has at a PO moment when taking the test on time: B = 1, M = 5, E = 10 months into
 * the grade (groep 3 = the first 10 months). Null for grades before 3 (and for unknown codes).
 */
export function standardDl(code: string): number | null {
  const m = parseMoment(code);
  if (!m || m.grade < 3) return null;
  return 10 * (m.grade - 3) + (m.part === 'B' ? 1 : m.part === 'M' ? 5 : 10);
}

/** Canonical AVI level (`avi e4`, `E4`, `start`, `AVI plus` → `E4`, `AVI-Start`, `AVI-Plus`) or null. */
export function normalizeAvi(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().toLowerCase().replace(/[\s\-_]+/g, '');
  const rest = s.startsWith('avi') ? s.slice(3) : s;
  if (rest === 'start') return 'AVI-Start';
  if (rest === 'plus' || rest === '+') return 'AVI-Plus';
  const code = rest.toUpperCase();
  return (AVI_LEVELS as readonly string[]).includes(code) ? code : null;
}

/** Canonical observation value (`++`, `+`, `-`, `--`; a typographic minus is read as `-`) or null. */
export function normalizeObservation(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().replace(/[−–]/g, '-').replace(/\s+/g, '');
  return (OBSERVATION_VALUES as readonly string[]).includes(s) ? s : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Defaults

/** Moments per grade; groep 8 has no E-moment for LVS tests (the doorstroomtoets comes instead), so E8 is left out. */
function po(parts: readonly ('B' | 'M' | 'E')[], from: number, to: number, withE8 = false): string[] {
  const out: string[] = [];
  for (let g = from; g <= to; g++) {
    for (const p of parts) {
      if (!withE8 && g === 8 && p === 'E') continue;
      out.push(`${p}${g}`);
    }
  }
  return out;
}

const CITO_KINDS: ScoreKind[] = ['raw', 'ability', 'level', 'percentile', 'dle'];

/**
 * The common Dutch instruments as editable defaults. Moments follow the usual test calendars (seed 002 §6):
 * the Cito LVS M- and E-tests groep 3–8, DMT and AVI from M3, begrijpend lezen from M4, ZIEN! in autumn and spring.
 */
export const DEFAULT_INSTRUMENTS: InstrumentDef[] = [
  {
    code: 'cito-rekenen',
    name: 'Cito Rekenen-Wiskunde (Leerling in beeld)',
    domain: 'rekenen-wiskunde',
    supplier: 'Cito',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: CITO_KINDS,
    levelScale: 'IV',
  },
  {
    code: 'cito-spelling',
    name: 'Cito Spelling (Leerling in beeld)',
    domain: 'spelling',
    supplier: 'Cito',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: CITO_KINDS,
    levelScale: 'IV',
  },
  {
    code: 'cito-begrijpend-lezen',
    name: 'Cito Begrijpend lezen (Leerling in beeld)',
    domain: 'begrijpend-lezen',
    supplier: 'Cito',
    sector: 'po',
    moments: po(['M', 'E'], 4, 8),
    scoreKinds: CITO_KINDS,
    levelScale: 'IV',
  },
  {
    code: 'cito-woordenschat',
    name: 'Cito Woordenschat (Leerling in beeld)',
    domain: 'woordenschat',
    supplier: 'Cito',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['raw', 'ability', 'level', 'percentile'],
    levelScale: 'IV',
  },
  {
    code: 'cito-dmt',
    name: 'Drie-Minuten-Toets (DMT)',
    domain: 'technisch-lezen',
    supplier: 'Cito',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['raw', 'level', 'percentile', 'dle'],
    levelScale: 'AE',
  },
  {
    code: 'avi',
    name: 'AVI-leesniveau',
    domain: 'technisch-lezen',
    supplier: 'Cito',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['avi'],
    levelScale: null,
  },
  {
    code: 'iep-rekenen',
    name: 'IEP LVS Rekenen',
    domain: 'rekenen-wiskunde',
    supplier: 'Bureau ICE',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['ability', 'percentile', 'dle'],
    levelScale: null,
  },
  {
    code: 'iep-taalverzorging',
    name: 'IEP LVS Taalverzorging',
    domain: 'taalverzorging',
    supplier: 'Bureau ICE',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['ability', 'percentile', 'dle'],
    levelScale: null,
  },
  {
    code: 'iep-lezen',
    name: 'IEP LVS Lezen',
    domain: 'begrijpend-lezen',
    supplier: 'Bureau ICE',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['ability', 'percentile', 'dle'],
    levelScale: null,
  },
  {
    code: 'boom-rekenen',
    name: 'Boom LVS Rekenen-Wiskunde',
    domain: 'rekenen-wiskunde',
    supplier: 'Boom',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['ability', 'level', 'percentile', 'dle'],
    levelScale: 'IV',
  },
  {
    code: 'boom-spelling',
    name: 'Boom LVS Spelling',
    domain: 'spelling',
    supplier: 'Boom',
    sector: 'po',
    moments: po(['M', 'E'], 3, 8),
    scoreKinds: ['ability', 'level', 'percentile', 'dle'],
    levelScale: 'IV',
  },
  {
    code: 'boom-begrijpend-lezen',
    name: 'Boom LVS Begrijpend lezen',
    domain: 'begrijpend-lezen',
    supplier: 'Boom',
    sector: 'po',
    moments: po(['M', 'E'], 4, 8),
    scoreKinds: ['ability', 'level', 'percentile', 'dle'],
    levelScale: 'IV',
  },
  {
    code: 'zien',
    name: 'ZIEN! (sociaal-emotionele ontwikkeling)',
    domain: 'seo',
    supplier: 'ParnasSys',
    sector: 'po',
    moments: po(['B', 'M'], 1, 8),
    scoreKinds: ['observation'],
    levelScale: null,
  },
  {
    code: 'seo-lijst',
    name: 'Sociaal-emotionele signaleringslijst (SCOL-achtig)',
    domain: 'seo',
    supplier: 'school',
    sector: 'po',
    moments: po(['B', 'M'], 1, 8),
    scoreKinds: ['observation'],
    levelScale: null,
  },
  {
    code: 'cito-vo-nederlands',
    name: 'Cito Volgsysteem VO Nederlands leesvaardigheid',
    domain: 'begrijpend-lezen',
    supplier: 'Cito',
    sector: 'vo',
    moments: ['B1', 'E1', 'E2', 'E3'],
    scoreKinds: ['ability', 'percentile'],
    levelScale: null,
  },
  {
    code: 'cito-vo-rekenen',
    name: 'Cito Volgsysteem VO Rekenen-Wiskunde',
    domain: 'rekenen-wiskunde',
    supplier: 'Cito',
    sector: 'vo',
    moments: ['B1', 'E1', 'E2', 'E3'],
    scoreKinds: ['ability', 'percentile'],
    levelScale: null,
  },
  {
    code: 'cito-vo-engels',
    name: 'Cito Volgsysteem VO Engels',
    domain: 'engels',
    supplier: 'Cito',
    sector: 'vo',
    moments: ['B1', 'E1', 'E2', 'E3'],
    scoreKinds: ['ability', 'percentile'],
    levelScale: null,
  },
];
