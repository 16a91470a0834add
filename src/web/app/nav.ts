// Menu entries that fit the user's roles. A person with several roles sees the union.
import type { TFunction } from 'i18next';
import type { Me } from '../shared/types';
import { hasRole, managedSchools, STAFF_ROLES, WHOLE_SCHOOL_ROLES } from '../shared/session';
import { groupLabel } from '../shared/labels';

export type NavItem = { to: string; label: string; end?: boolean };
export type NavSection = { id: string; heading?: string; items: NavItem[] };

/** Users with "mijn taken": staff who work with pupils and parents — not an administrator or board member alone. */
export function hasTasks(me: Me): boolean {
  return hasRole(me, ...STAFF_ROLES, 'care_coordinator', 'director', 'parent') || me.groups.length > 0 || me.children.length > 0;
}

export function navigation(me: Me, t: TFunction): NavSection[] {
  if (me.mfa === 'setup_required') {
    return [{ id: 'account', items: [{ to: '/account', label: t('nav.account') }] }];
  }
  const sections: NavSection[] = [];
  const main: NavItem[] = [{ to: '/', label: t('nav.home'), end: true }];

  const wholeSchool = hasRole(me, ...WHOLE_SCHOOL_ROLES) || me.schools.some((s) => s.canSeeAllPupils);
  const teaches = hasRole(me, ...STAFF_ROLES) || me.groups.length > 0;
  if (wholeSchool) {
    main.push({ to: '/groepen', label: t('nav.groups') });
    main.push({ to: '/leerlingen', label: t('nav.pupils') });
  } else if (teaches) {
    main.push({ to: '/groepen', label: t('nav.myGroups') });
    main.push({ to: '/leerlingen', label: t('nav.myPupils') });
  }
  // Individual support: everyone who works with pupils or has children gets "Mijn taken"; the care coordinator and
  // the director also the school's support overview.
  // (Not for an administrator or a board member in that role alone.)
  if (hasTasks(me)) main.push({ to: '/taken', label: t('supportPortal.nav.tasks') });
  if (hasRole(me, 'care_coordinator', 'director')) main.push({ to: '/ondersteuning', label: t('supportPortal.nav.overview') });
  if (teaches || hasRole(me, 'care_coordinator', 'director')) main.push({ to: '/overleg', label: t('meetings.list.title') });
  if (hasTasks(me)) main.push({ to: '/jaarplanning', label: t('calendar.title') });
  sections.push({ id: 'main', items: main });

  if (me.children.length > 0 || hasRole(me, 'parent')) {
    sections.push({
      id: 'children',
      heading: t('nav.children'),
      items: me.children.map((c) => ({ to: `/leerlingen/${c.id}`, label: c.name })),
    });
  }

  // Pupil monitoring (leerlingvolgsysteem): a teacher's own groups, the care coordinator's import and settings,
  // the school trend for care coordinator, director and board.
  const monitoring: NavItem[] = [];
  if (me.groups.length > 0 && me.groups.length <= 3) {
    for (const g of me.groups) {
      const sector = me.schools.find((s) => s.id === g.schoolId)?.sector;
      monitoring.push({ to: `/groepen/${g.id}/resultaten`, label: t('assessments.nav.groupResults', { group: groupLabel(t, g.name, sector) }) });
    }
  }
  const care = hasRole(me, 'care_coordinator');
  if (care) monitoring.push({ to: '/resultaten/import', label: t('assessments.nav.import') });
  if (care || hasRole(me, 'director', 'board')) monitoring.push({ to: '/resultaten/trend', label: t('assessments.nav.trend') });
  if (care) {
    monitoring.push({ to: '/resultaten/toetsen', label: t('assessments.nav.instruments') });
    monitoring.push({ to: '/resultaten/signalering', label: t('assessments.nav.rules') });
  }
  if (monitoring.length > 0) sections.push({ id: 'monitoring', heading: t('assessments.nav.heading'), items: monitoring });

  // The HGW group cycle: a teacher's own groups (a few) go straight to their groepsoverzicht and groepsplan.
  if (me.groups.length > 0 && me.groups.length <= 3) {
    sections.push({
      id: 'group-cycle',
      heading: t('groupCycle.navHeading'),
      items: me.groups.map((g) => ({
        to: `/groepen/${g.id}/cyclus`,
        label: t('groupCycle.navGroup', { group: groupLabel(t, g.name, me.schools.find((s) => s.id === g.schoolId)?.sector) }),
      })),
    });
  }

  if (managedSchools(me).length > 0 || hasRole(me, 'admin')) {
    sections.push({
      id: 'admin',
      heading: t('nav.admin'),
      items: [
        { to: '/beheer/school', label: t('nav.adminSchool') },
        { to: '/beheer/jaren', label: t('nav.adminYears') },
        { to: '/beheer/groepen', label: t('nav.adminGroups') },
        { to: '/beheer/leerlingen', label: t('nav.adminPupils') },
        { to: '/beheer/accounts', label: t('nav.adminAccounts') },
        { to: '/beheer/outbox', label: t('nav.adminOutbox') },
      ],
    });
  }

  sections.push({ id: 'account', items: [{ to: '/account', label: t('nav.account') }] });
  return sections.filter((s) => s.items.length > 0);
}
