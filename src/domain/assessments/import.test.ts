import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_INSTRUMENTS } from './instruments';
import { DEFAULT_NORMS } from './norms';
import {
  type ColumnMapping,
  type ImportContext,
  type ResultValues,
  decodeBytes,
  detectLayout,
  lastNameKey,
  parseDecimal,
  parseDutchDate,
  parseTable,
  readScores,
  resultKey,
  validateImport,
} from './import';

// ---------------------------------------------------------------------------------------------------------------
// Bytes, tables, numbers, dates

describe('decodeBytes', () => {
  it('reads UTF-8 and strips the byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Achternaam;Zoë\n')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Achternaam;Zoë\n', encoding: 'utf-8', hadBom: true });
    expect(decodeBytes(new TextEncoder().encode('Renée'))).toEqual({ text: 'Renée', encoding: 'utf-8', hadBom: false });
  });

  it('reads a windows-1252 file (Excel on Dutch Windows) with é and ë', () => {
    // "Renée;Zoë;€" in windows-1252: é = E9, ë = EB, € = 80
    const bytes = new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x65, 0x3b, 0x5a, 0x6f, 0xeb, 0x3b, 0x80]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Renée;Zoë;€', encoding: 'windows-1252', hadBom: false });
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode-tekst")', () => {
    const text = 'Voornaam\tZoë';
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le', hadBom: true });
  });

  it('reads an empty file', () => expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', hadBom: false }));
});

