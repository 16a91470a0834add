// One pupil: basic data, group history, parents/carers. Admins can edit, enrol and manage guardians here.
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, CheckboxField, Empty, Facts, fieldError, FormError, LoadError, Loading, Page, Section, SelectField, SubmitButton, TableWrap, TextField, Yes } from '../shared/components';
import { compareText, formatDate, fullName } from '../shared/format';
import type { Guardian, GroupSummary, Items, PupilDetail, User } from '../shared/types';
import { useGroupLabel } from '../shared/labels';
import { useMe } from '../shared/session';

// Test results and signals (leerlingvolgsysteem) come with their own lazily loaded chunk.
const PupilSignalsSection = lazy(() => import('../assessments/pages').then((m) => ({ default: m.PupilSignalsSection })));

type Setter = (p: PupilDetail) => void;

// ---------- basic data ----------

function BasicData({ pupil, onSaved }: { pupil: PupilDetail; onSaved: Setter }) {
  const { t } = useTranslation();
  const groupName = useGroupLabel();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    birthDate: pupil.birthDate,
    entryDate: pupil.entryDate,
    leaveDate: pupil.leaveDate ?? '',
  });
  const { busy, error, setError, run } = useSubmit();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  function startEdit() {
    setForm({
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      birthDate: pupil.birthDate,
      entryDate: pupil.entryDate,
      leaveDate: pupil.leaveDate ?? '',
    });
    setError(null);
    setSaved(false);
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      version: pupil.version,
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      birthDate: form.birthDate,
      entryDate: form.entryDate,
      leaveDate: form.leaveDate || null,
    };
    const updated = await run(() => api.patch<PupilDetail>(`/api/pupils/${pupil.id}`, body));
    if (updated) {
      onSaved(updated);
      setEditing(false);
      setSaved(true);
    }
  }

  return (
    <Section
      title={t('students.basicData')}
      actions={
        pupil.can.editAdmin && !editing ? (
          <button type="button" className="button secondary small" onClick={startEdit}>
            {t('students.editBasic')}
          </button>
        ) : null
      }
    >
      {saved ? (
        <Alert kind="success">
          <p>{t('common.saved')}</p>
        </Alert>
      ) : null}
      {editing ? (
        <form onSubmit={submit} noValidate>
          <FormError error={error} />
          <div className="form-grid">
            <TextField label={t('students.firstName')} value={form.firstName} onChange={set('firstName')} required autoComplete="off" error={fieldError(error, 'firstName')} />
            <TextField label={t('students.lastName')} value={form.lastName} onChange={set('lastName')} required autoComplete="off" error={fieldError(error, 'lastName')} />
            <TextField label={t('students.birthDate')} type="date" value={form.birthDate} onChange={set('birthDate')} required error={fieldError(error, 'birthDate')} />
            <TextField label={t('students.entryDate')} type="date" value={form.entryDate} onChange={set('entryDate')} required error={fieldError(error, 'entryDate')} />
            <TextField
              label={t('students.leaveDateOptional')}
              type="date"
              value={form.leaveDate}
              onChange={set('leaveDate')}
              hint={t('students.leaveDateHint')}
              error={fieldError(error, 'leaveDate')}
            />
          </div>
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
            <button type="button" className="button secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <Facts
          items={[
            { label: t('students.firstName'), value: pupil.firstName },
            { label: t('students.lastName'), value: pupil.lastName },
            { label: t('students.age'), value: t('students.ageYears', { count: pupil.age }) },
            { label: t('students.birthDate'), value: formatDate(pupil.birthDate) },
            { label: t('students.entryDate'), value: formatDate(pupil.entryDate) },
            ...(pupil.leaveDate ? [{ label: t('students.leaveDate'), value: formatDate(pupil.leaveDate) }] : []),
            { label: t('students.school'), value: pupil.school.name },
            {
              label: t('students.currentGroup'),
              value: pupil.currentGroup ? <Link to={`/groepen/${pupil.currentGroup.id}`}>{groupName(pupil.currentGroup.name, pupil.school.id)}</Link> : t('students.noGroup'),
            },
          ]}
        />
      )}
    </Section>
  );
}

// ---------- group history and enrolment ----------

