import { describe, expect, it } from 'vitest';
import { dayNumber, growthRows, growthSeries, isoOfDay, plannedAt } from './growth';

describe('growthRows', () => {
  it('merges planned points and actual results by date, oldest first', () => {
    const rows = growthRows(
      [
        { on: '2027-06-15', value: 30 },
        { on: '2026-09-01', value: 20 },
      ],
      [
        { on: '2027-01-20', value: 23, label: 'M6' },
        { on: '2026-09-01', value: 19, label: 'B6' },
      ],
    );
    expect(rows).toEqual([
      { on: '2026-09-01', planned: 20, actual: 19, actualLabel: 'B6' },
      { on: '2027-01-20', planned: null, actual: 23, actualLabel: 'M6' },
      { on: '2027-06-15', planned: 30, actual: null, actualLabel: null },
    ]);
  });

  it('gives each of several results on one date its own row, the planned value only once', () => {
    const rows = growthRows([{ on: '2027-01-20', value: 25 }], [
      { on: '2027-01-20', value: 23, label: 'M6' },
      { on: '2027-01-20', value: 24, label: 'M6 herkansing' },
    ]);
    expect(rows.map((r) => [r.planned, r.actual, r.actualLabel])).toEqual([
      [25, 23, 'M6'],
      [null, 24, 'M6 herkansing'],
    ]);
  });

  it('leaves out half-filled points (no date, no number)', () => {
    const rows = growthRows(
      [
        { on: '', value: 12 },
        { on: '2026-10-01', value: Number.NaN },
        { on: '2026-11-01', value: 14 },
      ],
      [{ on: 'gisteren', value: 3, label: 'x' }],
    );
    expect(rows).toEqual([{ on: '2026-11-01', planned: 14, actual: null, actualLabel: null }]);
  });

  it('turns rows into chart series on a time-proportional axis (days), each dataset only where it has values', () => {
    const rows = growthRows([{ on: '2026-09-01', value: 20 }, { on: '2027-06-15', value: 30 }], [{ on: '2027-01-20', value: 23, label: '' }]);
    const d = dayNumber;
    expect(growthSeries(rows)).toEqual({
      planned: [{ x: d('2026-09-01'), y: 20 }, { x: d('2027-06-15'), y: 30 }],
      actual: [{ x: d('2027-01-20'), y: 23 }],
    });
    // 141 days from 1 September to 20 January: the axis keeps the real distance between dates.
    expect(d('2027-01-20') - d('2026-09-01')).toBe(141);
    expect(isoOfDay(d('2027-01-20'))).toBe('2027-01-20');
    expect(rows[1].actualLabel).toBeNull();
  });
});

describe('plannedAt', () => {
  const line = [
    { on: '2026-09-01', value: 20 },
    { on: '2026-09-11', value: 30 },
  ];

  it('interpolates between the planned points', () => {
    expect(plannedAt(line, '2026-09-06')).toBe(25);
    expect(plannedAt(line, '2026-09-11')).toBe(30);
  });

  it('says nothing outside the planned span', () => {
    expect(plannedAt(line, '2026-08-31')).toBeNull();
    expect(plannedAt(line, '2026-09-12')).toBeNull();
    expect(plannedAt([], '2026-09-05')).toBeNull();
  });
});
