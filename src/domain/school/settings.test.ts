import { defaultMeetingSettings } from '../meetings/settings';
import { defaultCalendarSettings } from '../calendar/settings';
import { describe, expect, it } from 'vitest';
import { defaultGroupCycleSettings } from '../group-cycle/settings';
import { defaultSupportSettings } from '../support/settings';
import { defaultSchoolSettings, readSchoolSettings, schoolSettingsSchema } from './settings';

describe('defaultSchoolSettings', () => {
  it('calls the care coordinator "intern begeleider" in PO and "zorgcoördinator" in VO', () => {
    const results = { publishResultsToParents: false, resultNorm: { scale: 'IV', level: 'III', percent: 75 } };
    expect(defaultSchoolSettings('po')).toEqual({
      careCoordinatorLabel: 'intern begeleider',
      requireTotpForCareRoles: false,
      ...results,
      groupCycle: defaultGroupCycleSettings('po'),
      support: defaultSupportSettings('po'),
      meetings: defaultMeetingSettings('po'),
      calendar: defaultCalendarSettings('po'),
    });
    expect(defaultSchoolSettings('vo')).toEqual({
      careCoordinatorLabel: 'zorgcoördinator',
      requireTotpForCareRoles: false,
      ...results,
      groupCycle: defaultGroupCycleSettings('vo'),
      support: defaultSupportSettings('vo'),
      meetings: defaultMeetingSettings('vo'),
      calendar: defaultCalendarSettings('vo'),
    });
  });

  it('include the group cycle of the sector: PO with kleuter themes, VO with vakspecifieke overviews', () => {
    expect(defaultSchoolSettings('po').groupCycle.kindergartenThemes).toBe(true);
    expect(defaultSchoolSettings('po').groupCycle.overviewForms).toEqual(['crossSubject']);
    expect(defaultSchoolSettings('vo').groupCycle.kindergartenThemes).toBe(false);
    expect(defaultSchoolSettings('vo').groupCycle.overviewForms).toEqual(['crossSubject', 'subject']);
  });

  it('are valid settings themselves', () => {
    expect(schoolSettingsSchema.safeParse(defaultSchoolSettings('po')).success).toBe(true);
    expect(schoolSettingsSchema.safeParse(defaultSchoolSettings('vo')).success).toBe(true);
  });

  it('returns a fresh object each time (no shared mutable default)', () => {
    const a = defaultSchoolSettings('po');
    a.careCoordinatorLabel = 'changed';
    a.resultNorm.percent = 10;
    a.groupCycle.clusters[0].label = 'changed';
    expect(defaultSchoolSettings('po').careCoordinatorLabel).toBe('intern begeleider');
    expect(defaultSchoolSettings('po').resultNorm.percent).toBe(75);
    expect(defaultSchoolSettings('po').groupCycle.clusters[0].label).toBe('Intensief');
  });
});

