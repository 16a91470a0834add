import { describe, expect, it } from 'vitest';
import { nextOppEvaluation, oppCandidateReasons, oppSetBy } from './deadlines';
import { defaultSupportSettings } from './settings';

const settings = defaultSupportSettings('po');

describe('oppSetBy', () => {
  it('is six weeks after the decision by default', () => {
    expect(oppSetBy('2026-11-24', settings)).toBe('2027-01-05');
    expect(oppSetBy('2026-12-28', settings)).toBe('2027-02-08');
  });

  it('follows the school setting', () => {
    expect(oppSetBy('2026-11-24', { ...settings, developmentPerspective: { deadlineWeeks: 10, evaluationMonths: 12 } })).toBe('2027-02-02');
  });

  it('is null without a (valid) decision date', () => {
    expect(oppSetBy(null, settings)).toBeNull();
    expect(oppSetBy('2026-13-01', settings)).toBeNull();
  });
});

describe('nextOppEvaluation', () => {
  it('is a year after the start when never evaluated', () => {
    expect(nextOppEvaluation('2026-09-01', null, settings)).toBe('2027-09-01');
  });

  it('is a year after the last evaluation', () => {
    expect(nextOppEvaluation('2025-09-01', '2026-06-15', settings)).toBe('2027-06-15');
  });

  it('clamps to the end of the month and follows the setting', () => {
    expect(nextOppEvaluation('2028-02-29', null, settings)).toBe('2029-02-28');
    expect(nextOppEvaluation('2026-08-31', null, { ...settings, developmentPerspective: { deadlineWeeks: 6, evaluationMonths: 6 } })).toBe('2027-02-28');
  });

  it('is null without dates', () => {
    expect(nextOppEvaluation(null, null, settings)).toBeNull();
    expect(nextOppEvaluation('', null, settings)).toBeNull();
  });
});

describe('oppCandidateReasons', () => {
  it('keeps the messages of the chosen kinds, each once, in order', () => {
    const signals = [
      { kind: 'lowLevel', message: 'Niveau V bij rekenen' },
      { kind: 'delay', message: 'Achterstand van 20 weken of meer bij rekenen' },
      { kind: 'consecutiveLow', message: 'Drie keer achter elkaar laag bij spelling' },
      { kind: 'delay', message: 'Achterstand van 20 weken of meer bij rekenen' },
    ];
    expect(oppCandidateReasons(signals, settings)).toEqual([
      'Achterstand van 20 weken of meer bij rekenen',
      'Drie keer achter elkaar laag bij spelling',
    ]);
  });

  it('nothing when the school chose no kinds or no signals fit', () => {
    expect(oppCandidateReasons([{ kind: 'delay', message: 'x' }], { ...settings, oppCandidateRuleKinds: [] })).toEqual([]);
    expect(oppCandidateReasons([{ kind: 'highPerformer', message: 'x' }], settings)).toEqual([]);
  });
});
