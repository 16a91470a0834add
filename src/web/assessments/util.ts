// Small helpers of the assessments screens: moment names, numbers as Dutch users write them, texts for codes.
import i18n, { type TFunction } from 'i18next';
import type { Sector } from '../shared/types';
import type { Instrument, LevelScale } from './types';

import { momentOrder, parseMoment } from '../../domain/assessments/instruments';

export { momentOrder, parseMoment };

/** "M5" → "midden groep 5" (PO) or "midden leerjaar 5" (VO); unknown codes stay as they are. */
export function momentLabel(t: TFunction, code: string, sector: Sector = 'po'): string {
  const m = parseMoment(code);
  if (!m) return code;
  return t('assessments.momentLabel', {
    part: t(`assessments.momentParts.${m.part}`),
    unit: sector === 'vo' ? t('assessments.gradeUnitVo') : t('assessments.gradeUnitPo'),
    grade: m.grade,
  });
}

/** "M5 — midden groep 5". */
export function momentOption(t: TFunction, code: string, sector: Sector = 'po'): string {
  const label = momentLabel(t, code, sector);
  return label === code ? code : `${code} — ${label}`;
}

/** The moment of the instrument that fits a grade and today's date best (B Sept–Dec, M Jan–Mar, E Apr–Aug). */
export function suggestedMoment(instrument: Instrument, grades: number[], today = new Date()): string {
  const month = today.getMonth() + 1;
  const part = month >= 9 ? ['B', 'M'] : month <= 3 ? ['M', 'B'] : ['E', 'M'];
  for (const g of grades) {
    for (const p of part) {
      const code = instrument.moments.find((m) => {
        const pm = parseMoment(m);
        return pm && pm.grade === g && pm.part === p;
      });
      if (code) return code;
    }
    const any = instrument.moments.find((m) => parseMoment(m)?.grade === g);
    if (any) return any;
  }
  return instrument.moments[0] ?? '';
}

// ---------- numbers ----------

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'nl-NL';
}

/** 12.5 → "12,5" (nl) or "12.5" (en); null → "". */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${formatNumber(value, 0)} %`;
}

/** A number as the user types it in a cell: "12,5" in Dutch, no thousands separator. */
export function numberInput(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return i18n.language === 'en' ? s : s.replace('.', ',');
}

/**
 * A number as a Dutch user writes it: "12,5", "12.5", "1.234,5" → number; "" → undefined; anything else → null.
 */
export function parseDecimal(input: string): number | null | undefined {
  const s = input.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  let norm = s;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) norm = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) norm = s.replace(',', '.');
  else if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(norm);
  return Number.isFinite(n) ? n : null;
}

// ---------- texts for codes ----------

/**
 * The catalogue's text for a code from the server (import error, signal reason), with the server's Dutch
 * message as fallback when the catalogue does not know the code.
 */
export function codeText(t: TFunction, group: 'importErrors' | 'signalReasons', code: string, params: Record<string, string | number>, fallback: string): string {
  const key = `assessments.${group}.${code}`;
  if (!i18n.exists(key)) return fallback || code;
  return (t as unknown as (k: string, o: Record<string, unknown>) => string)(key, { ...params, defaultValue: fallback });
}

/** "Rekenen-wiskunde" for a domain code (or the code when unknown). */
export function domainLabel(t: TFunction, domain: string): string {
  const key = `assessments.domains.${domain}`;
  return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : domain;
}

export function scaleLabel(t: TFunction, scale: LevelScale | null): string {
  return scale ? t(`assessments.scales.${scale}`) : t('assessments.scales.none');
}

const FILL: Record<number, string[]> = {
  5: ['#cfe8d5', '#e2f0cf', '#f4f1c9', '#f8dfc4', '#f3cccc'],
  7: ['#b9dfc4', '#cfe8d5', '#e2f0cf', '#f4f1c9', '#f8dfc4', '#f3cccc', '#eab8b8'],
};
const BAR: Record<number, string[]> = {
  5: ['#2e7d4f', '#7aa63c', '#c9a227', '#d9822b', '#b23b3b'],
  7: ['#1f6b3f', '#2e7d4f', '#7aa63c', '#c9a227', '#d9822b', '#b23b3b', '#8e2a2a'],
};

function spread(palettes: Record<number, string[]>, count: number): string[] {
  if (palettes[count]) return palettes[count];
  const p = palettes[5];
  return Array.from({ length: count }, (_, i) => p[Math.round((i * 4) / Math.max(1, count - 1))]);
}

/** Fill colours of the levels, best (green) to worst (red), soft enough to sit behind a line. */
export function levelColours(count: number): string[] {
  return spread(FILL, count);
}

/** Stronger colours for bars. */
export function levelBarColours(count: number): string[] {
  return spread(BAR, count);
}

export { todayIso } from '../shared/format';