describe('parseTable', () => {
  it('detects semicolons even with Dutch decimal commas in the data', () => {
    const t = parseTable('Naam;Score;DLE\nAnna;12,5;20,5\nBram;13;21\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['Naam', 'Score', 'DLE']);
    expect(t.rows).toEqual([['Anna', '12,5', '20,5'], ['Bram', '13', '21']]);
  });

  it('detects commas with quoted decimal commas, and tabs', () => {
    const c = parseTable('Naam,Score\n"de Vries, Anna","12,5"\r\nBram,13\r\n');
    expect(c.delimiter).toBe(',');
    expect(c.rows).toEqual([['de Vries, Anna', '12,5'], ['Bram', '13']]);
    const t = parseTable('Naam\tScore\nAnna\t12,5\n');
    expect(t.delimiter).toBe('\t');
    expect(t.rows).toEqual([['Anna', '12,5']]);
  });

  it('honours an Excel "sep=" line', () => {
    const t = parseTable('sep=,\nNaam,Score;Extra\nAnna,1;2\n');
    expect(t.delimiter).toBe(',');
    expect(t.header).toEqual(['Naam', 'Score;Extra']);
    expect(t.rowNumbers).toEqual([2]);
  });

  it('skips empty lines and lines of only delimiters, trims cells, and keeps the spreadsheet row numbers', () => {
    const t = parseTable('\uFEFF\n Naam ; Score \n\nAnna ;  12 \n;;\n   \nBram;13');
    expect(t.header).toEqual(['Naam', 'Score']);
    expect(t.rows).toEqual([['Anna', '12'], ['Bram', '13']]);
    expect(t.rowNumbers).toEqual([4, 7]);
  });

  it('gives an empty table for an empty text', () => {
    expect(parseTable('')).toMatchObject({ header: [], rows: [], rowNumbers: [] });
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12,5', 12.5], ['12.5', 12.5], ['12', 12], ['-3', -3], [' 7 ', 7], ['1.234,5', 1234.5], ['1,234.5', 1234.5],
    ['1.234.567', 1234567], [',5', 0.5], ['0,25', 0.25], ['1 234,5', 1234.5], ['−2', -2],
  ])('%j → %d', (s, n) => expect(parseDecimal(s)).toBe(n));
  it.each(['', '   '])('%j → undefined (not given)', (s) => expect(parseDecimal(s)).toBeUndefined());
  it.each(['abc', '12,5,3', '1..2', '12a', '--1', 'NaN', 'Infinity', '1e5'])('%j → null', (s) => expect(parseDecimal(s)).toBeNull());
});

describe('parseDutchDate', () => {
  it.each([
    ['2026-01-20', '2026-01-20'], ['20-01-2026', '2026-01-20'], ['20-1-2026', '2026-01-20'], ['20/01/2026', '2026-01-20'],
    ['20.01.2026', '2026-01-20'], ['2026-01-20 00:00:00', '2026-01-20'], ['2026-01-20T10:00:00Z', '2026-01-20'], ['29-02-2024', '2024-02-29'],
  ])('%j → %s', (s, iso) => expect(parseDutchDate(s)).toBe(iso));
  it.each(['31-02-2026', '20-01-26', '2026/13/01', 'gisteren', '', '2026-1-32'])('%j → null', (s) => expect(parseDutchDate(s)).toBeNull());
});

describe('lastNameKey', () => {
  it('ignores tussenvoegsels, accents, case and the "Dijk, van" order', () => {
    expect(lastNameKey('van Dijk')).toBe('dijk');
    expect(lastNameKey('Dijk, van')).toBe('dijk');
    expect(lastNameKey('Van der Berg')).toBe('berg');
    expect(lastNameKey("’t Hart")).toBe('hart');
    expect(lastNameKey('Öztürk')).toBe('ozturk');
    expect(lastNameKey('Jansen-de Vries')).toBe('jansen de vries');
    expect(lastNameKey('de')).toBe('de');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Layouts

describe('detectLayout', () => {
  it('recognises the Cito Leerling in beeld group export and maps by name, ignoring its own leerlingnummer', () => {
    const header = ['Groep', 'Leerlingnummer', 'Achternaam', 'Tussenvoegsel', 'Roepnaam', 'Geboortedatum', 'Toets', 'Toetsmoment', 'Afnamedatum', 'Vaardigheidsscore', 'Niveau', 'Percentiel', 'Functioneringsniveau'];
    const { layoutId, mapping } = detectLayout(header);
    expect(layoutId).toBe('cito-lib');
    expect(mapping).toEqual({ lastName: 2, firstName: 4, birthDate: 5, instrument: 6, moment: 7, takenOn: 8, abilityScore: 9, level: 10, percentile: 11 });
  });

  it('recognises the IEP export with its DLE column', () => {
    const header = ['Voornaam', 'Achternaam', 'Geboortedatum', 'Groep', 'Toets', 'Moment', 'Afnamedatum', 'Ontwikkelscore', 'DLE'];
    expect(detectLayout(header)).toEqual({
      layoutId: 'iep',
      mapping: { firstName: 0, lastName: 1, birthDate: 2, instrument: 4, moment: 5, takenOn: 6, abilityScore: 7, dle: 8 },
    });
  });

  it('maps Dutch column names generically, in any case and with accents or punctuation', () => {
    const header = ['Koers-leerlingnummer', 'TOETS', 'Moment', 'Datum', 'Ruwe score', 'Percentiel', 'AVI-niveau'];
    expect(detectLayout(header)).toEqual({
      layoutId: 'generic',
      mapping: { pupilNumber: 0, instrument: 1, moment: 2, takenOn: 3, rawScore: 4, percentile: 5, textValue: 6 },
    });
    expect(detectLayout(['x', 'y']).mapping).toEqual({});
  });

  it('maps the sample files in docs/samples', () => {
    const cito = parseTable(decodeBytes(readFileSync('docs/samples/cito-leerling-in-beeld.csv')).text);
    expect(cito.delimiter).toBe(';');
    expect(detectLayout(cito.header).layoutId).toBe('cito-lib');
    const generic = parseTable(decodeBytes(readFileSync('docs/samples/generiek.csv')).text);
    expect(detectLayout(generic.header).layoutId).toBe('generic');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Validation

const instruments = DEFAULT_INSTRUMENTS.map((d, i) => ({ id: i + 1, code: d.code, name: d.name, moments: d.moments, scoreKinds: d.scoreKinds, levelScale: d.levelScale }));
const idOf = (code: string) => instruments.find((i) => i.code === code)!.id;

const pupils = [
  { id: 101, firstName: 'Zoë', lastName: 'van Dijk', birthDate: '2016-04-12' },
  { id: 102, firstName: 'Renée', lastName: 'Bakker', birthDate: '2016-09-30' },
  { id: 103, firstName: 'Sem', lastName: 'de Vries', birthDate: '2015-12-01' },
  { id: 104, firstName: 'Sem', lastName: 'de Vries', birthDate: '2015-12-01' }, // a namesake with the same birth date
];

function context(existing: Map<string, ResultValues> = new Map(), extra: Partial<ImportContext> = {}): ImportContext {
  return {
    pupils,
    instruments,
    existing,
    schoolYearOf: (d) => (d >= '2025-08-01' && d <= '2026-07-31' ? { id: 7, startsOn: '2025-08-01' } : d >= '2024-08-01' && d <= '2025-07-31' ? { id: 6, startsOn: '2024-08-01' } : null),
    today: '2026-03-01',
    ...extra,
  };
}

const CITO_HEADER = 'Groep;Achternaam;Tussenvoegsel;Roepnaam;Geboortedatum;Toets;Toetsmoment;Afnamedatum;Vaardigheidsscore;Niveau;Percentiel';

function run(csv: string, ctx = context(), defaults = {}, mapping?: ColumnMapping) {
  const table = parseTable(csv);
  return validateImport(table, mapping ?? detectLayout(table.header).mapping, { layoutId: detectLayout(table.header).layoutId, ...defaults }, ctx);
}

describe('validateImport', () => {
  it('accepts a Cito file: names with tussenvoegsel in their own column, Dutch dates and decimals', () => {
    const r = run(`${CITO_HEADER}\n5A;Dijk;van;Zoë;12-04-2016;Rekenen-Wiskunde;M5;20-01-2026;185,5;ii;72\n5A;Bakker;;Renée;30-9-2016;Spelling;m5;21-01-2026;150;III;45\n`);
    expect(r.errors).toEqual([]);
    expect(r.total).toBe(2);
    expect(r.unchanged).toBe(0);
    expect(r.rows).toEqual([
      { row: 2, pupilId: 101, instrumentId: idOf('cito-rekenen'), schoolYearId: 7, moment: 'M5', takenOn: '2026-01-20', rawScore: null, abilityScore: 185.5, level: 'II', percentile: 72, dle: null, textValue: null, status: 'new' },
      { row: 3, pupilId: 102, instrumentId: idOf('cito-spelling'), schoolYearId: 7, moment: 'M5', takenOn: '2026-01-21', rawScore: null, abilityScore: 150, level: 'III', percentile: 45, dle: null, textValue: null, status: 'new' },
    ]);
  });

  it('reads the same file from windows-1252 bytes (é, ë in names)', () => {
    const csv = `${CITO_HEADER}\n5A;Bakker;;Renée;30-09-2016;Spelling;M5;21-01-2026;150;III;45\n`;
    const bytes = Uint8Array.from([...csv].map((ch) => (ch === 'é' ? 0xe9 : ch === 'ë' ? 0xeb : ch.charCodeAt(0))));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const r = run(decoded.text);
    expect(r.errors).toEqual([]);
    expect(r.rows[0].pupilId).toBe(102);
  });

  it('gives the same result for semicolon, comma and tab files', () => {
    const rows = [
      ['Leerlingnummer', 'Toets', 'Moment', 'Afnamedatum', 'Vaardigheidsscore'],
      ['101', 'cito-rekenen', 'M5', '2026-01-20', '185.5'],
      ['102', 'cito-rekenen', 'M5', '2026-01-20', '170'],
    ];
    const results = [';', ',', '\t'].map((d) => run(rows.map((r) => r.join(d)).join('\n')));
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.rows.map((x) => [x.pupilId, x.abilityScore])).toEqual([[101, 185.5], [102, 170]]);
    }
  });

  it('reports bad rows with their spreadsheet row, column, code and a Dutch message', () => {
    const csv = [
      'Leerlingnummer;Toets;Moment;Afnamedatum;Ruwe score;Vaardigheidsscore;Niveau;Percentiel;DLE',
      '101;cito-rekenen;M5;2026-01-20;;180;;101;', // 2 percentile 101
      '101;cito-spelling;M5;2026-01-20;;180;F;;', // 3 level not on the scale
      '101;cito-begrijpend-lezen;M5;2026-04-20;;180;;;', // 4 date in the future
      '101;cito-woordenschat;M5;2023-01-20;;180;;;', // 5 outside any school year
      '999;cito-rekenen;M5;2026-01-20;;180;;;', // 6 unknown pupil
      '101;rekenen-xyz;M5;2026-01-20;;180;;;', // 7 unknown instrument
      '101;cito-rekenen;E8;2026-01-20;;180;;;', // 8 moment not of the instrument
      '101;cito-rekenen;M5;2026-01-20;-3;;;;', // 9 negative raw score
      '101;cito-rekenen;M5;2026-01-20;;;;;', // 10 no score
      '101;cito-rekenen;M5;2026-01-20;;veel;;;', // 11 not a number
      '101;cito-rekenen;M5;2026-01-20;;;;45,5;', // 12 percentile not whole
      '101;cito-rekenen;M5;2026-01-20;;;;;75', // 13 DLE above 60
      '101;iep-rekenen;M5;2026-01-20;;200;III;;', // 14 IEP has no level scale
      '101;cito-rekenen;M5;31-02-2026;;180;;;', // 15 invalid date
      'abc;cito-rekenen;M5;2026-01-20;;180;;;', // 16 pupil number not a number
      '101;cito-rekenen;Q5;2026-01-20;;180;;;', // 17 not a moment
      '101;iep-rekenen;M5;2026-01-20;12;;;;', // 18 IEP has no raw score
    ].join('\n');
    const r = run(csv);
    expect(r.total).toBe(17);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Percentiel', 'percentileOutOfRange'],
      [3, 'Niveau', 'levelNotOnScale'],
      [4, 'Afnamedatum', 'dateInFuture'],
      [5, 'Afnamedatum', 'dateOutsideSchoolYear'],
      [6, 'Leerlingnummer', 'unknownPupil'],
      [7, 'Toets', 'unknownInstrument'],
      [8, 'Moment', 'momentNotOfInstrument'],
      [9, 'Ruwe score', 'negativeScore'],
      [10, null, 'noScore'],
      [11, 'Vaardigheidsscore', 'numberInvalid'],
      [12, 'Percentiel', 'percentileNotWhole'],
      [13, 'DLE', 'dleOutOfRange'],
      [14, 'Niveau', 'levelWithoutScale'],
      [15, 'Afnamedatum', 'dateInvalid'],
      [16, 'Leerlingnummer', 'pupilNumberInvalid'],
      [17, 'Moment', 'momentInvalid'],
      [18, 'Ruwe score', 'scoreKindNotUsed'],
    ]);
    const msg = (code: string) => r.errors.find((e) => e.code === code)!;
    expect(msg('percentileOutOfRange')).toMatchObject({ params: { value: '101' }, message: 'Een percentiel ligt tussen 0 en 100, niet 101.' });
    expect(msg('levelNotOnScale').message).toBe('"F" is geen niveau op de schaal I–V van Cito Spelling (Leerling in beeld).');
    expect(msg('dateInFuture').message).toBe('De afnamedatum 2026-04-20 ligt in de toekomst.');
    expect(msg('unknownPupil').message).toBe('Geen leerling gevonden voor leerlingnummer 999.');
    expect(msg('momentNotOfInstrument').params).toMatchObject({ moment: 'E8' });
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
  });

  it('keeps spreadsheet row numbers across empty lines', () => {
    const r = run('Leerlingnummer;Toets;Moment;Afnamedatum;Percentiel\n\n101;cito-rekenen;M5;2026-01-20;50\n;;;;\n999;cito-rekenen;M5;2026-01-20;50\n');
    expect(r.total).toBe(2);
    expect(r.errors.map((e) => e.row)).toEqual([5]);
    expect(r.rows.map((x) => x.row)).toEqual([3]);
  });

  it('finds pupils by name and birth date; reports unknown and ambiguous pupils', () => {
    const csv = [
      'Achternaam;Voornaam;Geboortedatum;Percentiel',
      'VAN DIJK;zoe;12-04-2016;50', // 2 found (case, accents, tussenvoegsel)
      'Dijk;Zoë;13-04-2016;50', // 3 other birth date: unknown
      'de Vries;Sem;01-12-2015;50', // 4 two pupils
      'Bakker;;30-09-2016;50', // 5 first name missing
      'Bakker;Renée;30-13-2016;50', // 6 invalid birth date
    ].join('\n');
    const r = run(csv, context(), { instrumentCode: 'cito-rekenen', moment: 'M5', takenOn: '2026-01-20' });
    expect(r.rows.map((x) => x.pupilId)).toEqual([101]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'unknownPupil'],
      [4, 'ambiguousPupil'],
      [5, 'pupilNotIdentified'],
      [6, 'birthDateInvalid'],
    ]);
    expect(r.errors[1].message).toBe('Er zijn 2 leerlingen met de naam Sem de Vries (geboren 2015-12-01); gebruik het Koers-leerlingnummer.');
  });

  it('refuses a pupil number that belongs to someone else than the names in the row', () => {
    const r = run('Leerlingnummer;Achternaam;Voornaam;Geboortedatum;Toets;Moment;Afnamedatum;Percentiel\n102;van Dijk;Zoë;12-04-2016;cito-rekenen;M5;2026-01-20;50\n');
    expect(r.errors.map((e) => e.code)).toEqual(['pupilMismatch']);
    expect(r.errors[0].message).toContain('Renée Bakker');
  });

  it('reports duplicates within the file on the later row', () => {
    const csv = 'Leerlingnummer;Toets;Moment;Afnamedatum;Percentiel\n101;cito-rekenen;M5;2026-01-20;50\n101;Cito Rekenen-Wiskunde (Leerling in beeld);m5;21-01-2026;60\n';
    const r = run(csv);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 3, code: 'duplicateInFile', params: { firstRow: 2 }, message: 'Dezelfde leerling, toets en hetzelfde toetsmoment staan al in regel 2.' }),
    ]);
  });

  it('uses the defaults for files without instrument, moment or date columns, and for empty cells', () => {
    const r = run('Leerlingnummer;Moment;Niveau\n101;;IV\n102;E5;v-\n', context(), { instrumentCode: 'cito-rekenen', moment: 'M5', takenOn: '2026-01-20' });
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.pupilId, x.moment, x.level, x.takenOn])).toEqual([[101, 'M5', 'IV', '2026-01-20'], [102, 'E5', 'V-', '2026-01-20']]);
  });

  it('reports an incomplete mapping once (row 0), not on every row', () => {
    const r = run('Leerlingnummer;Niveau\n101;III\n102;IV\n');
    expect(r.total).toBe(2);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[0, 'mappingNoInstrument'], [0, 'mappingNoMoment'], [0, 'mappingNoDate']]);
    const noPupil = run('Toets;Moment;Afnamedatum;Niveau\ncito-rekenen;M5;2026-01-20;III\n');
    expect(noPupil.errors.map((e) => e.code)).toEqual(['mappingNoPupil']);
    const noScore = run('Leerlingnummer;Toets;Moment;Afnamedatum\n101;cito-rekenen;M5;2026-01-20\n');
    expect(noScore.errors.map((e) => e.code)).toEqual(['mappingNoScore']);
    const badColumn = validateImport({ header: ['a'], rows: [['1']] }, { pupilNumber: 0, percentile: 5 }, { instrumentCode: 'cito-rekenen', moment: 'M5', takenOn: '2026-01-20' }, context());
    expect(badColumn.errors.map((e) => e.code)).toEqual(['mappingInvalidColumn']);
    const badDefault = run('Leerlingnummer;Niveau\n101;III\n', context(), { instrumentCode: 'bestaat-niet', moment: 'X', takenOn: '2026-02-30' });
    expect(badDefault.errors.map((e) => e.code)).toEqual(['defaultInstrumentUnknown', 'defaultMomentInvalid', 'defaultDateInvalid']);
  });

  it('resolves instrument names; an ambiguous name is settled by the layout or reported', () => {
    const csv = 'Leerlingnummer;Toets;Moment;Afnamedatum;Percentiel\n101;Spelling;M5;2026-01-20;50\n';
    const generic = validateImport(parseTable(csv), detectLayout(parseTable(csv).header).mapping, {}, context());
    expect(generic.errors.map((e) => e.code)).toEqual(['ambiguousInstrument']);
    expect(generic.errors[0].params.candidates).toContain('Boom LVS Spelling');
    const asCito = validateImport(parseTable(csv), detectLayout(parseTable(csv).header).mapping, { layoutId: 'cito-lib' }, context());
    expect(asCito.rows[0].instrumentId).toBe(idOf('cito-spelling'));
  });

  it('validates AVI levels and observations', () => {
    const csv = 'Leerlingnummer;Toets;Moment;Afnamedatum;AVI\n101;avi;M5;2026-01-20;avi e4\n102;avi;M5;2026-01-20;E9\n101;zien;M5;2026-01-20;++\n102;zien;M5;2026-01-20;goed\n';
    const r = run(csv);
    expect(r.rows.map((x) => [x.pupilId, x.textValue])).toEqual([[101, 'E4'], [101, '++']]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[3, 'aviInvalid'], [5, 'observationInvalid']]);
  });

  it('reads the IEP ">60" DLE as 60', () => {
    const r = run('Voornaam;Achternaam;Geboortedatum;Toets;Moment;Afnamedatum;Ontwikkelscore;DLE\nZoë;van Dijk;2016-04-12;IEP LVS Rekenen;M5;2026-01-20;250;>60\n');
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ abilityScore: 250, dle: 60, instrumentId: idOf('iep-rekenen') });
  });

  describe('against stored results', () => {
    const csv = 'Leerlingnummer;Toets;Moment;Afnamedatum;Vaardigheidsscore;Niveau\n101;cito-rekenen;M5;2026-01-20;185;II\n102;cito-rekenen;M5;2026-01-20;170;III\n';
    const stored = (values: Partial<ResultValues>): ResultValues => ({ rawScore: null, abilityScore: 185, level: 'II', percentile: null, dle: null, textValue: null, takenOn: '2026-01-20', ...values });

    it('re-importing an unchanged file adds nothing', () => {
      const first = run(csv);
      const existing = new Map(first.rows.map((r) => [resultKey(r.pupilId, r.instrumentId, r.schoolYearId, r.moment), { ...r } as ResultValues]));
      const again = run(csv, context(existing));
      expect(again).toEqual({ rows: [], unchanged: 2, errors: [], total: 2 });
    });

    it('reports a changed result as changesExisting and still returns it (for "overwrite")', () => {
      const existing = new Map([[resultKey(101, idOf('cito-rekenen'), 7, 'M5'), stored({ abilityScore: 180, level: 'III' })]]);
      const r = run(csv, context(existing));
      expect(r.unchanged).toBe(0);
      expect(r.rows.map((x) => [x.pupilId, x.status])).toEqual([[101, 'changed'], [102, 'new']]);
      expect(r.errors).toEqual([
        expect.objectContaining({ row: 2, code: 'changesExisting', params: { changes: 'vaardigheidsscore: 180 → 185; niveau: III → II' } }),
      ]);
    });

    it('without norms, a level or DLE the file leaves empty is taken to be the stored (derived) one', () => {
      const noLevel = 'Leerlingnummer;Toets;Moment;Afnamedatum;Vaardigheidsscore\n101;cito-rekenen;M5;2026-01-20;185\n';
      const existing = new Map([[resultKey(101, idOf('cito-rekenen'), 7, 'M5'), stored({ dle: 25 })]]);
      expect(run(noLevel, context(existing))).toMatchObject({ rows: [], unchanged: 1, errors: [] });
    });

    it('with norms, fills level and DLE from them and compares exactly', () => {
      const norms = new Map([[idOf('cito-rekenen'), DEFAULT_NORMS['cito-rekenen']]]);
      const noLevel = 'Leerlingnummer;Toets;Moment;Afnamedatum;Vaardigheidsscore\n101;cito-rekenen;M5;2026-01-20;182.5\n';
      const fresh = run(noLevel, context(new Map(), { norms }));
      expect(fresh.rows[0]).toMatchObject({ level: 'III', dle: 25 });
      const existing = new Map([[resultKey(101, idOf('cito-rekenen'), 7, 'M5'), stored({ abilityScore: 182.5, level: 'III', dle: 25 })]]);
      expect(run(noLevel, context(existing, { norms })).unchanged).toBe(1);
      const otherLevel = new Map([[resultKey(101, idOf('cito-rekenen'), 7, 'M5'), stored({ abilityScore: 182.5, level: 'II', dle: 25 })]]);
      expect(run(noLevel, context(otherLevel, { norms })).errors.map((e) => e.code)).toEqual(['changesExisting']);
    });

    it('a different date alone is a change', () => {
      const existing = new Map([[resultKey(101, idOf('cito-rekenen'), 7, 'M5'), stored({ takenOn: '2026-01-19' })]]);
      const r = run(csv, context(existing));
      expect(r.errors[0].params.changes).toBe('afnamedatum: 2026-01-19 → 2026-01-20');
    });
  });

  it('accepts the sample files against a school with their pupils', () => {
    const samplePupils = [
      { id: 1, firstName: 'Daan', lastName: 'de Boer', birthDate: '2016-03-14' },
      { id: 2, firstName: 'Fleur', lastName: 'van den Heuvel', birthDate: '2016-07-02' },
      { id: 3, firstName: 'Noë', lastName: 'Koç', birthDate: '2015-11-23' },
      { id: 4, firstName: 'Sara', lastName: 'El Amrani', birthDate: '2016-01-09' },
      { id: 5, firstName: 'Lotte', lastName: "'t Hooft", birthDate: '2016-05-27' },
    ];
    const ctx = context(new Map(), { pupils: samplePupils });
    for (const file of ['docs/samples/cito-leerling-in-beeld.csv', 'docs/samples/generiek.csv']) {
      const table = parseTable(decodeBytes(readFileSync(file)).text);
      const { layoutId, mapping } = detectLayout(table.header);
      const r = validateImport(table, mapping, { layoutId }, ctx);
      expect(r.errors, file).toEqual([]);
      expect(r.rows.length, file).toBe(r.total);
      expect(r.total, file).toBeGreaterThanOrEqual(8);
    }
  });

  it('handles a large file quickly (100 000 rows)', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: 1000 + i, firstName: `Kind${i}`, lastName: `Achter${i}`, birthDate: '2016-01-01' }));
    const lines = ['Leerlingnummer;Toets;Moment;Afnamedatum;Vaardigheidsscore'];
    const moments = ['M3', 'E3', 'M4', 'E4', 'M5', 'E5', 'M6', 'E6', 'M7', 'E7', 'M8'];
    const codes = ['cito-rekenen', 'cito-spelling', 'cito-woordenschat', 'boom-rekenen', 'boom-spelling'];
    for (let i = 0; i < 100_000; i++) {
      const p = many[i % 2000];
      lines.push(`${p.id};${codes[Math.floor(i / 2000) % 5]};${moments[Math.floor(i / 10000)]};2026-01-20;${(100 + (i % 50)) / 2}`.replace('.', ','));
    }
    const start = performance.now();
    const r = run(lines.join('\n'), context(new Map(), { pupils: many }));
    const ms = performance.now() - start;
    expect(r.errors).toEqual([]);
    expect(r.rows.length).toBe(100_000);
    expect(ms).toBeLessThan(5000);
  });
});

