// What can be done with a plan beside editing its text: publish the current text for the parents (a numbered,
// unchangeable version), finish the evaluation of a handelingsplan, extend it (within the school's limit), make a
// follow-up plan, close or withdraw it, reopen an evaluated plan, and delete a draft that was never published.
// Every step that cannot be undone asks for a confirmation on the page itself.
import { useState, type FormEvent, type ReactElement } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addWeeks } from '../../domain/support/terms';
import { Alert, FormError, Section, SubmitButton, TextField } from '../shared/components';
import { formatDate, todayIso } from '../shared/format';
import { useSubmit } from '../shared/hooks';
import type { ApiError } from '../shared/api';
import { deletePlan, extendPlan, followUpPlan, publishPlan, setPlanStatus, versionPdfUrl, type PlanView } from './api';

type Pending = 'publish' | 'followUp' | 'close' | 'remove' | null;

/** The messages of a 422 answer's `problems` (evaluation_incomplete): findings or plain strings. */
export function problemMessages(error: ApiError | null): string[] {
  const problems = error?.body.problems;
  if (!Array.isArray(problems)) return [];
  return problems
    .map((p: unknown) => (typeof p === 'string' ? p : p && typeof p === 'object' && typeof (p as { message?: unknown }).message === 'string' ? (p as { message: string }).message : ''))
    .filter((m) => m !== '');
}

