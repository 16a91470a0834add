import { describe, expect, it } from 'vitest';
import type { GroupCycleSettings } from './model';
import {
  CLUSTER_PRESET_IDS,
  CLUSTER_PRESETS,
  defaultGroupCycleSettings,
  groupCycleSettingsSchema,
  planFormatFor,
  readGroupCycleSettings,
} from './settings';

const BASIC = ['technisch-lezen', 'begrijpend-lezen', 'spelling', 'rekenen-wiskunde'];

describe('CLUSTER_PRESETS', () => {
  it('has the three name sets, most support first', () => {
    expect(CLUSTER_PRESET_IDS).toEqual(['intensiefBasisVerrijkt', 'sterMaanZon', 'weerMeer']);
    expect(CLUSTER_PRESETS.intensiefBasisVerrijkt.map((c) => c.key)).toEqual(['intensief', 'basis', 'verrijkt']);
    expect(CLUSTER_PRESETS.sterMaanZon.map((c) => c.key)).toEqual(['ster', 'maan', 'zon']);
    expect(CLUSTER_PRESETS.weerMeer.map((c) => c.key)).toEqual(['weer', 'meer']);
    expect(CLUSTER_PRESETS.intensiefBasisVerrijkt.map((c) => c.label)).toEqual(['Intensief', 'Basis', 'Verrijkt']);
  });

  it('every preset is valid as the clusters of a school', () => {
    for (const id of CLUSTER_PRESET_IDS) {
      const settings = { ...defaultGroupCycleSettings('po'), clusters: CLUSTER_PRESETS[id].map((c) => ({ ...c })) };
      expect(groupCycleSettingsSchema.safeParse(settings).success).toBe(true);
    }
  });

  it('cannot be changed by accident', () => {
    expect(() => {
      (CLUSTER_PRESETS.weerMeer[0] as { label: string }).label = 'x';
    }).toThrow();
  });
});

describe('defaultGroupCycleSettings', () => {
  it('PO: vakoverstijgend overview, convergent plan, kleuter themes, the four basic skills', () => {
    expect(defaultGroupCycleSettings('po')).toEqual({
      overviewForms: ['crossSubject'],
      planFormat: 'convergent',
      kindergartenThemes: true,
      clusters: [
        { key: 'intensief', label: 'Intensief' },
        { key: 'basis', label: 'Basis' },
        { key: 'verrijkt', label: 'Verrijkt' },
      ],
      subjects: BASIC,
      requiredFields: ['overview.needsForSignalled', 'plan.goalMeasure', 'plan.goalDueOn'],
    });
  });

  it('VO: both overview forms, no kleuter themes, English added to the subjects', () => {
    const vo = defaultGroupCycleSettings('vo');
    expect(vo.overviewForms).toEqual(['crossSubject', 'subject']);
    expect(vo.planFormat).toBe('convergent');
    expect(vo.kindergartenThemes).toBe(false);
    expect(vo.subjects).toEqual([...BASIC, 'engels']);
    expect(vo.requiredFields).toEqual(['overview.needsForSignalled', 'plan.goalMeasure', 'plan.goalDueOn']);
  });

  it('are valid and fresh objects each time', () => {
    expect(groupCycleSettingsSchema.safeParse(defaultGroupCycleSettings('po')).success).toBe(true);
    expect(groupCycleSettingsSchema.safeParse(defaultGroupCycleSettings('vo')).success).toBe(true);
    const a = defaultGroupCycleSettings('po');
    a.clusters[0].label = 'changed';
    a.subjects.push('engels');
    expect(defaultGroupCycleSettings('po').clusters[0].label).toBe('Intensief');
    expect(defaultGroupCycleSettings('po').subjects).toEqual(BASIC);
    expect(CLUSTER_PRESETS.intensiefBasisVerrijkt[0].label).toBe('Intensief');
  });
});

