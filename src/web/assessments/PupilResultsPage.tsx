// One pupil's results over time: per instrument a chart of the ability score with the norm bands (levels)
// behind the line, a table with the same data (DL, DLE, leerrendement, achterstand, level), and the signals.
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApi } from '../shared/hooks';
import { Alert, Empty, LoadError, Loading, Page, Section, TableWrap } from '../shared/components';
import { formatDate, fullName } from '../shared/format';
import { useMe } from '../shared/session';
import type { Sector } from '../shared/types';
import { ChartCanvas } from './ChartCanvas';
import { SignalItems } from './common';
import { DOMAINS, levelsOf, type PupilResult, type PupilResults, type Series } from './types';
import { domainLabel, formatNumber, formatPercent, levelColours, momentLabel, momentOrder } from './util';

function useSector(): Sector {
  const me = useMe();
  const sectors = new Set(me.schools.map((s) => s.sector));
  return sectors.size === 1 && sectors.has('vo') ? 'vo' : 'po';
}

/** x-axis labels: the moment code, with the year when a moment occurs twice (a repeated grade). */
function pointLabels(series: Series): string[] {
  const counts = new Map<string, number>();
  for (const p of series.points) counts.set(p.moment, (counts.get(p.moment) ?? 0) + 1);
  return series.points.map((p) => ((counts.get(p.moment) ?? 0) > 1 ? `${p.moment} (${p.takenOn.slice(0, 4)})` : p.moment));
}

function scoreChartLabel(t: TFunction, series: Series, sector: Sector): string {
  const pts = series.points.filter((p) => p.abilityScore !== null);
  const list = pts.map((p) => `${momentLabel(t, p.moment, sector)}: ${formatNumber(p.abilityScore)}${p.level ? ` (${p.level})` : ''}`).join('; ');
  return t('assessments.pupil.chartLabel', { instrument: series.instrumentName, points: list });
}