describe('readScores (the one rule for scores, shared by the import and the grid)', () => {
  const rekenen = { name: 'Cito Rekenen', scoreKinds: ['raw', 'ability', 'level', 'percentile'], levelScale: 'IV' as const };
  it('reads numbers as typed (decimal comma), as JSON numbers, and levels on the scale', () => {
    const r = readScores(rekenen, { rawScore: '31', abilityScore: 176.5, percentile: '80', level: 'i+' });
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ rawScore: 31, abilityScore: 176.5, level: 'I+', percentile: 80, dle: null, textValue: null });
    expect(readScores(rekenen, { abilityScore: '176,5' }).values.abilityScore).toBe(176.5);
  });
  it('refuses what the instrument does not record, impossible values and text on a test without text scores', () => {
    const r = readScores(rekenen, { dle: '20', percentile: 140, level: 'VI', textValue: 'E4', abilityScore: 'veel' });
    expect(r.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(
      ['abilityScore:numberInvalid', 'dle:scoreKindNotUsed', 'level:levelNotOnScale', 'percentile:percentileOutOfRange', 'textValue:scoreKindNotUsed'],
    );
    expect(Object.values(r.values).every((v) => v === null)).toBe(true);
  });
  it('without an instrument checks the numbers only', () => {
    expect(readScores(null, { rawScore: '-3', level: 'XX', textValue: 'abc' }).errors.map((e) => e.code)).toEqual(['negativeScore']);
  });
});
