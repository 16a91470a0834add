// Accounts of a school: users with their roles; create (with a password or an invitation) and edit.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, CheckboxField, Empty, fieldError, FormError, Loading, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { compareText } from '../shared/format';
import { roleLabel } from '../shared/labels';
import { managedSchools, useMe } from '../shared/session';
import type { Items, MeSchool, Role, User, UserRole } from '../shared/types';
import { AdminPage } from './common';

/** Roles an admin can give within one school. */
const PAGE_SIZE = 50;

const SCHOOL_ROLES: Role[] = ['teacher', 'mentor', 'subject_teacher', 'care_coordinator', 'director', 'admin', 'parent'];

function RolesField({ school, value, onChange, error }: { school: MeSchool; value: Role[]; onChange: (v: Role[]) => void; error?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const toggle = (r: Role) => onChange(value.includes(r) ? value.filter((x) => x !== r) : [...value, r]);
  return (
    <fieldset className={`checks-inline${error ? ' field-invalid' : ''}`}>
      <legend>{t('school.rolesAt', { school: school.name })}</legend>
      <div className="check-row">
        {SCHOOL_ROLES.map((r) => (
          <label key={r} className="check-chip">
            <input type="checkbox" checked={value.includes(r)} onChange={() => toggle(r)} /> {roleLabel(t, r, me, school.id)}
          </label>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function NewAccountForm({ school, onCreated }: { school: MeSchool; onCreated: () => void }) {
  const { t } = useTranslation();
  const empty = { name: '', login: '', email: '', password: '' };
  const [form, setForm] = useState(empty);
  const [roles, setRoles] = useState<Role[]>(['teacher']);
  const [created, setCreated] = useState<{ name: string; invited: boolean } | null>(null);
  const { busy, error, run } = useSubmit();
  const set = (key: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const body = {
      name: form.name.trim(),
      login: form.login.trim(),
      email: form.email.trim() || undefined,
      password: form.password || undefined,
      roles: roles.map((role) => ({ role, schoolId: school.id })),
    };
    const ok = await run(async () => {
      await api.post('/api/users', body);
      return true;
    });
    if (ok) {
      setCreated({ name: body.name, invited: !body.password });
      setForm(empty);
      setRoles(['teacher']);
      onCreated();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      {created ? (
        <Alert kind="success">
          <p>{created.invited ? t('school.accountInvited', { name: created.name }) : t('school.accountCreated', { name: created.name })}</p>
        </Alert>
      ) : null}
      <FormError error={error} />
      <div className="form-grid">
        <TextField label={t('school.userName')} value={form.name} onChange={set('name')} required autoComplete="off" error={fieldError(error, 'name')} />
        <TextField label={t('school.userLogin')} value={form.login} onChange={set('login')} required autoComplete="off" autoCapitalize="none" spellCheck={false} error={fieldError(error, 'login')} />
        <TextField label={t('school.userEmail')} type="email" value={form.email} onChange={set('email')} autoComplete="off" hint={t('school.userEmailHint')} error={fieldError(error, 'email')} />
        <TextField
          label={t('school.userPassword')}
          type="password"
          value={form.password}
          onChange={set('password')}
          autoComplete="new-password"
          hint={t('school.userPasswordHint')}
          error={fieldError(error, 'password')}
        />
      </div>
      <RolesField school={school} value={roles} onChange={setRoles} error={fieldError(error, 'roles')} />
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('school.createAccount')}</SubmitButton>
      </div>
    </form>
  );
}

function EditAccountForm({ school, user, onSaved, onClose }: { school: MeSchool; user: User; onSaved: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email ?? '');
  const [disabled, setDisabled] = useState(user.disabled);
  const [roles, setRoles] = useState<Role[]>(user.roles.filter((r) => r.schoolId === school.id).map((r) => r.role));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const me = useMe();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    // The server replaces the roles at every school this admin manages (roles elsewhere stay):
    // send this school's roles as chosen and the other managed schools' roles unchanged.
    const managed = new Set(managedSchools(me).map((s) => s.id));
    const nextRoles: { role: Role; schoolId: number }[] = [
      ...user.roles
        .filter((r): r is UserRole & { schoolId: number } => r.schoolId !== null && r.schoolId !== school.id && managed.has(r.schoolId))
        .map((r) => ({ role: r.role, schoolId: r.schoolId })),
      ...roles.map((role) => ({ role, schoolId: school.id })),
    ];
    const ok = await run(async () => {
      await api.patch(`/api/users/${user.id}`, { name: name.trim(), email: email.trim() || null, disabled, roles: nextRoles });
      return true;
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      {saved ? (
        <Alert kind="success">
          <p>{t('common.saved')}</p>
        </Alert>
      ) : null}
      <FormError error={error} />
      <p className="muted">
        {t('school.userLogin')}: <strong>{user.login}</strong>
      </p>
      <div className="form-grid">
        <TextField label={t('school.userName')} value={name} onChange={setName} required autoComplete="off" error={fieldError(error, 'name')} />
        <TextField label={t('school.userEmail')} type="email" value={email} onChange={setEmail} autoComplete="off" error={fieldError(error, 'email')} />
      </div>
      <RolesField school={school} value={roles} onChange={setRoles} error={fieldError(error, 'roles')} />
      <CheckboxField label={t('school.userDisabled')} checked={disabled} onChange={setDisabled} hint={t('school.userDisabledHint')} error={fieldError(error, 'disabled')} />
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}

function Accounts({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const me = useMe();
  const [role, setRole] = useState('');
  const [q, setQ] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const users = useApi<Items<User>>(`/api/users${query({ schoolId: school.id, role })}`);
  const list = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase('nl');
    return [...(users.data?.items ?? [])]
      .filter((u) => !needle || [u.name, u.login, u.email ?? ''].some((v) => v.toLocaleLowerCase('nl').includes(needle)))
      .sort((a, b) => compareText(a.name, b.name));
  }, [users.data, q]);
  const shown = showAll ? list : list.slice(0, PAGE_SIZE);
  const editUser = list.find((u) => u.id === editing);

  const rolesText = (u: User) =>
    u.roles
      .filter((r) => r.schoolId === school.id || r.schoolId === null)
      .map((r) => roleLabel(t, r.role, me, r.schoolId ?? school.id))
      .join(', ');

  return (
    <>
      <Section
        title={t('school.newAccountTitle')}
        actions={
          !creating ? (
            <button type="button" className="button secondary small" onClick={() => setCreating(true)}>
              {t('school.newAccount')}
            </button>
          ) : (
            <button type="button" className="button secondary small" onClick={() => setCreating(false)}>
              {t('common.close')}
            </button>
          )
        }
      >
        {creating ? <NewAccountForm school={school} onCreated={users.reload} /> : <p className="muted">{t('school.newAccountIntro')}</p>}
      </Section>
      <Section title={t('school.accountsTitle')}>
        <form className="filters" aria-label={t('school.accountFilters')} onSubmit={(e) => e.preventDefault()}>
          <TextField type="search" label={t('school.accountSearch')} value={q} onChange={setQ} autoComplete="off" hint={t('school.accountSearchHint')} />
          <SelectField label={t('school.roleFilter')} value={role} onChange={setRole}>
            <option value="">{t('school.allRoles')}</option>
            {SCHOOL_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(t, r, me, school.id)}
              </option>
            ))}
          </SelectField>
        </form>
        <FormError error={users.error} />
        {!users.data ? (
          users.error ? null : <Loading />
        ) : list.length === 0 ? (
          <Empty>{t('school.noAccounts')}</Empty>
        ) : (
          <TableWrap>
            <table>
              <caption className="visually-hidden">{t('school.accountsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('school.userName')}</th>
                  <th scope="col">{t('school.userLogin')}</th>
                  <th scope="col">{t('school.userEmail')}</th>
                  <th scope="col">{t('school.userRoles')}</th>
                  <th scope="col">{t('school.userStatus')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr key={u.id} className={u.id === editing ? 'selected' : undefined}>
                    <th scope="row">{u.name}</th>
                    <td>{u.login}</td>
                    <td className="email">{u.email ?? <span className="muted">—</span>}</td>
                    <td>{rolesText(u)}</td>
                    <td>
                      {u.disabled ? <span className="badge badge-muted">{t('school.statusDisabled')}</span> : t('school.statusActive')}
                      {u.totpEnabled ? <span className="muted small-line">{t('school.userTotpOn')}</span> : null}
                    </td>
                    <td className="actions">
                      <button type="button" className="button link" onClick={() => setEditing(u.id === editing ? null : u.id)} aria-expanded={u.id === editing}>
                        {t('common.edit')}
                        <span className="visually-hidden"> {u.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {list.length > shown.length ? (
          <p>
            <span className="muted">{t('school.accountsShown', { shown: shown.length, total: list.length })}</span>{' '}
            <button type="button" className="button secondary small" onClick={() => setShowAll(true)}>
              {t('school.showAll', { count: list.length })}
            </button>
          </p>
        ) : null}
      </Section>
      {editUser ? (
        <Section title={t('school.editAccountTitle', { name: editUser.name })}>
          <EditAccountForm key={editUser.id} school={school} user={editUser} onSaved={users.reload} onClose={() => setEditing(null)} />
        </Section>
      ) : null}
    </>
  );
}

export function AccountsPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('school.accountsPageTitle')}>{(school) => <Accounts key={school.id} school={school} />}</AdminPage>;
}
