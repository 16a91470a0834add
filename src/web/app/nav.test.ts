// @vitest-environment happy-dom
// Menu entries of individual support: "Mijn taken" for staff who work with pupils and for parents (not for an
// administrator or board member in that role alone), "Ondersteuning" for the care coordinator and the director.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../shared/types';
import { hasTasks, navigation } from './nav';

const t = ((key: string) => key) as unknown as TFunction;

function me(roles: Role[], extra: Partial<Me> = {}): Me {
  return {
    id: 1, name: 'Test', login: 'test', email: null, locale: 'nl', totpEnabled: false, mfa: 'ok', home: 'teacher',
    roles: roles.map((role) => ({ role, schoolId: role === 'board' ? null : 1, schoolName: role === 'board' ? null : 'De Klimop', boardId: role === 'board' ? 1 : null })),
    schools: [{ id: 1, name: 'De Klimop', sector: 'po', careCoordinatorLabel: 'intern begeleider', canManage: roles.includes('admin'), canSeeAllPupils: roles.includes('care_coordinator') || roles.includes('director') }],
    groups: [], children: [], today: '2026-11-24',
    ...extra,
  };
}

const links = (user: Me) => navigation(user, t).flatMap((s) => s.items.map((i) => i.to));

describe('support entries in the navigation', () => {
  it('gives a teacher "Mijn taken" but not the support overview', () => {
    const user = me(['teacher'], { groups: [{ id: 5, name: '5', schoolId: 1, schoolYear: '2026-2027' }] });
    expect(links(user)).toContain('/taken');
    expect(links(user)).not.toContain('/ondersteuning');
  });

  it('gives the care coordinator and the director both', () => {
    for (const role of ['care_coordinator', 'director'] as const) {
      expect(links(me([role]))).toEqual(expect.arrayContaining(['/taken', '/ondersteuning']));
    }
  });

  it('gives a parent "Mijn taken"', () => {
    const user = me(['parent'], { schools: [], children: [{ id: 9, name: 'Sanne' }] });
    expect(links(user)).toContain('/taken');
    expect(links(user)).not.toContain('/ondersteuning');
  });

  it('gives an administrator or a board member alone neither', () => {
    for (const role of ['admin', 'board'] as const) {
      const user = me([role]);
      expect(hasTasks(user)).toBe(false);
      expect(links(user)).not.toContain('/taken');
      expect(links(user)).not.toContain('/ondersteuning');
    }
  });

  it('puts the labels through the catalogue', () => {
    const items = navigation(me(['care_coordinator']), t).flatMap((s) => s.items);
    expect(items.find((i) => i.to === '/taken')?.label).toBe('supportPortal.nav.tasks');
    expect(items.find((i) => i.to === '/ondersteuning')?.label).toBe('supportPortal.nav.overview');
  });
});
