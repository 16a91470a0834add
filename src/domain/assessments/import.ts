import { isValidIsoDate } from '../school/periods';
import { type RowError, parseDecimal, parseDutchDate } from './csv';
import { type ScoreKind, normalizeAvi, normalizeMoment, normalizeObservation } from './instruments';
import { type InstrumentNorms, deriveFromNorms } from './norms';
import { type LevelScale, normalizeLevel } from './scales';
import { IMPORT_FIELDS, type ColumnMapping, type ImportDefaults, type ImportField, type LayoutId } from './codes';

export { type Delimiter, type ParsedTable, type RowError, type TextEncodingName, decodeBytes, detectDelimiter, parseDecimal, parseDutchDate, parseTable } from './csv';

// Importing test results from CSV: column mapping (supplier layouts or the generic Dutch column names), row-level
// validation with Dutch messages, and the comparison with what is stored (re-importing a file adds nothing).

export { IMPORT_FIELDS, type ColumnMapping, type ImportDefaults, type ImportField, type LayoutId };

export const SCORE_FIELDS = ['rawScore', 'abilityScore', 'level', 'percentile', 'dle', 'textValue'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

/** Dutch names of the fields (the web has its own catalogue). */
export const IMPORT_FIELD_LABELS_NL: Record<ImportField, string> = {
  pupilNumber: 'leerlingnummer (Koers)',
  firstName: 'voornaam',
  lastName: 'achternaam',
  birthDate: 'geboortedatum',
  instrument: 'toets',
  moment: 'toetsmoment',
  takenOn: 'afnamedatum',
  rawScore: 'ruwe score',
  abilityScore: 'vaardigheidsscore',
  level: 'niveau',
  percentile: 'percentiel',
  dle: 'DLE',
  textValue: 'AVI-niveau of observatie',
};

// ---------------------------------------------------------------------------------------------------------------
// Layouts

/** Header text reduced for comparison: lower case, no accents, punctuation as spaces. */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** Column names the generic mapping recognises (after normalizeHeader), per field, most specific first. */
export const GENERIC_COLUMN_NAMES: Record<ImportField, string[]> = {
  pupilNumber: ['koers leerlingnummer', 'leerlingnummer koers', 'koers nummer', 'koers id', 'leerlingnummer', 'leerling nummer', 'llnr', 'pupil number', 'pupil id', 'pupilnumber'],
  firstName: ['roepnaam', 'voornaam', 'voornamen', 'first name', 'firstname', 'given name'],
  lastName: ['achternaam', 'familienaam', 'geslachtsnaam', 'last name', 'lastname', 'family name', 'surname'],
  birthDate: ['geboortedatum', 'geb datum', 'geboren', 'geboren op', 'birth date', 'birthdate', 'date of birth'],
  instrument: ['toets', 'toetsnaam', 'toetscode', 'instrument', 'test', 'toetsonderdeel'],
  moment: ['toetsmoment', 'moment', 'afnamemoment', 'test moment'],
  takenOn: ['afnamedatum', 'datum afname', 'toetsdatum', 'afgenomen op', 'datum', 'taken on', 'date'],
  rawScore: ['ruwe score', 'ruwescore', 'score', 'aantal goed', 'raw score'],
  abilityScore: ['vaardigheidsscore', 'vaardigheid', 'vs', 'ontwikkelscore', 'ability score', 'scaled score'],
  level: ['niveau', 'vaardigheidsniveau', 'niveau i v', 'niveau a e', 'i v niveau', 'a e niveau', 'level'],
  percentile: ['percentiel', 'percentielscore', 'percentile', 'pr'],
  dle: ['dle', 'didactisch leeftijdsequivalent'],
  textValue: ['avi', 'avi niveau', 'leesniveau', 'observatie', 'beoordeling', 'waarde'],
};

function mapByNames(header: string[], names: Record<ImportField, string[]>): ColumnMapping {
  const norm = header.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const name of names[field]) {
      const i = norm.findIndex((h, idx) => h === name && !used.has(idx));
      if (i >= 0) {
        mapping[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return mapping;
}

const has = (header: string[], ...names: string[]) => {
  const norm = new Set(header.map(normalizeHeader));
  return names.every((n) => norm.has(n));
};

export interface SupplierLayout {
  id: LayoutId;
  name: string;
  detect(header: string[]): boolean;
  mapping(header: string[]): ColumnMapping;
}

/**
 * The layouts Koers recognises (see docs/import-formats.md). The supplier layouts are modelled on the publicly
 * described columns of the exports, not on an official file specification; the generic mapping catches the rest.
 * A supplier's own leerlingnummer (the LAS number) is never taken as the Koers pupil number: pupils are matched on
 * name and birth date there.
 */
export const SUPPLIER_LAYOUTS: SupplierLayout[] = [
  {
    id: 'cito-lib',
    name: 'Cito LVS Leerling in beeld — groepsexport',
    detect: (h) => has(h, 'toets', 'toetsmoment', 'afnamedatum', 'vaardigheidsscore', 'geboortedatum') && has(h, 'achternaam') && (has(h, 'roepnaam') || has(h, 'voornaam')),
    mapping: (h) => {
      const m = mapByNames(h, { ...GENERIC_COLUMN_NAMES, pupilNumber: [], rawScore: ['ruwe score', 'aantal goed'] });
      return m;
    },
  },
  {
    id: 'iep',
    name: 'IEP LVS — resultatenexport met DLE',
    detect: (h) => has(h, 'ontwikkelscore') && has(h, 'dle') && has(h, 'geboortedatum'),
    mapping: (h) => mapByNames(h, { ...GENERIC_COLUMN_NAMES, pupilNumber: [], abilityScore: ['ontwikkelscore'] }),
  },
  {
    id: 'generic',
    name: 'Algemeen (kolommen op naam)',
    detect: () => true,
    mapping: (h) => mapByNames(h, GENERIC_COLUMN_NAMES),
  },
];

export function detectLayout(header: string[]): { layoutId: LayoutId; mapping: ColumnMapping } {
  const layout = SUPPLIER_LAYOUTS.find((l) => l.detect(header)) ?? SUPPLIER_LAYOUTS[SUPPLIER_LAYOUTS.length - 1];
  return { layoutId: layout.id, mapping: layout.mapping(header) };
}

const LAYOUT_CODE_PREFIX: Record<LayoutId, string | null> = { 'cito-lib': 'cito-', iep: 'iep-', generic: null };

// ---------------------------------------------------------------------------------------------------------------
// Context and results

export interface ResultValues {
  rawScore: number | null;
  abilityScore: number | null;
  level: string | null;
  percentile: number | null;
  dle: number | null;
  textValue: string | null;
  takenOn: string;
}

export interface ImportInstrument {
  id: number;
  code: string;
  name: string;
  moments: string[];
  scoreKinds: ScoreKind[];
  levelScale: LevelScale | null;
}

export interface ImportContext {
  pupils: { id: number; firstName: string; lastName: string; birthDate: string }[];
  instruments: ImportInstrument[];
  /** Stored results by resultKey. */
  existing: Map<string, ResultValues>;
  schoolYearOf(date: string): { id: number; startsOn: string } | null;
  today: string;
  /**
   * Optional norm tables by instrument id. When given, a row's missing level and DLE are filled from them (as the
   * server does at write time), so the comparison with stored results is exact. Without them, a level or DLE missing
   * in the file is taken to be the one stored (it may have been derived from the norms).
   */
  norms?: Map<number, InstrumentNorms>;
}

export interface ValidRow extends ResultValues {
  row: number;
  pupilId: number;
  instrumentId: number;
  schoolYearId: number;
  moment: string;
  /** new = no stored result for this key; changed = differs from the stored one (also reported as changesExisting). */
  status?: 'new' | 'changed';
}

export function resultKey(pupilId: number, instrumentId: number, schoolYearId: number, moment: string): string {
  return `${pupilId}:${instrumentId}:${schoolYearId}:${moment}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

const SCALE_NL: Record<LevelScale, string> = { AE: 'A–E', IV: 'I–V' };

export const IMPORT_MESSAGES_NL: Record<string, (p: Record<string, string | number>) => string> = {
  mappingInvalidColumn: (p) => `De koppeling van ${p.field} wijst naar kolom ${p.index}, die niet bestaat.`,
  mappingNoPupil: () => 'Koppel een kolom met het Koers-leerlingnummer, of de kolommen achternaam, voornaam en geboortedatum.',
  mappingNoInstrument: () => 'Koppel de kolom met de toets, of kies de toets voor het hele bestand.',
  mappingNoMoment: () => 'Koppel de kolom met het toetsmoment, of kies het moment voor het hele bestand.',
  mappingNoDate: () => 'Koppel de kolom met de afnamedatum, of kies de datum voor het hele bestand.',
  mappingNoScore: () => 'Koppel ten minste één kolom met een score (ruwe score, vaardigheidsscore, niveau, percentiel, DLE, AVI of observatie).',
  defaultInstrumentUnknown: (p) => `De gekozen toets "${p.value}" bestaat niet op deze school.`,
  defaultMomentInvalid: (p) => `Het gekozen toetsmoment "${p.value}" is geen geldig moment.`,
  defaultDateInvalid: (p) => `De gekozen afnamedatum "${p.value}" is geen geldige datum.`,
  pupilNotIdentified: () => 'Er staat geen Koers-leerlingnummer in deze regel en niet alle drie van achternaam, voornaam en geboortedatum.',
  pupilNumberInvalid: (p) => `"${p.value}" is geen leerlingnummer.`,
  unknownPupil: (p) => `Geen leerling gevonden voor ${p.value}.`,
  ambiguousPupil: (p) => `Er zijn ${p.count} leerlingen met de naam ${p.value}; gebruik het Koers-leerlingnummer.`,
  pupilMismatch: (p) => `Leerlingnummer ${p.pupilNumber} hoort bij ${p.name}, niet bij ${p.value}. Is dit het leerlingnummer uit Koers?`,
  birthDateInvalid: (p) => `"${p.value}" is geen geldige geboortedatum.`,
  instrumentMissing: () => 'De toets ontbreekt.',
  unknownInstrument: (p) => `Onbekende toets "${p.value}". Voeg het instrument toe of kies de toets bij het koppelen.`,
  ambiguousInstrument: (p) => `"${p.value}" past bij meer dan één toets (${p.candidates}); kies de toets bij het koppelen.`,
  momentMissing: () => 'Het toetsmoment ontbreekt.',
  momentInvalid: (p) => `"${p.value}" is geen toetsmoment (gebruik bijvoorbeeld M5 of E5).`,
  momentNotOfInstrument: (p) => `${p.instrument} heeft geen toetsmoment ${p.moment} (wel: ${p.moments}).`,
  dateMissing: () => 'De afnamedatum ontbreekt.',
  dateInvalid: (p) => `"${p.value}" is geen geldige datum (gebruik bijvoorbeeld 24-01-2026).`,
  dateInFuture: (p) => `De afnamedatum ${p.date} ligt in de toekomst.`,
  dateOutsideSchoolYear: (p) => `De afnamedatum ${p.date} valt in geen enkel schooljaar van deze school.`,
  numberInvalid: (p) => `"${p.value}" is geen getal (${p.field}).`,
  negativeScore: (p) => `De ${p.field} kan niet negatief zijn (${p.value}).`,
  scoreTooLarge: (p) => `De ${p.field} ${p.value} is onmogelijk groot (hoogstens ${p.max}).`,
  percentileOutOfRange: (p) => `Een percentiel ligt tussen 0 en 100, niet ${p.value}.`,
  percentileNotWhole: (p) => `Een percentiel is een heel getal, niet ${p.value}.`,
  dleOutOfRange: (p) => `Een DLE ligt tussen 0 en 60, niet ${p.value}.`,
  levelNotOnScale: (p) => `"${p.value}" is geen niveau op de schaal ${p.scale} van ${p.instrument}.`,
  levelWithoutScale: (p) => `${p.instrument} heeft geen niveauschaal; het niveau "${p.value}" kan niet worden opgeslagen.`,
  aviInvalid: (p) => `"${p.value}" is geen AVI-niveau (AVI-Start, M3, E3 … E7, AVI-Plus).`,
  observationInvalid: (p) => `"${p.value}" is geen observatiewaarde (--, -, + of ++).`,
  scoreKindNotUsed: (p) => `${p.instrument} gebruikt geen ${p.field}; pas het instrument aan of koppel deze kolom niet.`,
  noScore: () => 'Deze regel bevat geen enkele score.',
  duplicateInFile: (p) => `Dezelfde leerling, toets en hetzelfde toetsmoment staan al in regel ${p.firstRow}.`,
  changesExisting: (p) => `Er is al een resultaat voor deze leerling, toets en dit moment; deze regel wijzigt het (${p.changes}).`,
};

/** The Dutch message of an import error code (falls back to the code itself). */
export function importMessage(code: string, params: Record<string, string | number> = {}): string {
  const f = IMPORT_MESSAGES_NL[code];
  return f ? f(params) : code;
}

function rowError(row: number, column: string | null, code: string, params: Record<string, string | number> = {}): RowError {
  return { row, column, code, params, message: importMessage(code, params) };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching pupils and instruments

function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NAME_PREFIXES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'von', 'vom', 'zu', 'la', 'le', 'du', 'da', 'di', 'del', 'des', 'dos', 'el', "d'", "l'"]);

/** A last name for matching: accents, case and tussenvoegsels do not matter (`van Dijk`, `Dijk`, `Dijk, van`). */
export function lastNameKey(s: string): string {
  let t = s;
  const comma = t.indexOf(',');
  if (comma >= 0) t = `${t.slice(comma + 1)} ${t.slice(0, comma)}`;
  const words = plain(t).split(' ').filter(Boolean);
  while (words.length > 1 && NAME_PREFIXES.has(words[0])) words.shift();
  return words.join(' ');
}

const personKey = (lastName: string, firstName: string, birthDate: string) => `${lastNameKey(lastName)}|${plain(firstName)}|${birthDate}`;

/**
 * Instruments a cell may name: by code, by exact name, or else every instrument whose name or code contains the
 * cell's words ("Rekenen-Wiskunde"). Several candidates are narrowed by the layout's supplier (cito-lib → `cito-…`).
 */
function instrumentResolver(instruments: ImportInstrument[], layoutId: LayoutId | undefined) {
  const cache = new Map<string, ImportInstrument[]>();
  const prefix = layoutId ? LAYOUT_CODE_PREFIX[layoutId] : null;
  const indexed = instruments.map((i) => ({ i, words: ` ${plain(i.name.replace(/[-–]/g, ' '))} ${plain(i.code.replace(/-/g, ' '))} ` }));
  return (value: string): ImportInstrument[] => {
    const hit = cache.get(value);
    if (hit) return hit;
    const v = value.trim().toLowerCase();
    const p = plain(value.replace(/[-–]/g, ' '));
    const byCode = instruments.filter((i) => i.code.toLowerCase() === v);
    const byName = instruments.filter((i) => plain(i.name.replace(/[-–]/g, ' ')) === p);
    let found = byCode.length === 1 ? byCode : byName;
    if (found.length === 0 && p) found = indexed.filter((x) => x.words.includes(` ${p} `)).map((x) => x.i);
    if (found.length > 1 && prefix) {
      const narrowed = found.filter((i) => i.code.startsWith(prefix));
      if (narrowed.length >= 1) found = narrowed;
    }
    cache.set(value, found);
    return found;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const MAX_SCORE = 9999;

/** Problems with the mapping and defaults as a whole (row 0). Empty when rows can be validated. */
export function validateMapping(header: string[], mapping: ColumnMapping, defaults: ImportDefaults, instruments?: ImportInstrument[]): RowError[] {
  const errors: RowError[] = [];
  for (const field of IMPORT_FIELDS) {
    const i = mapping[field];
    if (i === undefined) continue;
    if (!Number.isInteger(i) || i < 0 || i >= header.length) errors.push(rowError(0, null, 'mappingInvalidColumn', { field, index: String(i) }));
  }
  const mapped = (f: ImportField) => mapping[f] !== undefined;
  if (!mapped('pupilNumber') && !(mapped('lastName') && mapped('firstName') && mapped('birthDate'))) errors.push(rowError(0, null, 'mappingNoPupil'));
  if (!mapped('instrument') && !defaults.instrumentCode) errors.push(rowError(0, null, 'mappingNoInstrument'));
  if (!mapped('moment') && !defaults.moment) errors.push(rowError(0, null, 'mappingNoMoment'));
  if (!mapped('takenOn') && !defaults.takenOn) errors.push(rowError(0, null, 'mappingNoDate'));
  if (!SCORE_FIELDS.some(mapped)) errors.push(rowError(0, null, 'mappingNoScore'));
  if (defaults.instrumentCode && instruments && !instruments.some((i) => i.code === defaults.instrumentCode)) {
    errors.push(rowError(0, null, 'defaultInstrumentUnknown', { value: defaults.instrumentCode }));
  }
  if (defaults.moment && !normalizeMoment(defaults.moment)) errors.push(rowError(0, null, 'defaultMomentInvalid', { value: defaults.moment }));
  if (defaults.takenOn && !isValidIsoDate(defaults.takenOn)) errors.push(rowError(0, null, 'defaultDateInvalid', { value: defaults.takenOn }));
  return errors;
}

const FIELD_KIND: Record<'rawScore' | 'abilityScore' | 'percentile' | 'dle', ScoreKind> = {
  rawScore: 'raw',
  abilityScore: 'ability',
  percentile: 'percentile',
  dle: 'dle',
};

/** One result's score cells as typed, pasted or read from a file: text, a number, or empty. */
export type ScoreInput = Partial<Record<ScoreField, string | number | null | undefined>>;

export interface ScoreError { field: ScoreField; code: string; params: Record<string, string | number> }

/**
 * Reads the scores of one result against its instrument: each a value, or an error (a code of importMessage) for its
 * field. The one rule for scores, used by the import and by the grid. Without an instrument (not recognised), only the
 * numbers are checked.
 */
export function readScores(instrument: { name: string; scoreKinds: readonly string[]; levelScale: LevelScale | null } | null, input: ScoreInput): { values: Omit<ResultValues, 'takenOn'>; errors: ScoreError[] } {
  const errors: ScoreError[] = [];
  const fail = (field: ScoreField, code: string, params: Record<string, string | number> = {}) => errors.push({ field, code, params });
  const text = (f: ScoreField) => {
    const v = input[f];
    return v == null ? '' : String(v).trim();
  };
  const values: Omit<ResultValues, 'takenOn'> = { rawScore: null, abilityScore: null, level: null, percentile: null, dle: null, textValue: null };
  for (const f of ['rawScore', 'abilityScore', 'percentile', 'dle'] as const) {
    const shown = text(f);
    if (shown === '') continue;
    const label = IMPORT_FIELD_LABELS_NL[f];
    // IEP writes DLEs above the end of groep 8 as ">60".
    const given = input[f];
    const n = typeof given === 'number' ? given : parseDecimal(f === 'dle' ? shown.replace(/^[<>]\s*/, '') : shown);
    if (n === null || n === undefined || !Number.isFinite(n)) {
      fail(f, 'numberInvalid', { value: shown, field: label });
      continue;
    }
    if (instrument && !instrument.scoreKinds.includes(FIELD_KIND[f])) {
      fail(f, 'scoreKindNotUsed', { instrument: instrument.name, field: label });
      continue;
    }
    if (f === 'percentile') {
      if (n < 0 || n > 100) fail(f, 'percentileOutOfRange', { value: shown });
      else if (!Number.isInteger(n)) fail(f, 'percentileNotWhole', { value: shown });
      else values.percentile = n;
    } else if (f === 'dle') {
      if (n < 0 || n > 60) fail(f, 'dleOutOfRange', { value: shown });
      else values.dle = n;
    } else if (f === 'rawScore' && n < 0) fail(f, 'negativeScore', { value: shown, field: label });
    else if (Math.abs(n) > MAX_SCORE) fail(f, 'scoreTooLarge', { value: shown, field: label, max: MAX_SCORE });
    else values[f] = n;
  }
  const levelText = text('level');
  if (levelText !== '' && instrument) {
    if (!instrument.levelScale) fail('level', 'levelWithoutScale', { value: levelText, instrument: instrument.name });
    else {
      const level = normalizeLevel(instrument.levelScale, levelText);
      if (!level) fail('level', 'levelNotOnScale', { value: levelText, scale: SCALE_NL[instrument.levelScale], instrument: instrument.name });
      else values.level = level;
    }
  }
  const free = text('textValue');
  if (free !== '' && instrument) {
    if (instrument.scoreKinds.includes('avi')) {
      const avi = normalizeAvi(free);
      if (!avi) fail('textValue', 'aviInvalid', { value: free });
      else values.textValue = avi;
    } else if (instrument.scoreKinds.includes('observation')) {
      const obs = normalizeObservation(free);
      if (!obs) fail('textValue', 'observationInvalid', { value: free });
      else values.textValue = obs;
    } else fail('textValue', 'scoreKindNotUsed', { instrument: instrument.name, field: IMPORT_FIELD_LABELS_NL.textValue });
  }
  return { values, errors };
}

const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** What differs between a row and the stored result, as "field: old → new" (empty when nothing does). */
function differences(row: ResultValues, stored: ResultValues, lenientDerived: boolean): string[] {
  const out: string[] = [];
  const show = (v: string | number | null) => (v === null ? 'leeg' : String(v));
  for (const f of ['rawScore', 'abilityScore', 'percentile', 'dle'] as const) {
    if (lenientDerived && f === 'dle' && row.dle === null) continue;
    if (!sameNumber(row[f], stored[f])) out.push(`${IMPORT_FIELD_LABELS_NL[f]}: ${show(stored[f])} → ${show(row[f])}`);
  }
  if (!(lenientDerived && row.level === null) && row.level !== stored.level) out.push(`niveau: ${show(stored.level)} → ${show(row.level)}`);
  if (row.textValue !== stored.textValue) out.push(`${IMPORT_FIELD_LABELS_NL.textValue}: ${show(stored.textValue)} → ${show(row.textValue)}`);
  if (row.takenOn !== stored.takenOn) out.push(`afnamedatum: ${stored.takenOn} → ${row.takenOn}`);
  return out;
}

/**
 * Validates every row of an import. Returns the rows that are new or change a stored result (ValidRow), how many
 * rows equal what is stored (`unchanged`: re-importing a file adds nothing), and the errors with their spreadsheet
 * row. A row that changes a stored result is returned in `rows` AND reported as `changesExisting`: the caller only
 * writes it when the user chose to overwrite. Any other error means nothing may be written (all or nothing).
 * `table.rowNumbers` (from parseTable) gives the spreadsheet rows; without it data row i is row i + 2.
 */
export function validateImport(
  table: { header: string[]; rows: string[][]; rowNumbers?: number[] },
  mapping: ColumnMapping,
  defaults: ImportDefaults,
  ctx: ImportContext,
): { rows: ValidRow[]; unchanged: number; errors: RowError[]; total: number } {
  const dataRows: { cells: string[]; row: number }[] = [];
  table.rows.forEach((cells, i) => {
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    dataRows.push({ cells, row: table.rowNumbers?.[i] ?? i + 2 });
  });
  const total = dataRows.length;
  const mappingErrors = validateMapping(table.header, mapping, defaults, ctx.instruments);
  if (mappingErrors.length) return { rows: [], unchanged: 0, errors: mappingErrors, total };

  const pupilsById = new Map(ctx.pupils.map((p) => [p.id, p]));
  const pupilsByPerson = new Map<string, typeof ctx.pupils>();
  for (const p of ctx.pupils) {
    const k = personKey(p.lastName, p.firstName, p.birthDate);
    const list = pupilsByPerson.get(k);
    if (list) list.push(p);
    else pupilsByPerson.set(k, [p]);
  }
  const resolveInstrument = instrumentResolver(ctx.instruments, defaults.layoutId);
  const defaultInstrument = defaults.instrumentCode ? ctx.instruments.find((i) => i.code === defaults.instrumentCode) : undefined;
  const defaultMoment = defaults.moment ? normalizeMoment(defaults.moment) : null;
  const yearCache = new Map<string, { id: number; startsOn: string } | null>();
  const schoolYearOf = (d: string) => {
    if (!yearCache.has(d)) yearCache.set(d, ctx.schoolYearOf(d));
    return yearCache.get(d) ?? null;
  };

  const rows: ValidRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;

  // Column indices per field (-1 = not mapped) and caches: large files repeat the same dates, moments and tests.
  const idx = {} as Record<ImportField, number>;
  for (const f of IMPORT_FIELDS) idx[f] = mapping[f] ?? -1;
  const headerOf = (f: ImportField) => (idx[f] < 0 ? null : (table.header[idx[f]] ?? null));
  const dateCache = new Map<string, string | null>();
  const parseDate = (s: string) => {
    let v = dateCache.get(s);
    if (v === undefined) dateCache.set(s, (v = parseDutchDate(s)));
    return v;
  };
  const momentCache = new Map<string, string | null>();
  const parseMomentText = (s: string) => {
    let v = momentCache.get(s);
    if (v === undefined) momentCache.set(s, (v = normalizeMoment(s)));
    return v;
  };
  const scoreFieldIdx = SCORE_FIELDS.map((f) => idx[f]).filter((i) => i >= 0);

  for (const { cells, row } of dataRows) {
    const cell = (f: ImportField) => (idx[f] < 0 ? '' : (cells[idx[f]] ?? '').trim());
    const before = errors.length;
    const fail = (f: ImportField | null, code: string, params: Record<string, string | number> = {}) => {
      errors.push(rowError(row, f ? headerOf(f) : null, code, params));
    };

    // Pupil
    let pupilId: number | null = null;
    const numberText = cell('pupilNumber');
    const last = cell('lastName');
    const first = cell('firstName');
    const birthText = cell('birthDate');
    const hasPerson = last !== '' && first !== '' && birthText !== '';
    const birth = birthText ? parseDate(birthText) : null;
    const personLabel = `${first} ${last}`.trim() + (birth ? ` (geboren ${birth})` : '');
    if (birthText && !birth) fail('birthDate', 'birthDateInvalid', { value: birthText });
    if (numberText !== '') {
      const n = /^\d{1,12}$/.test(numberText) ? Number(numberText) : NaN;
      if (!Number.isSafeInteger(n)) fail('pupilNumber', 'pupilNumberInvalid', { value: numberText });
      else {
        const p = pupilsById.get(n);
        if (!p) fail('pupilNumber', 'unknownPupil', { value: `leerlingnummer ${numberText}` });
        else if (hasPerson && birth && personKey(p.lastName, p.firstName, p.birthDate) !== personKey(last, first, birth)) {
          fail('pupilNumber', 'pupilMismatch', { pupilNumber: numberText, name: `${p.firstName} ${p.lastName}`, value: personLabel });
        } else pupilId = p.id;
      }
    } else if (hasPerson) {
      if (birth) {
        const found = pupilsByPerson.get(personKey(last, first, birth)) ?? [];
        if (found.length === 1) pupilId = found[0].id;
        else if (found.length === 0) fail('lastName', 'unknownPupil', { value: personLabel });
        else fail('lastName', 'ambiguousPupil', { value: personLabel, count: found.length });
      }
    } else fail(null, 'pupilNotIdentified');

    // Moment (read first: it also settles which instrument an ambiguous test name means)
    let moment: string | null = null;
    const momentText = cell('moment');
    if (momentText !== '') {
      moment = parseMomentText(momentText);
      if (!moment) fail('moment', 'momentInvalid', { value: momentText });
    } else if (defaultMoment) moment = defaultMoment;
    else fail('moment', 'momentMissing');

    // Instrument
    let instrument: ImportInstrument | null = null;
    const instrumentText = cell('instrument');
    if (instrumentText !== '') {
      let found = resolveInstrument(instrumentText);
      if (found.length > 1 && moment) {
        const withMoment = found.filter((i) => i.moments.includes(moment as string));
        if (withMoment.length >= 1) found = withMoment;
      }
      if (found.length === 1) instrument = found[0];
      else if (found.length === 0) fail('instrument', 'unknownInstrument', { value: instrumentText });
      else fail('instrument', 'ambiguousInstrument', { value: instrumentText, candidates: found.map((i) => i.name).join(', ') });
    } else if (defaultInstrument) instrument = defaultInstrument;
    else fail('instrument', 'instrumentMissing');
    if (moment && instrument && !instrument.moments.includes(moment)) {
      fail(momentText !== '' ? 'moment' : null, 'momentNotOfInstrument', { moment, instrument: instrument.name, moments: instrument.moments.join(', ') });
    }

    // Date and school year
    let takenOn: string | null = null;
    let schoolYear: { id: number; startsOn: string } | null = null;
    const dateText = cell('takenOn');
    if (dateText !== '') {
      takenOn = parseDate(dateText);
      if (!takenOn) fail('takenOn', 'dateInvalid', { value: dateText });
    } else if (defaults.takenOn && isValidIsoDate(defaults.takenOn)) takenOn = defaults.takenOn;
    else fail('takenOn', 'dateMissing');
    if (takenOn) {
      const dateField = dateText !== '' ? 'takenOn' : null;
      if (takenOn > ctx.today) fail(dateField, 'dateInFuture', { date: takenOn, today: ctx.today });
      else {
        schoolYear = schoolYearOf(takenOn);
        if (!schoolYear) fail(dateField, 'dateOutsideSchoolYear', { date: takenOn });
      }
    }

    // Scores
    const scores = readScores(instrument, {
      rawScore: cell('rawScore'), abilityScore: cell('abilityScore'), percentile: cell('percentile'), dle: cell('dle'),
      level: cell('level'), textValue: cell('textValue'),
    });
    for (const e of scores.errors) fail(e.field, e.code, e.params);
    const values = scores.values;
    const anyScoreText = scoreFieldIdx.some((i) => (cells[i] ?? '').trim() !== '');
    if (!anyScoreText) fail(null, 'noScore');

    if (errors.length > before || pupilId === null || !instrument || !moment || !takenOn || !schoolYear) continue;

    // Duplicates within the file
    const k = resultKey(pupilId, instrument.id, schoolYear.id, moment);
    const firstRow = seen.get(k);
    if (firstRow !== undefined) {
      fail(null, 'duplicateInFile', { firstRow });
      continue;
    }
    seen.set(k, row);

    const norms = ctx.norms?.get(instrument.id);
    if (ctx.norms) Object.assign(values, deriveFromNorms(instrument, norms, moment, values));
    const stored = ctx.existing.get(k);
    let status: 'new' | 'changed' = 'new';
    if (stored) {
      const diff = differences({ ...values, takenOn }, stored, !ctx.norms);
      if (diff.length === 0) {
        unchanged++;
        continue;
      }
      status = 'changed';
      fail(null, 'changesExisting', { changes: diff.join('; ') });
    }
    rows.push({
      row,
      pupilId,
      instrumentId: instrument.id,
      schoolYearId: schoolYear.id,
      moment,
      rawScore: values.rawScore,
      abilityScore: values.abilityScore,
      level: values.level,
      percentile: values.percentile,
      dle: values.dle,
      textValue: values.textValue,
      takenOn,
      status,
    });
  }
  return { rows, unchanged, errors, total };
}