function EnrolForm({ pupil, onSaved }: { pupil: PupilDetail; onSaved: Setter }) {
  const { t } = useTranslation();
  const groupName = useGroupLabel();
  const groups = useApi<Items<GroupSummary>>(`/api/groups${query({ schoolId: pupil.school.id })}`);
  const [groupId, setGroupId] = useState('');
  const [grade, setGrade] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();

  const options = useMemo(
    () =>
      [...(groups.data?.items ?? [])].sort(
        (a, b) => Number(b.schoolYear.current) - Number(a.schoolYear.current) || compareText(b.schoolYear.name, a.schoolYear.name) || compareText(a.name, b.name),
      ),
    [groups.data],
  );
  const chosen = options.find((g) => String(g.id) === groupId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const body: { groupId: number; grade?: number } = { groupId: Number(groupId) };
    if (grade) body.grade = Number(grade);
    const updated = await run(() => api.post<PupilDetail>(`/api/pupils/${pupil.id}/enrolments`, body));
    if (updated) {
      onSaved(updated);
      setGroupId('');
      setGrade('');
      setDone(true);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      <h3>{t('students.enrolTitle')}</h3>
      <p className="hint">{t('students.enrolHint')}</p>
      {done ? (
        <Alert kind="success">
          <p>{t('students.enrolled')}</p>
        </Alert>
      ) : null}
      <FormError error={error ?? (groups.error && !groups.data ? groups.error : null)} />
      <div className="form-row">
        <SelectField
          label={t('students.group')}
          value={groupId}
          onChange={(v) => {
            setGroupId(v);
            setGrade('');
          }}
          required
          error={fieldError(error, 'groupId')}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((g) => (
            <option key={g.id} value={g.id}>
              {groupName(g.name, g.schoolId)} ({g.schoolYear.name})
            </option>
          ))}
        </SelectField>
        {chosen && chosen.grades.length > 1 ? (
          <SelectField label={t('students.grade')} value={grade} onChange={setGrade} required error={fieldError(error, 'grade')}>
            <option value="">{t('common.choose')}</option>
            {chosen.grades.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SubmitButton busy={busy}>{t('students.enrol')}</SubmitButton>
      </div>
    </form>
  );
}

function GroupHistory({ pupil, onSaved }: { pupil: PupilDetail; onSaved: Setter }) {
  const { t } = useTranslation();
  const groupName = useGroupLabel();
  const remove = useSubmit();
  const admin = pupil.can.editAdmin;

  async function removeEnrolment(enrolmentId: number, label: string) {
    if (!window.confirm(t('students.removeEnrolmentConfirm', { group: label }))) return;
    const updated = await remove.run(() => api.delete<PupilDetail>(`/api/pupils/${pupil.id}/enrolments/${enrolmentId}`));
    if (updated) onSaved(updated);
  }

  return (
    <Section title={t('students.historyTitle')}>
      <FormError error={remove.error} />
      {pupil.groupHistory.length === 0 ? (
        <Empty>{t('students.historyEmpty')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('students.historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('students.schoolYear')}</th>
                <th scope="col">{t('students.group')}</th>
                <th scope="col">{t('students.grade')}</th>
                {admin ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {pupil.groupHistory.map((h) => (
                <tr key={h.enrolmentId}>
                  <th scope="row">{h.schoolYear}</th>
                  <td>
                    <Link to={`/groepen/${h.groupId}`}>{groupName(h.groupName, pupil.school.id)}</Link>
                  </td>
                  <td>{h.grade ?? '—'}</td>
                  {admin ? (
                    <td className="actions">
                      <button
                        type="button"
                        className="button link danger-text"
                        disabled={remove.busy}
                        onClick={() => void removeEnrolment(h.enrolmentId, `${groupName(h.groupName, pupil.school.id)} (${h.schoolYear})`)}
                      >
                        {t('students.removeEnrolment')}
                        <span className="visually-hidden">
                          {' '}
                          {groupName(h.groupName, pupil.school.id)} {h.schoolYear}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {admin ? <EnrolForm pupil={pupil} onSaved={onSaved} /> : null}
    </Section>
  );
}

// ---------- guardians ----------

const RELATIONS = ['moeder', 'vader', 'ouder', 'verzorger', 'pleegouder', 'voogd'];

function RelationInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('students.relation')} value={value} onChange={onChange} list="relation-options" required autoComplete="off" hint={t('students.relationHint')} error={error} />
      <datalist id="relation-options">
        {RELATIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </>
  );
}

function AddGuardianForm({ pupil, onSaved, onClose }: { pupil: PupilDetail; onSaved: Setter; onClose: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [form, setForm] = useState({ name: '', email: '', phone: '', relation: '', userId: '' });
  const [hasAuthority, setHasAuthority] = useState(true);
  const parents = useApi<Items<User>>(mode === 'existing' ? `/api/users${query({ schoolId: pupil.school.id, role: 'parent' })}` : null);
  const { busy, error, run } = useSubmit();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const taken = new Set(pupil.guardians.map((g) => g.userId));
  const parentOptions = (parents.data?.items ?? []).filter((u) => !taken.has(u.id)).sort((a, b) => compareText(a.name, b.name));

  async function submit(e: FormEvent) {
    e.preventDefault();
    let body: Record<string, unknown>;
    if (mode === 'existing') {
      const user = parentOptions.find((u) => String(u.id) === form.userId);
      body = { userId: form.userId ? Number(form.userId) : undefined, name: user?.name ?? '', relation: form.relation.trim(), hasAuthority };
    } else {
      body = {
        name: form.name.trim(),
        email: form.email.trim() || undefined,
        phone: form.phone.trim() || undefined,
        relation: form.relation.trim(),
        hasAuthority,
      };
    }
    const updated = await run(() => api.post<PupilDetail>(`/api/pupils/${pupil.id}/guardians`, body));
    if (updated) {
      onSaved(updated);
      onClose();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      <h3>{t('students.addGuardianTitle')}</h3>
      <fieldset className="choice">
        <legend>{t('students.guardianAccount')}</legend>
        <label>
          <input type="radio" name="guardian-mode" checked={mode === 'new'} onChange={() => setMode('new')} /> {t('students.guardianNew')}
        </label>
        <label>
          <input type="radio" name="guardian-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} /> {t('students.guardianExisting')}
        </label>
      </fieldset>
      <FormError error={error} />
      <div className="form-grid">
        {mode === 'new' ? (
          <>
            <TextField label={t('students.guardianName')} value={form.name} onChange={set('name')} required autoComplete="off" error={fieldError(error, 'name')} />
            <TextField label={t('students.emailOptional')} type="email" value={form.email} onChange={set('email')} autoComplete="off" hint={t('students.emailHint')} error={fieldError(error, 'email')} />
            <TextField label={t('students.phoneOptional')} type="tel" value={form.phone} onChange={set('phone')} autoComplete="off" error={fieldError(error, 'phone')} />
          </>
        ) : (
          <SelectField label={t('students.parentAccount')} value={form.userId} onChange={set('userId')} required error={fieldError(error, 'userId')}>
            <option value="">{parents.loading ? t('common.loading') : t('common.choose')}</option>
            {parentOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.email ? ` (${u.email})` : ''}
              </option>
            ))}
          </SelectField>
        )}
        <RelationInput value={form.relation} onChange={set('relation')} error={fieldError(error, 'relation')} />
      </div>
      <CheckboxField label={t('students.hasAuthority')} checked={hasAuthority} onChange={setHasAuthority} hint={t('students.hasAuthorityHint')} error={fieldError(error, 'hasAuthority')} />
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('students.addGuardian')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditGuardianForm({ pupil, guardian, onSaved, onClose }: { pupil: PupilDetail; guardian: Guardian; onSaved: Setter; onClose: () => void }) {
  const { t } = useTranslation();
  const [relation, setRelation] = useState(guardian.relation);
  const [hasAuthority, setHasAuthority] = useState(guardian.hasAuthority);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const updated = await run(() => api.patch<PupilDetail>(`/api/pupils/${pupil.id}/guardians/${guardian.userId}`, { relation: relation.trim(), hasAuthority }));
    if (updated) {
      onSaved(updated);
      onClose();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      <h3>{t('students.editGuardianTitle', { name: guardian.name })}</h3>
      <FormError error={error} />
      <div className="form-grid">
        <RelationInput value={relation} onChange={setRelation} error={fieldError(error, 'relation')} />
      </div>
      <CheckboxField label={t('students.hasAuthority')} checked={hasAuthority} onChange={setHasAuthority} hint={t('students.hasAuthorityHint')} error={fieldError(error, 'hasAuthority')} />
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Guardians({ pupil, onSaved }: { pupil: PupilDetail; onSaved: Setter }) {
  const { t } = useTranslation();
  const admin = pupil.can.editAdmin;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useSubmit();
  const editGuardian = pupil.guardians.find((g) => g.userId === editing);

  async function removeGuardian(g: Guardian) {
    if (!window.confirm(t('students.removeGuardianConfirm', { name: g.name }))) return;
    const updated = await remove.run(() => api.delete<PupilDetail>(`/api/pupils/${pupil.id}/guardians/${g.userId}`));
    if (updated) onSaved(updated);
  }

  return (
    <Section
      title={t('students.guardiansTitle')}
      actions={
        admin && !adding ? (
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              setAdding(true);
              setEditing(null);
            }}
          >
            {t('students.addGuardian')}
          </button>
        ) : null
      }
    >
      <FormError error={remove.error} />
      {pupil.guardians.length === 0 ? (
        <Empty>{t('students.guardiansEmpty')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('students.guardiansTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('students.guardianName')}</th>
                <th scope="col">{t('students.relation')}</th>
                <th scope="col">{t('students.authority')}</th>
                <th scope="col">{t('students.email')}</th>
                <th scope="col">{t('students.phone')}</th>
                {admin ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {pupil.guardians.map((g) => (
                <tr key={g.userId}>
                  <th scope="row">{g.name}</th>
                  <td>{g.relation}</td>
                  <td>
                    <Yes value={g.hasAuthority} />
                  </td>
                  <td className="email">{g.email ? <a href={`mailto:${g.email}`}>{g.email}</a> : <span className="muted">—</span>}</td>
                  <td>{g.phone ? <a href={`tel:${g.phone.replace(/\s+/g, '')}`}>{g.phone}</a> : <span className="muted">—</span>}</td>
                  {admin ? (
                    <td className="actions">
                      <button
                        type="button"
                        className="button link"
                        onClick={() => {
                          setEditing(g.userId);
                          setAdding(false);
                        }}
                      >
                        {t('common.edit')}
                        <span className="visually-hidden"> {g.name}</span>
                      </button>
                      <button type="button" className="button link danger-text" disabled={remove.busy} onClick={() => void removeGuardian(g)}>
                        {t('common.remove')}
                        <span className="visually-hidden"> {g.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {admin && adding ? <AddGuardianForm pupil={pupil} onSaved={onSaved} onClose={() => setAdding(false)} /> : null}
      {admin && editGuardian ? <EditGuardianForm key={editGuardian.userId} pupil={pupil} guardian={editGuardian} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}

// ---------- page ----------

/**
 * How the pupil page offers the test results: staff and care roles at the pupil's school see the signals section
 * (the server decides; this only avoids asking for roles that never see results); a parent gets a link, because the
 * school decides whether parents see results, and an automatic request would log a refusal on every visit.
 */
function resultsAccess(me: ReturnType<typeof useMe>, p: PupilDetail): 'section' | 'link' | null {
  if (me.roles.some((r) => r.schoolId === p.school.id && ['care_coordinator', 'director', 'teacher', 'mentor', 'subject_teacher'].includes(r.role))) return 'section';
  if (me.children.some((c) => c.id === p.id)) return 'link';
  return null;
}

/**
 * Individual support: staff who may see the pupil's care (pupil.viewCare: care coordinator, director, the pupil's
 * teachers and mentors — the server decides, this only avoids offering the page to roles that never see it) get the
 * support page; a parent of the child gets the plans shared with parents.
 */
function supportAccess(me: ReturnType<typeof useMe>, p: PupilDetail): 'staff' | 'parent' | null {
  if (me.roles.some((r) => r.schoolId === p.school.id && ['care_coordinator', 'director', 'teacher', 'mentor', 'subject_teacher'].includes(r.role))) return 'staff';
  if (me.children.some((c) => c.id === p.id)) return 'parent';
  return null;
}

export function PupilPage() {
  const { t } = useTranslation();
  const groupName = useGroupLabel();
  const { id } = useParams();
  const me = useMe();
  const pupil = useApi<PupilDetail>(`/api/pupils/${encodeURIComponent(id ?? '')}`);

  if (pupil.error) return <LoadError error={pupil.error} onRetry={pupil.reload} />;
  if (!pupil.data) return <Loading />;
  const p = pupil.data;

  return (
    <Page
      title={fullName(p)}
      intro={
        <p className="muted">
          {p.currentGroup ? `${groupName(p.currentGroup.name, p.school.id)} · ` : ''}
          {p.school.name}
        </p>
      }
      actions={
        <>
          {supportAccess(me, p) === 'staff' ? (
            <Link className="button secondary" to={`/leerlingen/${p.id}/ondersteuning`}>
              {t('support.links.pupilSupport')}
            </Link>
          ) : null}
          {supportAccess(me, p) === 'parent' ? (
            <Link className="button secondary" to={`/leerlingen/${p.id}/gedeelde-plannen`}>
              {t('support.links.parentPlans')}
            </Link>
          ) : null}
          {supportAccess(me, p) === 'parent' ? (
            <Link className="button secondary" to={`/leerlingen/${p.id}/besprekingen`}>
              {t('meetings.parent.link')}
            </Link>
          ) : null}
          {resultsAccess(me, p) === 'link' ? (
            <Link className="button secondary" to={`/leerlingen/${p.id}/resultaten`}>
              {t('assessments.links.pupilResults')}
            </Link>
          ) : null}
          {p.can.viewAudit ? (
            <Link className="button secondary" to={`/leerlingen/${p.id}/logboek`}>
              {t('students.auditLink')}
            </Link>
          ) : null}
        </>
      }
    >
      <BasicData pupil={p} onSaved={pupil.setData} />
      {resultsAccess(me, p) === 'section' ? (
        <Suspense fallback={null}>
          <PupilSignalsSection pupilId={p.id} />
        </Suspense>
      ) : null}
      <GroupHistory pupil={p} onSaved={pupil.setData} />
      <Guardians pupil={p} onSaved={pupil.setData} />
    </Page>
  );
}
