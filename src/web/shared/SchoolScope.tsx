// Pages that work on one school at a time (set-up, pupil-monitoring settings, trend): which school, chosen with
// ?school= among the schools the page allows, a picker when there are several, and a clear message when there are none.
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, SelectField } from './components';
import type { MeSchool } from './types';

/** The school chosen with ?school= among `schools` (the first one by default). */
export function useChosenSchool(schools: MeSchool[]): { school: MeSchool | undefined; setSchool: (id: number) => void } {
  const [params, setParams] = useSearchParams();
  const wanted = Number(params.get('school'));
  const school = schools.find((s) => s.id === wanted) ?? schools[0];
  function setSchool(id: number) {
    const next = new URLSearchParams(params);
    next.set('school', String(id));
    setParams(next, { replace: true });
  }
  return { school, setSchool };
}

export function SchoolPicker({ schools, school, onChange }: { schools: MeSchool[]; school: MeSchool | undefined; onChange: (id: number) => void }) {
  const { t } = useTranslation();
  if (schools.length < 2) return null;
  return (
    <form className="filters" aria-label={t('school.pickerLabel')} onSubmit={(e) => e.preventDefault()}>
      <SelectField label={t('school.school')} value={school ? String(school.id) : ''} onChange={(v) => onChange(Number(v))}>
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
    </form>
  );
}

/** Frame of a school-level page: title, the picker, and `noSchool` (why there is nothing) when `schools` is empty. */
export function SchoolScopedPage({ title, intro, schools, noSchool, children }: {
  title: string;
  intro?: ReactNode;
  schools: MeSchool[];
  noSchool: string;
  children: (school: MeSchool) => ReactNode;
}) {
  const { t } = useTranslation();
  const { school, setSchool } = useChosenSchool(schools);
  if (!school) {
    return (
      <Page title={t('errors.forbiddenTitle')}>
        <Alert kind="warning">
          <p>{noSchool}</p>
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={title} intro={intro ?? (schools.length < 2 ? <p className="muted">{school.name}</p> : null)}>
      <SchoolPicker schools={schools} school={school} onChange={setSchool} />
      {children(school)}
    </Page>
  );
}
