// One groepsoverzicht (Bijlage 3/4): every pupil of the group with the S(ignaleren) column, the last test results per
// instrument, the signals from the school's rules, the teacher's observations and the onderwijsbehoeften (goal + what
// the pupil needs, with the hulpzinnen of Bijlage 7b). One pupil's line is edited at a time and saved with its own
// version. Also: whole-group attention points, the required-fields check, "vaststellen", the kijkwijzer (Bijlage 5)
// and begrijpwijzer (Bijlage 7a), and the step to the groepsplan.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  SIGNAL_REASONS,
  type Need,
  type NeedDomain,
  type OverviewLineFields,
  type RequirementProblem,
} from '../../domain/group-cycle/model';
import { emptyLineFields } from '../../domain/group-cycle/blank';
import { HULPZIN_CATEGORIES, HULPZIN_STEM, HULPZINNEN_SOURCE, composeNeeds } from '../../domain/group-cycle/hulpzinnen';
import { api, ApiError, request } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Alert, CheckboxField, Empty, Facts, FormError, LoadError, Loading, Page, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { comparePupils, formatDate, formatDateTime, fullName } from '../shared/format';
import { groupLabel, staffKindLabel } from '../shared/labels';
import { domainLabel, formatNumber, momentLabel } from '../assessments/util';
import { overviewPath, overviewPdf, type Overview, type OverviewLine, type ResultCell, type SavedClusters, type SavedLine, type SavedStatus } from './api';
import { ChecklistPanel } from './ChecklistPanel';
import { NEED_DOMAINS } from './GoalInputs';
import { ConflictAlert, OverviewStatusBadge, PlanStatusBadge, TextAreaField, formLabel, needDomainLabel, signalMessage, signalReasonLabel, useUnsavedWarning } from './common';

const VIEWS = ['kijkwijzer', 'begrijpwijzer'] as const;
type View = 'overview' | (typeof VIEWS)[number];

const TEXT_FIELDS = ['stimulating', 'hindering', 'observations', 'pupilVoice', 'parentVoice', 'particulars'] as const;

/** The line's fields with every field present (a line saved before a field existed lacks it). */
function normalise(fields: Partial<OverviewLineFields> | null | undefined): OverviewLineFields {
  const f = { ...emptyLineFields(), ...(fields ?? {}) };
  return { ...f, signalReasons: [...f.signalReasons], needs: f.needs.map((n) => ({ ...n, phrases: [...(n.phrases ?? [])] })) };
}

const sameFields = (a: OverviewLineFields, b: OverviewLineFields) => JSON.stringify(a) === JSON.stringify(b);

function nextNeedKey(needs: Need[]): string {
  const max = needs.reduce((m, n) => Math.max(m, Number(/^n(\d+)$/.exec(n.key)?.[1] ?? 0)), 0);
  return `n${max + 1}`;
}

function clip(text: string, max = 140): string {
  const s = text.trim().replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false);
}

// ---------- hulpzinnen ----------

/**
 * Toggles a hulpzin on a need: the phrase ids change and the composed sentences in the "needs" text follow. When the
 * text still holds the sentences composed from the earlier choice they are replaced; otherwise the new composition
 * is appended, so the teacher's own words are never lost.
 */
export function togglePhrase(need: Need, phraseId: string): Need {
  const before = need.phrases;
  const after = before.includes(phraseId) ? before.filter((p) => p !== phraseId) : [...before, phraseId];
  const oldText = before.length > 0 ? composeNeeds(before) : '';
  const newText = after.length > 0 ? composeNeeds(after) : '';
  let needs = need.needs;
  if (oldText && needs.includes(oldText)) needs = needs.replace(oldText, newText).trim();
  else if (newText && after.length > before.length) needs = needs.trim() ? `${needs.trim()}\n${newText}` : newText;
  return { ...need, phrases: after, needs };
}

