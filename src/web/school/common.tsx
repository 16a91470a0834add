// Shared parts of the admin pages: choosing which school to set up.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SchoolScopedPage } from '../shared/SchoolScope';
import { managedSchools, useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';

/** Frame of an admin page: title, school picker, and a clear message when the user manages no school. */
export function AdminPage({ title, intro, children }: { title: string; intro?: ReactNode; children: (school: MeSchool) => ReactNode }) {
  const { t } = useTranslation();
  return <SchoolScopedPage title={title} intro={intro} schools={managedSchools(useMe())} noSchool={t('school.noManagedSchool')}>{children}</SchoolScopedPage>;
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
