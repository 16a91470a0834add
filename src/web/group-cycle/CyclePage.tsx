// A group's care cycle (zorgcyclus): per period of the school year and per groepsoverzicht form (and subject), the
// overview, its groepsplan, their status and PDFs, or a button to make the overview.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OverviewForm } from '../../domain/group-cycle/model';
import { api, ApiError } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Alert, Empty, FormError, LoadError, Loading, Page, Section, TableWrap } from '../shared/components';
import { formatDate } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { domainLabel } from '../assessments/util';
import type { Domain } from '../assessments/types';
import { overviewPdf, planPdf, type GroupCycle } from './api';
import { OverviewStatusBadge, PlanStatusBadge, formLabel } from './common';

type Column = { form: OverviewForm; subject: Domain | null };

function columnsOf(cycle: GroupCycle): Column[] {
  const cols: Column[] = [];
  for (const form of cycle.settings.overviewForms) {
    if (form === 'crossSubject') cols.push({ form, subject: null });
    else for (const subject of cycle.settings.subjects) cols.push({ form, subject });
  }
  // Overviews made under earlier settings stay visible.
  for (const o of cycle.overviews) {
    if (!cols.some((c) => c.form === o.form && c.subject === (o.form === 'subject' ? o.subject : null))) cols.push({ form: o.form, subject: o.form === 'subject' ? o.subject : null });
  }
  return cols;
}

export function CyclePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const cycle = useApi<GroupCycle>(`/api/groups/${encodeURIComponent(id ?? '')}/group-cycle`);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (cycle.error) return <LoadError error={cycle.error} onRetry={cycle.reload} />;
  if (!cycle.data) return <Loading />;
  const c = cycle.data;
  const name = groupLabel(t, c.group.name, c.group.sector);
  const columns = columnsOf(c);
  const title = t('groupCycle.cycle.title', { group: name });

  async function create(periodId: number, col: Column) {
    const key = `${periodId}-${col.form}-${col.subject ?? ''}`;
    setBusy(key);
    setError(null);
    try {
      const res = await api.post<{ id: number }>(`/api/groups/${c.group.id}/overviews`, { periodId, form: col.form, subject: col.subject });
      navigate(`/groepsoverzichten/${res.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false));
      setBusy(null);
      if (err instanceof ApiError && err.status === 409) cycle.reload();
    }
  }

  return (
    <Page
      title={title}
      intro={
        <p className="muted">
          {c.schoolName} · {t('groupCycle.cycle.planFormat', { format: t(`groupCycle.planFormats.${c.planFormat}`) })}
        </p>
      }
      actions={
        <Link className="button secondary" to={`/groepen/${c.group.id}`}>
          {t('groupCycle.backToGroup')}
        </Link>
      }
    >
      <p>{t('groupCycle.cycle.intro')}</p>
      <FormError error={error} />
      {!c.canEdit ? (
        <Alert kind="info">
          <p>{t('groupCycle.readOnly')}</p>
        </Alert>
      ) : null}
      <Section title={t('groupCycle.cycle.periodsTitle')}>
        {c.periods.length === 0 ? (
          <Empty>{t('groupCycle.cycle.noPeriods')}</Empty>
        ) : (
          <TableWrap>
            <table className="gc-cycle-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('groupCycle.period')}</th>
                  {columns.map((col) => (
                    <th scope="col" key={`${col.form}-${col.subject ?? ''}`}>
                      {col.form === 'subject' && col.subject ? (
                        <>
                          {t('groupCycle.forms.subject')}
                          <span className="small-line">{domainLabel(t, col.subject)}</span>
                        </>
                      ) : (
                        t(`groupCycle.forms.${col.form}`)
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.periods.map((p) => (
                  <tr key={p.id} className={p.current ? 'selected' : undefined} aria-current={p.current ? 'true' : undefined}>
                    <th scope="row">
                      {p.name}
                      <span className="small-line muted">
                        {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                      </span>
                      {p.current ? <span className="badge gc-current">{t('groupCycle.cycle.current')}</span> : null}
                    </th>
                    {columns.map((col) => {
                      const o = c.overviews.find((x) => x.periodId === p.id && x.form === col.form && (col.form !== 'subject' || x.subject === col.subject));
                      const key = `${p.id}-${col.form}-${col.subject ?? ''}`;
                      const what = `${p.name}, ${formLabel(t, col.form, col.subject)}`;
                      return (
                        <td key={key} className="gc-cycle-cell">
                          {o ? (
                            <ul className="plain-list gc-cycle-items">
                              <li>
                                <Link to={`/groepsoverzichten/${o.id}`}>
                                  {t('groupCycle.cycle.openOverview')}
                                  <span className="visually-hidden"> ({what})</span>
                                </Link>{' '}
                                <OverviewStatusBadge status={o.status} />
                              </li>
                              <li>
                                {o.plan ? (
                                  <>
                                    <Link to={`/groepsplannen/${o.plan.id}`}>
                                      {t('groupCycle.cycle.openPlan')}
                                      <span className="visually-hidden"> ({what})</span>
                                    </Link>{' '}
                                    <PlanStatusBadge status={o.plan.status} />
                                  </>
                                ) : (
                                  <span className="muted">{t('groupCycle.cycle.noPlan')}</span>
                                )}
                              </li>
                              <li className="gc-pdf-links">
                                <a href={overviewPdf(o.id)} download>
                                  {t('groupCycle.pdfOverview')}
                                  <span className="visually-hidden"> ({what})</span>
                                </a>
                                {o.plan ? (
                                  <a href={planPdf(o.plan.id)} download>
                                    {t('groupCycle.pdfPlan')}
                                    <span className="visually-hidden"> ({what})</span>
                                  </a>
                                ) : null}
                              </li>
                              <li className="muted small-line">{t('groupCycle.cycle.updated', { date: formatDate(o.updatedAt) })}</li>
                            </ul>
                          ) : c.canEdit ? (
                            <button type="button" className="button small secondary" disabled={busy !== null} aria-busy={busy === key || undefined} onClick={() => void create(p.id, col)}>
                              {busy === key ? t('common.busy') : t('groupCycle.cycle.create')}
                              <span className="visually-hidden"> ({what})</span>
                            </button>
                          ) : (
                            <span className="muted">{t('groupCycle.cycle.none')}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
    </Page>
  );
}
