// A group's dwarsdoorsnede: the distribution of levels for one instrument and moment, this and the previous
// moment side by side (bar chart and table), the share at or above the school norm, the pupils per level,
// and the group's signals.
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../shared/hooks';
import { Alert, Empty, FormError, LoadError, Loading, Page, Section, SelectField, TableWrap } from '../shared/components';
import { comparePupils, fullName } from '../shared/format';
import { useGroupLabel } from '../shared/labels';
import { useMe } from '../shared/session';
import type { GroupDetail } from '../shared/types';
import { ChartCanvas } from './ChartCanvas';
import { GroupResultActions, GroupSignalsTable, InstrumentSelect, useInstrumentChoice, useInstruments } from './common';
import { levelsOf, mainLevel, type CrossSection, type GroupSignals, type LevelCount } from './types';
import { formatPercent, levelBarColours, momentLabel, momentOption, momentOrder, parseMoment } from './util';

function countOf(list: LevelCount[] | null, level: string): number {
  return list?.find((c) => c.level === level)?.count ?? 0;
}

function DistributionChart({ data, levels, label }: { data: CrossSection; levels: readonly string[]; label: string }) {
  const { t } = useTranslation();
  const colours = levelBarColours(levels.length);
  const build = useCallback(
    () => ({
      type: 'bar' as const,
      data: {
        labels: [...levels],
        datasets: [
          ...(data.previous && data.previousMoment
            ? [
                {
                  label: t('assessments.cross.previousLabel', { moment: data.previousMoment }),
                  data: levels.map((l) => countOf(data.previous, l)),
                  backgroundColor: colours.map((c) => `${c}66`),
                  borderColor: colours,
                  borderWidth: 2,
                },
              ]
            : []),
          {
            label: t('assessments.cross.currentLabel', { moment: data.moment }),
            data: levels.map((l) => countOf(data.current, l)),
            backgroundColor: colours,
            borderColor: colours,
            borderWidth: 2,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false as const,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('assessments.cross.pupils') } } },
      },
    }),
    [data, levels, colours, t],
  );
  return <ChartCanvas build={build} label={label} height={260} />;
}

