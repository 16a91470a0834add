// Shared parts of the admin pages: choosing which school to set up.
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, SelectField } from '../shared/components';
import { managedSchools, useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';

/** The school chosen with ?school= among the schools the user manages (the first one by default). */
export function useAdminSchool(): { school: MeSchool | undefined; schools: MeSchool[]; setSchool: (id: number) => void } {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const schools = managedSchools(me);
  const wanted = Number(params.get('school'));
  const school = schools.find((s) => s.id === wanted) ?? schools[0];
  function setSchool(id: number) {
    const next = new URLSearchParams(params);
    next.set('school', String(id));
    setParams(next, { replace: true });
  }
  return { school, schools, setSchool };
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

/** Frame of an admin page: title, school picker, and a clear message when the user manages no school. */
export function AdminPage({ title, intro, children }: { title: string; intro?: ReactNode; children: (school: MeSchool) => ReactNode }) {
  const { t } = useTranslation();
  const { school, schools, setSchool } = useAdminSchool();
  if (!school) {
    return (
      <Page title={t('errors.forbiddenTitle')}>
        <Alert kind="warning">
          <p>{t('school.noManagedSchool')}</p>
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

/** Grades a school can have: PO groep 1–8, VO leerjaar 1–6. */
export function gradeRange(sector: 'po' | 'vo'): number[] {
  return sector === 'vo' ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7, 8];
}

/** Turns URLs in a plain-text message into links; the rest stays text. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"')]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
