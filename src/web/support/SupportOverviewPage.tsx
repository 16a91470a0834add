// The school's pupils with extra support (/ondersteuning): per level of the school's model the pupils on it, with
// their group, since when, their running plans and the level rules' warnings; counts per level and filters (level,
// group, name, only with warnings). The server lists only the pupils the user may see (a teacher: their own).
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LevelDef } from '../../domain/support/model';
import { useApi } from '../shared/hooks';
import { CheckboxField, Empty, Facts, FormError, Loading, Section, SelectField, TableWrap, TextField } from '../shared/components';
import { SchoolScopedPage } from '../shared/SchoolScope';
import { compareText, formatDate } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';
import { supportPaths, type SupportOverviewView } from './api';
import { levelLabel, planKindShort } from './labels';
import './portal.css';

type Row = SupportOverviewView['rows'][number];

/** The section of pupils without a recorded level who are listed for a running plan (the server sends level ''). */
const NO_LEVEL = '-';
const levelKeyOf = (r: Row) => r.level || NO_LEVEL;

/** The school's levels in their order, then any level a pupil still has that the model no longer knows, then "no level". */
function levelsShown(view: SupportOverviewView): { key: string; def: LevelDef | null }[] {
  const known = view.levels.map((l) => ({ key: l.key, def: l as LevelDef | null }));
  const extra = [...new Set(view.rows.map((r) => r.level))].filter((k) => k !== '' && !view.levels.some((l) => l.key === k)).sort(compareText);
  const none = view.rows.some((r) => r.level === '') ? [{ key: NO_LEVEL, def: null }] : [];
  return [...known, ...extra.map((key) => ({ key, def: null })), ...none];
}

