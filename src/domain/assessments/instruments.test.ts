import { describe, expect, it } from 'vitest';
import {
  AVI_LEVELS,
  DEFAULT_INSTRUMENTS,
  DOMAINS,
  momentLabel,
  momentOrder,
  normalizeAvi,
  normalizeMoment,
  normalizeObservation,
  parseMoment,
  previousMoment,
  standardDl,
} from './instruments';
import { instrumentDefSchema } from './instrument-schema';

describe('DEFAULT_INSTRUMENTS', () => {
  it('are valid instruments with unique kebab-case codes', () => {
    for (const i of DEFAULT_INSTRUMENTS) expect(instrumentDefSchema.safeParse(i).success, i.code).toBe(true);
    const codes = DEFAULT_INSTRUMENTS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('cover the common instruments and domains', () => {
    const codes = DEFAULT_INSTRUMENTS.map((i) => i.code);
    for (const c of ['cito-rekenen', 'cito-spelling', 'cito-begrijpend-lezen', 'cito-woordenschat', 'cito-dmt', 'avi', 'iep-rekenen', 'boom-rekenen', 'zien', 'cito-vo-rekenen']) {
      expect(codes).toContain(c);
    }
    const domains = new Set(DEFAULT_INSTRUMENTS.map((i) => i.domain));
    for (const d of ['rekenen-wiskunde', 'spelling', 'begrijpend-lezen', 'technisch-lezen', 'woordenschat', 'seo', 'engels']) expect(domains.has(d as (typeof DOMAINS)[number])).toBe(true);
  });

  it('give a level scale exactly to the instruments that score levels', () => {
    for (const i of DEFAULT_INSTRUMENTS) expect(i.levelScale !== null, i.code).toBe(i.scoreKinds.includes('level'));
  });

  it('use PO moments for PO and leerjaar moments within 1–6 for VO; the Cito LVS runs M3 … M8 without E8', () => {
    const rekenen = DEFAULT_INSTRUMENTS.find((i) => i.code === 'cito-rekenen')!;
    expect(rekenen.moments).toEqual(['M3', 'E3', 'M4', 'E4', 'M5', 'E5', 'M6', 'E6', 'M7', 'E7', 'M8']);
    expect(DEFAULT_INSTRUMENTS.find((i) => i.code === 'iep-rekenen')!.scoreKinds).toContain('dle');
    for (const i of DEFAULT_INSTRUMENTS.filter((x) => x.sector === 'vo')) expect(i.moments.every((m) => parseMoment(m)!.grade <= 6)).toBe(true);
  });
});

describe('moments', () => {
  it('parses codes', () => {
    expect(parseMoment('M5')).toEqual({ part: 'M', grade: 5 });
    expect(parseMoment('B1')).toEqual({ part: 'B', grade: 1 });
    expect(parseMoment('E8')).toEqual({ part: 'E', grade: 8 });
    for (const bad of ['m5', 'M9', 'M0', 'X5', 'M55', '', 'M 5']) expect(parseMoment(bad)).toBeNull();
  });

  it('normalizes what exports write', () => {
    expect(normalizeMoment('m5')).toBe('M5');
    expect(normalizeMoment(' E 7 ')).toBe('E7');
    expect(normalizeMoment('E-5')).toBe('E5');
    expect(normalizeMoment('midden groep 5')).toBe('M5');
    expect(normalizeMoment('Eind 7')).toBe('E7');
    expect(normalizeMoment('begin leerjaar 1')).toBe('B1');
    expect(normalizeMoment('M9')).toBeNull();
    expect(normalizeMoment('halverwege')).toBeNull();
  });

  it('labels moments in Dutch and English, PO and VO', () => {
    expect(momentLabel('M5', 'nl')).toBe('midden groep 5');
    expect(momentLabel('E3', 'en')).toBe('end of grade 3');
    expect(momentLabel('B1', 'nl', 'vo')).toBe('begin leerjaar 1');
    expect(momentLabel('E2', 'en', 'vo')).toBe('end of year 2');
    expect(momentLabel('??', 'nl')).toBe('??');
  });

  it('orders by grade, then begin < midden < eind, unknown codes last', () => {
    expect(['E4', 'M5', 'B4', 'M4', 'zz', 'E3'].sort(momentOrder)).toEqual(['E3', 'B4', 'M4', 'E4', 'M5', 'zz']);
  });

  it('finds the previous moment of an instrument', () => {
    const m = ['M3', 'E3', 'M4', 'E4', 'M5'];
    expect(previousMoment(m, 'M5')).toBe('E4');
    expect(previousMoment(m, 'M4')).toBe('E3');
    expect(previousMoment(m, 'M3')).toBeNull();
    expect(previousMoment(['E3', 'M3', 'E5'], 'M5')).toBe('E3'); // not in the list, unsorted list
    expect(previousMoment(m, 'nonsense')).toBeNull();
  });

  it('gives the standard DL of a moment', () => {
    expect(standardDl('M3')).toBe(5);
    expect(standardDl('E3')).toBe(10);
    expect(standardDl('E5')).toBe(30);
    expect(standardDl('M8')).toBe(55);
    expect(standardDl('B4')).toBe(11);
    expect(standardDl('M2')).toBeNull();
  });
});

describe('AVI and observations', () => {
  it('normalizes AVI levels', () => {
    expect(AVI_LEVELS[0]).toBe('AVI-Start');
    expect(normalizeAvi('E4')).toBe('E4');
    expect(normalizeAvi('avi m5')).toBe('M5');
    expect(normalizeAvi('AVI-E7')).toBe('E7');
    expect(normalizeAvi('start')).toBe('AVI-Start');
    expect(normalizeAvi('AVI Plus')).toBe('AVI-Plus');
    for (const bad of ['E8', 'M2', 'AVI 9', '', 'plusminus']) expect(normalizeAvi(bad)).toBeNull();
  });
  it('normalizes observations', () => {
    expect(normalizeObservation(' ++ ')).toBe('++');
    expect(normalizeObservation('−')).toBe('-');
    expect(normalizeObservation('+-')).toBeNull();
    expect(normalizeObservation('goed')).toBeNull();
  });
});
