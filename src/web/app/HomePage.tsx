// The landing page: what fits the user's roles (me.home first). A teacher sees their groups and pupils,
// the care coordinator the whole school, a parent their children, an admin the school set-up.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Empty, FormError, Loading, Page, Section, TextField } from '../shared/components';
import { compareText } from '../shared/format';
import { hasRole, managedSchools, STAFF_ROLES, useMe } from '../shared/session';
import { roleLabel, useGroupLabel } from '../shared/labels';
import type { GroupDetail, GroupSummary, Home, Items, MeSchool } from '../shared/types';
import { GroupPupilTable, GroupTable } from '../groups/pages';
import { supportPaths, type TasksView } from '../support/api';
import { TaskList } from '../support/TaskList';
import { hasTasks } from './nav';

/** The "Mijn taken" panel shows this many tasks (the most urgent first, as the server sorts them). */
const HOME_TASKS = 5;

function TasksPanel() {
  const { t } = useTranslation();
  const tasks = useApi<TasksView>(supportPaths.tasks());
  const all = tasks.data?.tasks ?? [];
  const title = t('supportPortal.home.title');
  return (
    <Section
      title={title}
      actions={
        <Link to="/taken" className="button secondary small">
          {tasks.data ? t('supportPortal.home.all', { count: all.length }) : t('supportPortal.home.allPlain')}
        </Link>
      }
    >
      {tasks.error ? (
        <FormError error={tasks.error} />
      ) : !tasks.data ? (
        <Loading />
      ) : all.length === 0 ? (
        <Empty>{t('supportPortal.home.none')}</Empty>
      ) : (
        <>
          <TaskList tasks={all.slice(0, HOME_TASKS)} label={title} />
          {all.length > HOME_TASKS ? <p className="muted">{t('supportPortal.home.more', { count: all.length - HOME_TASKS })}</p> : null}
        </>
      )}
    </Section>
  );
}

/** Up to this many groups, the landing page lists each group's pupils. */
const MAX_GROUP_TABLES = 2;

function TeacherGroup({ id, name: rawName, schoolId }: { id: number; name: string; schoolId: number }) {
  const { t } = useTranslation();
  const name = useGroupLabel()(rawName, schoolId);
  const group = useApi<GroupDetail>(`/api/groups/${id}`);
  return (
    <Section
      title={name}
      actions={
        <Link to={`/groepen/${id}`} className="button secondary small">
          {t('home.openGroup')}
          <span className="visually-hidden"> {name}</span>
        </Link>
      }
    >
      {group.error ? <FormError error={group.error} /> : !group.data ? <Loading /> : <GroupPupilTable group={group.data} caption={t('home.pupilsOf', { group: name })} />}
    </Section>
  );
}

function TeacherSection() {
  const { t } = useTranslation();
  const me = useMe();
  const groups = [...me.groups].sort((a, b) => compareText(a.name, b.name));
  if (groups.length === 0) {
    return (
      <Section title={t('home.myGroups')}>
        <Empty>{t('home.noGroups')}</Empty>
      </Section>
    );
  }
  if (groups.length > MAX_GROUP_TABLES) return <TeacherGroupList ids={groups.map((g) => g.id)} />;
  return (
    <>
      {groups.map((g) => (
        <TeacherGroup key={g.id} id={g.id} name={g.name} schoolId={g.schoolId} />
      ))}
    </>
  );
}

/** With many groups (a subject teacher), one table of the groups instead of every group's pupils. */
function TeacherGroupList({ ids }: { ids: number[] }) {
  const { t } = useTranslation();
  const groups = useApi<Items<GroupSummary>>('/api/groups');
  const mine = (groups.data?.items ?? []).filter((g) => ids.includes(g.id)).sort((a, b) => compareText(a.name, b.name));
  return (
    <Section title={t('home.myGroups')}>
      {groups.error ? <FormError error={groups.error} /> : !groups.data ? <Loading /> : <GroupTable groups={mine} caption={t('home.myGroups')} />}
    </Section>
  );
}

