// The pupils the user may see, with search and filters (school, group).
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../shared/api';
import { useApi, useDebounced } from '../shared/hooks';
import { Empty, LoadError, Loading, Page, SelectField, TableWrap, TextField } from '../shared/components';
import { comparePupils, compareText, formatDate, fullName } from '../shared/format';
import { useMe } from '../shared/session';
import type { GroupSummary, Items, PupilSummary } from '../shared/types';
import { useGroupLabel } from '../shared/labels';

export function PupilTable({ pupils, showSchool, caption }: { pupils: PupilSummary[]; showSchool: boolean; caption: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const groupName = useGroupLabel();
  const schoolName = (id: number) => me.schools.find((s) => s.id === id)?.name ?? '';
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('students.name')}</th>
            <th scope="col">{t('students.birthDate')}</th>
            <th scope="col">{t('students.group')}</th>
            {showSchool ? <th scope="col">{t('students.school')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {pupils.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/leerlingen/${p.id}`}>{fullName(p)}</Link>
              </th>
              <td>{formatDate(p.birthDate)}</td>
              <td>
                {p.group ? <Link to={`/groepen/${p.group.id}`}>{groupName(p.group.name, p.schoolId)}</Link> : <span className="muted">{t('students.noGroup')}</span>}
                {p.handover ? (
                  <>
                    {' '}
                    <span className="badge badge-muted" title={t('students.handoverHint')}>
                      {t('students.handover')}
                    </span>
                  </>
                ) : null}
              </td>
              {showSchool ? <td>{schoolName(p.schoolId)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PupilListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const groupName = useGroupLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const schoolParam = params.get('school') ?? '';
  const groupParam = params.get('groep') ?? '';
  const debouncedQ = useDebounced(q.trim(), 250);

  const multiSchool = me.schools.length > 1;
  const pupils = useApi<Items<PupilSummary>>(`/api/pupils${query({ q: debouncedQ, schoolId: schoolParam, groupId: groupParam })}`);
  const groups = useApi<Items<GroupSummary>>(`/api/groups${query({ schoolId: schoolParam })}`);

  const groupOptions = useMemo(
    () =>
      (groups.data?.items ?? [])
        .filter((g) => g.schoolYear.current)
        .sort((a, b) => compareText(a.name, b.name)),
    [groups.data],
  );
  const sorted = useMemo(() => [...(pupils.data?.items ?? [])].sort(comparePupils), [pupils.data]);

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'school') next.delete('groep');
    setParams(next, { replace: true });
  }

  if (pupils.error && !pupils.data && pupils.error.status !== 400) return <LoadError error={pupils.error} onRetry={pupils.reload} />;

  return (
    <Page title={t('students.listTitle')}>
      <form className="filters" role="search" aria-label={t('students.searchLabel')} onSubmit={(e) => e.preventDefault()}>
        <TextField type="search" label={t('students.search')} value={q} onChange={(v) => setParam('q', v)} autoComplete="off" hint={t('students.searchHint')} />
        {multiSchool ? (
          <SelectField label={t('students.school')} value={schoolParam} onChange={(v) => setParam('school', v)}>
            <option value="">{t('students.allSchools')}</option>
            {me.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {groupOptions.length > 1 ? (
          <SelectField label={t('students.group')} value={groupParam} onChange={(v) => setParam('groep', v)}>
            <option value="">{t('students.allGroups')}</option>
            {groupOptions.map((g) => (
              <option key={g.id} value={g.id}>
                {groupName(g.name, g.schoolId)}
                {multiSchool && !schoolParam ? ` (${me.schools.find((s) => s.id === g.schoolId)?.name ?? ''})` : ''}
              </option>
            ))}
          </SelectField>
        ) : null}
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {pupils.data && !pupils.loading ? t('students.count', { count: sorted.length }) : ''}
      </p>
      {pupils.loading && !pupils.data ? (
        <Loading />
      ) : sorted.length === 0 ? (
        <Empty>{q ? t('students.noneFound') : t('students.none')}</Empty>
      ) : (
        <PupilTable pupils={sorted} showSchool={multiSchool} caption={t('students.tableCaption')} />
      )}
    </Page>
  );
}
