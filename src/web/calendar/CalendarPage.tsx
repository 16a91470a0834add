// The care calendar (/jaarplanning): the school year month by month — test weeks, analyses, deadlines, report and
// parent-talk weeks, PO→VO dates, meetings and the derived plan evaluations — with kind badges and the rule warnings
// next to each item, filters by kind and group. The care coordinator generates the year from the template (preview
// first), edits, adds and deletes items and keeps the template, holidays and rules; every user can subscribe to their
// part with a private iCal link.
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import { useApi } from '../shared/hooks';
import { CheckboxField, Empty, FormError, Loading, Section, SelectField } from '../shared/components';
import { SchoolScopedPage } from '../shared/SchoolScope';
import { compareText, formatDate } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';
import { CALENDAR_EVENT_KINDS } from '../../domain/calendar/model';
import { calendarPaths, type CalendarItem, type CalendarView } from './api';
import { AddItemForm, ItemRow } from './ItemRow';
import { GeneratePanel } from './GeneratePanel';
import { SettingsPanel } from './SettingsPanel';
import { FeedPanel } from './FeedPanel';
import './calendar.css';

export const ITEM_KINDS = [
  ...CALENDAR_EVENT_KINDS,
  'groupDiscussion', 'pupilDiscussion', 'careTeam', 'bilateral', 'planEvaluation', 'oppEvaluation',
] as const;

/** "januari 2027" in the user's language. */
function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const locale = (i18n.language ?? 'nl').startsWith('en') ? 'en-GB' : 'nl-NL';
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function Calendar({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('jaar')) || null;
  const res = useApi<CalendarView>(calendarPaths.calendar(school.id, yearParam));
  const [kind, setKind] = useState('');
  const [group, setGroup] = useState('');
  const [onlyWarnings, setOnlyWarnings] = useState(false);

  const months = useMemo(() => {
    const view = res.data;
    if (!view) return [];
    const items = view.items
      .filter((i) => (kind ? i.kind === kind : true))
      .filter((i) => (group ? (group === 'school' ? i.group === null : String(i.group?.id ?? '') === group) : true))
      .filter((i) => (onlyWarnings ? i.warnings.length > 0 : true));
    const byMonth = new Map<string, CalendarItem[]>();
    for (const i of items) byMonth.set(i.startsOn.slice(0, 7), [...(byMonth.get(i.startsOn.slice(0, 7)) ?? []), i]);
    return [...byMonth.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [res.data, kind, group, onlyWarnings]);

  if (res.error) return <FormError error={res.error} />;
  if (!res.data) return <Loading />;
  const view = res.data;
  const manage = view.can.manage;
  const shown = months.reduce((n, [, list]) => n + list.length, 0);
  const warned = view.items.filter((i) => i.warnings.length > 0).length;
  const setYear = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('jaar', id);
    setParams(next, { replace: true });
  };
  const kindsPresent = ITEM_KINDS.filter((k) => view.items.some((i) => i.kind === k));

  return (
    <>
      <form className="filters calendar-filters" aria-label={t('calendar.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('calendar.filters.year')} value={String(view.schoolYear.id)} onChange={setYear}>
          {view.years.map((y) => (
            <option key={y.id} value={y.id}>
              {y.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('calendar.filters.kind')} value={kind} onChange={setKind}>
          <option value="">{t('calendar.filters.allKinds')}</option>
          {kindsPresent.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {view.groups.length > 0 ? (
          <SelectField label={t('calendar.filters.group')} value={group} onChange={setGroup}>
            <option value="">{t('calendar.filters.allGroups')}</option>
            <option value="school">{t('calendar.filters.wholeSchool')}</option>
            {[...view.groups].sort((a, b) => compareText(a.name, b.name)).map((g) => (
              <option key={g.id} value={g.id}>
                {groupLabel(t, g.name, view.sector)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <CheckboxField label={t('calendar.filters.onlyWarnings', { count: warned })} checked={onlyWarnings} onChange={setOnlyWarnings} />
      </form>

      {manage ? <GeneratePanel view={view} onDone={res.reload} /> : null}

      <Section title={t('calendar.list.title', { year: view.schoolYear.name })}>
        <p className="result-count" role="status">
          {t('calendar.list.count', { count: shown })}
        </p>
        {view.holidays.length > 0 ? (
          <details className="calendar-holidays">
            <summary>{t('calendar.list.holidays', { count: view.holidays.length })}</summary>
            <ul>
              {view.holidays.map((h) => (
                <li key={`${h.name}-${h.startsOn}`}>
                  {h.name}: {formatDate(h.startsOn)} – {formatDate(h.endsOn)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {months.length === 0 ? (
          <Empty>{view.items.length === 0 ? (manage ? t('calendar.list.emptyManage') : t('calendar.list.empty')) : t('calendar.list.noneFiltered')}</Empty>
        ) : (
          months.map(([month, list]) => (
            <div key={month} className="calendar-month">
              <h3>{monthLabel(month)}</h3>
              <ul className="calendar-items">
                {list.map((item) => (
                  <ItemRow key={item.id} item={item} view={view} onChanged={res.reload} />
                ))}
              </ul>
            </div>
          ))
        )}
        {manage ? <AddItemForm view={view} onAdded={res.reload} /> : null}
      </Section>

      {manage ? <SettingsPanel schoolId={school.id} onSaved={res.reload} /> : null}
    </>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SchoolScopedPage
      title={t('calendar.title')}
      intro={<p className="muted">{t('calendar.intro')}</p>}
      schools={me.schools}
      noSchool={t('calendar.noSchool')}
    >
      {(school) => (
        <>
          <Calendar key={school.id} school={school} />
          <FeedPanel />
          <p className="hint">
            <Link to="/taken">{t('calendar.tasksLink')}</Link>
          </p>
        </>
      )}
    </SchoolScopedPage>
  );
}
