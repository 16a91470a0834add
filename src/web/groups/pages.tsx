// Groups (groepen / klassen): the list the user may see, and one group with its pupils and staff.
import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Empty, Facts, LoadError, Loading, Page, Section, SelectField, TableWrap } from '../shared/components';
import { comparePupils, compareText, formatDate, formatGrades, fullName } from '../shared/format';
import { staffKindLabel, useGroupLabel } from '../shared/labels';
import { hasRole, STAFF_ROLES, useMe, WHOLE_SCHOOL_ROLES } from '../shared/session';
import type { GroupDetail, GroupSummary, Items, StaffMember } from '../shared/types';

// Test results and signals (leerlingvolgsysteem) come with their own lazily loaded chunk.
const GroupResultsSection = lazy(() => import('../assessments/pages').then((m) => ({ default: m.GroupResultsSection })));

export function StaffNames({ staff }: { staff: StaffMember[] }) {
  const { t } = useTranslation();
  if (staff.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {staff.map((s, i) => (
        <span key={`${s.userId}-${s.kind}`}>
          {i > 0 ? ', ' : ''}
          {s.name}
          {s.kind !== 'teacher' ? <span className="muted"> ({staffKindLabel(t, s.kind).toLowerCase()})</span> : null}
        </span>
      ))}
    </>
  );
}

