// The IB's checklists (Clijsen et al. 2011): kijkwijzer (Bijlage 5) and begrijpwijzer (Bijlage 7a) of a groepsoverzicht,
// planwijzer (Bijlage 14) of a groepsplan. Per item + or − with a comment, plus the agreements (afspraken); saved with
// its own version (409 when someone else saved first). Read-only (text, no inputs) when not editable.
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLISTS, checklistProgress } from '../../domain/group-cycle/checklists';
import type { ChecklistAnswers, ChecklistRating, ChecklistTemplateId } from '../../domain/group-cycle/model';
import { ApiError, request, api } from '../shared/api';
import { Alert, FormError, Loading, Section, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDateTime } from '../shared/format';
import { useApi } from '../shared/hooks';
import { isoTimestamp, Prose } from './PlanFields';
import './group-cycle.css';

/** What GET and PUT of a checklist answer. */
export interface ChecklistState {
  template: string;
  version: number;
  answers: ChecklistAnswers;
  updatedAt: string | null;
  updatedBy: string | null;
}

const RATINGS: { value: ChecklistRating; key: 'plus' | 'minus' | 'open' }[] = [
  { value: '+', key: 'plus' },
  { value: '-', key: 'minus' },
  { value: null, key: 'open' },
];
const ratingKey = (r: ChecklistRating) => (r === '+' ? 'plus' : r === '-' ? 'minus' : 'open');

/** Every item of the template present (unanswered: rating null, empty comment); answers for unknown items dropped. */
function normalise(template: ChecklistTemplateId, answers: ChecklistAnswers | null | undefined): ChecklistAnswers {
  const items: ChecklistAnswers['items'] = {};
  for (const section of CHECKLISTS[template].sections) {
    for (const item of section.items) {
      const a = answers?.items?.[item.id];
      items[item.id] = { rating: a?.rating ?? null, comment: a?.comment ?? '' };
    }
  }
  return { items, agreements: answers?.agreements ?? '' };
}

function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false);
}

