import Papa from 'papaparse';
import { isValidIsoDate } from '../school/periods';

// Reading spreadsheet exports: bytes → text → table, and the Dutch ways of writing numbers and dates.
// Re-exported by import.ts (results) and used by norms.ts (norm tables).

/** A problem with one row of a file, as the user sees it in a spreadsheet. */
export interface RowError {
  /** 1-based spreadsheet row (the header is row 1); 0 for a problem with the file or the mapping as a whole. */
  row: number;
  /** Header text of the column concerned, or null. */
  column: string | null;
  /** Stable code; the web translates it, falling back to `message`. */
  code: string;
  params: Record<string, string | number>;
  /** Dutch. */
  message: string;
}

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * Bytes of an uploaded file to text. A UTF-8 byte-order mark is stripped (Excel writes one with "CSV UTF-8");
 * UTF-16 with a byte-order mark (Excel's "Unicode-tekst") is read as such; bytes that are not valid UTF-8 are read as
 * windows-1252 (Excel's "CSV (gescheiden door lijstscheidingsteken)" on a Dutch Windows).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName; hadBom: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', hadBom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', hadBom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', hadBom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', hadBom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom: false };
  }
}

// Bytes 0x80–0x9F of windows-1252 (the rest equals ISO-8859-1). Decoded by hand: Node's TextDecoder('windows-1252')
// treats the label as latin1 and turns € into U+0080, while browsers get it right.
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

export type Delimiter = ';' | ',' | '\t';
const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/** Occurrences of a delimiter in a line, not counting those inside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n++;
  }
  return n;
}

/**
 * The delimiter that splits the header into most columns and splits the next lines into as many: a semicolon file
 * with Dutch decimal commas ("12,5") still reads as semicolon-separated. Ties prefer `;`, then tab, then `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 65536)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 11);
  if (lines.length === 0) return ',';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const head = countOutsideQuotes(lines[0], d);
    if (head === 0) continue;
    const consistent = lines.slice(1).filter((l) => countOutsideQuotes(l, d) === head).length;
    const score = consistent * 1000 + head;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export interface ParsedTable {
  delimiter: Delimiter;
  header: string[];
  rows: string[][];
  /** Spreadsheet row number of each data row (header = row 1, empty lines counted as the spreadsheet shows them). */
  rowNumbers: number[];
}

/**
 * Text to a table with papaparse. Detects the delimiter (an Excel `sep=;` first line wins), skips empty lines and
 * lines of only delimiters, trims cells. The first non-empty line is the header.
 */
export function parseTable(text: string): ParsedTable {
  let t = text.replace(/^\uFEFF/, '');
  let forced: Delimiter | null = null;
  const sep = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i.exec(t);
  if (sep && (DELIMITERS as readonly string[]).includes(sep[1])) {
    forced = sep[1] as Delimiter;
    t = t.slice(sep[0].length);
  }
  const delimiter = forced ?? detectDelimiter(t);
  const parsed = Papa.parse<string[]>(t, { delimiter, header: false, skipEmptyLines: false, dynamicTyping: false });
  let header = null as string[] | null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const data = parsed.data;
  for (let i = 0; i < data.length; i++) {
    const record = Array.isArray(data[i]) ? data[i] : [];
    let empty = true;
    for (let c = 0; c < record.length; c++) {
      const v = record[c];
      const t = typeof v === 'string' ? v.trim() : String(v ?? '').trim();
      record[c] = t;
      if (t !== '') empty = false;
    }
    if (empty) continue;
    if (!header) {
      header = record.map((c) => c.replace(/^\uFEFF/, ''));
      continue;
    }
    rows.push(record);
    rowNumbers.push(i + 1);
  }
  return { delimiter, header: header ?? [], rows, rowNumbers };
}

/**
 * A number as written in a Dutch or English spreadsheet: `12,5` and `12.5` → 12.5, `1.234,5` → 1234.5,
 * `1,234.5` → 1234.5, `-3` → -3. Empty → undefined (not given); anything else → null (not a number).
 * A single separator is always a decimal separator (`1.234` → 1.234).
 */
export function parseDecimal(s: string): number | null | undefined {
  if (s === undefined || s === null) return undefined;
  const t = String(s).trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^−/, '-');
  if (t === '') return undefined;
  let normal: string | null = null;
  if (/^[+-]?\d+$/.test(t)) normal = t;
  else if (/^[+-]?\d*[.,]\d+$/.test(t)) normal = t.replace(',', '.');
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) normal = t.replace(/,/g, '');
  if (normal === null) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/**
 * A date as written in a Dutch spreadsheet to ISO: `2026-01-20`, `20-01-2026`, `20-1-2026`, `20/01/2026`,
 * `20.01.2026`, also with a time after it. Two-digit years are refused (the century would be a guess). Null when invalid.
 */
export function parseDutchDate(s: string): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let y: string, m: string, d: string;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [, y, m, d] = match;
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (!match) return null;
    [, d, m, y] = match;
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}