describe('readSchoolSettings', () => {
  it.each([null, undefined, 'text', 42, true])('gives the defaults for nothing stored (%j)', (stored) => {
    expect(readSchoolSettings('po', stored)).toEqual(defaultSchoolSettings('po'));
    expect(readSchoolSettings('vo', stored)).toEqual(defaultSchoolSettings('vo'));
  });

  it('fills settings missing from what is stored with the defaults of the sector', () => {
    expect(readSchoolSettings('po', {})).toEqual(defaultSchoolSettings('po'));
    expect(readSchoolSettings('vo', { requireTotpForCareRoles: true })).toEqual({ ...defaultSchoolSettings('vo'), requireTotpForCareRoles: true });
    expect(readSchoolSettings('po', { careCoordinatorLabel: 'zorgcoördinator' })).toEqual({ ...defaultSchoolSettings('po'), careCoordinatorLabel: 'zorgcoördinator' });
  });

  it('keeps valid stored values', () => {
    expect(readSchoolSettings('po', { careCoordinatorLabel: 'ib-er', requireTotpForCareRoles: true })).toEqual({ ...defaultSchoolSettings('po'), careCoordinatorLabel: 'ib-er', requireTotpForCareRoles: true });
    const stored = { publishResultsToParents: true, resultNorm: { scale: 'AE', level: 'C', percent: 80 } };
    expect(readSchoolSettings('po', stored)).toEqual({ ...defaultSchoolSettings('po'), ...stored });
  });

  it('trims the stored label', () => {
    expect(readSchoolSettings('po', { careCoordinatorLabel: '  leerlingbegeleider  ' }).careCoordinatorLabel).toBe('leerlingbegeleider');
  });

  it.each([
    { what: 'a one-letter label', stored: { careCoordinatorLabel: 'x' } },
    { what: 'a label of only spaces', stored: { careCoordinatorLabel: '     ' } },
    { what: 'a label over 60 characters', stored: { careCoordinatorLabel: 'a'.repeat(61) } },
    { what: 'a label that is not a string', stored: { careCoordinatorLabel: 12 } },
    { what: 'a 2FA flag that is not a boolean', stored: { requireTotpForCareRoles: 'yes' } },
    { what: 'a 2FA flag of null', stored: { requireTotpForCareRoles: null } },
    { what: 'a publish flag that is not a boolean', stored: { publishResultsToParents: 'ja' } },
    { what: 'a norm level not on its scale', stored: { resultNorm: { scale: 'IV', level: 'C', percent: 75 } } },
    { what: 'a norm level in lower case', stored: { resultNorm: { scale: 'IV', level: 'iii', percent: 75 } } },
    { what: 'a norm sub-level the scale lacks', stored: { resultNorm: { scale: 'AE', level: 'A+', percent: 75 } } },
    { what: 'an unknown norm scale', stored: { resultNorm: { scale: 'XY', level: 'III', percent: 75 } } },
    { what: 'a norm percent of 0', stored: { resultNorm: { scale: 'IV', level: 'III', percent: 0 } } },
    { what: 'a norm percent over 100', stored: { resultNorm: { scale: 'IV', level: 'III', percent: 101 } } },
    { what: 'a fractional norm percent', stored: { resultNorm: { scale: 'IV', level: 'III', percent: 74.5 } } },
    { what: 'a norm without a level', stored: { resultNorm: { scale: 'IV', percent: 75 } } },
    { what: 'a group cycle that is not an object', stored: { groupCycle: 'convergent' } },
    { what: 'a group cycle with only invalid parts', stored: { groupCycle: { overviewForms: [], planFormat: 'theme', clusters: [] } } },
    { what: 'support settings that are not an object', stored: { support: ['seed002'] } },
    { what: 'support settings with only invalid parts', stored: { support: { levels: [], actionPlan: { minWeeks: 9, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' }, reminderDays: -1 } } },
  ])('rejects $what and falls back to the defaults', ({ stored }) => {
    const read = readSchoolSettings('vo', stored);
    expect(read).toEqual(defaultSchoolSettings('vo'));
    expect(schoolSettingsSchema.safeParse(read).success).toBe(true);
  });

  it('accepts labels of exactly 2 and 60 characters', () => {
    expect(readSchoolSettings('po', { careCoordinatorLabel: 'IB' }).careCoordinatorLabel).toBe('IB');
    expect(readSchoolSettings('po', { careCoordinatorLabel: 'b'.repeat(60) }).careCoordinatorLabel).toBe('b'.repeat(60));
  });

  it('drops unknown stored keys', () => {
    const read = readSchoolSettings('po', { careCoordinatorLabel: 'ib-er', retired: 'old setting' });
    expect(read).toEqual({ ...defaultSchoolSettings('po'), careCoordinatorLabel: 'ib-er' });
    expect(Object.keys(read).sort()).toEqual(['calendar', 'careCoordinatorLabel', 'groupCycle', 'meetings', 'publishResultsToParents', 'requireTotpForCareRoles', 'resultNorm', 'support']);
  });

  it('does not change the stored object', () => {
    const stored = { careCoordinatorLabel: '  ib-er ' };
    readSchoolSettings('po', stored);
    expect(stored).toEqual({ careCoordinatorLabel: '  ib-er ' });
  });
});

describe('result settings', () => {
  it('keep a valid norm on either scale, sub-levels included', () => {
    for (const resultNorm of [
      { scale: 'IV', level: 'I+', percent: 10 },
      { scale: 'IV', level: 'V-', percent: 100 },
      { scale: 'AE', level: 'C', percent: 1 },
    ]) {
      expect(readSchoolSettings('po', { resultNorm }).resultNorm).toEqual(resultNorm);
    }
  });

  it('an invalid norm falls back on its own, without touching the publish flag', () => {
    const read = readSchoolSettings('po', { publishResultsToParents: true, resultNorm: { scale: 'IV', level: 'X', percent: 75 } });
    expect(read.publishResultsToParents).toBe(true);
    expect(read.resultNorm).toEqual({ scale: 'IV', level: 'III', percent: 75 });
  });

  it('a partial update of only the publish flag validates (as PATCH uses it)', () => {
    expect(schoolSettingsSchema.partial().safeParse({ publishResultsToParents: true }).success).toBe(true);
    expect(schoolSettingsSchema.partial().safeParse({ resultNorm: { scale: 'IV', level: 'VI', percent: 75 } }).success).toBe(false);
  });
});

describe('group-cycle settings', () => {
  const stored = {
    overviewForms: ['crossSubject', 'subject'],
    planFormat: 'divergent',
    kindergartenThemes: false,
    clusters: [
      { key: 'ster', label: 'Ster' },
      { key: 'maan', label: 'Maan' },
      { key: 'zon', label: 'Zon' },
    ],
    subjects: ['rekenen-wiskunde'],
    requiredFields: ['plan.organisation', 'plan.evaluationPlan'],
  };

  it('keep valid stored group-cycle settings', () => {
    expect(readSchoolSettings('po', { groupCycle: stored }).groupCycle).toEqual(stored);
  });

  it('an invalid part falls back on its own: a bad cluster list keeps the chosen plan format', () => {
    const read = readSchoolSettings('po', { groupCycle: { ...stored, clusters: [{ key: 'Ster!', label: 'Ster' }] } });
    expect(read.groupCycle).toEqual({ ...stored, clusters: defaultGroupCycleSettings('po').clusters });
    expect(schoolSettingsSchema.safeParse(read).success).toBe(true);
  });

  it('settings stored before the group cycle existed get the defaults of the sector', () => {
    const read = readSchoolSettings('vo', { careCoordinatorLabel: 'zorgcoördinator', requireTotpForCareRoles: true });
    expect(read.groupCycle).toEqual(defaultGroupCycleSettings('vo'));
  });

  it('validate in a partial update (as PATCH uses it)', () => {
    expect(schoolSettingsSchema.partial().safeParse({ groupCycle: stored }).success).toBe(true);
    expect(schoolSettingsSchema.partial().safeParse({ groupCycle: { ...stored, planFormat: 'theme' } }).success).toBe(false);
  });
});

describe('support settings', () => {
  const support = {
    ...defaultSupportSettings('po'),
    levelPreset: 'custom',
    actionPlan: { minWeeks: 4, maxWeeks: 10, maxExtensions: 2, signature: 'none' },
    reminderDays: 7,
  };

  it('are part of the defaults: the seed 002 model with a handelingsplan of 6–8 weeks', () => {
    const d = defaultSchoolSettings('po').support;
    expect(d.levelPreset).toBe('seed002');
    expect(d.levels.map((l) => l.key)).toEqual(['1', '2', '3', '4']);
    expect(d.actionPlan).toEqual({ minWeeks: 6, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' });
  });

  it('keep valid stored support settings', () => {
    expect(readSchoolSettings('po', { support }).support).toEqual(support);
  });

  it('an invalid part falls back on its own: a bad level label keeps the term and reminder days', () => {
    const levels = support.levels.map((l, i) => (i === 0 ? { ...l, label: 'x' } : l));
    const read = readSchoolSettings('po', { support: { ...support, levels } });
    expect(read.support.levels).toEqual(defaultSupportSettings('po').levels);
    expect(read.support.actionPlan).toEqual(support.actionPlan);
    expect(read.support.reminderDays).toBe(7);
    expect(schoolSettingsSchema.safeParse(read).success).toBe(true);
  });

  it('settings stored before individual support existed get the defaults', () => {
    const read = readSchoolSettings('vo', { careCoordinatorLabel: 'zorgcoördinator' });
    expect(read.support).toEqual(defaultSupportSettings('vo'));
    expect(read.careCoordinatorLabel).toBe('zorgcoördinator');
  });

  it('validate in a partial update (as PATCH uses it)', () => {
    expect(schoolSettingsSchema.partial().safeParse({ support }).success).toBe(true);
    expect(schoolSettingsSchema.partial().safeParse({ support: { ...support, reminderDays: 61 } }).success).toBe(false);
  });
});
