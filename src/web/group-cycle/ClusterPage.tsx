// Clustering (stap 4): the pupils of a groepsoverzicht in instruction groups (instructiegroepen) with similar needs.
// Cards move between the columns by drag and drop or, without a mouse, with the select on each card. The server's
// suggestion (from the signals) can be taken over at once; the checks of the clustering are shown after saving.
import { useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Alert, Empty, FormError, LoadError, Loading, Page, Section, SubmitButton } from '../shared/components';
import { comparePupils, fullName } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { domainLabel } from '../assessments/util';
import { overviewPath, type ClusterProblem, type Overview, type OverviewLine, type SavedClusters } from './api';
import { ConflictAlert, TextAreaField, formLabel, needDomainLabel, signalMessage, useUnsavedWarning } from './common';

const NONE = '';

type Assignments = Record<number, string | null>;

function assignmentsOf(lines: OverviewLine[]): Assignments {
  return Object.fromEntries(lines.map((l) => [l.pupilId, l.cluster]));
}

function sameAssignments(a: Assignments, b: Assignments): boolean {
  return Object.keys(a).every((k) => (a[Number(k)] ?? null) === (b[Number(k)] ?? null));
}

function ClusterBoard({ overview, onReload }: { overview: Overview; onReload: () => void }) {
  const { t } = useTranslation();
  const lines = useMemo(() => [...overview.lines].sort(comparePupils), [overview.lines]);
  const [saved, setSaved] = useState<{ version: number; assignments: Assignments; attention: string; problems: ClusterProblem[] }>(() => ({
    version: overview.version,
    assignments: assignmentsOf(overview.lines),
    attention: overview.attentionPoints,
    problems: overview.clusterProblems,
  }));
  const [assignments, setAssignments] = useState<Assignments>(saved.assignments);
  const [attention, setAttention] = useState(saved.attention);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const refocus = useRef<number | null>(null);
  const selects = useRef(new Map<number, HTMLSelectElement>());
  const canEdit = overview.canEdit;
  const clusters = overview.settings.clusters;
  const dirty = !sameAssignments(assignments, saved.assignments) || attention !== saved.attention;
  useUnsavedWarning(dirty);

  const labelOf = (key: string | null) => (key ? (clusters.find((c) => c.key === key)?.label ?? key) : t('groupCycle.clusters.none'));
  const columns: { key: string | null; label: string }[] = [...clusters.map((c) => ({ key: c.key, label: c.label })), { key: null, label: t('groupCycle.clusters.none') }];
  // A cluster key no longer in the settings keeps its pupils visible in a column of its own.
  for (const k of new Set(Object.values(assignments))) if (k && !clusters.some((c) => c.key === k)) columns.splice(columns.length - 1, 0, { key: k, label: k });

  useEffect(() => {
    if (refocus.current === null) return;
    selects.current.get(refocus.current)?.focus();
    refocus.current = null;
  });

  function move(pupilId: number, cluster: string | null, keepFocus = false) {
    setAssignments((a) => ({ ...a, [pupilId]: cluster }));
    setDone(false);
    if (keepFocus) refocus.current = pupilId;
    const line = lines.find((l) => l.pupilId === pupilId);
    if (line) setAnnounce(t('groupCycle.clusters.moved', { name: fullName(line), cluster: labelOf(cluster) }));
  }

  function applySuggestion() {
    setAssignments(Object.fromEntries(lines.map((l) => [l.pupilId, l.suggestedCluster])));
    setDone(false);
    setAnnounce(t('groupCycle.clusters.suggestionApplied'));
  }

  function onDrop(e: DragEvent, cluster: string | null) {
    e.preventDefault();
    const id = Number(e.dataTransfer.getData('text/plain'));
    setOver(null);
    setDragging(null);
    if (Number.isInteger(id) && id > 0) move(id, cluster);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const body = { version: saved.version, assignments: lines.map((l) => ({ pupilId: l.pupilId, cluster: assignments[l.pupilId] ?? null })), attentionPoints: attention };
      const res = await request<SavedClusters>('PUT', `${overviewPath(overview.id)}/clusters`, body);
      setSaved({ version: res.version, assignments: { ...assignments }, attention, problems: res.clusterProblems });
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false));
    } finally {
      setBusy(false);
    }
  }

  const suggestionDiffers = lines.some((l) => (assignments[l.pupilId] ?? null) !== l.suggestedCluster);
  const problems = saved.problems;

  return (
    <form onSubmit={submit} noValidate aria-label={t('groupCycle.clusters.formLabel')}>
      <p className="hint">{canEdit ? t('groupCycle.clusters.help') : t('groupCycle.readOnly')}</p>
      {error?.status === 409 ? <ConflictAlert onReload={onReload} /> : <FormError error={error} />}
      {done && !dirty ? (
        <Alert kind="success">
          <p>{t('groupCycle.clusters.saved')}</p>
        </Alert>
      ) : null}
      {problems.length > 0 ? (
        <Alert kind={problems.some((p) => p.level === 'error') ? 'error' : 'warning'} title={t('groupCycle.clusters.problemsTitle')}>
          <ul className="gc-problems">
            {problems.map((p, i) => (
              <li key={`${p.code}-${i}`}>
                <strong>{t(`groupCycle.clusters.level.${p.level}`)}:</strong> {p.message}
                {p.pupilIds?.length ? (
                  <span className="small-line">
                    {p.pupilIds
                      .map((id) => lines.find((l) => l.pupilId === id))
                      .filter((l): l is OverviewLine => Boolean(l))
                      .map(fullName)
                      .join(', ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {dirty ? <p className="small-line">{t('groupCycle.clusters.problemsStale')}</p> : null}
        </Alert>
      ) : null}
      {canEdit ? (
        <div className="form-actions">
          <button type="button" className="button secondary" onClick={applySuggestion} disabled={!suggestionDiffers}>
            {t('groupCycle.clusters.applySuggestion')}
          </button>
          <span className="hint">{t('groupCycle.clusters.suggestionHint')}</span>
        </div>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </div>
      <div className="gc-board">
        {columns.map((col) => {
          const members = lines.filter((l) => (assignments[l.pupilId] ?? null) === col.key);
          const colId = `gc-col-${col.key ?? 'none'}`;
          return (
            <section
              key={col.key ?? 'none'}
              className={`gc-column${over === (col.key ?? NONE) && dragging !== null ? ' drop-target' : ''}${col.key === null ? ' gc-column-none' : ''}`}
              aria-labelledby={colId}
              onDragOver={
                canEdit
                  ? (e) => {
                      e.preventDefault();
                      e.dataTransfer.dropEffect = 'move';
                      setOver(col.key ?? NONE);
                    }
                  : undefined
              }
              onDragLeave={canEdit ? () => setOver((o) => (o === (col.key ?? NONE) ? null : o)) : undefined}
              onDrop={canEdit ? (e) => onDrop(e, col.key) : undefined}
            >
              <h2 id={colId}>
                {col.label} <span className="gc-count">{t('groupCycle.clusters.count', { count: members.length })}</span>
              </h2>
              {members.length === 0 ? (
                <p className="empty">{canEdit ? t('groupCycle.clusters.emptyDrop') : t('groupCycle.clusters.empty')}</p>
              ) : (
                <ul className="gc-cards">
                  {members.map((l) => {
                    const name = fullName(l);
                    const concern = l.signals.filter((s) => s.tone === 'concern');
                    const enrichment = l.signals.filter((s) => s.tone === 'enrichment');
                    return (
                      <li
                        key={l.pupilId}
                        className={`gc-card${dragging === l.pupilId ? ' dragging' : ''}`}
                        draggable={canEdit}
                        onDragStart={(e) => {
                          e.dataTransfer.setData('text/plain', String(l.pupilId));
                          e.dataTransfer.effectAllowed = 'move';
                          setDragging(l.pupilId);
                        }}
                        onDragEnd={() => {
                          setDragging(null);
                          setOver(null);
                        }}
                      >
                        <p className="gc-card-name">
                          {canEdit ? (
                            <span className="gc-grip" aria-hidden="true">
                              ⋮⋮
                            </span>
                          ) : null}
                          <strong>{name}</strong>
                          {l.fields.signalled ? <span className="gc-s-mark" title={t('groupCycle.table.signalled')}>S</span> : null}
                        </p>
                        {l.signals.length > 0 ? (
                          <details className="gc-card-signals">
                            <summary>
                              {concern.length > 0 ? <span className="gc-badge gc-badge-concern">{t('groupCycle.clusters.concernCount', { count: concern.length })}</span> : null}{' '}
                              {enrichment.length > 0 ? <span className="gc-badge gc-badge-enrichment">{t('groupCycle.clusters.enrichmentCount', { count: enrichment.length })}</span> : null}
                              <span className="visually-hidden"> {name}</span>
                            </summary>
                            <ul className="plain-list gc-signals">
                              {l.signals.map((s, i) => (
                                <li key={`${s.kind}-${s.instrumentId}-${s.moment}-${i}`}>
                                  <strong>{domainLabel(t, s.domain)}:</strong> {signalMessage(t, s)}
                                </li>
                              ))}
                            </ul>
                          </details>
                        ) : null}
                        {l.fields.needs.length > 0 ? (
                          <p className="small-line">
                            {t('groupCycle.clusters.needs')}: {l.fields.needs.map((n) => `${needDomainLabel(t, n.domain)}${n.goal ? ` — ${n.goal}` : ''}`).join('; ')}
                          </p>
                        ) : null}
                        <p className="small-line muted">
                          {t('groupCycle.clusters.suggestion', { cluster: labelOf(l.suggestedCluster) })}
                          {l.signals.length === 0 ? ` (${t('groupCycle.clusters.noSignals')})` : ''}
                        </p>
                        {canEdit ? (
                          <div className="field gc-move">
                            <label htmlFor={`gc-move-${l.pupilId}`}>
                              {t('groupCycle.clusters.moveToShort')}
                              <span className="visually-hidden"> {t('groupCycle.clusters.moveToOf', { name })}</span>
                            </label>
                            <select
                              id={`gc-move-${l.pupilId}`}
                              value={assignments[l.pupilId] ?? NONE}
                              onChange={(e) => move(l.pupilId, e.target.value === NONE ? null : e.target.value, true)}
                              ref={(el) => {
                                if (el) selects.current.set(l.pupilId, el);
                                else selects.current.delete(l.pupilId);
                              }}
                            >
                              {columns.map((c) => (
                                <option key={c.key ?? 'none'} value={c.key ?? NONE}>
                                  {c.label}
                                </option>
                              ))}
                            </select>
                          </div>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <Section title={t('groupCycle.attention.title')}>
        {canEdit ? (
          <TextAreaField label={t('groupCycle.attention.label')} hint={t('groupCycle.attention.hint')} value={attention} onChange={(v) => { setAttention(v); setDone(false); }} rows={4} maxLength={4000} />
        ) : attention.trim() ? (
          <p className="gc-pre">{attention}</p>
        ) : (
          <Empty>{t('groupCycle.attention.none')}</Empty>
        )}
      </Section>
      {canEdit ? (
        <div className="form-actions gc-sticky-actions">
          <SubmitButton busy={busy}>{t('groupCycle.clusters.save')}</SubmitButton>
          {dirty ? (
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                setAssignments(saved.assignments);
                setAttention(saved.attention);
              }}
            >
              {t('groupCycle.clusters.undo')}
            </button>
          ) : null}
          <span className="muted">{dirty ? t('groupCycle.unsaved') : t('groupCycle.noChanges')}</span>
        </div>
      ) : null}
    </form>
  );
}

export function ClusterPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const overview = useApi<Overview>(overviewPath(id ?? ''));
  const [generation, setGeneration] = useState(0);
  if (overview.error) return <LoadError error={overview.error} onRetry={overview.reload} />;
  if (!overview.data || overview.loading) return <Loading />;
  const o = overview.data;
  const name = groupLabel(t, o.group.name, o.group.sector);
  return (
    <Page
      title={t('groupCycle.clusters.title', { group: name, period: o.period.name })}
      intro={
        <p className="muted">
          {o.schoolName} · {formLabel(t, o.form, o.subject)}
        </p>
      }
      actions={
        <Link className="button secondary" to={`/groepsoverzichten/${o.id}`}>
          {t('groupCycle.clusters.backToOverview')}
        </Link>
      }
    >
      <ClusterBoard
        key={`${o.id}-${generation}`}
        overview={o}
        onReload={() => {
          overview.reload();
          setGeneration((g) => g + 1);
        }}
      />
    </Page>
  );
}