function ChecklistForm({
  path,
  template,
  state,
  editable,
  onSaved,
  onDirty,
  onReload,
}: {
  path: string;
  template: ChecklistTemplateId;
  state: ChecklistState;
  editable: boolean;
  onSaved: (s: ChecklistState) => void;
  onDirty: (dirty: boolean) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const def = CHECKLISTS[template];
  // The overview's checklists number their items as the handbook does (1a, 1b …); the planwijzer's ids are internal.
  const kind = def.appliesTo;
  const showIds = kind === 'overview';
  const saved = normalise(template, state.answers);
  const [answers, setAnswers] = useState<ChecklistAnswers>(saved);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const dirty = JSON.stringify(answers) !== JSON.stringify(saved);

  useEffect(() => {
    onDirty(editable && dirty);
  }, [editable, dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  const { answered, total, minus } = checklistProgress(template, answers);

  function setItem(id: string, patch: Partial<ChecklistAnswers['items'][string]>) {
    setAnswers((cur) => ({ ...cur, items: { ...cur.items, [id]: { ...cur.items[id], ...patch } } }));
    setDone(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      // Only the answered or commented items are sent: an untouched item stays unanswered.
      const items = Object.fromEntries(Object.entries(answers.items).filter(([, v]) => v.rating !== null || v.comment.trim() !== ''));
      const next = await request<ChecklistState>('PUT', path, { version: state.version, answers: { items, agreements: answers.agreements } });
      setAnswers(normalise(template, next.answers));
      setDone(true);
      onSaved(next);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const sections = def.sections.map((section) => (
    <section key={section.id} className="checklist-section" aria-labelledby={`${uid}-${section.id}`}>
      <h3 id={`${uid}-${section.id}`}>{section.title}</h3>
      {section.items.map((item) => {
        const a = answers.items[item.id];
        const question = showIds ? (
          <>
            <span className="checklist-item-id">{item.id}</span> {item.text}
          </>
        ) : (
          item.text
        );
        return editable ? (
          <fieldset key={item.id} className="checklist-item">
            <legend>{question}</legend>
            <div className="checklist-controls">
              <div className="check-row">
                {RATINGS.map((r) => (
                  <label key={r.key} className="check-chip">
                    <input type="radio" name={`${uid}-${item.id}`} checked={a.rating === r.value} onChange={() => setItem(item.id, { rating: r.value })} />
                    {t(`groupCycle.checklist.ratings.${r.key}`)}
                  </label>
                ))}
              </div>
              <TextField
                label={showIds ? t('groupCycle.checklist.commentOn', { item: item.id }) : t('groupCycle.checklist.comment')}
                value={a.comment}
                onChange={(v) => setItem(item.id, { comment: v })}
                autoComplete="off"
                maxLength={2000}
                fieldClassName="checklist-comment"
              />
            </div>
          </fieldset>
        ) : (
          <div key={item.id} className="checklist-item checklist-read">
            <p className="checklist-question">{question}</p>
            <p>
              <span className={`badge checklist-rating-${ratingKey(a.rating)}`}>{t(`groupCycle.checklist.ratings.${ratingKey(a.rating)}`)}</span>
              {a.comment ? <span className="checklist-text"> {a.comment}</span> : null}
            </p>
          </div>
        );
      })}
    </section>
  ));

  const summary = (
    <p className="muted">
      {t('groupCycle.checklist.progress', { answered, total, minus })}
      {state.updatedAt ? ` ${t('groupCycle.checklist.lastSaved', { date: formatDateTime(isoTimestamp(state.updatedAt)), name: state.updatedBy ?? '' })}` : ''}
    </p>
  );
  const source = <p className="gc-source">{t('groupCycle.checklist.source', { source: def.source })}</p>;

  if (!editable) {
    return (
      <>
        {summary}
        {sections}
        <h3>{t('groupCycle.checklist.agreementsTitle')}</h3>
        <p>
          <Prose text={answers.agreements} />
        </p>
        {source}
      </>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t(`groupCycle.checklist.${kind}.formLabel`, { title: def.title })}>
      {summary}
      {sections}
      <h3>{t('groupCycle.checklist.agreementsTitle')}</h3>
      <TextAreaField
        label={t('groupCycle.checklist.agreements')}
        value={answers.agreements}
        onChange={(v) => {
          setAnswers((cur) => ({ ...cur, agreements: v }));
          setDone(false);
        }}
        rows={4}
        maxLength={4000}
      />
      {source}
      {error?.status === 409 ? (
        <Alert kind="error">
          <p>{t(`groupCycle.checklist.${kind}.conflict`)}</p>
          <button type="button" className="button secondary" onClick={onReload}>
            {t(`groupCycle.checklist.${kind}.reload`)}
          </button>
        </Alert>
      ) : (
        <FormError error={error} />
      )}
      {done && !dirty ? (
        <Alert kind="success">
          <p>{t(`groupCycle.checklist.${kind}.saved`)}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t(`groupCycle.checklist.${kind}.save`)}</SubmitButton>
        {/* The plan page has its own "all saved" status for the whole page. */}
        {kind === 'overview' ? (
          <span className="muted" role="status">
            {dirty ? t('groupCycle.unsaved') : t('groupCycle.noChanges')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/**
 * One checklist: loads `path` (GET), saves it (PUT with the version). `onDirty` reports unsaved changes (for the
 * warning when leaving the page); after a conflict the saved answers replace the form (the user's changes are dropped).
 */
export function ChecklistPanel({
  path,
  template,
  editable,
  onDirty,
  title,
  intro,
  headingId,
}: {
  path: string;
  template: ChecklistTemplateId;
  editable: boolean;
  onDirty: (dirty: boolean) => void;
  /** The section heading; the template's title when absent. */
  title?: string;
  intro?: ReactNode;
  headingId?: string;
}) {
  const { t } = useTranslation();
  const checklist = useApi<ChecklistState>(path);
  const [epoch, setEpoch] = useState(0);
  const { setData } = checklist;
  const reload = useCallback(() => {
    api.get<ChecklistState>(path)
      .then((fresh) => {
        setData(fresh);
        setEpoch((n) => n + 1);
      })
      .catch(() => window.location.reload());
  }, [path, setData]);
  return (
    <Section title={title ?? CHECKLISTS[template].title} id={headingId}>
      {intro}
      {checklist.error ? (
        checklist.error.status === 403 ? (
          <p className="empty">{t('groupCycle.checklist.noAccess')}</p>
        ) : (
          <FormError error={checklist.error} />
        )
      ) : checklist.data ? (
        <ChecklistForm key={epoch} path={path} template={template} state={checklist.data} editable={editable} onSaved={setData} onDirty={onDirty} onReload={reload} />
      ) : (
        <Loading />
      )}
    </Section>
  );
}