function CrossSectionView({ data, sector }: { data: CrossSection; sector: 'po' | 'vo' }) {
  const { t } = useTranslation();
  const scale = data.instrument.levelScale;
  const levels = scale ? levelsOf(scale) : data.current.map((c) => c.level).filter((l) => l !== '?');
  const hasMissing = countOf(data.current, '?') > 0 || countOf(data.previous, '?') > 0;
  const total = data.current.reduce((n, c) => n + c.count, 0);
  const prevTotal = data.previous?.reduce((n, c) => n + c.count, 0) ?? 0;
  const share = data.norm.share;
  const meets = share.total > 0 && share.percent >= data.norm.percent;
  const chartLabel = t('assessments.cross.chartLabel', {
    moment: data.moment,
    counts: levels.map((l) => `${l}: ${countOf(data.current, l)}`).join(', '),
  });
  const pupils = [...data.pupils].sort(comparePupils);
  const rowsLevels = hasMissing ? [...levels, '?'] : levels;

  return (
    <>
      <Section title={t('assessments.cross.normTitle')}>
        <p className="norm-line">
          <span>{t('assessments.cross.normRule', { percent: data.norm.percent, level: data.norm.level })}</span>{' '}
          <strong className={share.total === 0 ? 'norm-none' : meets ? 'norm-ok' : 'norm-below'}>
            {share.total === 0 ? t('assessments.cross.normNoData') : t('assessments.cross.normShare', { percent: formatPercent(share.percent), count: share.count, total: share.total })}
          </strong>
        </p>
        {share.total > 0 ? <p className="muted">{meets ? t('assessments.cross.normMet') : t('assessments.cross.normNotMet')}</p> : null}
      </Section>
      <Section title={t('assessments.cross.distributionTitle')}>
        {total === 0 && prevTotal === 0 ? (
          <Empty>{t('assessments.cross.noResults')}</Empty>
        ) : (
          <div className="chart-and-table">
            <DistributionChart data={data} levels={levels} label={chartLabel} />
            <TableWrap>
              <table>
                <caption className="visually-hidden">{t('assessments.cross.tableCaption', { instrument: data.instrument.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessments.fields.level')}</th>
                    {data.previousMoment ? (
                      <th scope="col" className="num">
                        {data.previousMoment}
                        <span className="visually-hidden"> {momentLabel(t, data.previousMoment, sector)}</span>
                      </th>
                    ) : null}
                    <th scope="col" className="num">
                      {data.moment}
                      <span className="visually-hidden"> {momentLabel(t, data.moment, sector)}</span>
                    </th>
                    <th scope="col" className="num">
                      {t('assessments.cross.percent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rowsLevels.map((l) => (
                    <tr key={l}>
                      <th scope="row">{l === '?' ? t('assessments.cross.noLevel') : l}</th>
                      {data.previousMoment ? <td className="num">{data.previous ? countOf(data.previous, l) : '—'}</td> : null}
                      <td className="num">{countOf(data.current, l)}</td>
                      <td className="num">{total > 0 ? formatPercent((countOf(data.current, l) / total) * 100) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('assessments.cross.total')}</th>
                    {data.previousMoment ? <td className="num">{data.previous ? prevTotal : '—'}</td> : null}
                    <td className="num">{total}</td>
                    <td className="num">{total > 0 ? '100 %' : '—'}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </div>
        )}
      </Section>
      <Section title={t('assessments.cross.pupilsTitle')}>
        {pupils.length === 0 ? (
          <Empty>{t('assessments.cross.noResults')}</Empty>
        ) : (
          <div className="level-columns">
            {rowsLevels.map((l) => {
              const list = pupils.filter((p) => (l === '?' ? !p.level : mainLevel(p.level) === l));
              return (
                <div key={l} className="level-column">
                  <h3>
                    {l === '?' ? t('assessments.cross.noLevel') : t('assessments.cross.levelHeading', { level: l })} <span className="muted">({list.length})</span>
                  </h3>
                  {list.length === 0 ? (
                    <p className="muted">—</p>
                  ) : (
                    <ul className="plain-list">
                      {list.map((p) => (
                        <li key={p.pupilId}>
                          <Link to={`/leerlingen/${p.pupilId}/resultaten`}>{fullName(p)}</Link>
                          {p.level && mainLevel(p.level) !== p.level ? <span className="muted"> ({p.level})</span> : null}
                          {p.previousLevel ? <span className="muted small-line">{t('assessments.cross.was', { level: p.previousLevel })}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </Section>
    </>
  );
}

export function CrossSectionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const groupName = useGroupLabel();
  const group = useApi<GroupDetail>(`/api/groups/${encodeURIComponent(id ?? '')}`);
  const g = group.data;
  const instruments = useInstruments(g?.schoolId);
  const withLevels = instruments.items.filter((i) => i.levelScale);
  const { instrument, moment, choose } = useInstrumentChoice(g, withLevels);
  const moments = useMemo(() => (instrument ? [...instrument.moments].sort(momentOrder) : []), [instrument]);
  const data = useApi<CrossSection>(g && instrument && moment ? `/api/groups/${g.id}/cross-section?instrumentId=${instrument.id}&moment=${encodeURIComponent(moment)}` : null);
  const signals = useApi<GroupSignals>(g ? `/api/groups/${g.id}/signals` : null);

  if (group.error) return <LoadError error={group.error} onRetry={group.reload} />;
  if (!g) return <Loading />;
  const name = groupName(g.name, g.schoolId);
  const sector = me.schools.find((s) => s.id === g.schoolId)?.sector ?? 'po';
  const ownMoments = moments.filter((m) => g.grades.includes(parseMoment(m)?.grade ?? -1));
  const otherMoments = moments.filter((m) => !ownMoments.includes(m));

  return (
    <Page
      title={t('assessments.cross.title', { group: name })}
      actions={<GroupResultActions groupId={g.id} to="resultaten" instrument={instrument} moment={moment} />}
    >
      <form className="filters" aria-label={t('assessments.cross.choose')} onSubmit={(e) => e.preventDefault()}>
        <InstrumentSelect instruments={withLevels} chosen={instrument} loading={instruments.loading} onChange={(v) => choose('instrument', v)} />
        <SelectField label={t('assessments.moment')} value={moment} onChange={(v) => choose('moment', v)} disabled={!instrument}>
          {ownMoments.length > 0 && otherMoments.length > 0 ? (
            <>
              <optgroup label={t('assessments.cross.ownGrade')}>
                {ownMoments.map((m) => (
                  <option key={m} value={m}>
                    {momentOption(t, m, sector)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('assessments.cross.otherGrades')}>
                {otherMoments.map((m) => (
                  <option key={m} value={m}>
                    {momentOption(t, m, sector)}
                  </option>
                ))}
              </optgroup>
            </>
          ) : (
            moments.map((m) => (
              <option key={m} value={m}>
                {momentOption(t, m, sector)}
              </option>
            ))
          )}
        </SelectField>
      </form>
      <FormError error={instruments.error} />
      {instruments.data && withLevels.length === 0 ? <Empty>{t('assessments.noInstruments')}</Empty> : null}
      {data.error ? <FormError error={data.error} /> : data.data ? <CrossSectionView data={data.data} sector={sector} /> : instrument ? <Loading /> : null}
      <Section title={t('assessments.signals.groupTitle')}>
        {signals.error ? <FormError error={signals.error} /> : !signals.data ? <Loading /> : <GroupSignalsTable items={signals.data.items} caption={t('assessments.signals.groupCaption', { group: name })} />}
      </Section>
      <Alert kind="info">
        <p>{t('assessments.pupil.normsNote')}</p>
      </Alert>
    </Page>
  );
}

/** For the group page: the group's signals and links to entering results and the dwarsdoorsnede. */
export function GroupResultsSection({ groupId, groupName: name }: { groupId: number; groupName: string }) {
  const { t } = useTranslation();
  const signals = useApi<GroupSignals>(`/api/groups/${groupId}/signals`);
  if (signals.error?.status === 403) return null;
  return (
    <Section
      title={t('assessments.signals.groupSectionTitle')}
      actions={
        <>
          <Link className="button secondary small" to={`/groepen/${groupId}/resultaten`}>
            {t('assessments.links.enterResults')}
          </Link>
          <Link className="button secondary small" to={`/groepen/${groupId}/dwarsdoorsnede`}>
            {t('assessments.links.crossSection')}
          </Link>
        </>
      }
    >
      {signals.error ? <FormError error={signals.error} /> : !signals.data ? <Loading /> : <GroupSignalsTable items={signals.data.items} caption={t('assessments.signals.groupCaption', { group: name })} />}
    </Section>
  );
}