function Overview({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const res = useApi<SupportOverviewView>(supportPaths.overview(school.id));
  const [level, setLevel] = useState('');
  const [group, setGroup] = useState('');
  const [search, setSearch] = useState('');
  const [onlyWarnings, setOnlyWarnings] = useState(false);

  const groups = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of res.data?.rows ?? []) names.set(r.groupId === null ? '' : String(r.groupId), r.groupName ?? '');
    return [...names.entries()].sort((a, b) => compareText(a[1], b[1]));
  }, [res.data]);

  if (res.error) return <FormError error={res.error} />;
  if (!res.data) return <Loading />;
  const view = res.data;
  const levels = levelsShown(view);
  const labelOf = (key: string) => (key === NO_LEVEL ? t('supportPortal.overview.noLevel') : levelLabel(t, view.levels, key));
  const q = search.trim().toLocaleLowerCase('nl');
  const groupName = (r: Row) => (r.groupName ? groupLabel(t, r.groupName, school.sector) : t('supportPortal.overview.noGroup'));
  const rows = view.rows
    .filter((r) => (level ? levelKeyOf(r) === level : true))
    .filter((r) => (group ? (r.groupId === null ? '' : String(r.groupId)) === group : true))
    .filter((r) => (q ? r.name.toLocaleLowerCase('nl').includes(q) : true))
    .filter((r) => (onlyWarnings ? r.warnings.length > 0 : true))
    .sort((a, b) => compareText(a.groupName ?? '', b.groupName ?? '') || compareText(a.name, b.name));
  const filtered = Boolean(level || group || q || onlyWarnings);

  return (
    <>
      <Section title={t('supportPortal.overview.countsTitle')}>
        {view.rows.length === 0 ? (
          <Empty>{t('supportPortal.overview.nobody')}</Empty>
        ) : (
          <Facts
            items={[
              ...levels
                .filter((l) => l.key === NO_LEVEL || (view.counts[l.key] ?? 0) > 0 || l.def?.extraSupport)
                .map((l) => ({ label: labelOf(l.key), value: t('supportPortal.overview.pupils', { count: l.key === NO_LEVEL ? view.rows.filter((r) => r.level === '').length : (view.counts[l.key] ?? 0) }) })),
              { label: t('supportPortal.overview.total'), value: t('supportPortal.overview.pupils', { count: view.rows.length }) },
            ]}
          />
        )}
      </Section>
      {view.rows.length > 0 ? (
        <>
          <form className="filters" aria-label={t('supportPortal.overview.filters')} onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('supportPortal.overview.level')} value={level} onChange={setLevel}>
              <option value="">{t('supportPortal.overview.allLevels')}</option>
              {levels.map((l) => (
                <option key={l.key} value={l.key}>
                  {labelOf(l.key)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('supportPortal.overview.group')} value={group} onChange={setGroup}>
              <option value="">{t('supportPortal.overview.allGroups')}</option>
              {groups.map(([id, name]) => (
                <option key={id} value={id}>
                  {name ? groupLabel(t, name, school.sector) : t('supportPortal.overview.noGroup')}
                </option>
              ))}
            </SelectField>
            <TextField type="search" label={t('supportPortal.overview.search')} value={search} onChange={setSearch} autoComplete="off" />
            <CheckboxField label={t('supportPortal.overview.onlyWarnings')} checked={onlyWarnings} onChange={setOnlyWarnings} />
          </form>
          <p className="result-count" role="status">
            {filtered ? t('supportPortal.overview.shownOf', { count: rows.length, total: view.rows.length }) : t('supportPortal.overview.pupils', { count: rows.length })}
          </p>
          {rows.length === 0 ? <Empty>{t('supportPortal.overview.noMatch')}</Empty> : null}
          {levels.map((l) => {
            const atLevel = rows.filter((r) => levelKeyOf(r) === l.key);
            if (atLevel.length === 0) return null;
            const label = labelOf(l.key);
            return (
              <Section key={l.key} title={`${label} (${atLevel.length})`}>
                {l.def?.description ? <p className="hint">{l.def.description}</p> : null}
                <TableWrap>
                  <table className="spp-overview-table">
                    <caption className="visually-hidden">{t('supportPortal.overview.tableCaption', { level: label })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('supportPortal.overview.pupil')}</th>
                        <th scope="col">{t('supportPortal.overview.group')}</th>
                        <th scope="col">{t('supportPortal.overview.since')}</th>
                        <th scope="col">{t('supportPortal.overview.plans')}</th>
                        <th scope="col">{t('supportPortal.overview.warnings')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {atLevel.map((r) => (
                        <tr key={r.pupilId}>
                          <th scope="row">
                            <Link to={`/leerlingen/${r.pupilId}/ondersteuning`}>{r.name}</Link>
                          </th>
                          <td className="nowrap">{groupName(r)}</td>
                          <td className="nowrap">{r.since ? formatDate(r.since) : '—'}</td>
                          <td>
                            {r.activePlans.length === 0 ? (
                              <span className="muted">{t('supportPortal.overview.noPlans')}</span>
                            ) : (
                              <ul className="plain-list">
                                {r.activePlans.map((p) => (
                                  <li key={p.id}>
                                    <Link to={`/leerlingen/${r.pupilId}/plannen/${p.id}`}>
                                      {planKindShort(t, p.kind)}: {p.title}
                                      <span className="visually-hidden"> ({r.name})</span>
                                    </Link>
                                    {p.endsOn ? <span className="small-line muted">{t('supportPortal.overview.until', { date: formatDate(p.endsOn) })}</span> : null}
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                          <td>
                            {r.warnings.length === 0 ? (
                              <span className="muted">{t('supportPortal.overview.noWarnings')}</span>
                            ) : (
                              <ul className="spp-warning-list">
                                {r.warnings.map((w, i) => (
                                  <li key={`${w.code}-${i}`}>{w.message}</li>
                                ))}
                              </ul>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </Section>
            );
          })}
        </>
      ) : null}
    </>
  );
}

export function SupportOverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SchoolScopedPage
      title={t('supportPortal.overview.title')}
      schools={me.schools}
      noSchool={t('supportPortal.overview.noSchool')}
    >
      {(school) => (
        <>
          <p>{t('supportPortal.overview.intro')}</p>
          <Overview key={school.id} school={school} />
        </>
      )}
    </SchoolScopedPage>
  );
}
