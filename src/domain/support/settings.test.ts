import { describe, expect, it } from 'vitest';
import { SIGNAL_KINDS } from '../assessments/codes';
import { LEVEL_PRESET_DEFS, defaultSupportSettings, levelsOfPreset, readSupportSettings, supportSettingsSchema } from './settings';

const valid = () => defaultSupportSettings('po');

describe('LEVEL_PRESET_DEFS', () => {
  it('seed002: four zorgniveaus with the seed rules', () => {
    const ls = LEVEL_PRESET_DEFS.seed002;
    expect(ls.map((l) => l.key)).toEqual(['1', '2', '3', '4']);
    expect(ls.map((l) => l.planType)).toEqual(['groupPlan', 'groupPlan', 'actionPlan', 'developmentPerspective']);
    expect(ls.map((l) => l.extraSupport)).toEqual([false, true, true, true]);
    expect(ls[1].maxPeriods).toBe(2);
    expect(ls[2].maxPeriodsPerQuestion).toBe(1);
    expect(ls[3].requiresConsent).toBe(true);
    expect(ls[0].label).toContain('algemene zorg in de groep');
    expect(ls[1].label).toContain('extra zorg in de groep');
    expect(ls[2].label).toContain("speciale zorg met de IB'er");
    expect(ls[3].label).toContain('zorgteam');
  });

  it('seed001: five levels ending with a referral', () => {
    const ls = LEVEL_PRESET_DEFS.seed001;
    expect(ls.map((l) => l.planType)).toEqual(['groupPlan', 'groupPlan', 'actionPlan', 'developmentPerspective', 'referral']);
    expect(ls[2].label).toContain('kwaliteitsondersteuner');
    expect(ls[3].requiresConsent).toBe(true);
    expect(ls[4].label).toContain('verwijzing');
  });

  it('seed000: groepsplan for 1–2, handelingsplan for 3, OPP for 4 without a consent gate', () => {
    const ls = LEVEL_PRESET_DEFS.seed000;
    expect(ls.map((l) => l.planType)).toEqual(['groupPlan', 'groupPlan', 'actionPlan', 'developmentPerspective']);
    expect(ls.every((l) => !l.requiresConsent)).toBe(true);
  });

  it.each(['seed002', 'seed001', 'seed000'] as const)('%s is valid as the levels of a setting', (preset) => {
    const parsed = supportSettingsSchema.safeParse({ ...valid(), levelPreset: preset, levels: LEVEL_PRESET_DEFS[preset] });
    expect(parsed.success).toBe(true);
  });

  it('levelsOfPreset gives a copy', () => {
    const ls = levelsOfPreset('seed002');
    ls[0].label = 'changed';
    expect(LEVEL_PRESET_DEFS.seed002[0].label).not.toBe('changed');
  });
});