export function GroupTable({ groups, showSchool, caption }: { groups: GroupSummary[]; showSchool?: boolean; caption: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const groupName = useGroupLabel();
  const showLevel = groups.some((g) => g.level);
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('groups.name')}</th>
            <th scope="col">{t('groups.grades')}</th>
            {showLevel ? <th scope="col">{t('groups.level')}</th> : null}
            <th scope="col" className="num">
              {t('groups.pupilCount')}
            </th>
            <th scope="col">{t('groups.staff')}</th>
            {showSchool ? <th scope="col">{t('groups.school')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">
                <Link to={`/groepen/${g.id}`}>{groupName(g.name, g.schoolId)}</Link>
              </th>
              <td>{formatGrades(g.grades)}</td>
              {showLevel ? <td>{g.level ?? ''}</td> : null}
              <td className="num">{g.pupilCount}</td>
              <td>
                <StaffNames staff={g.staff} />
              </td>
              {showSchool ? <td>{me.schools.find((s) => s.id === g.schoolId)?.name ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function GroupListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const schoolParam = params.get('school') ?? '';
  const yearParam = params.get('jaar') ?? '';
  const multiSchool = me.schools.length > 1;
  const groups = useApi<Items<GroupSummary>>(`/api/groups${query({ schoolId: schoolParam })}`);

  const years = useMemo(() => {
    const map = new Map<number, { id: number; name: string; current: boolean }>();
    for (const g of groups.data?.items ?? []) map.set(g.schoolYear.id, g.schoolYear);
    return [...map.values()].sort((a, b) => compareText(b.name, a.name));
  }, [groups.data]);
  const yearNames = [...new Set(years.map((y) => y.name))];
  // Different schools have their own year records; filter by the year's name so "2026-2027" covers all of them.
  const currentName = years.find((y) => y.current)?.name ?? years[0]?.name ?? '';
  const selectedYear = yearParam || currentName;

  const shown = useMemo(
    () =>
      (groups.data?.items ?? [])
        .filter((g) => !selectedYear || g.schoolYear.name === selectedYear)
        .sort((a, b) => a.schoolId - b.schoolId || compareText(a.name, b.name)),
    [groups.data, selectedYear],
  );

  const teachesOnly = hasRole(me, ...STAFF_ROLES) && !hasRole(me, ...WHOLE_SCHOOL_ROLES) && !me.schools.some((s) => s.canSeeAllPupils);
  const title = teachesOnly ? t('groups.myTitle') : t('groups.title');

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  if (groups.error) return <LoadError error={groups.error} onRetry={groups.reload} />;

  return (
    <Page title={title}>
      {multiSchool || yearNames.length > 1 ? (
        <form className="filters" aria-label={t('groups.filters')} onSubmit={(e) => e.preventDefault()}>
          {multiSchool ? (
            <SelectField label={t('groups.school')} value={schoolParam} onChange={(v) => setParam('school', v)}>
              <option value="">{t('groups.allSchools')}</option>
              {me.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {yearNames.length > 1 ? (
            <SelectField label={t('groups.schoolYear')} value={selectedYear} onChange={(v) => setParam('jaar', v)}>
              {yearNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </form>
      ) : null}
      {!groups.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <Empty>{teachesOnly ? t('groups.noneMine') : t('groups.none')}</Empty>
      ) : (
        <>
          {selectedYear ? <p className="muted">{t('groups.yearNote', { year: selectedYear })}</p> : null}
          <GroupTable groups={shown} showSchool={multiSchool && !schoolParam} caption={title} />
        </>
      )}
    </Page>
  );
}

export function GroupPupilTable({ group, caption }: { group: GroupDetail; caption: string }) {
  const { t } = useTranslation();
  const pupils = [...group.pupils].sort(comparePupils);
  const showGrade = group.grades.length > 1 || pupils.some((p) => p.grade !== null && !group.grades.includes(p.grade));
  if (pupils.length === 0) return <Empty>{t('groups.noPupils')}</Empty>;
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('groups.pupilName')}</th>
            <th scope="col">{t('groups.birthDate')}</th>
            {showGrade ? <th scope="col">{t('groups.grade')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {pupils.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/leerlingen/${p.id}`}>{fullName(p)}</Link>
              </th>
              <td>{formatDate(p.birthDate)}</td>
              {showGrade ? <td>{p.grade ?? '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function GroupPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const groupName = useGroupLabel();
  const group = useApi<GroupDetail>(`/api/groups/${encodeURIComponent(id ?? '')}`);

  if (group.error) return <LoadError error={group.error} onRetry={group.reload} />;
  if (!group.data) return <Loading />;
  const g = group.data;
  const school = me.schools.find((s) => s.id === g.schoolId);
  const name = groupName(g.name, g.schoolId);
  // Test results: the group's own staff and the school's care coordinator and director (the server decides).
  const mayViewResults =
    me.groups.some((x) => x.id === g.id) || g.staff.some((s) => s.userId === me.id) || me.roles.some((r) => r.schoolId === g.schoolId && (r.role === 'care_coordinator' || r.role === 'director'));

  return (
    <Page
      title={name}
      intro={
        <p className="muted">
          {school ? `${school.name} · ` : ''}
          {t('groups.schoolYearValue', { year: g.schoolYear.name })}
        </p>
      }
    >
      <Section
        title={t('groups.about')}
        actions={
          mayViewResults ? (
            <Link className="button secondary small" to={`/groepen/${g.id}/cyclus`}>
              {t('groupCycle.groupLink')}
            </Link>
          ) : undefined
        }
      >
        <Facts
          items={[
            { label: t('groups.schoolYear'), value: g.schoolYear.name },
            { label: t('groups.grades'), value: formatGrades(g.grades) },
            ...(g.level ? [{ label: t('groups.level'), value: g.level }] : []),
            { label: t('groups.pupilCount'), value: String(g.pupils.length) },
            {
              label: t('groups.staff'),
              value:
                g.staff.length === 0 ? (
                  t('groups.noStaff')
                ) : (
                  <ul className="plain-list">
                    {g.staff.map((s) => (
                      <li key={`${s.userId}-${s.kind}`}>
                        {s.name} <span className="muted">({staffKindLabel(t, s.kind).toLowerCase()})</span>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </Section>
      {mayViewResults ? (
        <Suspense fallback={null}>
          <GroupResultsSection groupId={g.id} groupName={name} />
        </Suspense>
      ) : null}
      <Section title={t('groups.pupilsTitle')}>
        <GroupPupilTable group={g} caption={t('groups.pupilsCaption', { group: name })} />
      </Section>
    </Page>
  );
}