function PupilSearch({ schoolId, schoolName }: { schoolId?: number; schoolName?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const label = schoolName ? t('home.searchPupilIn', { school: schoolName }) : t('home.searchPupil');
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/leerlingen${query({ q: q.trim(), school: schoolId })}`);
  }
  return (
    <form className="inline-search" role="search" aria-label={label} onSubmit={submit}>
      <TextField type="search" label={label} value={q} onChange={setQ} autoComplete="off" />
      <button type="submit" className="button">
        {t('home.search')}
      </button>
    </form>
  );
}

function SchoolOverview({ school, showName }: { school: MeSchool; showName: boolean }) {
  const { t } = useTranslation();
  const groups = useApi<Items<GroupSummary>>(`/api/groups${query({ schoolId: school.id })}`);
  const current = (groups.data?.items ?? []).filter((g) => g.schoolYear.current).sort((a, b) => compareText(a.name, b.name));
  const pupilCount = current.reduce((n, g) => n + g.pupilCount, 0);
  return (
    <Section
      title={showName ? school.name : t('home.schoolTitle')}
      actions={
        <Link to={`/leerlingen${query({ school: showName ? school.id : undefined })}`} className="button secondary small">
          {t('home.allPupils')}
        </Link>
      }
    >
      <PupilSearch schoolId={showName ? school.id : undefined} schoolName={showName ? school.name : undefined} />
      {groups.error ? (
        <FormError error={groups.error} />
      ) : !groups.data ? (
        <Loading />
      ) : current.length === 0 ? (
        <Empty>{t('home.noSchoolGroups')}</Empty>
      ) : (
        <>
          <p className="muted">{t('home.schoolSummary', { groups: current.length, pupils: pupilCount })}</p>
          <GroupTable groups={current} caption={t('home.groupsOf', { school: school.name })} />
        </>
      )}
    </Section>
  );
}

function CareSection() {
  const me = useMe();
  const schools = me.schools.filter((s) => s.canSeeAllPupils);
  const list = schools.length > 0 ? schools : me.schools;
  return (
    <>
      {list.map((s) => (
        <SchoolOverview key={s.id} school={s} showName={me.schools.length > 1} />
      ))}
    </>
  );
}

function ParentSection() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Section title={t('home.children')}>
      {me.children.length === 0 ? (
        <Empty>{t('home.noChildren')}</Empty>
      ) : (
        <ul className="link-cards">
          {me.children.map((c) => (
            <li key={c.id}>
              <Link to={`/leerlingen/${c.id}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function AdminSection() {
  const { t } = useTranslation();
  const links: { to: string; label: string; text: string }[] = [
    { to: '/beheer/school', label: t('nav.adminSchool'), text: t('home.adminSchool') },
    { to: '/beheer/jaren', label: t('nav.adminYears'), text: t('home.adminYears') },
    { to: '/beheer/groepen', label: t('nav.adminGroups'), text: t('home.adminGroups') },
    { to: '/beheer/leerlingen', label: t('nav.adminPupils'), text: t('home.adminPupils') },
    { to: '/beheer/accounts', label: t('nav.adminAccounts'), text: t('home.adminAccounts') },
    { to: '/beheer/outbox', label: t('nav.adminOutbox'), text: t('home.adminOutbox') },
  ];
  return (
    <Section title={t('home.admin')}>
      <ul className="link-cards">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
            <span className="muted">{l.text}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function BoardSection() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Section title={t('home.boardSchools')}>
      {me.schools.length === 0 ? (
        <Empty>{t('home.noSchools')}</Empty>
      ) : (
        <ul className="link-cards">
          {me.schools.map((s) => (
            <li key={s.id}>
              <Link to={`/groepen${query({ school: s.id })}`}>{s.name}</Link>
              <span className="muted">{t(`sectors.${s.sector}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();

  const parts: { key: Home; node: ReactNode }[] = [];
  const wholeSchool = hasRole(me, 'care_coordinator', 'director') || me.schools.some((s) => s.canSeeAllPupils);
  if (hasRole(me, ...STAFF_ROLES) || me.groups.length > 0) parts.push({ key: 'teacher', node: <TeacherSection key="teacher" /> });
  if (wholeSchool) parts.push({ key: 'care', node: <CareSection key="care" /> });
  if (me.children.length > 0 || hasRole(me, 'parent')) parts.push({ key: 'parent', node: <ParentSection key="parent" /> });
  if (hasRole(me, 'board') && !wholeSchool) parts.push({ key: 'board', node: <BoardSection key="board" /> });
  if (managedSchools(me).length > 0 || hasRole(me, 'admin')) parts.push({ key: 'admin', node: <AdminSection key="admin" /> });
  parts.sort((a, b) => Number(b.key === me.home) - Number(a.key === me.home));

  // The roles in one line, e.g. "Groepsleerkracht · Intern begeleider".
  const roleNames = [...new Set(me.roles.map((r) => roleLabel(t, r.role, me, r.schoolId)))].join(' · ');

  return (
    <Page title={t('home.title', { name: me.name })} intro={roleNames ? <p className="muted">{roleNames}</p> : null}>
      {hasTasks(me) ? <TasksPanel /> : null}
      {parts.length === 0 ? <Empty>{t('home.nothing')}</Empty> : parts.map((p) => p.node)}
    </Page>
  );
}
