// Display names for codes from the API (roles, staff kinds, period patterns).
import type { TFunction } from 'i18next';
import type { Me, Role, Sector, StaffKind } from './types';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { careLabel, useSession } from './session';

/** The name of a role; the care coordinator role uses the school's own label when it has one. */
export function roleLabel(t: TFunction, role: Role, me?: Me | null, schoolId?: number | null): string {
  if (role === 'care_coordinator') {
    const label = careLabel(me ?? null, schoolId);
    if (label) return capitalise(label);
  }
  return t(`roles.${role}`);
}

/** "intern begeleider" → "Intern begeleider" (schools store the label as written in a sentence). */
export function capitalise(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('nl') + text.slice(1) : text;
}

/**
 * How a group is named on screen. PO groups are often stored by their number ("5", "4/5"):
 * those read as "Groep 5". VO class names ("2H") and names that already say it stay as they are.
 */
export function groupLabel(t: TFunction, name: string, sector: Sector | undefined): string {
  if (sector === 'po' && /^\d/.test(name)) return t('groups.poName', { name });
  return name;
}

export function staffKindLabel(t: TFunction, kind: StaffKind): string {
  return t(`staffKinds.${kind}`);
}

/** groupLabel for the logged-in user's schools: (name, schoolId) → "Groep 5". */
export function useGroupLabel(): (name: string, schoolId?: number | null) => string {
  const { t } = useTranslation();
  const { me } = useSession();
  return useCallback(
    (name: string, schoolId?: number | null) => {
      const schools = me?.schools ?? [];
      const sector = schools.find((s) => s.id === schoolId)?.sector ?? (schools.length === 1 ? schools[0].sector : undefined);
      return groupLabel(t, name, sector);
    },
    [t, me],
  );
}
