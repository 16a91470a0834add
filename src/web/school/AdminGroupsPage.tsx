// Groups of a school year: create and edit groups, and assign their staff (teacher, mentor, subject teacher).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, Empty, fieldError, FormError, LoadError, Loading, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { compareText, formatGrades } from '../shared/format';
import { groupLabel, staffKindLabel } from '../shared/labels';
import { STAFF_KINDS, type GroupSummary, type Items, type MeSchool, type SchoolYear, type StaffKind, type StaffMember, type User } from '../shared/types';
import { StaffNames } from '../groups/pages';
import { AdminPage, gradeRange } from './common';
// The list of VO levels is a pure domain rule shared with the server.
import { VO_LEVELS } from '../../domain/school/groups';


function GradesField({ sector, value, onChange, error }: { sector: 'po' | 'vo'; value: number[]; onChange: (v: number[]) => void; error?: string }) {
  const { t } = useTranslation();
  const toggle = (g: number) => onChange(value.includes(g) ? value.filter((x) => x !== g) : [...value, g].sort((a, b) => a - b));
  return (
    <fieldset className={`checks-inline${error ? ' field-invalid' : ''}`} aria-describedby={error ? 'grades-error' : undefined}>
      <legend>{sector === 'vo' ? t('school.gradesVo') : t('school.gradesPo')}</legend>
      <p className="hint">{sector === 'vo' ? t('school.gradesVoHint') : t('school.gradesPoHint')}</p>
      <div className="check-row">
        {gradeRange(sector).map((g) => (
          <label key={g} className="check-chip">
            <input type="checkbox" checked={value.includes(g)} onChange={() => toggle(g)} /> {g}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id="grades-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function GroupForm({
  school,
  yearId,
  group,
  onSaved,
  onClose,
}: {
  school: MeSchool;
  yearId: number;
  group?: GroupSummary;
  onSaved: (g: GroupSummary) => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [grades, setGrades] = useState<number[]>(group?.grades ?? []);
  const [level, setLevel] = useState(group?.level ?? '');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const body = { name: name.trim(), grades, level: school.sector === 'vo' ? level.trim() || null : undefined };
    const saved = await run(() =>
      group
        ? api.patch<GroupSummary>(`/api/groups/${group.id}`, { version: group.version, ...body })
        : api.post<GroupSummary>(`/api/schools/${school.id}/groups`, { schoolYearId: yearId, ...body }),
    );
    if (saved) {
      onSaved(saved);
      if (group) {
        setDone(t('common.saved'));
      } else {
        setDone(t('school.groupCreated', { name: saved.name }));
        setName('');
        setGrades([]);
        setLevel('');
      }
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      {group ? <h3>{t('school.groupDataTitle')}</h3> : null}
      {done ? (
        <Alert kind="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      <FormError error={error} />
      <div className="form-grid">
        <TextField label={t('school.groupName')} value={name} onChange={setName} required autoComplete="off" hint={t('school.groupNameHint')} error={fieldError(error, 'name')} />
        {school.sector === 'vo' ? (
          <SelectField label={t('school.level')} value={level} onChange={setLevel} required hint={t('school.levelHint')} error={fieldError(error, 'level')}>
            <option value="">{t('common.choose')}</option>
            {(VO_LEVELS as readonly string[]).concat(level && !(VO_LEVELS as readonly string[]).includes(level) ? [level] : []).map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <GradesField sector={school.sector} value={grades} onChange={setGrades} error={fieldError(error, 'grades')} />
      <div className="form-actions">
        <SubmitButton busy={busy}>{group ? t('common.save') : t('school.createGroup')}</SubmitButton>
        {onClose ? (
          <button type="button" className="button secondary" onClick={onClose}>
            {t('common.close')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function StaffEditor({ school, group, onSaved }: { school: MeSchool; group: GroupSummary; onSaved: (g: GroupSummary) => void }) {
  const { t } = useTranslation();
  const users = useApi<Items<User>>(`/api/users${query({ schoolId: school.id })}`);
  const [staff, setStaff] = useState<StaffMember[]>(group.staff);
  const [userId, setUserId] = useState('');
  const [kind, setKind] = useState<StaffKind>(school.sector === 'vo' ? 'mentor' : 'teacher');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  useEffect(() => setStaff(group.staff), [group.staff]);

  // The server only accepts a task the person holds the matching role for at this school.
  const candidates = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((u) => !u.disabled && u.roles.some((r) => r.schoolId === school.id && r.role === kind))
        .sort((a, b) => compareText(a.name, b.name)),
    [users.data, school.id, kind],
  );
  const dirty = JSON.stringify(staff) !== JSON.stringify(group.staff);

  function add(e: FormEvent) {
    e.preventDefault();
    const user = candidates.find((u) => String(u.id) === userId);
    if (!user) return;
    if (staff.some((s) => s.userId === user.id && s.kind === kind)) return;
    setStaff((s) => [...s, { userId: user.id, name: user.name, kind }]);
    setUserId('');
    setSaved(false);
  }

  async function save() {
    setSaved(false);
    const updated = await run(() => api.put<GroupSummary>(`/api/groups/${group.id}/staff`, { staff: staff.map((s) => ({ userId: s.userId, kind: s.kind })) }));
    if (updated) {
      onSaved(updated);
      setSaved(true);
    }
  }

  return (
    <div className="subform">
      <h3>{t('school.staffTitle')}</h3>
      {saved ? (
        <Alert kind="success">
          <p>{t('common.saved')}</p>
        </Alert>
      ) : null}
      <FormError error={error ?? (users.error && !users.data ? users.error : null)} />
      {staff.length === 0 ? (
        <Empty>{t('school.noStaff')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('school.staffCaption', { group: groupLabel(t, group.name, school.sector) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('school.staffName')}</th>
                <th scope="col">{t('school.staffKind')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s, i) => (
                <tr key={`${s.userId}-${s.kind}`}>
                  <th scope="row">
                    {s.name}
                    {error?.fields[`staff.${i}`] ? <span className="field-error small-line">{error.fields[`staff.${i}`]}</span> : null}
                  </th>
                  <td>
                    <label className="visually-hidden" htmlFor={`kind-${s.userId}-${i}`}>
                      {t('school.staffKindFor', { name: s.name })}
                    </label>
                    <select
                      id={`kind-${s.userId}-${i}`}
                      value={s.kind}
                      onChange={(e) => setStaff((list) => list.map((x, j) => (j === i ? { ...x, kind: e.target.value as StaffKind } : x)))}
                    >
                      {STAFF_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {staffKindLabel(t, k)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="actions">
                    <button type="button" className="button link danger-text" onClick={() => setStaff((list) => list.filter((_, j) => j !== i))}>
                      {t('common.remove')}
                      <span className="visually-hidden"> {s.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h4 className="minor-heading">{t('school.staffAddTitle')}</h4>
      <p className="hint">{t('school.staffAddHint')}</p>
      <form onSubmit={add} noValidate className="form-row">
        <SelectField
          label={t('school.staffKind')}
          value={kind}
          onChange={(v) => {
            setKind(v as StaffKind);
            setUserId('');
          }}
        >
          {STAFF_KINDS.map((k) => (
            <option key={k} value={k}>
              {staffKindLabel(t, k)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('school.staffAddUser')} value={userId} onChange={setUserId}>
          <option value="">{users.loading ? t('common.loading') : t('common.choose')}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button secondary" disabled={!userId}>
          {t('school.staffAdd')}
        </button>
      </form>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void save()} disabled={busy || !dirty} aria-busy={busy || undefined}>
          {busy ? t('common.busy') : t('school.staffSave')}
        </button>
        {dirty ? <span className="muted">{t('school.unsaved')}</span> : null}
      </div>
    </div>
  );
}

function Groups({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const years = useApi<Items<SchoolYear>>(`/api/schools/${school.id}/years`);
  const [yearId, setYearId] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const yearList = useMemo(() => [...(years.data?.items ?? [])].sort((a, b) => compareText(b.startsOn, a.startsOn)), [years.data]);
  useEffect(() => {
    if (yearId === null && yearList.length > 0) setYearId((yearList.find((y) => y.current) ?? yearList[0]).id);
  }, [yearList, yearId]);

  const groups = useApi<Items<GroupSummary>>(yearId === null ? null : `/api/groups${query({ schoolId: school.id, schoolYearId: yearId })}`);
  const list = useMemo(() => [...(groups.data?.items ?? [])].filter((g) => g.schoolYear.id === yearId).sort((a, b) => compareText(a.name, b.name)), [groups.data, yearId]);
  const editGroup = list.find((g) => g.id === editing);

  function replace(g: GroupSummary) {
    const items = groups.data?.items ?? [];
    groups.setData({ items: items.some((x) => x.id === g.id) ? items.map((x) => (x.id === g.id ? g : x)) : [...items, g] });
  }

  if (years.error) return <LoadError error={years.error} onRetry={years.reload} />;
  if (!years.data) return <Loading />;
  if (yearList.length === 0) {
    return (
      <Alert kind="info">
        <p>
          {t('school.noYearsForGroups')} <Link to={`/beheer/jaren${query({ school: school.id })}`}>{t('nav.adminYears')}</Link>
        </p>
      </Alert>
    );
  }

  return (
    <>
      <form className="filters" aria-label={t('school.yearPicker')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('school.schoolYear')}
          value={yearId === null ? '' : String(yearId)}
          onChange={(v) => {
            setYearId(Number(v));
            setEditing(null);
          }}
        >
          {yearList.map((y) => (
            <option key={y.id} value={y.id}>
              {y.name}
              {y.current ? ` (${t('school.currentYear').toLowerCase()})` : ''}
            </option>
          ))}
        </SelectField>
      </form>
      <Section
        title={t('school.groupsTitle')}
        actions={
          !creating ? (
            <button type="button" className="button secondary small" onClick={() => setCreating(true)}>
              {t('school.newGroup')}
            </button>
          ) : null
        }
      >
        {creating && yearId !== null ? (
          <>
            <h3>{t('school.newGroup')}</h3>
            <GroupForm school={school} yearId={yearId} onSaved={replace} onClose={() => setCreating(false)} />
          </>
        ) : null}
        {groups.error ? (
          <FormError error={groups.error} />
        ) : !groups.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <Empty>{t('school.noGroups')}</Empty>
        ) : (
          <TableWrap>
            <table>
              <caption className="visually-hidden">{t('school.groupsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('school.groupName')}</th>
                  <th scope="col">{school.sector === 'vo' ? t('school.gradesVo') : t('school.gradesPo')}</th>
                  {school.sector === 'vo' ? <th scope="col">{t('school.level')}</th> : null}
                  <th scope="col" className="num">
                    {t('school.pupilCount')}
                  </th>
                  <th scope="col">{t('school.staffTitle')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((g) => (
                  <tr key={g.id} className={g.id === editing ? 'selected' : undefined}>
                    <th scope="row">
                      <Link to={`/groepen/${g.id}`}>{groupLabel(t, g.name, school.sector)}</Link>
                    </th>
                    <td>{formatGrades(g.grades)}</td>
                    {school.sector === 'vo' ? <td>{g.level ?? ''}</td> : null}
                    <td className="num">{g.pupilCount}</td>
                    <td>
                      <StaffNames staff={g.staff} />
                    </td>
                    <td className="actions">
                      <button type="button" className="button link" onClick={() => setEditing(g.id === editing ? null : g.id)} aria-expanded={g.id === editing}>
                        {t('common.edit')}
                        <span className="visually-hidden"> {groupLabel(t, g.name, school.sector)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      {editGroup && yearId !== null ? (
        <Section title={t('school.editGroupTitle', { name: groupLabel(t, editGroup.name, school.sector) })}>
          <GroupForm key={`form-${editGroup.id}`} school={school} yearId={yearId} group={editGroup} onSaved={replace} onClose={() => setEditing(null)} />
          <StaffEditor key={`staff-${editGroup.id}`} school={school} group={editGroup} onSaved={replace} />
        </Section>
      ) : null}
    </>
  );
}

export function AdminGroupsPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('school.groupsPageTitle')}>{(school) => <Groups key={school.id} school={school} />}</AdminPage>;
}