describe('defaultSupportSettings', () => {
  it('follows the contract defaults', () => {
    expect(defaultSupportSettings('po')).toEqual({
      levelPreset: 'seed002',
      levels: LEVEL_PRESET_DEFS.seed002,
      actionPlan: { minWeeks: 6, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' },
      developmentPerspective: { deadlineWeeks: 6, evaluationMonths: 12 },
      oppCandidateRuleKinds: ['consecutiveLow', 'dleBehindAtGrade', 'delay'],
      reminderDays: 14,
    });
    expect(defaultSupportSettings('vo')).toEqual(defaultSupportSettings('po'));
  });

  it('is valid and fresh each time', () => {
    expect(supportSettingsSchema.safeParse(valid()).success).toBe(true);
    const a = valid();
    a.levels[0].label = 'changed';
    a.oppCandidateRuleKinds.push('lowLevel');
    expect(valid().levels[0].label).not.toBe('changed');
    expect(valid().oppCandidateRuleKinds).toHaveLength(3);
  });
});

describe('supportSettingsSchema', () => {
  const level = valid().levels[0];
  it.each([
    { what: 'one level', patch: { levels: [level] } },
    { what: 'eight levels', patch: { levels: Array.from({ length: 8 }, (_, i) => ({ ...level, key: String(i + 1) })) } },
    { what: 'duplicate keys', patch: { levels: [level, { ...level }] } },
    { what: 'a one-letter label', patch: { levels: [{ ...level, label: 'x' }, { ...level, key: '2' }] } },
    { what: 'a label over 80 characters', patch: { levels: [{ ...level, label: 'a'.repeat(81) }, { ...level, key: '2' }] } },
    { what: 'a key with spaces', patch: { levels: [{ ...level, key: 'niveau 1' }, { ...level, key: '2' }] } },
    { what: 'an unknown plan type', patch: { levels: [{ ...level, planType: 'oppPlus' }, { ...level, key: '2' }] } },
    { what: 'maxPeriods 0', patch: { levels: [{ ...level, maxPeriods: 0 }, { ...level, key: '2' }] } },
    { what: 'minWeeks over maxWeeks', patch: { actionPlan: { minWeeks: 9, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' } } },
    { what: 'maxWeeks 53', patch: { actionPlan: { minWeeks: 6, maxWeeks: 53, maxExtensions: 1, signature: 'agreement' } } },
    { what: 'minWeeks 0', patch: { actionPlan: { minWeeks: 0, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' } } },
    { what: 'six extensions', patch: { actionPlan: { minWeeks: 6, maxWeeks: 8, maxExtensions: 6, signature: 'agreement' } } },
    { what: 'an unknown signature', patch: { actionPlan: { minWeeks: 6, maxWeeks: 8, maxExtensions: 1, signature: 'consent' } } },
    { what: 'deadlineWeeks 27', patch: { developmentPerspective: { deadlineWeeks: 27, evaluationMonths: 12 } } },
    { what: 'deadlineWeeks 0', patch: { developmentPerspective: { deadlineWeeks: 0, evaluationMonths: 12 } } },
    { what: 'evaluationMonths 25', patch: { developmentPerspective: { deadlineWeeks: 6, evaluationMonths: 25 } } },
    { what: 'an unknown signal kind', patch: { oppCandidateRuleKinds: ['guess'] } },
    { what: 'a signal kind twice', patch: { oppCandidateRuleKinds: ['delay', 'delay'] } },
    { what: 'reminderDays 61', patch: { reminderDays: 61 } },
    { what: 'negative reminderDays', patch: { reminderDays: -1 } },
    { what: 'fractional reminderDays', patch: { reminderDays: 1.5 } },
    { what: 'an unknown preset', patch: { levelPreset: 'seed009' } },
  ])('rejects $what', ({ patch }) => {
    expect(supportSettingsSchema.safeParse({ ...valid(), ...patch }).success).toBe(false);
  });

  it.each([
    { what: 'two levels', patch: { levels: [level, { ...level, key: '2' }] } },
    { what: 'seven levels', patch: { levels: Array.from({ length: 7 }, (_, i) => ({ ...level, key: String(i + 1) })) } },
    { what: 'labels of 2 and 80 characters', patch: { levels: [{ ...level, label: 'N1' }, { ...level, key: '2', label: 'b'.repeat(80) }] } },
    { what: 'equal term bounds of 1 and 52 weeks', patch: { actionPlan: { minWeeks: 52, maxWeeks: 52, maxExtensions: 0, signature: 'none' } } },
    { what: 'the bounds 1–26 weeks and 1–24 months', patch: { developmentPerspective: { deadlineWeeks: 26, evaluationMonths: 1 } } },
    { what: 'five extensions and 60 reminder days', patch: { actionPlan: { minWeeks: 1, maxWeeks: 1, maxExtensions: 5, signature: 'agreement' }, reminderDays: 60 } },
    { what: 'no candidate kinds', patch: { oppCandidateRuleKinds: [] } },
    { what: 'every signal kind', patch: { oppCandidateRuleKinds: [...SIGNAL_KINDS] } },
  ])('accepts $what', ({ patch }) => {
    expect(supportSettingsSchema.safeParse({ ...valid(), ...patch }).success).toBe(true);
  });
});

describe('readSupportSettings', () => {
  it.each([null, undefined, 'seed002', 42, [], {}])('gives the defaults for nothing usable stored (%j)', (stored) => {
    expect(readSupportSettings('po', stored)).toEqual(defaultSupportSettings('po'));
  });

  it('keeps a valid stored setting', () => {
    const stored = {
      levelPreset: 'seed001',
      levels: LEVEL_PRESET_DEFS.seed001,
      actionPlan: { minWeeks: 4, maxWeeks: 10, maxExtensions: 1, signature: 'none' },
      developmentPerspective: { deadlineWeeks: 8, evaluationMonths: 6 },
      oppCandidateRuleKinds: ['delay'],
      reminderDays: 0,
    };
    expect(readSupportSettings('po', stored)).toEqual(stored);
  });

  it('falls back per part: bad term bounds keep the levels and reminder days', () => {
    const stored = { ...valid(), levelPreset: 'seed001', levels: LEVEL_PRESET_DEFS.seed001, reminderDays: 3, actionPlan: { minWeeks: 10, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' } };
    const read = readSupportSettings('po', stored);
    expect(read.levels).toEqual(LEVEL_PRESET_DEFS.seed001);
    expect(read.levelPreset).toBe('seed001');
    expect(read.reminderDays).toBe(3);
    expect(read.actionPlan).toEqual(valid().actionPlan);
  });

  it('when the levels fall back the preset follows them', () => {
    const read = readSupportSettings('po', { ...valid(), levelPreset: 'custom', levels: [{ key: '1' }] });
    expect(read.levels).toEqual(valid().levels);
    expect(read.levelPreset).toBe('seed002');
  });

  it('trims labels and drops unknown keys', () => {
    const levels = valid().levels.map((l, i) => (i === 0 ? { ...l, label: '  Basis  ' } : l));
    const read = readSupportSettings('po', { ...valid(), levels, retired: true });
    expect(read.levels[0].label).toBe('Basis');
    expect(Object.keys(read).sort()).toEqual(['actionPlan', 'developmentPerspective', 'levelPreset', 'levels', 'oppCandidateRuleKinds', 'reminderDays']);
  });
});
