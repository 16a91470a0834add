// The school's trend (care coordinator, director, board): over the last four school years, per grade, the share
// of pupils at or above the school norm for one domain and instrument. Chart and table with the same data.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../shared/hooks';
import { Empty, FormError, Loading, Section, SelectField, TableWrap } from '../shared/components';
import { useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';
import { ChartCanvas } from './ChartCanvas';
import { overviewSchools, SchoolPage, useInstruments } from './common';
import { DOMAINS, type Trend } from './types';
import { domainLabel, formatPercent } from './util';

const LINE_COLOURS = ['#1d5c63', '#b23b3b', '#7a4b00', '#3b5bb2', '#2e7d4f', '#8a3ba6', '#4f5d6b', '#c9a227'];

type Point = Trend['grades'][number]['points'][number];

/** Per year the point to plot: the last moment of that year. */
function pointFor(points: Point[], year: string): Point | undefined {
  const list = points.filter((p) => p.schoolYear === year);
  return list[list.length - 1];
}

function TrendChart({ trend, label, gradeName }: { trend: Trend; label: string; gradeName: (g: number) => string }) {
  const { t } = useTranslation();
  const build = useCallback(
    () => ({
      type: 'line' as const,
      data: {
        labels: trend.years,
        datasets: [
          ...trend.grades.map((g, i) => ({
            label: gradeName(g.grade),
            data: trend.years.map((y) => pointFor(g.points, y)?.percent ?? null),
            borderColor: LINE_COLOURS[i % LINE_COLOURS.length],
            backgroundColor: LINE_COLOURS[i % LINE_COLOURS.length],
            borderWidth: 2,
            pointRadius: 4,
            spanGaps: true,
          })),
          {
            label: t('assessments.trend.normLine', { percent: trend.norm.percent }),
            data: trend.years.map(() => trend.norm.percent),
            borderColor: '#13202b',
            backgroundColor: '#13202b',
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false as const,
        scales: { y: { min: 0, max: 100, title: { display: true, text: t('assessments.trend.axis', { level: trend.norm.level }) } } },
      },
    }),
    [trend, t, gradeName],
  );
  return <ChartCanvas build={build} label={label} height={320} />;
}

function TrendView({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const instruments = useInstruments(school.id);
  const withLevels = instruments.items.filter((i) => i.levelScale);
  const domains = DOMAINS.filter((d) => withLevels.some((i) => i.domain === d));
  const domain = domains.find((d) => d === params.get('domein')) ?? domains[0];
  const inDomain = withLevels.filter((i) => i.domain === domain);
  // Without a chosen test the trend counts every test of the domain (the school norm is on levels, which they share).
  const instrument = inDomain.find((i) => String(i.id) === params.get('instrument'));
  const trend = useApi<Trend>(domain ? `/api/schools/${school.id}/trend?domain=${encodeURIComponent(domain)}${instrument ? `&instrumentId=${instrument.id}` : ''}` : null);
  const unit = school.sector === 'vo' ? t('assessments.trend.gradeVo') : t('assessments.trend.gradePo');
  const gradeName = useCallback((g: number) => `${unit} ${g}`, [unit]);

  function choose(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'domein') next.delete('instrument');
    setParams(next, { replace: true });
  }

  const tr = trend.data;
  const chartLabel = useMemo(() => {
    if (!tr) return '';
    return t('assessments.trend.chartLabel', {
      summary: tr.grades
        .map((g) => `${gradeName(g.grade)}: ${tr.years.map((y) => `${y} ${pointFor(g.points, y) ? formatPercent(pointFor(g.points, y)!.percent) : '—'}`).join(', ')}`)
        .join('; '),
    });
  }, [tr, t, gradeName]);

  if (instruments.data && withLevels.length === 0) return <Empty>{t('assessments.trend.noLevelInstruments')}</Empty>;

  return (
    <>
      <form className="filters" aria-label={t('assessments.trend.choose')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('assessments.domain')} value={domain ?? ''} onChange={(v) => choose('domein', v)}>
          {domains.map((d) => (
            <option key={d} value={d}>
              {domainLabel(t, d)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('assessments.instrument')} value={instrument ? String(instrument.id) : ''} onChange={(v) => choose('instrument', v)}>
          <option value="">{t('assessments.trend.allInstruments')}</option>
          {inDomain.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
      </form>
      <FormError error={instruments.error ?? trend.error} />
      {!tr ? (
        domain && !trend.error ? <Loading /> : null
      ) : (
        <>
          <Section title={t('assessments.trend.chartTitle', { percent: tr.norm.percent, level: tr.norm.level })}>
            {tr.grades.length === 0 ? (
              <Empty>{t('assessments.trend.noData')}</Empty>
            ) : (
              <TrendChart trend={tr} label={chartLabel} gradeName={gradeName} />
            )}
          </Section>
          {tr.grades.length > 0 ? (
            <Section title={t('assessments.trend.tableTitle')}>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">{t('assessments.trend.tableCaption', { instrument: instrument?.name ?? domainLabel(t, domain ?? '') })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{unit}</th>
                      {tr.years.map((y) => (
                        <th key={y} scope="col" className="num">
                          {y}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {tr.grades.map((g) => (
                      <tr key={g.grade}>
                        <th scope="row">{gradeName(g.grade)}</th>
                        {tr.years.map((y) => {
                          const list = g.points.filter((p) => p.schoolYear === y);
                          return (
                            <td key={y} className="num">
                              {list.length === 0
                                ? '—'
                                : list.map((p) => (
                                    <span key={p.moment} className={`small-line ${p.percent >= tr.norm.percent ? 'norm-ok' : 'norm-below'}`}>
                                      {p.percent >= tr.norm.percent ? <span aria-hidden="true">✓ </span> : null}
                                      {t('assessments.trend.cell', { moment: p.moment, percent: formatPercent(p.percent), count: p.atOrAbove, total: p.total })}
                                      {p.percent >= tr.norm.percent ? <span className="visually-hidden"> {t('assessments.trend.met')}</span> : null}
                                    </span>
                                  ))}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <p className="muted">{t('assessments.trend.legend', { percent: tr.norm.percent, level: tr.norm.level })}</p>
            </Section>
          ) : null}
        </>
      )}
    </>
  );
}

export function TrendPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SchoolPage title={t('assessments.trend.title')} schools={overviewSchools(me)}>
      {(school) => <TrendView key={school.id} school={school} />}
    </SchoolPage>
  );
}
