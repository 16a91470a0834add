import { describe, expect, it } from 'vitest';
import { defaultSupportSettings } from './settings';
import { actionPlanDoc } from './test-fixtures';
import { addDays, addMonths, addWeeks, checkActionPlanTerm, checkExtension, suggestedEnd, weeksBetween } from './terms';

const settings = defaultSupportSettings('po'); // 6–8 weeks, one extension
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('date helpers', () => {
  it('addDays and addWeeks cross months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addWeeks('2026-09-07', 8)).toBe('2026-11-02');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-11-02', -8)).toBe('2026-09-07');
  });

  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-09-15', 12)).toBe('2027-09-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
  });

  it('weeksBetween: days / 7 with one decimal', () => {
    expect(weeksBetween('2026-09-07', '2026-11-02')).toBe(8);
    expect(weeksBetween('2026-09-07', '2026-09-17')).toBe(1.4);
    expect(weeksBetween('2026-09-07', '2026-09-07')).toBe(0);
    expect(weeksBetween('2026-11-02', '2026-09-07')).toBe(-8);
    // across the October DST change in Europe: plain dates have no clock
    expect(weeksBetween('2026-10-19', '2026-11-02')).toBe(2);
  });
});

describe('checkActionPlanTerm', () => {
  it('a term of 6 to 8 weeks without extension is fine', () => {
    expect(checkActionPlanTerm(settings, '2026-09-07', '2026-10-19', 0)).toEqual([]);
    expect(checkActionPlanTerm(settings, '2026-09-07', '2026-11-02', 0)).toEqual([]);
  });

  it('noDates when a date is missing or invalid', () => {
    expect(codes(checkActionPlanTerm(settings, null, '2026-11-02', 0))).toEqual(['noDates']);
    expect(checkActionPlanTerm(settings, '2026-09-07', null, 0)[0]).toMatchObject({ code: 'noDates', field: 'endsOn' });
    expect(codes(checkActionPlanTerm(settings, '2026-02-30', '2026-11-02', 0))).toEqual(['noDates']);
  });

  it('endBeforeStart', () => {
    const f = checkActionPlanTerm(settings, '2026-11-02', '2026-09-07', 0);
    expect(codes(f)).toEqual(['endBeforeStart']);
    expect(f[0].message).toContain('02-11-2026');
  });

  it('termTooShort below minWeeks, only when never extended', () => {
    const f = checkActionPlanTerm(settings, '2026-09-07', '2026-10-12', 0); // 5 weeks
    expect(codes(f)).toEqual(['termTooShort']);
    expect(f[0].message).toContain('5 weken');
    expect(f[0].message).toContain('6 weken');
    expect(codes(checkActionPlanTerm(settings, '2026-09-07', '2026-10-12', 1))).not.toContain('termTooShort');
  });

  it('termTooLong above maxWeeks × (1 + extensions)', () => {
    expect(codes(checkActionPlanTerm(settings, '2026-09-07', '2026-11-03', 0))).toEqual(['termTooLong']);
    expect(codes(checkActionPlanTerm(settings, '2026-09-07', '2026-12-28', 1))).toEqual(['extensionsUsed']); // 16 weeks, once extended
    expect(codes(checkActionPlanTerm(settings, '2026-09-07', '2026-12-29', 1))).toEqual(['extensionsUsed', 'termTooLong']);
    const two = { ...settings, actionPlan: { ...settings.actionPlan, maxExtensions: 3 } };
    expect(checkActionPlanTerm(two, '2026-09-07', '2027-02-22', 2)).toEqual([]); // 24 weeks, twice extended
  });

  it('extensionsUsed once every extension is used', () => {
    const f = checkActionPlanTerm(settings, '2026-09-07', '2026-12-01', 1);
    expect(f[0]).toMatchObject({ code: 'extensionsUsed' });
    expect(f[0].message).toContain('al 1 keer verlengd');
    const none = { ...settings, actionPlan: { ...settings.actionPlan, maxExtensions: 0 } };
    expect(checkActionPlanTerm(none, '2026-09-07', '2026-11-02', 0)).toEqual([]);
  });

  it('follows the school setting', () => {
    const long = { ...settings, actionPlan: { ...settings.actionPlan, minWeeks: 8, maxWeeks: 10 } };
    expect(codes(checkActionPlanTerm(long, '2026-09-07', '2026-10-26', 0))).toEqual(['termTooShort']); // 7 weeks
    expect(checkActionPlanTerm(long, '2026-09-07', '2026-11-16', 0)).toEqual([]); // 10 weeks
  });
});

describe('checkExtension', () => {
  const doc = actionPlanDoc({ startsOn: '2026-09-07', endsOn: '2026-11-02' });

  it('allows a first extension of up to maxWeeks after the old end', () => {
    expect(checkExtension(settings, doc, 0, '2026-11-16')).toBeNull();
    expect(checkExtension(settings, doc, 0, '2026-12-28')).toBeNull();
  });

  it('refuses a second extension with the school rule', () => {
    expect(checkExtension(settings, doc, 1, '2026-11-16')).toBe(
      'Dit plan is al 1 keer verlengd; de school staat er 1 toe. Bespreek de leerling in de leerlingbespreking of verhoog het niveau.',
    );
    const none = { ...settings, actionPlan: { ...settings.actionPlan, maxExtensions: 0 } };
    expect(checkExtension(none, doc, 0, '2026-11-16')).toContain('de school staat er 0 toe');
  });

  it('the new end must be after the old end', () => {
    expect(checkExtension(settings, doc, 0, '2026-11-02')).toContain('na de huidige einddatum (02-11-2026)');
    expect(checkExtension(settings, doc, 0, '2026-10-01')).toContain('na de huidige einddatum');
  });

  it('the new term is at most maxWeeks', () => {
    expect(checkExtension(settings, doc, 0, '2026-12-29')).toContain('kies uiterlijk 28-12-2026');
  });

  it('needs a valid date and an end date on the plan', () => {
    expect(checkExtension(settings, doc, 0, '2026-11-31')).toContain('geen geldige datum');
    expect(checkExtension(settings, actionPlanDoc({ endsOn: null }), 0, '2026-11-16')).toContain('geen einddatum');
  });
});

describe('suggestedEnd', () => {
  it('is the start plus maxWeeks', () => {
    expect(suggestedEnd(settings, '2026-09-07')).toBe('2026-11-02');
    expect(suggestedEnd({ ...settings, actionPlan: { ...settings.actionPlan, maxWeeks: 10 } }, '2026-11-24')).toBe('2027-02-02');
  });
});