function Confirm({ text, confirmLabel, busy, onConfirm, onCancel, danger }: { text: string[]; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="sp-confirm" role="group" aria-label={confirmLabel}>
      {text.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <div className="form-actions">
        <button type="button" className={`button${danger ? ' danger' : ''}`} onClick={onConfirm} disabled={busy} aria-busy={busy || undefined} autoFocus>
          {busy ? t('common.busy') : confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('support.plan.actions.cancel')}
        </button>
      </div>
    </div>
  );
}

function ExtendForm({ pupilId, plan, disabled, onChanged }: { pupilId: number; plan: PlanView; disabled: boolean; onChanged: (p: PlanView, message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const endsOn = plan.doc.endsOn;
  const [date, setDate] = useState(endsOn ? addWeeks(endsOn, 4) : todayIso());
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await run(() => extendPlan(pupilId, plan.id, plan.version, date));
    if (next) {
      setOpen(false);
      onChanged(next, t('support.plan.actions.extended', { date: formatDate(next.doc.endsOn ?? date) }));
    }
  }

  if (!open) {
    return (
      <button type="button" className="button secondary" onClick={() => setOpen(true)} disabled={disabled}>
        {t('support.plan.actions.extend')}
      </button>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="sp-confirm" aria-labelledby="sp-extend-title">
      <h3 id="sp-extend-title">{t('support.plan.actions.extendTitle')}</h3>
      <p>{plan.extensions > 0 ? t('support.plan.actions.extensionsSoFar', { count: plan.extensions }) : t('support.plan.actions.notExtendedYet')}</p>
      <FormError error={error} />
      <TextField label={t('support.plan.actions.newEndsOn')} type="date" value={date} onChange={setDate} required id="sp-extend-date" error={error?.fields.endsOn} />
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.plan.actions.extend')}</SubmitButton>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('support.plan.actions.cancel')}
        </button>
      </div>
    </form>
  );
}

export function PlanActionsPanel({
  pupilId,
  plan,
  unsaved,
  onChanged,
}: {
  pupilId: number;
  plan: PlanView;
  /** The editor has unsaved changes: publishing or changing the status would not include them. */
  unsaved: boolean;
  onChanged: (plan: PlanView) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const latest = plan.versions[0]?.number ?? 0;
  const isHp = plan.kind === 'actionPlan';
  const canPublish = plan.status !== 'closed' && (latest === 0 || plan.unpublishedChanges);
  const disabled = unsaved || busy;

  const done = (next: PlanView, text: string) => {
    // A later success replaces an earlier refusal (e.g. an unfinished evaluation, then an extension).
    setError(null);
    setPending(null);
    setMessage(text);
    onChanged(next);
  };

  async function publish() {
    const next = await run(() => publishPlan(pupilId, plan.id, plan.version));
    if (next) done(next, t('support.plan.actions.published', { n: next.versions[0]?.number ?? latest + 1 }));
  }
  async function status(to: 'evaluated' | 'closed' | 'active', text: string) {
    setMessage(null);
    const next = await run(() => setPlanStatus(pupilId, plan.id, plan.version, to));
    if (next) done(next, text);
  }
  async function followUp() {
    const res = await run(() => followUpPlan(pupilId, plan.id, plan.version));
    if (res) navigate(`/leerlingen/${pupilId}/plannen/${res.planId}`);
  }
  async function remove() {
    const res = await run(async () => {
      await deletePlan(pupilId, plan.id);
      return true;
    });
    if (res) navigate(`/leerlingen/${pupilId}/ondersteuning`);
  }

  const ask = (p: Pending) => {
    setError(null);
    setMessage(null);
    setPending(p);
  };

  const publishText = [
    t('support.plan.actions.publishIntro', { n: latest + 1 }),
    plan.requirement === 'consent' ? t('support.plan.actions.publishConsent') : plan.requirement === 'agreement' ? t('support.plan.actions.publishAgreement') : t('support.plan.actions.publishNone'),
  ];
  const problems = problemMessages(error);
  const buttons: ReactElement[] = [];
  if (canPublish)
    buttons.push(
      <button key="publish" type="button" className="button" onClick={() => ask('publish')} disabled={disabled}>
        {t('support.plan.actions.publish')}
      </button>,
    );
  if (isHp && plan.status === 'active')
    buttons.push(
      <button key="evaluate" type="button" className="button secondary" onClick={() => void status('evaluated', t('support.plan.actions.evaluated'))} disabled={disabled}>
        {t('support.plan.actions.finishEvaluation')}
      </button>,
    );
  if (isHp && (plan.status === 'active' || plan.status === 'evaluated')) {
    buttons.push(<ExtendForm key={`extend-${plan.version}`} pupilId={pupilId} plan={plan} disabled={disabled} onChanged={done} />);
    buttons.push(
      <button key="followUp" type="button" className="button secondary" onClick={() => ask('followUp')} disabled={disabled}>
        {t('support.plan.actions.followUp')}
      </button>,
    );
  }
  if (plan.status === 'evaluated')
    buttons.push(
      <button key="reopen" type="button" className="button secondary" onClick={() => void status('active', t('support.plan.actions.reopened'))} disabled={disabled}>
        {t('support.plan.actions.reopen')}
      </button>,
    );
  if (plan.status !== 'closed')
    buttons.push(
      <button key="close" type="button" className="button secondary" onClick={() => ask('close')} disabled={disabled}>
        {plan.status === 'draft' ? t('support.plan.actions.closeDraft') : t('support.plan.actions.close')}
      </button>,
    );
  if (plan.status === 'draft' && latest === 0)
    buttons.push(
      <button key="remove" type="button" className="button danger" onClick={() => ask('remove')} disabled={disabled}>
        {t('support.plan.actions.remove')}
      </button>,
    );

  return (
    <Section title={t('support.plan.actions.title')} id="sp-actions-title">
      {latest > 0 ? (
        <p>
          {plan.unpublishedChanges ? t('support.plan.actions.hasChanges', { n: latest }) : t('support.plan.actions.upToDate', { n: latest })}{' '}
          <a href={versionPdfUrl(pupilId, plan.id, latest)} download>
            {t('support.plan.actions.pdfLatest', { n: latest })}
          </a>
        </p>
      ) : null}
      {unsaved ? (
        <Alert kind="warning">
          <p>{t('support.plan.actions.unsavedFirst')}</p>
        </Alert>
      ) : null}
      {message ? (
        <Alert kind="success">
          <p>{message}</p>
        </Alert>
      ) : null}
      {error ? (
        problems.length > 0 ? (
          <Alert kind="error" title={error.code === 'evaluation_incomplete' ? t('support.plan.actions.evaluationProblems') : undefined}>
            {error.message && error.code !== 'evaluation_incomplete' ? <p>{error.message}</p> : null}
            <ul className="problem-list">
              {problems.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          <FormError error={error} />
        )
      ) : null}
      {pending === 'publish' ? (
        <Confirm text={publishText} confirmLabel={t('support.plan.actions.publishConfirm')} busy={busy} onConfirm={() => void publish()} onCancel={() => setPending(null)} />
      ) : pending === 'followUp' ? (
        <Confirm text={[t('support.plan.actions.followUpIntro')]} confirmLabel={t('support.plan.actions.followUpConfirm')} busy={busy} onConfirm={() => void followUp()} onCancel={() => setPending(null)} />
      ) : pending === 'close' ? (
        <Confirm
          text={[t('support.plan.actions.closeIntro')]}
          confirmLabel={t('support.plan.actions.closeConfirm')}
          busy={busy}
          onConfirm={() => void status('closed', t('support.plan.actions.closed'))}
          onCancel={() => setPending(null)}
        />
      ) : pending === 'remove' ? (
        <Confirm text={[t('support.plan.actions.removeIntro')]} confirmLabel={t('support.plan.actions.removeConfirm')} busy={busy} onConfirm={() => void remove()} onCancel={() => setPending(null)} danger />
      ) : buttons.length > 0 ? (
        <div className="sp-action-buttons">{buttons}</div>
      ) : (
        <p className="muted">{t('support.plan.actions.noActions')}</p>
      )}
      {isHp && plan.status === 'active' && !pending ? <p className="hint">{t('support.plan.actions.finishEvaluationHint')}</p> : null}
    </Section>
  );
}