function HulpzinPicker({ need, onChange, disabled }: { need: Need; onChange: (n: Need) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gc-hulpzinnen">
      <details>
        <summary>{t('groupCycle.hulpzinnen.open', { count: need.phrases.length })}</summary>
        <p className="hint">{t('groupCycle.hulpzinnen.hint', { stem: HULPZIN_STEM })}</p>
        {HULPZIN_CATEGORIES.map((cat) => (
          <fieldset key={cat.id} className="gc-phrase-group">
            <legend>{`${cat.frame} …`}</legend>
            <div className="gc-phrases">
              {cat.phrases.map((p) => {
                const chosen = need.phrases.includes(p.id);
                return (
                  <button key={p.id} type="button" className={`gc-phrase${chosen ? ' chosen' : ''}`} aria-pressed={chosen} disabled={disabled} onClick={() => onChange(togglePhrase(need, p.id))}>
                    {chosen ? <span aria-hidden="true">✓ </span> : null}
                    {p.text}
                  </button>
                );
              })}
            </div>
          </fieldset>
        ))}
      </details>
      <p className="gc-source">{t('groupCycle.hulpzinnen.source', { source: HULPZINNEN_SOURCE })}</p>
    </div>
  );
}

// ---------- one pupil's line ----------

function NeedEditor({ need, index, onChange, onRemove, readOnly, pupil, error }: { need: Need; index: number; onChange: (n: Need) => void; onRemove: () => void; readOnly: boolean; pupil: string; error: ApiError | null }) {
  const { t } = useTranslation();
  const err = (f: string) => error?.fields[`fields.needs.${index}.${f}`] ?? error?.fields[`needs.${index}.${f}`];
  return (
    <fieldset className="gc-need">
      <legend>{t('groupCycle.line.needN', { n: index + 1 })}</legend>
      <div className="gc-need-grid">
        <SelectField label={t('groupCycle.line.needDomain')} value={need.domain} onChange={(v) => onChange({ ...need, domain: v as NeedDomain })} disabled={readOnly} error={err('domain')}>
          {NEED_DOMAINS.map((d) => (
            <option key={d} value={d}>
              {needDomainLabel(t, d)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('groupCycle.line.needGoal')} value={need.goal} onChange={(v) => onChange({ ...need, goal: v })} readOnly={readOnly} maxLength={4000} autoComplete="off" hint={t('groupCycle.line.needGoalHint')} error={err('goal')} />
      </div>
      <TextAreaField
        label={t('groupCycle.line.needNeeds')}
        value={need.needs}
        onChange={(v) => onChange({ ...need, needs: v })}
        readOnly={readOnly}
        maxLength={4000}
        rows={3}
        hint={t('groupCycle.line.needNeedsHint', { stem: HULPZIN_STEM })}
        error={err('needs') ?? err('phrases')}
      />
      {readOnly ? null : <HulpzinPicker need={need} onChange={onChange} disabled={readOnly} />}
      {readOnly ? null : (
        <button type="button" className="button link danger-text" onClick={onRemove}>
          {t('groupCycle.line.removeNeed', { n: index + 1 })}
          <span className="visually-hidden"> ({pupil})</span>
        </button>
      )}
    </fieldset>
  );
}

/** A read-only summary of a line (the previous period's, or the whole line when the user may only read). */
function LineFacts({ fields, cluster, compact }: { fields: OverviewLineFields; cluster: string | null; compact?: boolean }) {
  const { t } = useTranslation();
  const items = [
    { label: t('groupCycle.line.signalled'), value: fields.signalled ? t('common.yes') : t('common.no') },
    ...(fields.signalReasons.length ? [{ label: t('groupCycle.line.reasons'), value: fields.signalReasons.map((r) => signalReasonLabel(t, r)).join(', ') }] : []),
    ...TEXT_FIELDS.filter((f) => fields[f].trim()).map((f) => ({ label: t(`groupCycle.line.fields.${f}`), value: <span className="gc-pre">{fields[f]}</span> })),
    ...(cluster ? [{ label: t('groupCycle.line.cluster'), value: cluster }] : []),
    {
      label: t('groupCycle.line.needs'),
      value:
        fields.needs.length === 0 ? (
          t('groupCycle.line.noNeeds')
        ) : (
          <ul className="plain-list gc-need-list">
            {fields.needs.map((n) => (
              <li key={n.key}>
                <strong>{needDomainLabel(t, n.domain)}:</strong> {n.goal || '—'}
                {n.needs ? <span className="small-line">{n.needs}</span> : null}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return <Facts items={items} stacked={!compact} />;
}

function LineEditor({
  overview,
  line,
  clusterLabel,
  onSaved,
  onDirty,
  onReload,
  onStep,
  position,
}: {
  overview: Overview;
  line: OverviewLine;
  clusterLabel: (key: string | null) => string | null;
  onSaved: (l: SavedLine) => void;
  onDirty: (dirty: boolean) => void;
  onReload: () => void;
  onStep: (delta: -1 | 1) => void;
  position: { index: number; total: number };
}) {
  const { t } = useTranslation();
  const original = useMemo(() => normalise(line.fields), [line.fields]);
  const [fields, setFields] = useState<OverviewLineFields>(original);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const readOnly = !overview.canEdit;
  const dirty = !sameFields(fields, original);
  const name = fullName(line);

  useEffect(() => {
    setFields(original);
  }, [original]);
  useEffect(() => {
    onDirty(dirty);
  }, [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [line.pupilId]);

  const set = <K extends keyof OverviewLineFields>(key: K, value: OverviewLineFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const setNeed = (i: number, need: Need) => set('needs', fields.needs.map((n, j) => (j === i ? need : n)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      const res = await request<SavedLine>('PUT', `${overviewPath(overview.id)}/lines/${line.pupilId}`, { version: line.version, fields });
      onSaved(res);
      setSaved(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const fieldErr = (f: string) => error?.fields[`fields.${f}`] ?? error?.fields[f];

  return (
    <section className="card gc-editor" aria-labelledby="gc-editor-heading">
      <div className="card-head">
        <h2 id="gc-editor-heading" ref={headingRef} tabIndex={-1}>
          {readOnly ? t('groupCycle.line.viewTitle', { name }) : t('groupCycle.line.editTitle', { name })}
        </h2>
        <div className="card-actions">
          <span className="muted">{t('groupCycle.line.position', { n: position.index + 1, total: position.total })}</span>
          <button type="button" className="button small secondary" onClick={() => onStep(-1)} disabled={position.index === 0}>
            {t('groupCycle.line.previousPupil')}
          </button>
          <button type="button" className="button small secondary" onClick={() => onStep(1)} disabled={position.index >= position.total - 1}>
            {t('groupCycle.line.nextPupil')}
          </button>
        </div>
      </div>
      {line.signals.length > 0 ? (
        <div className="gc-editor-signals">
          <h3 className="minor-heading">{t('groupCycle.line.signalsTitle')}</h3>
          <SignalBadges line={line} full />
        </div>
      ) : null}
      {line.previous ? (
        <details className="gc-previous" open>
          <summary>{t('groupCycle.line.previous', { period: line.previous.periodName })}</summary>
          <LineFacts fields={normalise(line.previous.fields)} cluster={clusterLabel(line.previous.cluster)} compact />
        </details>
      ) : null}
      {readOnly ? (
        <LineFacts fields={original} cluster={clusterLabel(line.cluster)} />
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('groupCycle.line.formLabel', { name })}>
          {error?.status === 409 ? <ConflictAlert onReload={onReload} /> : <FormError error={error} />}
          {saved && !dirty ? (
            <Alert kind="success">
              <p>{t('groupCycle.line.saved', { name })}</p>
            </Alert>
          ) : null}
          <fieldset className="gc-signal-fields">
            <legend>{t('groupCycle.line.signalTitle')}</legend>
            <CheckboxField label={t('groupCycle.line.signalledLabel')} checked={fields.signalled} onChange={(v) => set('signalled', v)} />
            <fieldset className="checks-inline">
              <legend className="hint">{t('groupCycle.line.reasons')}</legend>
              <div className="check-row">
                {SIGNAL_REASONS.map((r) => (
                  <label key={r} className="check-chip">
                    <input
                      type="checkbox"
                      checked={fields.signalReasons.includes(r)}
                      onChange={(e) => set('signalReasons', e.target.checked ? SIGNAL_REASONS.filter((x) => x === r || fields.signalReasons.includes(x)) : fields.signalReasons.filter((x) => x !== r))}
                    />
                    {signalReasonLabel(t, r)}
                  </label>
                ))}
              </div>
            </fieldset>
          </fieldset>
          <div className="gc-text-grid">
            {TEXT_FIELDS.map((f) => (
              <TextAreaField
                key={f}
                label={t(`groupCycle.line.fields.${f}`)}
                hint={t(`groupCycle.line.hints.${f}`)}
                value={fields[f]}
                onChange={(v) => set(f, v)}
                maxLength={4000}
                error={fieldErr(f)}
              />
            ))}
          </div>
          <h3>{t('groupCycle.line.needsTitle')}</h3>
          <p className="hint">{t('groupCycle.line.needsIntro')}</p>
          {fields.needs.length === 0 ? <Empty>{t('groupCycle.line.noNeeds')}</Empty> : null}
          {fields.needs.map((n, i) => (
            <NeedEditor key={n.key} need={n} index={i} pupil={name} readOnly={readOnly} error={error} onChange={(next) => setNeed(i, next)} onRemove={() => set('needs', fields.needs.filter((_, j) => j !== i))} />
          ))}
          {fields.needs.length < 20 ? (
            <p>
              <button
                type="button"
                className="button secondary small"
                onClick={() => set('needs', [...fields.needs, { key: nextNeedKey(fields.needs), domain: overview.subject ?? 'socialEmotional', goal: '', needs: '', phrases: [] }])}
              >
                {t('groupCycle.line.addNeed')}
              </button>
            </p>
          ) : null}
          <div className="form-actions gc-sticky-actions">
            <SubmitButton busy={busy}>{t('groupCycle.line.save')}</SubmitButton>
            {dirty ? (
              <button type="button" className="button ghost" onClick={() => setFields(original)}>
                {t('groupCycle.line.undo')}
              </button>
            ) : null}
            <span className="muted" role="status">
              {dirty ? t('groupCycle.unsaved') : t('groupCycle.noChanges')}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}

// ---------- the table ----------

function SignalItem({ signal }: { signal: OverviewLine['signals'][number] }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className={`gc-badge gc-badge-${signal.tone}`}>{t(`groupCycle.tone.${signal.tone}`)}</span> {signalMessage(t, signal)}
    </li>
  );
}

/** The signals of a pupil: all of them (editor), or in the table the first two with the rest folded away. */
function SignalBadges({ line, full }: { line: OverviewLine; full?: boolean }) {
  const { t } = useTranslation();
  if (line.signals.length === 0) return null;
  const key = (s: OverviewLine['signals'][number], i: number) => `${s.kind}-${s.instrumentId}-${s.moment}-${i}`;
  const shown = full ? line.signals : line.signals.slice(0, 2);
  const rest = full ? [] : line.signals.slice(2);
  return (
    <>
      <ul className={`plain-list gc-signals${full ? ' full' : ''}`}>
        {shown.map((s, i) => (
          <SignalItem key={key(s, i)} signal={s} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="gc-more-signals">
          <summary>
            {t('groupCycle.table.moreSignals', { count: rest.length })}
            <span className="visually-hidden"> ({fullName(line)})</span>
          </summary>
          <ul className="plain-list gc-signals">
            {rest.map((s, i) => (
              <SignalItem key={key(s, i + 2)} signal={s} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function ResultList({ results, sector }: { results: ResultCell[]; sector: 'po' | 'vo' }) {
  const { t } = useTranslation();
  if (results.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list gc-results">
      {results.map((r) => (
        <li key={`${r.moment}-${r.takenOn}`} className={r.belowNorm ? 'gc-below' : undefined}>
          <abbr title={`${momentLabel(t, r.moment, sector)}, ${formatDate(r.takenOn)}`}>{r.moment}</abbr> {r.level ? <strong>{r.level}</strong> : r.textValue ? <strong>{r.textValue}</strong> : null}
          {r.abilityScore !== null ? ` (${formatNumber(r.abilityScore)})` : ''}
          {r.belowNorm ? <span className="gc-below-tag">{t('groupCycle.table.belowNorm')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function OverviewTable({
  overview,
  lines,
  selected,
  onSelect,
  clusterLabel,
}: {
  overview: Overview;
  lines: OverviewLine[];
  selected: number | null;
  onSelect: (pupilId: number) => void;
  clusterLabel: (key: string | null) => string | null;
}) {
  const { t } = useTranslation();
  const resultsOf = (line: OverviewLine, instrumentId: number) =>
    line.results
      .filter((r) => r.instrumentId === instrumentId)
      .sort((a, b) => b.takenOn.localeCompare(a.takenOn))
      .slice(0, 3);
  if (lines.length === 0) return <Empty>{t('groupCycle.table.noPupils')}</Empty>;
  return (
    <TableWrap>
      <table className="gc-overview-table">
        <caption className="visually-hidden">{t('groupCycle.table.caption', { group: groupLabel(t, overview.group.name, overview.group.sector), period: overview.period.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('groupCycle.table.pupil')}</th>
            <th scope="col" className="gc-col-s">
              <abbr title={t('groupCycle.table.signalLong')}>S</abbr>
              <span className="visually-hidden">{t('groupCycle.table.signalLong')}</span>
            </th>
            {overview.instruments.map((i) => (
              <th scope="col" key={i.id} className="gc-col-result">
                {i.name}
                <span className="small-line">{domainLabel(t, i.domain)}</span>
              </th>
            ))}
            <th scope="col" className="gc-col-text">
              {t('groupCycle.table.observations')}
            </th>
            <th scope="col" className="gc-col-text">
              {t('groupCycle.table.needs')}
            </th>
            <th scope="col">{t('groupCycle.table.cluster')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const f = normalise(line.fields);
            const isSelected = selected === line.pupilId;
            const texts = (['stimulating', 'hindering', 'observations', 'pupilVoice', 'parentVoice', 'particulars'] as const).filter((k) => f[k].trim());
            return (
              <tr key={line.pupilId} className={isSelected ? 'selected' : undefined}>
                <th scope="row" className="gc-name">
                  <button type="button" className="button link" aria-pressed={isSelected} onClick={() => onSelect(line.pupilId)}>
                    {fullName(line)}
                    <span className="visually-hidden"> — {overview.canEdit ? t('groupCycle.table.edit') : t('groupCycle.table.view')}</span>
                  </button>
                </th>
                <td className="gc-col-s">
                  {f.signalled ? (
                    <span className="gc-s-mark">
                      S<span className="visually-hidden"> {t('groupCycle.table.signalled')}</span>
                    </span>
                  ) : null}
                  {f.signalReasons.length > 0 ? <span className="small-line">{f.signalReasons.map((r) => signalReasonLabel(t, r)).join(', ')}</span> : null}
                  <SignalBadges line={line} />
                </td>
                {overview.instruments.map((i) => (
                  <td key={i.id} className="gc-col-result">
                    <ResultList results={resultsOf(line, i.id)} sector={overview.group.sector} />
                  </td>
                ))}
                <td className="gc-col-text">
                  {texts.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <dl className="gc-mini">
                      {texts.map((k) => (
                        <div key={k}>
                          <dt>{t(`groupCycle.line.short.${k}`)}</dt>
                          <dd>{clip(f[k])}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
                <td className="gc-col-text">
                  {f.needs.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="plain-list gc-need-list">
                      {f.needs.map((n) => (
                        <li key={n.key}>
                          <strong>{needDomainLabel(t, n.domain)}:</strong> {clip(n.goal, 90) || '—'}
                          {n.needs ? <span className="small-line">{clip(n.needs, 120)}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{clusterLabel(line.cluster) ?? <span className="muted">{t('groupCycle.clusters.none')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

// ---------- whole group, status ----------

function AttentionPoints({ overview, version, lines, value, onSaved, onDirty, onReload }: {
  overview: Overview;
  version: number;
  lines: OverviewLine[];
  value: string;
  onSaved: (r: SavedClusters, text: string) => void;
  onDirty: (d: boolean) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = text !== value;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const res = await request<SavedClusters>('PUT', `${overviewPath(overview.id)}/clusters`, {
        version,
        assignments: lines.map((l) => ({ pupilId: l.pupilId, cluster: l.cluster })),
        attentionPoints: text,
      });
      onSaved(res, text);
      setSaved(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('groupCycle.attention.title')}>
      {!overview.canEdit ? (
        value.trim() ? <p className="gc-pre">{value}</p> : <Empty>{t('groupCycle.attention.none')}</Empty>
      ) : (
        <form onSubmit={submit} noValidate>
          {error?.status === 409 ? <ConflictAlert onReload={onReload} /> : <FormError error={error} />}
          {saved && !dirty ? (
            <Alert kind="success">
              <p>{t('common.saved')}</p>
            </Alert>
          ) : null}
          <TextAreaField label={t('groupCycle.attention.label')} hint={t('groupCycle.attention.hint')} value={text} onChange={(v) => { setText(v); setSaved(false); }} rows={4} maxLength={4000} />
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('groupCycle.attention.save')}</SubmitButton>
          </div>
        </form>
      )}
    </Section>
  );
}

function ProblemList({ problems, nameOf, onOpen }: { problems: RequirementProblem[]; nameOf: (id: number) => string; onOpen: (pupilId: number) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="gc-problems">
      {problems.map((p, i) => (
        <li key={`${p.field}-${p.pupilId ?? ''}-${i}`}>
          {p.message}
          {p.pupilId !== undefined ? (
            <>
              {' '}
              <button type="button" className="button link" onClick={() => onOpen(p.pupilId!)}>
                {t('groupCycle.status.openPupil')}
                <span className="visually-hidden"> {nameOf(p.pupilId)}</span>
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

// ---------- the page ----------

function OverviewView({ overview, view, onReload }: { overview: Overview; view: View; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [lines, setLines] = useState<OverviewLine[]>(() => [...overview.lines].sort(comparePupils));
  const [version, setVersion] = useState(overview.version);
  const [status, setStatus] = useState(overview.status);
  const [attention, setAttention] = useState(overview.attentionPoints);
  const [requirementProblems, setRequirementProblems] = useState(overview.requirementProblems);
  const [plan, setPlan] = useState(overview.plan);
  const [selected, setSelected] = useState<number | null>(null);
  const [dirtyParts, setDirtyParts] = useState<Record<string, boolean>>({});
  const [statusError, setStatusError] = useState<ApiError | null>(null);
  const [statusProblems, setStatusProblems] = useState<RequirementProblem[] | null>(null);
  const [statusBusy, setStatusBusy] = useState(false);
  const [planBusy, setPlanBusy] = useState(false);
  const [planError, setPlanError] = useState<ApiError | null>(null);
  const dirty = Object.values(dirtyParts).some(Boolean);
  useUnsavedWarning(dirty);

  const dirtySetters = useMemo(() => {
    const make = (key: string) => (d: boolean) => setDirtyParts((cur) => (cur[key] === d ? cur : { ...cur, [key]: d }));
    return { line: make('line'), attention: make('attention'), kijkwijzer: make('kijkwijzer'), begrijpwijzer: make('begrijpwijzer') };
  }, []);

  const clusterLabel = (key: string | null) => (key ? (overview.settings.clusters.find((c) => c.key === key)?.label ?? key) : null);
  const nameOf = (pupilId: number) => {
    const l = lines.find((x) => x.pupilId === pupilId);
    return l ? fullName(l) : String(pupilId);
  };
  const name = groupLabel(t, overview.group.name, overview.group.sector);
  const title = t('groupCycle.overview.title', { group: name, period: overview.period.name });
  const line = lines.find((l) => l.pupilId === selected) ?? null;

  function select(pupilId: number | null) {
    if (pupilId === selected) return;
    if (dirtyParts.line && !window.confirm(t('groupCycle.unsavedSwitch'))) return;
    setSelected(pupilId);
  }

  /** After a line is saved the server's checks may change: fetch them quietly (the lines stay as they are here). */
  async function refreshChecks() {
    try {
      const fresh = await api.get<Overview>(overviewPath(overview.id));
      setRequirementProblems(fresh.requirementProblems);
      setPlan(fresh.plan);
    } catch {
      // The checks shown stay the earlier ones; the next load shows the current state.
    }
  }

  async function setOverviewStatus(next: 'draft' | 'final') {
    setStatusBusy(true);
    setStatusError(null);
    setStatusProblems(null);
    try {
      const res = await request<SavedStatus>('PUT', `${overviewPath(overview.id)}/status`, { version, status: next });
      setVersion(res.version);
      setStatus(res.status);
    } catch (err) {
      const e = toApiError(err);
      if (e instanceof ApiError && Array.isArray(e.body.problems)) setStatusProblems(e.body.problems as RequirementProblem[]);
      setStatusError(e);
    } finally {
      setStatusBusy(false);
    }
  }

  async function makePlan() {
    setPlanBusy(true);
    setPlanError(null);
    try {
      const res = await api.post<{ id: number }>(`${overviewPath(overview.id)}/plan`, {});
      navigate(`/groepsplannen/${res.id}`);
    } catch (err) {
      const e = toApiError(err);
      setPlanError(e);
      setPlanBusy(false);
      if (e.status === 409) void refreshChecks();
    }
  }

  const index = line ? lines.indexOf(line) : -1;

  return (
    <Page
      title={title}
      intro={
        <p className="muted">
          {overview.schoolName} · {formLabel(t, overview.form, overview.subject)} · <OverviewStatusBadge status={status} />
        </p>
      }
      actions={
        <>
          <Link className="button secondary" to={`/groepen/${overview.group.id}/cyclus`}>
            {t('groupCycle.backToCycle')}
          </Link>
          <a className="button secondary" href={overviewPdf(overview.id)} download>
            {t('groupCycle.pdfOverview')}
          </a>
        </>
      }
    >
      <Section title={t('groupCycle.overview.about')}>
        <Facts
          items={[
            { label: t('groupCycle.group'), value: name },
            { label: t('groupCycle.period'), value: `${overview.period.name} (${formatDate(overview.period.startsOn)} – ${formatDate(overview.period.endsOn)})` },
            { label: t('groupCycle.form'), value: formLabel(t, overview.form, overview.subject) },
            {
              label: t('groupCycle.staff'),
              value: overview.staff.length === 0 ? t('groupCycle.noStaff') : overview.staff.map((s) => `${s.name} (${staffKindLabel(t, s.kind).toLowerCase()})`).join(', '),
            },
            { label: t('groupCycle.statusLabel'), value: <OverviewStatusBadge status={status} /> },
            { label: t('groupCycle.updatedAt'), value: formatDateTime(overview.updatedAt) },
          ]}
        />
        <div className="form-actions">
          <Link className="button secondary" to={`/groepsoverzichten/${overview.id}/clusters`}>
            {t('groupCycle.overview.toClusters')}
          </Link>
          {plan ? (
            <Link className="button" to={`/groepsplannen/${plan.id}`}>
              {t('groupCycle.overview.toPlan')}
            </Link>
          ) : overview.canEdit ? (
            <button type="button" className="button" onClick={() => void makePlan()} disabled={planBusy} aria-busy={planBusy || undefined}>
              {planBusy ? t('common.busy') : t('groupCycle.overview.makePlan')}
            </button>
          ) : (
            <span className="muted">{t('groupCycle.cycle.noPlan')}</span>
          )}
          {plan ? (
            <span className="muted">
              {t('groupCycle.overview.planState')} <PlanStatusBadge status={plan.status} />
            </span>
          ) : null}
        </div>
        <FormError error={planError} />
      </Section>

      <nav className="gc-subnav" aria-label={t('groupCycle.overview.views')}>
        <ul>
          {(['overview', ...VIEWS] as View[]).map((v) => (
            <li key={v}>
              <Link to={{ search: v === 'overview' ? '' : `?weergave=${v}` }} aria-current={view === v ? 'page' : undefined}>
                {t(`groupCycle.overview.viewNames.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {view !== 'overview' ? (
        <ChecklistPanel key={view} path={`${overviewPath(overview.id)}/checklists/${view}`} template={view} editable={overview.canEdit} onDirty={dirtySetters[view]} />
      ) : (
        <>
          {!overview.canEdit ? (
            <Alert kind="info">
              <p>{t('groupCycle.readOnly')}</p>
            </Alert>
          ) : null}
          {line ? (
            <LineEditor
              key={line.pupilId}
              overview={overview}
              line={line}
              clusterLabel={clusterLabel}
              position={{ index, total: lines.length }}
              onDirty={dirtySetters.line}
              onReload={onReload}
              onStep={(d) => select(lines[index + d]?.pupilId ?? selected)}
              onSaved={(s) => {
                setLines((cur) => cur.map((l) => (l.pupilId === s.pupilId ? { ...l, version: s.version, fields: s.fields } : l)));
                void refreshChecks();
              }}
            />
          ) : (
            <p className="hint">{overview.canEdit ? t('groupCycle.overview.selectHint') : t('groupCycle.overview.selectHintRead')}</p>
          )}

          <Section title={t('groupCycle.overview.pupilsTitle')}>
            <p className="hint">{t('groupCycle.overview.legend')}</p>
            <OverviewTable overview={overview} lines={lines} selected={selected} onSelect={select} clusterLabel={clusterLabel} />
          </Section>

          <AttentionPoints
            overview={overview}
            version={version}
            lines={lines}
            value={attention}
            onDirty={dirtySetters.attention}
            onReload={onReload}
            onSaved={(r, text) => {
              setVersion(r.version);
              setAttention(text);
            }}
          />

          <Section title={t('groupCycle.status.title')}>
            {requirementProblems.length === 0 ? (
              <p>{t('groupCycle.status.noProblems')}</p>
            ) : (
              <>
                <p>{t('groupCycle.status.problems', { count: requirementProblems.length })}</p>
                <ProblemList problems={requirementProblems} nameOf={nameOf} onOpen={(id) => select(id)} />
              </>
            )}
            {statusError ? (
              statusError.status === 409 ? (
                <ConflictAlert onReload={onReload} />
              ) : (
                <Alert kind="error" title={statusProblems ? t('groupCycle.status.refused') : undefined}>
                  <p>{statusError.message || t('errors.generic')}</p>
                  {statusProblems ? <ProblemList problems={statusProblems} nameOf={nameOf} onOpen={(id) => select(id)} /> : null}
                </Alert>
              )
            ) : null}
            {overview.canEdit ? (
              <div className="form-actions">
                {status === 'draft' ? (
                  <button type="button" className="button" onClick={() => void setOverviewStatus('final')} disabled={statusBusy || dirty} aria-busy={statusBusy || undefined}>
                    {statusBusy ? t('common.busy') : t('groupCycle.status.finalise')}
                  </button>
                ) : (
                  <button type="button" className="button secondary" onClick={() => void setOverviewStatus('draft')} disabled={statusBusy || dirty} aria-busy={statusBusy || undefined}>
                    {statusBusy ? t('common.busy') : t('groupCycle.status.reopen')}
                  </button>
                )}
                <span className="muted">{dirty ? t('groupCycle.status.saveFirst') : status === 'draft' ? t('groupCycle.status.finaliseHint') : t('groupCycle.status.finalHint')}</span>
              </div>
            ) : null}
          </Section>
        </>
      )}
    </Page>
  );
}

function viewOf(value: string | null): View {
  return (VIEWS as readonly string[]).includes(value ?? '') ? (value as View) : 'overview';
}

export function OverviewPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const overview = useApi<Overview>(overviewPath(id ?? ''));
  const [generation, setGeneration] = useState(0);
  if (overview.error) return <LoadError error={overview.error} onRetry={overview.reload} />;
  if (!overview.data || overview.loading) return <Loading />;
  return (
    <OverviewView
      key={`${overview.data.id}-${generation}`}
      overview={overview.data}
      view={viewOf(params.get('weergave'))}
      onReload={() => {
        overview.reload();
        setGeneration((g) => g + 1);
      }}
    />
  );
}
