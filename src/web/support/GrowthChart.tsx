// An OPP domain's growth line: the planned DLE or ability score per date against the pupil's actual results of the
// linked test, drawn with chart.js (assessments/ChartCanvas) and given as a table with the same data for screen
// readers and keyboard users.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OppDomain } from '../../domain/support/model';
import { ChartCanvas } from '../assessments/ChartCanvas';
import { formatNumber } from '../assessments/util';
import { TableWrap } from '../shared/components';
import { formatDate } from '../shared/format';
import { needDomainLabel } from '../group-cycle/common';
import { growthRows, growthSeries, isoOfDay, plannedAt, type ActualPoint } from './growth';
import './support.css';

export function GrowthChart({ domain, actuals, headingLevel = 3 }: { domain: OppDomain; actuals: ActualPoint[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const name = needDomainLabel(t, domain.domain);
  const rows = useMemo(() => growthRows(domain.growth, actuals), [domain.growth, actuals]);
  const series = useMemo(() => growthSeries(rows), [rows]);
  const measureLabel = t(`support.growth.planned.${domain.measure}`);
  const axisLabel = t(`support.growth.axis.${domain.measure}`);
  const H = `h${headingLevel}` as 'h3' | 'h4';

  const build = useCallback(
    () => ({
      type: 'line' as const,
      data: {
        datasets: [
          {
            label: t('support.growth.plannedSeries'),
            data: series.planned,
            borderColor: '#1d5c63',
            backgroundColor: '#1d5c63',
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 4,
            pointStyle: 'rectRot' as const,
          },
          {
            label: t('support.growth.actualSeries'),
            data: series.actual,
            borderColor: '#13202b',
            backgroundColor: '#13202b',
            borderWidth: 3,
            pointRadius: 5,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false as const,
        scales: {
          // Time is proportional: a year between two results takes the room of a year.
          x: { type: 'linear' as const, ticks: { callback: (v: number | string) => formatDate(isoOfDay(Number(v))), maxTicksLimit: 8 } },
          y: { title: { display: true, text: axisLabel } },
        },
      },
    }),
    [series, t, axisLabel],
  );

  const plannedText = rows.filter((r) => r.planned !== null).map((r) => `${formatDate(r.on)}: ${formatNumber(r.planned)}`).join('; ') || t('support.growth.chartNone');
  const actualText = rows.filter((r) => r.actual !== null).map((r) => `${formatDate(r.on)}: ${formatNumber(r.actual)}`).join('; ') || t('support.growth.chartNone');
  const hasActuals = rows.some((r) => r.actual !== null);

  return (
    <section className="sp-growth" aria-label={t('support.growth.compareCaption', { domain: name })}>
      <H>{name}</H>
      {domain.endGoal.trim() ? (
        <p>
          <strong>{t('support.opp.endGoal')}:</strong> <span className="sp-prose">{domain.endGoal}</span>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{t('support.doc.noGrowth')}</p>
      ) : (
        <>
          <figure className="chart-figure">
            <ChartCanvas build={build as never} label={t('support.growth.chartLabel', { domain: name, planned: plannedText, actual: actualText })} height={260} />
          </figure>
          <TableWrap>
            <table className="sp-table sp-growth-table">
              <caption>{t('support.growth.compareCaption', { domain: name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('support.growth.date')}</th>
                  <th scope="col" className="num">
                    {measureLabel}
                  </th>
                  <th scope="col" className="num">
                    {t('support.growth.actual')}
                  </th>
                  <th scope="col">{t('support.growth.moment')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const between = r.planned === null && r.actual !== null ? plannedAt(domain.growth, r.on) : null;
                  return (
                    <tr key={`${r.on}-${i}`}>
                      <th scope="row">{formatDate(r.on)}</th>
                      <td className="num">{r.planned !== null ? formatNumber(r.planned) : between !== null ? <span className="muted">≈ {formatNumber(between)}</span> : '—'}</td>
                      <td className="num">{r.actual !== null ? formatNumber(r.actual) : '—'}</td>
                      <td>{r.actualLabel ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {domain.instrumentId === null ? <p className="muted">{t('support.growth.noInstrument')}</p> : !hasActuals ? <p className="muted">{t('support.growth.noActuals')}</p> : null}
    </section>
  );
}
