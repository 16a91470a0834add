// The planwijzer (Bijlage 14): the intern begeleider's checklist for a groepsplan, + or − per item with a comment,
// and the agreements (afspraken). Saved with its own version.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLISTS } from '../../domain/group-cycle/checklists';
import type { ChecklistRating } from '../../domain/group-cycle/model';
import { Alert, FormError, Loading, Section, SubmitButton } from '../shared/components';
import { formatDateTime } from '../shared/format';
import { useApi } from '../shared/hooks';
import type { ApiError } from '../shared/api';
import { isoTimestamp, Prose, TextAreaField } from './PlanFields';
import { asApiError, planApi, planPaths, type ChecklistAnswers, type ChecklistState } from './planApi';

const TEMPLATE = CHECKLISTS.planwijzer;
const RATINGS: { value: ChecklistRating; key: 'plus' | 'minus' | 'open' }[] = [
  { value: '+', key: 'plus' },
  { value: '-', key: 'minus' },
  { value: null, key: 'open' },
];

function normalise(answers: ChecklistAnswers | null | undefined): ChecklistAnswers {
  const items: ChecklistAnswers['items'] = {};
  for (const section of TEMPLATE.sections) {
    for (const item of section.items) {
      const a = answers?.items?.[item.id];
      items[item.id] = { rating: a?.rating ?? null, comment: a?.comment ?? '' };
    }
  }
  return { items, agreements: answers?.agreements ?? '' };
}

function ChecklistForm({
  planId,
  state,
  editable,
  onSaved,
  onDirty,
  onReload,
}: {
  planId: number;
  state: ChecklistState;
  editable: boolean;
  onSaved: (s: ChecklistState) => void;
  onDirty: (dirty: boolean) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const saved = normalise(state.answers);
  const [answers, setAnswers] = useState<ChecklistAnswers>(saved);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const dirty = JSON.stringify(answers) !== JSON.stringify(saved);

  useEffect(() => {
    onDirty(editable && dirty);
  }, [editable, dirty, onDirty]);

  const all = TEMPLATE.sections.flatMap((s) => s.items);
  const answered = all.filter((i) => answers.items[i.id]?.rating !== null).length;
  const minus = all.filter((i) => answers.items[i.id]?.rating === '-').length;

  function setItem(id: string, patch: Partial<ChecklistAnswers['items'][string]>) {
    setAnswers({ ...answers, items: { ...answers.items, [id]: { ...answers.items[id], ...patch } } });
    setDone(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      const next = await planApi.saveChecklist(planId, { version: state.version, answers });
      setAnswers(normalise(next.answers));
      setDone(true);
      onSaved(next);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const ratingText = (r: ChecklistRating) => t(`groupPlan.checklist.ratings.${r === '+' ? 'plus' : r === '-' ? 'minus' : 'open'}`);

  const sections = TEMPLATE.sections.map((section) => (
    <section key={section.id} className="plan-check-section" aria-labelledby={`check-${section.id}`}>
      <h3 id={`check-${section.id}`}>{section.title}</h3>
      {section.items.map((item) => {
        const a = answers.items[item.id];
        return editable ? (
          <fieldset key={item.id} className="plan-check-item">
            <legend>{item.text}</legend>
            <div className="plan-check-controls">
              <div className="check-row">
                {RATINGS.map((r) => (
                  <label key={r.key} className="check-chip">
                    <input type="radio" name={`check-${item.id}`} checked={a.rating === r.value} onChange={() => setItem(item.id, { rating: r.value })} />
                    {t(`groupPlan.checklist.ratings.${r.key}`)}
                  </label>
                ))}
              </div>
              <div className="field plan-check-comment">
                <label htmlFor={`check-${item.id}-comment`}>{t('groupPlan.checklist.comment')}</label>
                <input id={`check-${item.id}-comment`} type="text" value={a.comment} maxLength={2000} onChange={(e) => setItem(item.id, { comment: e.target.value })} />
              </div>
            </div>
          </fieldset>
        ) : (
          <div key={item.id} className="plan-check-item plan-check-read">
            <p className="plan-check-question">{item.text}</p>
            <p>
              <span className={`badge plan-rating-${a.rating === '-' ? 'minus' : a.rating === '+' ? 'plus' : 'open'}`}>{ratingText(a.rating)}</span>
              {a.comment ? <span className="plan-check-text"> {a.comment}</span> : null}
            </p>
          </div>
        );
      })}
    </section>
  ));

  const summary = (
    <p className="muted">
      {t('groupPlan.checklist.progress', { answered, total: all.length, minus })}
      {state.updatedAt ? ` ${t('groupPlan.checklist.lastSaved', { date: formatDateTime(isoTimestamp(state.updatedAt)), name: state.updatedBy ?? '' })}` : ''}
    </p>
  );

  if (!editable) {
    return (
      <>
        {summary}
        {sections}
        <h3>{t('groupPlan.checklist.agreements')}</h3>
        <p>
          <Prose text={answers.agreements} />
        </p>
      </>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('groupPlan.checklist.formLabel')}>
      {summary}
      {sections}
      <h3>{t('groupPlan.checklist.agreements')}</h3>
      <TextAreaField label={t('groupPlan.checklist.agreementsLabel')} value={answers.agreements} onChange={(v) => { setAnswers({ ...answers, agreements: v }); setDone(false); }} id="check-agreements" rows={4} maxLength={4000} />
      {error?.status === 409 ? (
        <Alert kind="error">
          <p>{t('groupPlan.checklist.conflict')}</p>
          <button type="button" className="button secondary" onClick={onReload}>
            {t('groupPlan.checklist.reload')}
          </button>
        </Alert>
      ) : (
        <FormError error={error} />
      )}
      {done && !dirty ? (
        <Alert kind="success">
          <p>{t('groupPlan.checklist.saved')}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('groupPlan.checklist.save')}</SubmitButton>
      </div>
    </form>
  );
}

export function PlanChecklist({ planId, editable, onDirty }: { planId: number; editable: boolean; onDirty: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const checklist = useApi<ChecklistState>(planPaths.checklist(planId));
  const [epoch, setEpoch] = useState(0);
  const { setData } = checklist;
  // After a conflict: the saved answers replace the form (the user's changes are dropped on purpose).
  const reload = useCallback(() => {
    planApi
      .checklist(planId)
      .then((fresh) => {
        setData(fresh);
        setEpoch((n) => n + 1);
      })
      .catch(() => window.location.reload());
  }, [planId, setData]);
  return (
    <Section title={t('groupPlan.checklist.title')} id="plan-checklist-title">
      <p className="muted">{t('groupPlan.checklist.intro')}</p>
      <p className="hint">{TEMPLATE.source}</p>
      {checklist.error ? (
        checklist.error.status === 403 ? (
          <p className="empty">{t('groupPlan.checklist.noAccess')}</p>
        ) : (
          <FormError error={checklist.error} />
        )
      ) : checklist.data ? (
        <ChecklistForm key={epoch} planId={planId} state={checklist.data} editable={editable} onSaved={checklist.setData} onDirty={onDirty} onReload={reload} />
      ) : (
        <Loading />
      )}
    </Section>
  );
}
