// The steps of a groepsplan's life: vaststellen (concept → vastgesteld), evaluatie afronden (vastgesteld →
// geëvalueerd) and doorzetten naar de volgende periode (a new groepsoverzicht and plan from this one).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, FormError, Section } from '../shared/components';
import type { ApiError } from '../shared/api';
import { ProblemList } from './PlanFields';
import { asApiError, planApi, requirementProblemsOf, type PlanDetail, type PlanStatus } from './planApi';

function useStatusChange(plan: PlanDetail, onChanged: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function change(status: PlanStatus) {
    setBusy(true);
    setError(null);
    try {
      await planApi.setStatus(plan.id, plan.version, status);
      onChanged();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, change };
}

function StatusError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  const problems = requirementProblemsOf(error);
  if (!error) return null;
  if (problems.length > 0) {
    return (
      <Alert kind="error" title={error.message || t('groupPlan.status.requirementsTitle')}>
        <ProblemList problems={problems} />
      </Alert>
    );
  }
  return <FormError error={error} />;
}

/** Draft → active: the plan is set (vastgesteld); the school's required fields are checked by the server. */
export function PlanSetActive({ plan, unsaved, onChanged }: { plan: PlanDetail; unsaved: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { busy, error, change } = useStatusChange(plan, onChanged);
  return (
    <Section title={t('groupPlan.status.setTitle')} id="plan-set-title">
      <p>{t('groupPlan.status.setIntro')}</p>
      {plan.requirementProblems.length > 0 && !error ? (
        <Alert kind="warning" title={t('groupPlan.status.openRequirements', { count: plan.requirementProblems.length })}>
          <ProblemList problems={plan.requirementProblems} />
        </Alert>
      ) : null}
      <StatusError error={error} />
      {unsaved ? <p className="plan-dirty">{t('groupPlan.status.saveFirst')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || unsaved} aria-busy={busy || undefined} onClick={() => void change('active')}>
          {busy ? t('common.busy') : t('groupPlan.status.setButton')}
        </button>
      </div>
    </Section>
  );
}

/** Active → evaluated: every goal must have a result (checked by the server). */
export function PlanFinishEvaluation({ plan, unsaved, onChanged }: { plan: PlanDetail; unsaved: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { busy, error, change } = useStatusChange(plan, onChanged);
  return (
    <Section title={t('groupPlan.status.finishTitle')} id="plan-finish-title">
      <p>{t('groupPlan.status.finishIntro')}</p>
      <StatusError error={error} />
      {unsaved ? <p className="plan-dirty">{t('groupPlan.status.saveFirst')}</p> : null}
      <button type="button" className="button" disabled={busy || unsaved} aria-busy={busy || undefined} onClick={() => void change('evaluated')}>
        {busy ? t('common.busy') : t('groupPlan.status.finishButton')}
      </button>
    </Section>
  );
}

/** Evaluated: carry the plan forward to the next period of the same group (or go to it when it exists). */
export function PlanRollForward({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const next = plan.next;

  async function roll() {
    setBusy(true);
    setError(null);
    try {
      const res = await planApi.rollForward(plan.id);
      navigate(`/groepsoverzichten/${res.overviewId}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  }

  return (
    <Section title={t('groupPlan.rollForward.title')} id="plan-roll-title">
      {!next ? (
        <p>{t('groupPlan.rollForward.noNext')}</p>
      ) : next.overviewId !== null ? (
        <p>
          {t('groupPlan.rollForward.exists', { period: next.periodName })}{' '}
          <Link to={`/groepsoverzichten/${next.overviewId}`}>{t('groupPlan.rollForward.openNext', { period: next.periodName })}</Link>
        </p>
      ) : plan.canEdit ? (
        <>
          <p>{t('groupPlan.rollForward.intro', { period: next.periodName })}</p>
          <FormError error={error} />
          <button type="button" className="button" disabled={busy} aria-busy={busy || undefined} onClick={() => void roll()}>
            {busy ? t('common.busy') : t('groupPlan.rollForward.button', { period: next.periodName })}
          </button>
        </>
      ) : (
        <p>{t('groupPlan.rollForward.notYet', { period: next.periodName })}</p>
      )}
    </Section>
  );
}