describe('groupCycleSettingsSchema', () => {
  const ok = (): GroupCycleSettings => defaultGroupCycleSettings('vo');

  it.each([
    { what: 'no overview form', patch: { overviewForms: [] } },
    { what: 'an unknown overview form', patch: { overviewForms: ['perPupil'] } },
    { what: 'a form twice', patch: { overviewForms: ['subject', 'subject'] } },
    { what: "'theme' as the school's format", patch: { planFormat: 'theme' } },
    { what: 'an unknown plan format', patch: { planFormat: 'individual' } },
    { what: 'one cluster', patch: { clusters: [{ key: 'alle', label: 'Alle' }] } },
    { what: 'seven clusters', patch: { clusters: 'abcdefg'.split('').map((k) => ({ key: k, label: k.toUpperCase() })) } },
    { what: 'a cluster key with capitals', patch: { clusters: [{ key: 'Ster', label: 'Ster' }, { key: 'maan', label: 'Maan' }] } },
    { what: 'a cluster key with spaces', patch: { clusters: [{ key: 'extra hulp', label: 'Extra hulp' }, { key: 'maan', label: 'Maan' }] } },
    { what: 'duplicate cluster keys', patch: { clusters: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] } },
    { what: 'duplicate cluster labels (case-insensitive)', patch: { clusters: [{ key: 'a', label: 'Ster' }, { key: 'b', label: 'ster' }] } },
    { what: 'an empty cluster label', patch: { clusters: [{ key: 'a', label: '  ' }, { key: 'b', label: 'B' }] } },
    { what: 'an unknown subject', patch: { subjects: ['geschiedenis'] } },
    { what: 'a subject twice', patch: { subjects: ['spelling', 'spelling'] } },
    { what: 'no subjects while vakspecifieke overviews are on', patch: { subjects: [] } },
    { what: 'an unknown required field', patch: { requiredFields: ['plan.everything'] } },
    { what: 'a required field twice', patch: { requiredFields: ['plan.goalDueOn', 'plan.goalDueOn'] } },
    { what: 'a theme flag that is not a boolean', patch: { kindergartenThemes: 'ja' } },
  ])('rejects $what', ({ patch }) => {
    expect(groupCycleSettingsSchema.safeParse({ ...ok(), ...patch }).success).toBe(false);
  });

  it('accepts no subjects when only vakoverstijgende overviews are used, and no required fields', () => {
    const s = { ...ok(), overviewForms: ['crossSubject'], subjects: [], requiredFields: [] };
    expect(groupCycleSettingsSchema.safeParse(s).success).toBe(true);
  });

  it('accepts divergent and crossSubject plan formats and six own clusters', () => {
    const clusters = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes'].map((k) => ({ key: k, label: k }));
    expect(groupCycleSettingsSchema.safeParse({ ...ok(), planFormat: 'divergent', clusters }).success).toBe(true);
    expect(groupCycleSettingsSchema.safeParse({ ...ok(), planFormat: 'crossSubject' }).success).toBe(true);
  });

  it('trims cluster labels', () => {
    const parsed = groupCycleSettingsSchema.parse({ ...ok(), clusters: [{ key: 'a', label: ' Ster ' }, { key: 'b-2', label: 'Maan' }] });
    expect(parsed.clusters[0].label).toBe('Ster');
  });
});

describe('readGroupCycleSettings', () => {
  it.each([null, undefined, 'x', 3, []])('gives the defaults for nothing stored (%j)', (stored) => {
    expect(readGroupCycleSettings('po', stored)).toEqual(defaultGroupCycleSettings('po'));
    expect(readGroupCycleSettings('vo', stored)).toEqual(defaultGroupCycleSettings('vo'));
  });

  it('keeps valid settings and replaces only an invalid one', () => {
    const stored = { planFormat: 'divergent', clusters: [{ key: 'weer', label: 'Weer' }], requiredFields: ['plan.organisation'] };
    const read = readGroupCycleSettings('po', stored);
    expect(read.planFormat).toBe('divergent');
    expect(read.requiredFields).toEqual(['plan.organisation']);
    expect(read.clusters).toEqual(defaultGroupCycleSettings('po').clusters);
    expect(groupCycleSettingsSchema.safeParse(read).success).toBe(true);
  });

  it('falls back to the default subjects when vakspecifieke overviews are on without subjects', () => {
    const read = readGroupCycleSettings('po', { overviewForms: ['subject'], subjects: [] });
    expect(read.overviewForms).toEqual(['subject']);
    expect(read.subjects).toEqual(BASIC);
  });

  it('drops unknown keys', () => {
    expect(Object.keys(readGroupCycleSettings('vo', { old: true })).sort()).toEqual(
      ['clusters', 'kindergartenThemes', 'overviewForms', 'planFormat', 'requiredFields', 'subjects'],
    );
  });
});

describe('planFormatFor', () => {
  const po = defaultGroupCycleSettings('po');
  const divergent: GroupCycleSettings = { ...po, planFormat: 'divergent' };

  it('plans kleuter groups (1, 2, 1/2) in PO with the thema-planning', () => {
    expect(planFormatFor(po, 'po', [1])).toBe('theme');
    expect(planFormatFor(po, 'po', [2])).toBe('theme');
    expect(planFormatFor(po, 'po', [1, 2])).toBe('theme');
  });

  it("uses the school's format for groups 3–8 and for a combination group 2/3", () => {
    expect(planFormatFor(po, 'po', [3])).toBe('convergent');
    expect(planFormatFor(po, 'po', [2, 3])).toBe('convergent');
    expect(planFormatFor(divergent, 'po', [8])).toBe('divergent');
  });

  it('uses no themes when the school switched them off, in VO, or when grades are unknown', () => {
    expect(planFormatFor({ ...po, kindergartenThemes: false }, 'po', [1, 2])).toBe('convergent');
    expect(planFormatFor({ ...po, planFormat: 'crossSubject' }, 'vo', [1])).toBe('crossSubject');
    expect(planFormatFor(po, 'po', [])).toBe('convergent');
  });
});