function SeriesChart({ series, sector }: { series: Series; sector: Sector }) {
  const { t } = useTranslation();
  const hasScores = series.points.some((p) => p.abilityScore !== null);
  const hasDle = series.points.some((p) => p.dle !== null);
  // The bands' own levels (with sub-levels such as I+ and V- when the norm has them), best first.
  const levels = useMemo(() => {
    const fromBands: string[] = [];
    for (const col of series.bands) for (const b of col.bands) if (!fromBands.includes(b.level)) fromBands.push(b.level);
    if (fromBands.length > 0) {
      const order = series.levelScale === 'AE' ? ['A', 'B', 'C', 'D', 'E'] : ['I+', 'I', 'II', 'III', 'IV', 'V', 'V-'];
      return fromBands.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
    return series.levelScale ? levelsOf(series.levelScale) : [];
  }, [series]);
  const colours = useMemo(() => levelColours(levels.length), [levels]);

  const build = useCallback(
    (mod: typeof import('./chart')) => {
      const labels = pointLabels(series);
      if (!hasScores) {
        // No ability scores (e.g. a DLE-only test): DLE against the didactic age.
        return {
          type: 'line' as const,
          data: {
            labels,
            datasets: [
              { label: t('assessments.fields.dle'), data: series.points.map((p) => p.dle), borderColor: '#1d5c63', backgroundColor: '#1d5c63', borderWidth: 3, pointRadius: 5, spanGaps: true },
              { label: t('assessments.fields.dl'), data: series.points.map((p) => p.dl), borderColor: '#6b7785', backgroundColor: '#6b7785', borderDash: [6, 4], borderWidth: 2, pointRadius: 3, spanGaps: true },
            ],
          },
          options: { responsive: true, maintainAspectRatio: false, animation: false as const, scales: { y: { title: { display: true, text: t('assessments.pupil.months') } } } },
        };
      }
      const columns = series.points.map((p) => series.bands.find((b) => b.moment === p.moment)?.bands ?? null);
      // The y axis spans the scores with a margin of about three bands, so the bands near the line stay readable.
      const scores = series.points.map((p) => p.abilityScore).filter((v): v is number => v !== null);
      const widths = columns.flatMap((c) => (c ?? []).slice(0, -1).map((b, i) => b.minScore - c![i + 1].minScore)).filter((w) => w > 0).sort((a, b) => a - b);
      const bandWidth = widths.length > 0 ? widths[Math.floor(widths.length / 2)] : 5;
      const lo = Math.min(...scores);
      const hi = Math.max(...scores);
      const pad = Math.max(3 * bandWidth, (hi - lo) * 0.15, 5);
      return {
        type: 'line' as const,
        data: {
          labels,
          datasets: [
            {
              label: t('assessments.fields.abilityScore'),
              data: series.points.map((p) => p.abilityScore),
              borderColor: '#13202b',
              backgroundColor: '#13202b',
              borderWidth: 3,
              pointRadius: 5,
              spanGaps: true,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false as const,
          plugins: { legend: { display: false } },
          scales: { y: { min: Math.floor((lo - pad) / 10) * 10, max: Math.ceil((hi + pad) / 10) * 10, title: { display: true, text: t('assessments.fields.abilityScore') } } },
        },
        plugins: [mod.bandsPlugin({ columns, colours, levels })],
      };
    },
    [series, hasScores, t, colours, levels],
  );

  if (!hasScores && !hasDle) return null;
  const label = hasScores ? scoreChartLabel(t, series, sector) : t('assessments.pupil.dleChartLabel', { instrument: series.instrumentName });
  return (
    <figure className="chart-figure">
      <ChartCanvas build={build as never} label={label} />
      {hasScores && levels.length > 0 && series.bands.length > 0 ? (
        <figcaption>
          <span className="muted">{t('assessments.pupil.bandsLegend')}</span>
          <ul className="legend">
            {levels.map((l, i) => (
              <li key={l}>
                <span className="swatch" style={{ background: colours[i] }} aria-hidden="true" />
                {l}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

function ResultsTable({ results, caption, sector }: { results: PupilResult[]; caption: string; sector: Sector }) {
  const { t } = useTranslation();
  const showText = results.some((r) => r.textValue);
  const showRaw = results.some((r) => r.rawScore !== null);
  const showAbility = results.some((r) => r.abilityScore !== null);
  const showPct = results.some((r) => r.percentile !== null);
  return (
    <TableWrap>
      <table className="results-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.moment')}</th>
            {showRaw ? <th scope="col" className="num">{t('assessments.fields.rawScore')}</th> : null}
            {showAbility ? <th scope="col" className="num">{t('assessments.fields.abilityScore')}</th> : null}
            {showPct ? <th scope="col" className="num">{t('assessments.fields.percentile')}</th> : null}
            {showText ? <th scope="col">{t('assessments.fields.textValue')}</th> : null}
            <th scope="col">{t('assessments.fields.level')}</th>
            <th scope="col" className="num">
              <abbr title={t('assessments.fields.dlLong')}>{t('assessments.fields.dl')}</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title={t('assessments.fields.dleLong')}>{t('assessments.fields.dle')}</abbr>
            </th>
            <th scope="col" className="num">{t('assessments.fields.efficiency')}</th>
            <th scope="col" className="num">{t('assessments.fields.delayWeeks')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {r.moment}
                <span className="small-line muted">
                  {momentLabel(t, r.moment, sector)}, {r.schoolYear}
                </span>
                <span className="small-line muted">
                  <span className="visually-hidden">{t('assessments.takenOn')} </span>
                  {formatDate(r.takenOn)}
                </span>
              </th>
              {showRaw ? <td className="num">{formatNumber(r.rawScore)}</td> : null}
              {showAbility ? <td className="num">{formatNumber(r.abilityScore)}</td> : null}
              {showPct ? <td className="num">{formatNumber(r.percentile, 0)}</td> : null}
              {showText ? <td>{r.textValue ?? ''}</td> : null}
              <td>{r.level ? <span className="level-tag">{r.level}</span> : '—'}</td>
              <td className="num">{formatNumber(r.dl)}</td>
              <td className="num">{formatNumber(r.dle)}</td>
              <td className="num">{formatPercent(r.efficiency)}</td>
              <td className="num">
                {r.delay ? (r.delay.weeks > 0 ? t('assessments.pupil.behind', { count: Math.round(r.delay.weeks) }) : r.delay.weeks < 0 ? t('assessments.pupil.ahead', { count: Math.round(-r.delay.weeks) }) : '0') : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PupilResultsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const sector = useSector();
  const me = useMe();
  const data = useApi<PupilResults>(`/api/pupils/${encodeURIComponent(id ?? '')}/results`);

  const instruments = useMemo(() => {
    const d = data.data;
    if (!d) return [];
    const ids = [...new Set([...d.series.map((s) => s.instrumentId), ...d.results.map((r) => r.instrumentId)])];
    return ids
      .map((instrumentId) => {
        const results = d.results.filter((r) => r.instrumentId === instrumentId).sort((a, b) => a.takenOn.localeCompare(b.takenOn) || momentOrder(a.moment, b.moment));
        const series = d.series.find((s) => s.instrumentId === instrumentId);
        const first = results[0];
        return {
          instrumentId,
          name: series?.instrumentName ?? first?.instrumentName ?? '',
          domain: series?.domain ?? first?.domain ?? 'rekenen-wiskunde',
          series,
          results,
        };
      })
      .sort((a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain) || a.name.localeCompare(b.name));
  }, [data.data]);

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const d = data.data;
  const name = fullName(d.pupil);
  const instrumentNames = new Map(instruments.map((i) => [i.instrumentId, i.name]));
  const asParent = me.children.some((c) => c.id === d.pupil.id) && !me.roles.some((r) => r.role !== 'parent');

  return (
    <Page
      title={t('assessments.pupil.title', { name })}
      actions={
        <Link className="button secondary" to={`/leerlingen/${d.pupil.id}`}>
          {t('assessments.links.backToPupil')}
        </Link>
      }
    >
      <nav className="subnav" aria-label={t('assessments.pupil.sections')}>
        <ul>
          <li>
            <Link to={`/leerlingen/${d.pupil.id}`}>{t('assessments.pupil.tabData')}</Link>
          </li>
          <li>
            <Link to={`/leerlingen/${d.pupil.id}/resultaten`} aria-current="page">
              {t('assessments.pupil.tabResults')}
            </Link>
          </li>
        </ul>
      </nav>
      {/* Signals are for the school's staff; a parent sees the results only. */}
      {asParent ? null : (
        <Section title={t('assessments.signals.title')}>
          {d.signals.length === 0 ? <Empty>{t('assessments.signals.noneForPupil')}</Empty> : <SignalItems signals={d.signals} instruments={instrumentNames} sector={sector} />}
        </Section>
      )}
      {instruments.length === 0 ? (
        <Section title={t('assessments.pupil.resultsTitle')}>
          <Empty>{t('assessments.pupil.none')}</Empty>
        </Section>
      ) : (
        instruments.map((i) => (
          <Section key={i.instrumentId} title={`${domainLabel(t, i.domain)} — ${i.name}`}>
            {i.series ? <SeriesChart series={i.series} sector={sector} /> : null}
            {i.results.length > 0 ? (
              <ResultsTable results={i.results} sector={sector} caption={t('assessments.pupil.tableCaption', { instrument: i.name, name })} />
            ) : null}
          </Section>
        ))
      )}
      <Alert kind="info">
        <p>{t('assessments.pupil.normsNote')}</p>
      </Alert>
    </Page>
  );
}

/** A short section for the pupil page: the signals and a link to all results. Hidden when results are not visible. */
export function PupilSignalsSection({ pupilId }: { pupilId: number }) {
  const { t } = useTranslation();
  const sector = useSector();
  const data = useApi<PupilResults>(`/api/pupils/${pupilId}/results`);
  if (data.error || !data.data) return null;
  const d = data.data;
  return (
    <Section
      title={t('assessments.pupil.summaryTitle')}
      actions={
        <Link className="button secondary small" to={`/leerlingen/${pupilId}/resultaten`}>
          {t('assessments.links.pupilResults')}
        </Link>
      }
    >
      <p className="muted">{t('assessments.pupil.summaryCount', { count: d.results.length })}</p>
      {d.signals.length === 0 ? <Empty>{t('assessments.signals.noneForPupil')}</Empty> : <SignalItems signals={d.signals} sector={sector} />}
    </Section>
  );
}
