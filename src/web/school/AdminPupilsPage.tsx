// Pupil administration: register a new pupil and find existing ones (editing happens on the pupil page).
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api';
import { useApi, useDebounced, useSubmit } from '../shared/hooks';
import { Alert, Empty, fieldError, FormError, Loading, Section, SubmitButton, TextField } from '../shared/components';
import { comparePupils, fullName } from '../shared/format';
import type { Items, MeSchool, PupilDetail, PupilSummary } from '../shared/types';
import { PupilTable } from '../students/PupilListPage';
import { AdminPage } from './common';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function NewPupilForm({ school, onCreated }: { school: MeSchool; onCreated: () => void }) {
  const { t } = useTranslation();
  const empty = { firstName: '', lastName: '', birthDate: '', entryDate: today() };
  const [form, setForm] = useState(empty);
  const [created, setCreated] = useState<PupilDetail | null>(null);
  const { busy, error, run } = useSubmit();
  const set = (key: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const pupil = await run(() =>
      api.post<PupilDetail>('/api/pupils', {
        schoolId: school.id,
        firstName: form.firstName.trim(),
        lastName: form.lastName.trim(),
        birthDate: form.birthDate,
        entryDate: form.entryDate,
      }),
    );
    if (pupil) {
      setCreated(pupil);
      setForm(empty);
      onCreated();
    }
  }

  return (
    <Section title={t('school.newPupilTitle')}>
      <form onSubmit={submit} noValidate>
        {created ? (
          <Alert kind="success">
            <p>
              {t('school.pupilCreated', { name: fullName(created) })} <Link to={`/leerlingen/${created.id}`}>{t('school.toPupilPage', { name: fullName(created) })}</Link>
            </p>
          </Alert>
        ) : null}
        <FormError error={error} />
        <div className="form-grid">
          <TextField label={t('students.firstName')} value={form.firstName} onChange={set('firstName')} required autoComplete="off" error={fieldError(error, 'firstName')} />
          <TextField label={t('students.lastName')} value={form.lastName} onChange={set('lastName')} required autoComplete="off" hint={t('school.lastNameHint')} error={fieldError(error, 'lastName')} />
          <TextField label={t('students.birthDate')} type="date" value={form.birthDate} onChange={set('birthDate')} required error={fieldError(error, 'birthDate')} />
          <TextField label={t('students.entryDate')} type="date" value={form.entryDate} onChange={set('entryDate')} required error={fieldError(error, 'entryDate')} />
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('school.createPupil')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function Pupils({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const pupils = useApi<Items<PupilSummary>>(`/api/pupils${query({ schoolId: school.id, q: debounced })}`);
  const sorted = useMemo(() => [...(pupils.data?.items ?? [])].sort(comparePupils), [pupils.data]);
  return (
    <>
      <NewPupilForm school={school} onCreated={pupils.reload} />
      <Section title={t('school.pupilsTitle')}>
        <form className="filters" role="search" aria-label={t('students.searchLabel')} onSubmit={(e) => e.preventDefault()}>
          <TextField type="search" label={t('students.search')} value={q} onChange={setQ} autoComplete="off" hint={t('school.pupilsHint')} />
        </form>
        <FormError error={pupils.error} />
        {!pupils.data ? (
          pupils.error ? null : <Loading />
        ) : sorted.length === 0 ? (
          <Empty>{q ? t('students.noneFound') : t('students.none')}</Empty>
        ) : (
          <>
            <p className="result-count">{t('students.count', { count: sorted.length })}</p>
            <PupilTable pupils={sorted} showSchool={false} caption={t('students.tableCaption')} />
          </>
        )}
      </Section>
    </>
  );
}

export function AdminPupilsPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('school.pupilsPageTitle')}>{(school) => <Pupils key={school.id} school={school} />}</AdminPage>;
}
