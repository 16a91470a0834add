import { describe, expect, it } from 'vitest';
import { defaultSchoolSettings, readSchoolSettings, schoolSettingsSchema } from './settings';

describe('defaultSchoolSettings', () => {
  it('calls the care coordinator "intern begeleider" in PO and "zorgcoördinator" in VO', () => {
    expect(defaultSchoolSettings('po')).toEqual({ careCoordinatorLabel: 'intern begeleider', requireTotpForCareRoles: false });
    expect(defaultSchoolSettings('vo')).toEqual({ careCoordinatorLabel: 'zorgcoördinator', requireTotpForCareRoles: false });
  });

  it('are valid settings themselves', () => {
    expect(schoolSettingsSchema.safeParse(defaultSchoolSettings('po')).success).toBe(true);
    expect(schoolSettingsSchema.safeParse(defaultSchoolSettings('vo')).success).toBe(true);
  });

  it('returns a fresh object each time (no shared mutable default)', () => {
    const a = defaultSchoolSettings('po');
    a.careCoordinatorLabel = 'changed';
    expect(defaultSchoolSettings('po').careCoordinatorLabel).toBe('intern begeleider');
  });
});

describe('readSchoolSettings', () => {
  it.each([null, undefined, 'text', 42, true])('gives the defaults for nothing stored (%j)', (stored) => {
    expect(readSchoolSettings('po', stored)).toEqual(defaultSchoolSettings('po'));
    expect(readSchoolSettings('vo', stored)).toEqual(defaultSchoolSettings('vo'));
  });

  it('fills settings missing from what is stored with the defaults of the sector', () => {
    expect(readSchoolSettings('po', {})).toEqual(defaultSchoolSettings('po'));
    expect(readSchoolSettings('vo', { requireTotpForCareRoles: true })).toEqual({ careCoordinatorLabel: 'zorgcoördinator', requireTotpForCareRoles: true });
    expect(readSchoolSettings('po', { careCoordinatorLabel: 'zorgcoördinator' })).toEqual({ careCoordinatorLabel: 'zorgcoördinator', requireTotpForCareRoles: false });
  });

  it('keeps valid stored values', () => {
    expect(readSchoolSettings('po', { careCoordinatorLabel: 'ib-er', requireTotpForCareRoles: true })).toEqual({ careCoordinatorLabel: 'ib-er', requireTotpForCareRoles: true });
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
    expect(read).toEqual({ careCoordinatorLabel: 'ib-er', requireTotpForCareRoles: false });
    expect(Object.keys(read).sort()).toEqual(['careCoordinatorLabel', 'requireTotpForCareRoles']);
  });

  it('does not change the stored object', () => {
    const stored = { careCoordinatorLabel: '  ib-er ' };
    readSchoolSettings('po', stored);
    expect(stored).toEqual({ careCoordinatorLabel: '  ib-er ' });
  });
});
